//! Two sessions of one scenario side by side, for a what-if's debrief and for
//! compare: the verdicts that changed and the scores, read from the reports.

use serde::Serialize;

use crate::digest::Digest;

/// A rule whose verdict differs between the original and the other session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChangedVerdict {
    pub rule: String,
    /// The original's status key, or `None` when it had no such rule.
    pub before: Option<String>,
    pub after: Option<String>,
}

/// The verdicts that differ, in the order of the original's rules, then any new ones.
pub fn changed_verdicts(original: &Digest, other: &Digest) -> Vec<ChangedVerdict> {
    let status = |d: &Digest, rule: &str| {
        d.rules
            .iter()
            .find(|v| v.id == rule)
            .map(|v| v.status.clone())
    };
    let mut out: Vec<ChangedVerdict> = original
        .rules
        .iter()
        .map(|v| ChangedVerdict {
            rule: v.id.clone(),
            before: Some(v.status.clone()),
            after: status(other, &v.id),
        })
        .filter(|c| c.before != c.after)
        .collect();
    out.extend(
        other
            .rules
            .iter()
            .filter(|v| status(original, &v.id).is_none())
            .map(|v| ChangedVerdict {
                rule: v.id.clone(),
                before: None,
                after: Some(v.status.clone()),
            }),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digest(rules: &[(&str, &str)]) -> Digest {
        let rules: Vec<_> = rules
            .iter()
            .map(|(id, s)| format!(r#"{{"id": "{id}", "status": "{s}"}}"#))
            .collect();
        Digest::read(
            "t",
            &format!(
                r#"{{"scenario": "s", "seed": 1, "outcome": "resolved", "ended_at_s": 9,
                "deescalation": {{"passed": true}}, "score": {{"total": 1, "max": 100}},
                "rules": [{}]}}"#,
                rules.join(",")
            ),
        )
        .unwrap()
    }

    #[test]
    fn only_the_verdicts_that_differ_are_listed() {
        let a = digest(&[("R01", "kept"), ("R02", "broken"), ("R03", "kept")]);
        let b = digest(&[
            ("R01", "kept"),
            ("R02", "kept"),
            ("R03", "not_tested"),
            ("R23", "broken"),
        ]);
        let changed = changed_verdicts(&a, &b);
        let rules: Vec<_> = changed.iter().map(|c| c.rule.as_str()).collect();
        assert_eq!(rules, ["R02", "R03", "R23"]);
        assert_eq!(changed[0].before.as_deref(), Some("broken"));
        assert_eq!(changed[0].after.as_deref(), Some("kept"));
        assert_eq!(changed[2].before, None);
        assert!(changed_verdicts(&a, &a).is_empty());
    }
}
