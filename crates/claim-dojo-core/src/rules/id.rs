//! Rule IDs R01–R23, as DOMAIN.md names them.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One rule of the catalog. Always 1..=23; build it with [`RuleId::parse`] or [`RuleId::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RuleId(u8);

impl RuleId {
    pub const COUNT: usize = 23;

    pub const ALL: [RuleId; 23] = {
        let mut all = [RuleId(1); 23];
        let mut i = 0;
        while i < 23 {
            all[i] = RuleId(i as u8 + 1);
            i += 1;
        }
        all
    };

    /// `R01`…`R23`, exactly two digits.
    pub fn parse(s: &str) -> Option<RuleId> {
        let digits = s.strip_prefix('R')?;
        if digits.len() != 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: u8 = digits.parse().ok()?;
        (1..=23).contains(&n).then_some(RuleId(n))
    }

    pub fn number(self) -> u8 {
        self.0
    }

    /// Position in [`RuleId::ALL`].
    pub fn index(self) -> usize {
        usize::from(self.0) - 1
    }

    /// The short English name from the catalog, e.g. `listen-first`.
    pub fn slug(self) -> &'static str {
        const SLUGS: [&str; 23] = [
            "listen-first",
            "no-interrupt",
            "feelings-apology",
            "no-over-apology",
            "fault-apology-after-facts",
            "no-excuses",
            "no-denial",
            "pause-not-wait",
            "name-before-apology",
            "acknowledge-repeat-burden",
            "no-solution-jump",
            "fact-inventory",
            "request-vs-promise",
            "next-step-deadline",
            "no-money-promise",
            "escalate-promptly",
            "handoff-brief",
            "no-runaround",
            "three-changes",
            "memo",
            "follow-policy",
            "cause-and-prevention",
            "abuse-by-policy",
        ];
        SLUGS[self.index()]
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "R{:02}", self.0)
    }
}

impl Serialize for RuleId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for RuleId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        RuleId::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("unknown rule id `{s}`")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_exactly_the_catalog() {
        assert_eq!(
            RuleId::parse("R09").map(|r| r.to_string()),
            Some("R09".into())
        );
        assert_eq!(RuleId::parse("R23").map(RuleId::number), Some(23));
        for bad in ["R00", "R24", "R9", "R009", "r09", "09", ""] {
            assert_eq!(RuleId::parse(bad), None, "{bad}");
        }
        assert_eq!(RuleId::ALL.len(), 23);
        assert_eq!(RuleId::ALL[22].to_string(), "R23");
        assert_eq!(RuleId::ALL[22].slug(), "abuse-by-policy");
    }
}
