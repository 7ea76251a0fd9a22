//! Talking to the LRS: POST a batch of statements, GET pages of statements.
//! Every answer is sorted into what the outbox does with it: stored (200,
//! 204, and 409 for ids the LRS has already), refused for good (other 4xx),
//! refused for the credentials (401, 403: the worker stops and says so), or
//! to retry (5xx, 408, 429, timeouts, refused connections).

use std::time::Duration;

use base64::Engine as _;
use serde_json::Value;
use ureq::Agent;

use crate::config::LrsConfig;

/// What the LRS said to a POST.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// 200 or 204: stored.
    Stored,
    /// 409: one of the ids is stored already (with this very content, as ids
    /// derive from the session). Sent alone, the statement is stored.
    Conflict,
    /// Another 4xx: the LRS will never take this batch as it is.
    Refused { status: u16, message: String },
    /// 401 or 403: the key or secret is wrong; nothing will go until fixed.
    Unauthorized { status: u16, message: String },
    /// 5xx, 408, 429, a timeout or no connection: try again later.
    Retry { reason: String },
}

pub struct Lrs {
    agent: Agent,
    url: String,
    auth: String,
}

impl Lrs {
    pub fn new(config: &LrsConfig) -> Lrs {
        let agent: Agent = Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(config.timeout))
            .timeout_connect(Some(config.timeout.min(Duration::from_secs(10))))
            .build()
            .into();
        let auth = base64::engine::general_purpose::STANDARD
            .encode(format!("{}:{}", config.key, config.secret));
        Lrs {
            agent,
            url: config.statements_url(),
            auth: format!("Basic {auth}"),
        }
    }

    /// POSTs the statements (each one JSON object) as one array.
    pub fn post(&self, statements: &[&str]) -> Answer {
        let body = format!("[{}]", statements.join(","));
        let sent = self
            .agent
            .post(&self.url)
            .header("Authorization", &self.auth)
            .header("X-Experience-API-Version", "1.0.3")
            .header("Content-Type", "application/json")
            .send(body);
        let mut response = match sent {
            Ok(r) => r,
            Err(e) => {
                return Answer::Retry {
                    reason: e.to_string(),
                };
            }
        };
        let status = response.status().as_u16();
        let mut message = || {
            let text = response
                .body_mut()
                .with_config()
                .limit(4096)
                .read_to_string()
                .unwrap_or_default();
            short(&text)
        };
        match status {
            200..=299 => Answer::Stored,
            409 => Answer::Conflict,
            401 | 403 => Answer::Unauthorized {
                status,
                message: message(),
            },
            408 | 429 => Answer::Retry {
                reason: format!("HTTP {status}"),
            },
            400..=499 => Answer::Refused {
                status,
                message: message(),
            },
            _ => Answer::Retry {
                reason: format!("HTTP {status} {}", message()),
            },
        }
    }

    /// One page of statements: the first (`more` = None, with `query` such as
    /// `limit=500`) or the one a `more` link names. Returns the statements and
    /// the next `more` link, if any.
    pub fn page(
        &self,
        query: &str,
        more: Option<&str>,
    ) -> Result<(Vec<Value>, Option<String>), String> {
        let url = match more {
            Some(m) if m.starts_with("http") => m.to_string(),
            Some(m) => format!("{}{}", origin(&self.url), m),
            None if query.is_empty() => self.url.clone(),
            None => format!("{}?{query}", self.url),
        };
        let mut response = self
            .agent
            .get(&url)
            .header("Authorization", &self.auth)
            .header("X-Experience-API-Version", "1.0.3")
            .call()
            .map_err(|e| e.to_string())?;
        let status = response.status().as_u16();
        let text = response
            .body_mut()
            .with_config()
            .limit(256 * 1024 * 1024)
            .read_to_string()
            .map_err(|e| e.to_string())?;
        if status != 200 {
            return Err(format!("HTTP {status} {}", short(&text)));
        }
        let v: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
        let statements = match v.get("statements") {
            Some(Value::Array(a)) => a.clone(),
            _ => Vec::new(),
        };
        let more = v
            .get("more")
            .and_then(Value::as_str)
            .filter(|m| !m.is_empty())
            .map(str::to_string);
        Ok((statements, more))
    }
}

/// `scheme://host:port` of a URL (a relative `more` link is resolved on it).
fn origin(url: &str) -> &str {
    let after = url.find("://").map(|i| i + 3).unwrap_or(0);
    match url[after..].find('/') {
        Some(i) => &url[..after + i],
        None => url,
    }
}

fn short(text: &str) -> String {
    let t: String = text.chars().take(300).collect();
    t.trim().to_string()
}
