//! R14 next-step-deadline: give a concrete next step; a callback or a promise of
//! action always has a deadline (seeds 002 step 4, 003 §2). It comes up at a
//! callback, a promise or a next step, and at the end of a call that closed
//! (resolved or with a follow-up): such a call needed one.

use super::*;
use crate::scenario::Tag;

/// Knowing what happens next, and by when.
pub const CLEAR_NEXT_STEP: f64 = -4.0;
/// 「確認して折り返します」 with no time: the customer is left hanging.
pub const NO_DEADLINE: f64 = 3.0;

#[derive(Debug, Clone, Default)]
pub struct NextStepDeadline {
    j: Judgement,
}

impl Rule for NextStepDeadline {
    const ID: RuleId = RuleId::ALL[13];

    fn observe(&mut self, moment: &Moment, call: &CallFacts, fx: &mut Effects) {
        let Moment::TraineeSays { choice, at, .. } = *moment else {
            return;
        };
        let follow_up = choice.has(Tag::CallsBack) || choice.has(Tag::Promise);
        if follow_up && !choice.has(Tag::StatesDeadline) {
            self.j
                .break_at(call.now, Some(at), "R14-broken-no-deadline");
            fx.add(Self::ID, NO_DEADLINE);
        } else if follow_up || choice.has(Tag::NextStep) {
            if self.j.is_pending() {
                fx.add(Self::ID, CLEAR_NEXT_STEP);
            }
            self.j.keep(call.now, Some(at), "R14-kept");
        }
    }

    fn conclude(&mut self, call: &CallFacts, outcome: Outcome) {
        if matches!(outcome, Outcome::Resolved | Outcome::FollowUp) && call.said > 0 {
            self.j.settle(call.now, Status::Broken, "R14-broken-none")
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
    fn r14_a_callback_with_a_time_is_kept() {
        let r = Call::primary()
            .say("c1", &[CallsBack, StatesDeadline, NextStep])
            .play();
        r.expect("R14", Kept, Some("c1"));
    }

    #[test]
    fn r14_a_callback_without_a_time_is_broken() {
        Call::primary()
            .say("c1", &[CallsBack, NextStep])
            .play()
            .expect("R14", Broken, Some("c1"));
    }

    #[test]
    fn r14_a_resolved_call_without_any_next_step_is_broken() {
        Call::primary()
            .say("c1", &[FeelingsApology])
            .play()
            .expect("R14", Broken, None);
    }

    #[test]
    fn r14_a_call_that_ends_in_a_hang_up_without_steps_is_not_tested() {
        Call::primary()
            .ending(crate::scenario::Ending::HungUp)
            .say("c1", &[FeelingsApology])
            .play()
            .expect("R14", NotTested, None);
    }
}
