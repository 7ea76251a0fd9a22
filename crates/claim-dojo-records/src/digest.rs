//! Reading a session report's JSON for what the store indexes: the scenario,
//! seed, outcome, score and its parts, the 3-minute result and each rule's
//! status key. Lenient on purpose: unknown fields are ignored and statuses are
//! kept as the text the report wrote, so reports from newer versions of the
//! scoring (new statuses, new fields) are stored without a schema change. This
//! is also the reader of old result files (`import/`) and is fuzzed.

use serde::Deserialize;

use crate::error::{StoreCode, StoreError};

/// What the store indexes of one report.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Digest {
    pub scenario: String,
    pub seed: u64,
    pub outcome: String,
    pub ended_at_s: f64,
    pub deescalation: Deescalation,
    pub score: Score,
    #[serde(default)]
    pub rules: Vec<Verdict>,
    /// `[t_seconds, anger]` points.
    #[serde(default)]
    pub anger_curve: Vec<[f64; 2]>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Deescalation {
    pub passed: bool,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Score {
    pub total: u32,
    pub max: u32,
    #[serde(default)]
    pub parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Part {
    pub part: String,
    pub points: u32,
    pub max: u32,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Verdict {
    pub id: String,
    /// The report's status key (`kept`, `broken`, `not_applicable`, …).
    pub status: String,
    #[serde(default)]
    pub at_s: Option<f64>,
}

impl Digest {
    /// Reads `json`; `file` names it in the error (a path, or a session id).
    pub fn read(file: &str, json: &str) -> Result<Digest, StoreError> {
        let d: Digest = serde_json::from_str(json).map_err(|e| {
            StoreError::new(StoreCode::BadReport)
                .at(file, e.line() as u32, e.column() as u32)
                .detail(e.to_string())
        })?;
        if !d.ended_at_s.is_finite() || d.ended_at_s < 0.0 || d.scenario.is_empty() {
            return Err(StoreError::new(StoreCode::BadReport)
                .at(file, 1, 1)
                .detail("not a session report: no scenario or no end time".to_string()));
        }
        Ok(d)
    }

    /// Call time at the end, in milliseconds.
    pub fn call_ms(&self) -> i64 {
        (self.ended_at_s * 1000.0).round().min(i64::MAX as f64) as i64
    }

    /// Whether the session counts as passed: the 3-minute de-escalation made,
    /// and the customer neither hung up nor complained again.
    pub fn passed(&self) -> bool {
        passed(self.deescalation.passed, &self.outcome)
    }
}

/// A choice after which the customer's anger rose: what the cohort report's
/// "hardest moments" add up. Read from a report at save time (and from stored
/// reports by migration 0004) and kept in the `rise` table, so that the
/// report reads these few rows instead of each session's whole JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct Rise {
    /// The node the choice was offered at ('' when the line names none).
    pub node: String,
    pub choice: String,
    /// `to` − `from` of the mark (positive).
    pub rise: f64,
    /// The words said (ja, en; '' when the line has no text).
    pub words: (String, String),
}

#[derive(Deserialize)]
struct RiseView {
    #[serde(default)]
    marks: Vec<MarkView>,
    #[serde(default)]
    transcript: Vec<LineView>,
}

#[derive(Deserialize)]
struct MarkView {
    #[serde(default)]
    choice: Option<String>,
    from: f64,
    to: f64,
}

#[derive(Deserialize)]
struct LineView {
    kind: String,
    #[serde(default)]
    node: Option<String>,
    #[serde(default)]
    choice: Option<String>,
    #[serde(default)]
    text: Option<Words>,
}

#[derive(Deserialize)]
struct Words {
    #[serde(default)]
    ja: String,
    #[serde(default)]
    en: String,
}

/// The rises of a report, in the order of its marks: each mark that names a
/// choice and whose anger went up, with the first transcript line that said
/// that choice (a mark whose choice was never said is left out). A report
/// whose marks or transcript cannot be read has none: it was stored because
/// its digest read, and a save or an upgrade must not fail on what only the
/// cohort report counts.
pub fn rises(json: &str) -> Vec<Rise> {
    let Ok(r) = serde_json::from_str::<RiseView>(json) else {
        return Vec::new();
    };
    r.marks
        .iter()
        .filter(|m| m.to > m.from)
        .filter_map(|m| {
            let choice = m.choice.as_ref()?;
            let line = r
                .transcript
                .iter()
                .find(|l| l.kind == "choice" && l.choice.as_ref() == Some(choice))?;
            Some(Rise {
                node: line.node.clone().unwrap_or_default(),
                choice: choice.clone(),
                rise: m.to - m.from,
                words: line
                    .text
                    .as_ref()
                    .map(|t| (t.ja.clone(), t.en.clone()))
                    .unwrap_or_default(),
            })
        })
        .collect()
}

/// The one definition of a passed session, for the digest and for SQL results.
pub fn passed(deescalation: bool, outcome: &str) -> bool {
    deescalation && !matches!(outcome, "hung_up" | "secondary_complaint")
}

pub(crate) fn seconds_to_ms(s: f64) -> Option<i64> {
    (s.is_finite() && s >= 0.0).then(|| (s * 1000.0).round().min(i64::MAX as f64) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_and_new_status_keys_are_kept_as_text() {
        let json = r#"{"format": 2, "scenario": "s", "seed": 7, "outcome": "resolved",
            "ended_at_s": 61.5, "deescalation": {"passed": true, "calm_at_s": 12.0},
            "score": {"total": 80, "max": 100, "parts": [{"part": "rules", "points": 20, "max": 25}]},
            "rules": [{"id": "R01", "status": "not_tested", "at_s": null, "facts": []}],
            "facts_missed": ["order"]}"#;
        let d = Digest::read("x.json", json).unwrap();
        assert_eq!(d.rules[0].status, "not_tested");
        assert_eq!(d.call_ms(), 61_500);
        assert!(d.passed());
    }

    #[test]
    fn a_file_that_is_not_a_report_is_an_error_with_its_place() {
        let e = Digest::read("old.json", "{\n  \"scenario\": 3\n}").unwrap_err();
        assert_eq!(e.code, StoreCode::BadReport);
        assert_eq!((e.line, e.column), (Some(2), Some(15)));
        assert!(
            Digest::read(
                "x",
                r#"{"scenario": "", "seed": 1, "outcome": "x", "ended_at_s": 1,
            "deescalation": {"passed": false}, "score": {"total": 0, "max": 100}}"#
            )
            .is_err()
        );
    }

    #[test]
    fn rises_are_the_marks_that_went_up_with_the_first_line_that_said_their_choice() {
        let json = r#"{"marks": [
                {"choice": "c1", "from": 0.2, "to": 0.5},
                {"choice": "c2", "from": 0.5, "to": 0.4},
                {"choice": null, "from": 0.4, "to": 0.9},
                {"choice": "gone", "from": 0.1, "to": 0.3},
                {"choice": "c3", "from": 0.3, "to": 0.35}],
            "transcript": [
                {"kind": "line", "node": "n0", "choice": "c1", "text": {"ja": "x", "en": "x"}},
                {"kind": "choice", "node": "n1", "choice": "c1", "text": {"ja": "はい", "en": "Yes"}},
                {"kind": "choice", "node": "n9", "choice": "c1", "text": {"ja": "後", "en": "later"}},
                {"kind": "choice", "choice": "c3"}]}"#;
        let r = rises(json);
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(
            (r[0].node.as_str(), r[0].choice.as_str(), r[0].rise),
            ("n1", "c1", 0.5 - 0.2)
        );
        assert_eq!(r[0].words, ("はい".into(), "Yes".into()));
        assert_eq!((r[1].node.as_str(), r[1].words.0.as_str()), ("", ""));
        assert!(rises(r#"{"marks": [{"from": "x"}]}"#).is_empty());
        assert!(rises("not json").is_empty());
    }

    // The suite's smoke of the `result_json` fuzz target's records half.
    proptest::proptest! {
        #[test]
        fn any_text_is_a_digest_or_an_error_never_a_panic(text in ".{0,300}") {
            let _ = Digest::read("x.json", &text).map(|d| (d.call_ms(), d.passed()));
            proptest::prop_assert!(rises(&text).iter().all(|r| r.rise > 0.0));
        }

        #[test]
        fn any_numbers_in_a_report_are_kept_or_refused(seed in proptest::prelude::any::<u64>(), end in proptest::prelude::any::<f64>(), total in proptest::prelude::any::<u32>()) {
            let json = format!(r#"{{"scenario": "s", "seed": {seed}, "outcome": "x", "ended_at_s": {end:e},
                "deescalation": {{"passed": false}}, "score": {{"total": {total}, "max": 100}}}}"#);
            if let Ok(d) = Digest::read("x.json", &json) {
                proptest::prop_assert_eq!(d.seed, seed);
                proptest::prop_assert!(d.call_ms() >= 0);
            }
        }
    }
}
