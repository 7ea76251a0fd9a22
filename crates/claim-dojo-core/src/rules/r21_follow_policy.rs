//! R21 follow-policy: act by the company's rules, not on personal judgement, even
//! when the customer names you personally (seed 001). 「私の判断で特別に」 may calm
//! the customer now; it is still broken. It comes up when the trainee declines by
//! policy, when the customer holds them personally responsible, and wherever a
//! personal exception was on offer.

use super::vocabulary::offers;
use super::*;
use crate::scenario::{Cue, Tag};

/// The false relief of a personal exception (less each time).
pub const EXCEPTION_RELIEF: f64 = -4.0;

#[derive(Debug, Clone, Default)]
pub struct FollowPolicy {
    j: Judgement,
    exceptions: u32,
}

impl Rule for FollowPolicy {
    const ID: RuleId = RuleId::ALL[20];

    fn observe(&mut self, moment: &Moment, call: &CallFacts, fx: &mut Effects) {
        let Moment::TraineeSays {
            choice,
            at,
            answering,
            ..
        } = *moment
        else {
            return;
        };
        if choice.has(Tag::PersonalDiscretion) {
            self.j.break_at(call.now, Some(at), "R21-broken");
            fx.add(Self::ID, diminished(EXCEPTION_RELIEF, self.exceptions));
            self.exceptions += 1;
        } else if choice.has(Tag::DeclinesByPolicy)
            || (call.answering.has(Cue::BlamesPersonally) && choice.has(Tag::ExplainsObjectively))
            || offers(answering, Tag::PersonalDiscretion)
        {
            self.j.keep(call.now, Some(at), "R21-kept");
        }
    }

    fn conclude(&mut self, _: &CallFacts, _: Outcome) {}

    fn judgement(&self) -> Judgement {
        self.j
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::scenario::Cue;
    use crate::scenario::Tag::*;

    #[test]
    fn r21_answering_a_personal_demand_by_the_rules_is_kept() {
        let r = Call::primary()
            .cue(Cue::BlamesPersonally)
            .say("c1", &[DeclinesByPolicy, ExplainsObjectively])
            .play();
        r.expect("R21", Kept, Some("c1"));
    }

    #[test]
    fn r21_a_personal_exception_is_broken() {
        let r = Call::primary()
            .cue(Cue::BlamesPersonally)
            .say("c1", &[PersonalDiscretion])
            .play();
        r.expect("R21", Broken, Some("c1"));
    }

    #[test]
    fn r21_with_no_policy_question_is_not_tested() {
        Call::primary()
            .say("c1", &[FeelingsApology])
            .play()
            .expect("R21", NotTested, None);
    }
}
