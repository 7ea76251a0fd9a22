//! R12 fact-inventory: take stock of the facts (ask, check against the record,
//! restate) and let the customer tell it in their own words, before acting on them
//! (seeds 002 step 2, 000). Telling their story calms the customer. It comes up
//! when the trainee first acts on the facts (a solution, a promise, money); each
//! later fact check calms less than the one before.

use super::vocabulary::{ACTING, any};
use super::*;
use crate::scenario::Tag;

/// Letting the customer tell it in their own words.
pub const STORY_CALM: f64 = -6.0;
/// Checking a fact or restating what they said.
pub const CHECK_CALM: f64 = -2.0;
/// Acting on facts nobody checked.
pub const UNCHECKED: f64 = 4.0;

#[derive(Debug, Clone, Default)]
pub struct FactInventory {
    j: Judgement,
    told: bool,
    checks: u32,
}

impl Rule for FactInventory {
    const ID: RuleId = RuleId::ALL[11];
    // Judged on the first acting answer alone.
    const KEEP_IS_FINAL: bool = true;

    fn observe(&mut self, moment: &Moment, call: &CallFacts, fx: &mut Effects) {
        let Moment::TraineeSays { choice, at, .. } = *moment else {
            return;
        };
        if choice.has(Tag::InvitesStory) && !self.told {
            self.told = true;
            fx.add(Self::ID, STORY_CALM);
        } else if choice.has(Tag::ChecksFact) || choice.has(Tag::Restates) {
            fx.add(Self::ID, diminished(CHECK_CALM, self.checks));
            self.checks += 1;
        }
        if any(choice, ACTING) && self.j.is_pending() {
            if call.facts_checked {
                self.j.keep(call.now, Some(at), "R12-kept");
            } else {
                self.j.break_at(call.now, Some(at), "R12-broken");
                fx.add(Self::ID, UNCHECKED);
            }
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
    use crate::scenario::Tag::*;

    #[test]
    fn r12_checking_the_facts_before_a_solution_is_kept() {
        let r = Call::primary()
            .say("c1", &[ChecksFact])
            .say("c2", &[ProposesSolution])
            .play();
        r.expect("R12", Kept, Some("c2"));
    }

    #[test]
    fn r12_a_solution_on_unchecked_facts_is_broken() {
        let r = Call::primary()
            .say("c1", &[FeelingsApology])
            .say("c2", &[ProposesSolution])
            .play();
        r.expect("R12", Broken, Some("c2"));
    }

    #[test]
    fn r12_letting_the_customer_tell_it_lowers_anger() {
        let (told, not) = Call::primary()
            .say("c1", &[InvitesStory])
            .compare_anger(Call::primary().say("c1", &[]));
        assert!(told + 4.0 < not, "{told} vs {not}");
    }

    #[test]
    fn r12_without_acting_on_the_facts_it_is_not_tested() {
        Call::primary()
            .say("c1", &[ChecksFact])
            .play()
            .expect("R12", NotTested, None);
    }
}
