//! A rule's verdict as it forms during the call, and the anger effects rules add.

use super::{ChoiceRef, RuleId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Nothing has shown the rule kept or broken yet (only during the call).
    Pending,
    /// The rule came up and the trainee handled it.
    Kept,
    Broken,
    /// The rule never came up in this call: it is neither kept nor broken, and
    /// earns nothing.
    NotTested,
}

#[allow(non_upper_case_globals)]
impl Status {
    /// The name this status had before "not tested" replaced it; rule code
    /// written against it still builds and means the same.
    pub const NotApplicable: Status = Status::NotTested;

    pub fn key(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Kept => "kept",
            Status::Broken => "broken",
            Status::NotTested => "not_tested",
        }
    }
}

/// The explanation of a rule that never came up (`rules.ftl`); the rule's own
/// `.comes-up` attribute says what would have tested it.
pub const NOT_TESTED: &str = "rule-not-tested";

/// How much each repetition of the same calming effect is worth, relative to the
/// one before: a customer soothed the same way again is soothed less.
pub const DIMINISH: f64 = 0.5;

/// A calming effect `base` the `times`-th time it is earned (0 = first): halved
/// each time, and nothing from the fifth on.
pub fn diminished(base: f64, times: u32) -> f64 {
    if times >= 4 {
        0.0
    } else {
        base * DIMINISH.powi(times as i32)
    }
}

/// The verdict of one rule: the status, the moment that showed it, the choice the
/// trainee said then, and the Fluent id of the sentence that explains it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Judgement {
    pub status: Status,
    pub at_ms: Option<u64>,
    pub by: Option<ChoiceRef>,
    /// Fluent message id in `rules.ftl`, e.g. `R05-broken-early`.
    pub reason: &'static str,
    /// A number the explanation names (seconds of silence, apologies in a row…).
    pub n: Option<f64>,
    /// How many moments broke the rule (the first one is the verdict's).
    pub breaks: u16,
}

impl Default for Judgement {
    fn default() -> Self {
        Judgement {
            status: Status::Pending,
            at_ms: None,
            by: None,
            reason: "",
            n: None,
            breaks: 0,
        }
    }
}

impl Judgement {
    /// Records the first moment that showed the rule kept; a broken rule stays broken.
    pub fn keep(&mut self, at_ms: u64, by: Option<ChoiceRef>, reason: &'static str) {
        if self.status == Status::Pending {
            *self = Judgement {
                status: Status::Kept,
                at_ms: Some(at_ms),
                by,
                reason,
                n: None,
                breaks: self.breaks,
            };
        }
    }

    /// Records the first moment that broke the rule; later breaks keep the first.
    pub fn break_at(&mut self, at_ms: u64, by: Option<ChoiceRef>, reason: &'static str) {
        let breaks = self.breaks.saturating_add(1);
        if self.status != Status::Broken {
            *self = Judgement {
                status: Status::Broken,
                at_ms: Some(at_ms),
                by,
                reason,
                n: None,
                breaks,
            };
        } else {
            self.breaks = breaks;
        }
    }

    pub fn with_n(&mut self, n: f64) {
        self.n = Some(n);
    }

    pub fn is_broken(&self) -> bool {
        self.status == Status::Broken
    }

    pub fn is_pending(&self) -> bool {
        self.status == Status::Pending
    }

    /// At the end of the call, for rules every answer is judged by: a pending rule
    /// becomes `status` for `reason` when the trainee said anything, otherwise it
    /// did not apply (`na`).
    pub fn settle_if_said(
        &mut self,
        call: &super::CallFacts,
        status: Status,
        reason: &'static str,
        na: &'static str,
    ) {
        if call.said > 0 {
            self.settle(call.now, status, reason);
        } else {
            self.settle(call.now, Status::NotApplicable, na);
        }
    }

    /// At the end of the call: a pending rule becomes `status` for `reason`.
    pub fn settle(&mut self, at_ms: u64, status: Status, reason: &'static str) {
        if self.status == Status::Pending {
            *self = Judgement {
                status,
                at_ms: (status != Status::NotTested).then_some(at_ms),
                by: None,
                reason,
                n: None,
                breaks: self.breaks + u16::from(status == Status::Broken),
            };
        }
    }

    /// After the call: a rule nothing put to the test is "not tested".
    pub fn not_tested_if_pending(&mut self) {
        if self.status == Status::Pending {
            *self = Judgement {
                status: Status::NotTested,
                reason: NOT_TESTED,
                ..Judgement::default()
            };
        }
    }
}

/// The anger effects the rules add to one moment, before the persona's volatility.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Effects {
    items: [(u8, f64); 8],
    len: u8,
}

impl Effects {
    pub fn add(&mut self, rule: RuleId, delta: f64) {
        if delta == 0.0 {
            return;
        }
        if let Some(slot) = self.items[..usize::from(self.len)]
            .iter_mut()
            .find(|(r, _)| *r == rule.number())
        {
            slot.1 += delta;
        } else if usize::from(self.len) < self.items.len() {
            self.items[usize::from(self.len)] = (rule.number(), delta);
            self.len += 1;
        }
    }

    pub fn total(&self) -> f64 {
        self.iter().map(|(_, d)| d).sum()
    }

    pub fn iter(&self) -> impl Iterator<Item = (RuleId, f64)> + '_ {
        self.items[..usize::from(self.len)]
            .iter()
            .map(|&(n, d)| (RuleId::ALL[usize::from(n) - 1], d))
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_wins_over_kept_and_the_first_break_is_kept() {
        let mut j = Judgement::default();
        j.keep(1000, None, "a");
        j.keep(2000, None, "b");
        assert_eq!(
            (j.status, j.at_ms, j.reason),
            (Status::Kept, Some(1000), "a")
        );
        j.break_at(3000, None, "c");
        j.break_at(4000, None, "d");
        assert_eq!(
            (j.status, j.at_ms, j.reason),
            (Status::Broken, Some(3000), "c")
        );
        j.settle(5000, Status::Kept, "e");
        assert_eq!(j.status, Status::Broken);
    }

    #[test]
    fn a_repeated_calming_effect_halves_then_stops() {
        let got: Vec<f64> = (0..6).map(|k| diminished(-2.0, k)).collect();
        assert_eq!(got, vec![-2.0, -1.0, -0.5, -0.25, 0.0, 0.0]);
    }

    #[test]
    fn effects_sum_per_rule() {
        let mut fx = Effects::default();
        let r = RuleId::parse("R04").unwrap();
        fx.add(r, 3.0);
        fx.add(r, 3.0);
        fx.add(RuleId::parse("R06").unwrap(), 10.0);
        assert_eq!(fx.iter().count(), 2);
        assert_eq!(fx.total(), 16.0);
    }
}
