//! R09 name-before-apology: whoever takes over a call states name and role before
//! any apology, so the power balance does not tip (seed 000). It comes up on a
//! takeover at the supervisor's first words: naming yourself first keeps it, an
//! apology first breaks it, never naming yourself breaks it too.

use super::vocabulary::{APOLOGY, any};
use super::*;
use crate::scenario::Tag;

/// Knowing who they now speak to steadies the customer.
pub const NAMED_CALM: f64 = -3.0;
/// Apologising first hands the customer the upper hand.
pub const APOLOGY_FIRST: f64 = 8.0;

#[derive(Debug, Clone, Default)]
pub struct NameBeforeApology {
    j: Judgement,
}

impl Rule for NameBeforeApology {
    const ID: RuleId = RuleId::ALL[8];

    fn observe(&mut self, moment: &Moment, call: &CallFacts, fx: &mut Effects) {
        let Moment::TraineeSays { choice, at, .. } = *moment else {
            return;
        };
        if !call.takeover() {
            return;
        }
        let names = choice.has(Tag::NamesSelf);
        if names && !call.named_self {
            fx.add(Self::ID, NAMED_CALM);
        }
        if any(choice, APOLOGY) && call.apologies == 0 && !call.named_self && !names {
            self.j.break_at(call.now, Some(at), "R09-broken");
            fx.add(Self::ID, APOLOGY_FIRST);
        } else if names {
            self.j.keep(call.now, Some(at), "R09-kept");
        }
    }

    fn conclude(&mut self, call: &CallFacts, _: Outcome) {
        if call.takeover() && call.said > 0 && !call.named_self {
            self.j.settle(call.now, Status::Broken, "R09-broken-never");
        }
    }

    fn judgement(&self) -> Judgement {
        self.j
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::scenario::Tag::*;

    #[test]
    fn r09_naming_yourself_before_apologising_on_a_takeover_is_kept() {
        let r = Call::secondary()
            .say("c1", &[NamesSelf])
            .say("c2", &[FeelingsApology])
            .play();
        r.expect("R09", Kept, Some("c1"));
        let r = Call::secondary()
            .say("c1", &[NamesSelf, FeelingsApology])
            .play();
        r.expect("R09", Kept, Some("c1"));
    }

    #[test]
    fn r09_apology_before_name_on_takeover_is_broken() {
        let r = Call::secondary()
            .say("c1", &[FeelingsApology])
            .say("c2", &[NamesSelf])
            .play();
        r.expect("R09", Broken, Some("c1"));
        let (named, unnamed) = Call::secondary()
            .say("c1", &[NamesSelf, FeelingsApology])
            .compare_anger(Call::secondary().say("c1", &[FeelingsApology]));
        assert!(unnamed > named + 6.0, "{unnamed} vs {named}");
    }

    #[test]
    fn r09_is_not_tested_on_a_first_line_call() {
        Call::primary()
            .say("c1", &[FeelingsApology])
            .play()
            .expect("R09", NotTested, None);
    }
}
