//! R13 request-vs-promise: never promise what cannot be delivered, never blur a
//! request into a promise; say what can and cannot be done, offer real
//! alternatives, explain objectively why a demand is impossible (seeds 002 step 3,
//! 001). It comes up at every impossible demand, at every promise, alternative or
//! hedge, and wherever an unkeepable promise or a hedge was on offer. An
//! impossible demand left unanswered breaks it whatever came before; an
//! unkeepable promise calms the customer now and is still broken.

use super::vocabulary::offers;
use super::*;
use crate::scenario::{Cue, Tag};

/// The false relief of an unkeepable promise (less each time).
pub const EMPTY_RELIEF: f64 = -6.0;
/// 「前向きに検討します」: the customer hears the evasion.
pub const HEDGE: f64 = 4.0;

#[derive(Debug, Clone, Default)]
pub struct RequestVsPromise {
    j: Judgement,
    /// An impossible demand the trainee has not drawn the line on yet, and
    /// whether they have spoken since it was made.
    open: Option<bool>,
    promises: u32,
}

fn draws_the_line(choice: &crate::scenario::Choice) -> bool {
    choice.has(Tag::DeclinesByPolicy)
        || choice.has(Tag::ExplainsObjectively)
        || choice.has(Tag::OffersAlternative)
}

impl Rule for RequestVsPromise {
    const ID: RuleId = RuleId::ALL[12];

    fn observe(&mut self, moment: &Moment, call: &CallFacts, fx: &mut Effects) {
        let (choice, at, answering) = match *moment {
            Moment::CustomerSays { node } => {
                if node.cues.contains(&Cue::ImpossibleDemand) {
                    self.open.get_or_insert(false);
                }
                return;
            }
            Moment::TraineeSays {
                choice,
                at,
                answering,
                ..
            } => (choice, at, answering),
            _ => return,
        };
        if choice.has(Tag::UnkeepablePromise) {
            self.j.break_at(call.now, Some(at), "R13-broken-unkeepable");
            fx.add(Self::ID, diminished(EMPTY_RELIEF, self.promises));
            self.promises += 1;
        } else if choice.has(Tag::Hedges) {
            self.j.break_at(call.now, Some(at), "R13-broken-hedge");
            fx.add(Self::ID, HEDGE);
        } else if self.open.is_some() {
            if draws_the_line(choice) {
                self.open = None;
                self.j.keep(call.now, Some(at), "R13-kept-line");
            } else {
                self.open = Some(true);
            }
        } else if choice.has(Tag::OffersAlternative)
            || choice.has(Tag::Promise)
            || offers(answering, Tag::UnkeepablePromise)
            || offers(answering, Tag::Hedges)
        {
            self.j.keep(call.now, Some(at), "R13-kept");
        }
    }

    fn conclude(&mut self, call: &CallFacts, _: Outcome) {
        if self.open == Some(true) {
            self.j.break_at(call.now, None, "R13-broken-unanswered");
        }
    }

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
    fn r13_declining_an_impossible_demand_with_an_alternative_is_kept() {
        let r = Call::primary()
            .cue(Cue::ImpossibleDemand)
            .say("c1", &[ExplainsObjectively, OffersAlternative])
            .play();
        r.expect("R13", Kept, Some("c1"));
    }

    #[test]
    fn r13_an_unkeepable_promise_calms_now_and_is_broken() {
        let r = Call::primary()
            .cue(Cue::ImpossibleDemand)
            .say("c1", &[UnkeepablePromise])
            .play();
        r.expect("R13", Broken, Some("c1"));
        let (empty, honest) = Call::primary()
            .cue(Cue::ImpossibleDemand)
            .say("c1", &[UnkeepablePromise])
            .compare_anger(
                Call::primary()
                    .cue(Cue::ImpossibleDemand)
                    .say("c1", &[ExplainsObjectively]),
            );
        assert!(
            empty < honest,
            "the empty promise feels better now: {empty} vs {honest}"
        );
    }

    #[test]
    fn r13_hedging_is_broken() {
        Call::primary()
            .say("c1", &[Hedges])
            .play()
            .expect("R13", Broken, Some("c1"));
    }

    #[test]
    fn r13_an_impossible_demand_never_answered_is_broken() {
        Call::primary()
            .cue(Cue::ImpossibleDemand)
            .say("c1", &[FeelingsApology])
            .play()
            .expect("R13", Broken, None);
    }

    #[test]
    fn r13_a_kept_promise_earlier_does_not_cover_a_later_unanswered_demand() {
        Call::primary()
            .say("c1", &[Promise, StatesDeadline])
            .cue(Cue::ImpossibleDemand)
            .say("c2", &[FeelingsApology])
            .play()
            .expect("R13", Broken, None);
    }

    #[test]
    fn r13_words_that_break_it_keep_no_other_rule_and_earn_no_step() {
        let r = Call::primary()
            .say("c1", &[FeelingsApology, UnkeepablePromise])
            .play();
        r.expect("R13", Broken, Some("c1"));
        r.expect("R03", NotTested, None);
        assert!(r.card.steps.iter().all(|s| s.at_ms.is_none()));
    }
}
