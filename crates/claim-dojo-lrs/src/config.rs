//! Where the statements go: the LRS's endpoint, key and secret, from the
//! environment (or from the app's settings, which fill the same struct).
//! Off by default: with no endpoint nothing is queued or sent.

use std::time::Duration;

use crate::statement::Profile;

/// `CLAIM_DOJO_LRS_ENDPOINT`: the xAPI endpoint, e.g. `http://127.0.0.1:8100/xAPI/`
/// (statements are posted to `{endpoint}/statements`).
pub const ENDPOINT_ENV: &str = "CLAIM_DOJO_LRS_ENDPOINT";
/// `CLAIM_DOJO_LRS_KEY` and `CLAIM_DOJO_LRS_SECRET`: HTTP Basic credentials.
pub const KEY_ENV: &str = "CLAIM_DOJO_LRS_KEY";
pub const SECRET_ENV: &str = "CLAIM_DOJO_LRS_SECRET";
/// `CLAIM_DOJO_LRS_HOME_PAGE`: the actor accounts' home page.
pub const HOME_PAGE_ENV: &str = "CLAIM_DOJO_LRS_HOME_PAGE";

#[derive(Debug, Clone, PartialEq)]
pub struct LrsConfig {
    pub endpoint: String,
    pub key: String,
    pub secret: String,
    pub profile: Profile,
    /// Statements per POST.
    pub batch: usize,
    /// The first wait after a failure; doubled after each failure in a row.
    pub backoff_first: Duration,
    pub backoff_max: Duration,
    /// How long one request may take, connection included.
    pub timeout: Duration,
    /// How often an idle worker looks at the outbox without being nudged.
    pub idle_poll: Duration,
}

impl LrsConfig {
    pub fn new(endpoint: &str, key: &str, secret: &str) -> LrsConfig {
        LrsConfig {
            endpoint: endpoint.trim().to_string(),
            key: key.to_string(),
            secret: secret.to_string(),
            profile: Profile::default(),
            batch: 100,
            backoff_first: Duration::from_secs(1),
            backoff_max: Duration::from_secs(300),
            timeout: Duration::from_secs(30),
            idle_poll: Duration::from_secs(30),
        }
    }

    /// From the environment; `None` (sending off) without an endpoint.
    pub fn from_env() -> Option<LrsConfig> {
        let var = |name| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let endpoint = var(ENDPOINT_ENV)?;
        let mut config = LrsConfig::new(
            &endpoint,
            &var(KEY_ENV).unwrap_or_default(),
            &var(SECRET_ENV).unwrap_or_default(),
        );
        if let Some(home) = var(HOME_PAGE_ENV) {
            config.profile.home_page = home;
        }
        Some(config)
    }

    /// `{endpoint}/statements`.
    pub fn statements_url(&self) -> String {
        format!("{}/statements", self.endpoint.trim_end_matches('/'))
    }
}
