//! A finished session as xAPI 1.0.3 statements (the profile is docs/xapi.md):
//! `attempted` at the start, `completed` at the end, then `passed` or
//! `failed`. Ids are UUID v5 from the session's uid and the verb, so the same
//! session sent twice (by the outbox after a restart, or by an export imported
//! by hand) is stored once by the LRS.

use std::collections::HashMap;

use jiff::Timestamp;
use serde::Deserialize;
use serde_json::{Value, json};
use uuid::Uuid;

/// The namespace of every id this profile makes (UUID v5 of the profile's IRI).
pub fn namespace() -> Uuid {
    v5(&Uuid::NAMESPACE_URL, PROFILE.as_bytes())
}

/// A name-based UUID, version 5 (RFC 9562 §5.5): SHA-1 of the namespace and
/// the name, its first 16 bytes with the version and variant set.
pub fn v5(namespace: &Uuid, name: &[u8]) -> Uuid {
    let mut sha = sha1_smol::Sha1::new();
    sha.update(namespace.as_bytes());
    sha.update(name);
    let digest = sha.digest().bytes();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Builder::from_sha1_bytes(bytes).into_uuid()
}

/// The profile's IRI; extensions and the activity type hang under it.
pub const PROFILE: &str = "https://claim-dojo.github.io/xapi";

pub const EXT_OUTCOME: &str = "https://claim-dojo.github.io/xapi/extensions/outcome";
pub const EXT_RULES: &str = "https://claim-dojo.github.io/xapi/extensions/rules";
pub const EXT_STEPS: &str = "https://claim-dojo.github.io/xapi/extensions/steps";
pub const EXT_ANGER: &str = "https://claim-dojo.github.io/xapi/extensions/anger-curve";
pub const EXT_SEED: &str = "https://claim-dojo.github.io/xapi/extensions/seed";
pub const EXT_DEESCALATION: &str = "https://claim-dojo.github.io/xapi/extensions/deescalation";

/// What every statement shares, from settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// The actor's account home page: the center's own sign-in page, say.
    pub home_page: String,
    /// Scenario activity ids are `{activity_base}/scenarios/{id}`.
    pub activity_base: String,
    /// The score (as a share of the maximum) a session needs, besides the
    /// 3-minute check and an outcome other than a hang-up or a second
    /// complaint, to be `passed`.
    pub pass_scaled: f64,
    /// Scenario titles (ja, en) by id; a scenario not here is named by its id.
    pub titles: HashMap<String, (String, String)>,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            home_page: "https://claim-dojo.github.io/trainees".into(),
            activity_base: "https://claim-dojo.github.io".into(),
            pass_scaled: 0.6,
            titles: HashMap::new(),
        }
    }
}

/// The (ja, en) titles of the scenarios in `dir` that load, by id (the
/// activity names); files that do not load are left out.
pub fn titles_in(dir: &std::path::Path) -> HashMap<String, (String, String)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return HashMap::new();
    };
    entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .filter_map(|p| claim_dojo_core::load_file(&p).scenario)
        .map(|s| (s.id.clone(), (s.title.ja.clone(), s.title.en.clone())))
        .collect()
}

/// One stored session, as the statements need it.
#[derive(Debug, Clone)]
pub struct SessionFacts<'a> {
    /// The store's uid (client-made, stable): what the ids derive from.
    pub uid: &'a str,
    pub trainee: &'a str,
    pub started_at: Timestamp,
    pub ended_at: Timestamp,
    /// The session report's JSON.
    pub report_json: &'a str,
}

/// What the statements read of a report; lenient like the store's digest.
#[derive(Debug, Clone, Deserialize)]
struct ReportView {
    scenario: String,
    #[serde(default)]
    seed: u64,
    outcome: String,
    ended_at_s: f64,
    deescalation: DeescalationView,
    score: ScoreView,
    #[serde(default)]
    rules: Vec<RuleView>,
    #[serde(default)]
    steps: Vec<Value>,
    #[serde(default)]
    anger_curve: Vec<[f64; 2]>,
}

#[derive(Debug, Clone, Deserialize)]
struct DeescalationView {
    passed: bool,
    #[serde(default)]
    calm_at_s: Option<f64>,
}

#[derive(Debug, Clone, Deserialize)]
struct ScoreView {
    total: u32,
    max: u32,
}

#[derive(Debug, Clone, Deserialize)]
struct RuleView {
    id: String,
    status: String,
}

/// The statements of one session, in order: attempted, completed, passed or
/// failed. An unreadable report is an error (with serde's place in it).
pub fn statements(profile: &Profile, s: &SessionFacts) -> Result<Vec<Value>, serde_json::Error> {
    let r: ReportView = serde_json::from_str(s.report_json)?;
    let ns = namespace();
    let registration = v5(&ns, s.uid.as_bytes());
    let id = |verb: &str| v5(&ns, format!("{}/{verb}", s.uid).as_bytes());
    let actor = json!({
        "objectType": "Agent",
        "account": { "homePage": profile.home_page, "name": s.trainee },
    });
    let (ja, en) = profile
        .titles
        .get(&r.scenario)
        .cloned()
        .unwrap_or_else(|| (r.scenario.clone(), r.scenario.clone()));
    let object = json!({
        "objectType": "Activity",
        "id": format!("{}/scenarios/{}", profile.activity_base.trim_end_matches('/'), iri_segment(&r.scenario)),
        "definition": {
            "name": { "ja-JP": ja, "en-US": en },
            "type": "http://adlnet.gov/expapi/activities/simulation",
        },
    });
    let context = json!({
        "registration": registration.to_string(),
        "platform": "Claim Dojo",
        "extensions": { EXT_SEED: r.seed },
    });
    let scaled = if r.score.max == 0 {
        0.0
    } else {
        f64::from(r.score.total) / f64::from(r.score.max)
    };
    let success = claim_dojo_records::digest::passed(r.deescalation.passed, &r.outcome)
        && scaled + 1e-9 >= profile.pass_scaled;
    let result = json!({
        "score": {
            "raw": r.score.total,
            "min": 0,
            "max": r.score.max,
            // Four decimals: what xAPI allows (-1..1) and stable in JSON.
            "scaled": (scaled * 10_000.0).round() / 10_000.0,
        },
        "success": success,
        "completion": true,
        "duration": duration(r.ended_at_s),
        "extensions": {
            EXT_OUTCOME: r.outcome,
            EXT_DEESCALATION: { "passed": r.deescalation.passed, "calm_at_s": r.deescalation.calm_at_s },
            EXT_RULES: rules(&r.rules),
            EXT_STEPS: r.steps,
            EXT_ANGER: r.anger_curve,
        },
    });
    let statement =
        |verb: &str, en_name: &str, ja_name: &str, at: Timestamp, result: Option<&Value>| {
            let mut v = json!({
                "id": id(verb).to_string(),
                "actor": actor,
                "verb": {
                    "id": format!("http://adlnet.gov/expapi/verbs/{verb}"),
                    "display": { "ja-JP": ja_name, "en-US": en_name },
                },
                "object": object,
                "context": context,
                "timestamp": time(at),
                "version": "1.0.3",
            });
            if let Some(result) = result {
                v["result"] = result.clone();
            }
            v
        };
    let (verb, ja_verb) = if success {
        ("passed", "合格した")
    } else {
        ("failed", "不合格だった")
    };
    Ok(vec![
        statement("attempted", "attempted", "挑戦した", s.started_at, None),
        statement(
            "completed",
            "completed",
            "完了した",
            s.ended_at,
            Some(&result),
        ),
        statement(verb, verb, ja_verb, s.ended_at, Some(&result)),
    ])
}

/// Rule ids grouped by status key: `kept`, `broken`, `not_tested` and any key
/// a later scoring adds, each sorted.
fn rules(rules: &[RuleView]) -> Value {
    let mut by: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
    for key in ["kept", "broken", "not_tested"] {
        by.insert(key, Vec::new());
    }
    for r in rules {
        by.entry(r.status.as_str()).or_default().push(&r.id);
    }
    for ids in by.values_mut() {
        ids.sort_unstable();
    }
    json!(by)
}

/// ISO 8601 duration of a call, to the hundredth of a second: `PT3M5.25S`.
pub fn duration(seconds: f64) -> String {
    let cs = (seconds.max(0.0) * 100.0).round() as u64;
    let (h, m, s, c) = (cs / 360_000, cs / 6000 % 60, cs / 100 % 60, cs % 100);
    let mut out = String::from("PT");
    if h > 0 {
        out += &format!("{h}H");
    }
    if m > 0 {
        out += &format!("{m}M");
    }
    if c > 0 {
        let frac = format!("{c:02}");
        out += &format!("{s}.{}S", frac.trim_end_matches('0'));
    } else if s > 0 || (h == 0 && m == 0) {
        out += &format!("{s}S");
    }
    out
}

/// RFC 3339 in UTC, to the millisecond (what LRSs store and give back).
pub fn time(t: Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// A scenario id made safe for an IRI path segment (ids are `[a-z0-9-]` when
/// valid; anything else is percent-encoded rather than trusted).
fn iri_segment(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out += &format!("%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn v5_is_the_rfc_name_based_uuid() {
        // The example of Python's uuid module: uuid5(NAMESPACE_DNS, 'python.org').
        assert_eq!(
            super::v5(&uuid::Uuid::NAMESPACE_DNS, b"python.org").to_string(),
            "886313e1-3b8a-5372-9b90-0c9aee199e5d"
        );
    }

    use super::*;

    #[test]
    fn durations_are_iso_8601() {
        assert_eq!(duration(0.0), "PT0S");
        assert_eq!(duration(59.5), "PT59.5S");
        assert_eq!(duration(185.25), "PT3M5.25S");
        assert_eq!(duration(3600.0), "PT1H");
        assert_eq!(duration(3661.0), "PT1H1M1S");
    }

    #[test]
    fn hostile_scenario_ids_are_encoded_in_the_activity_iri() {
        assert_eq!(iri_segment("late-parcel"), "late-parcel");
        assert_eq!(iri_segment("a b/<x>"), "a%20b%2F%3Cx%3E");
    }
}
