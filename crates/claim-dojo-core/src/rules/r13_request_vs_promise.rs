//! R13 request-vs-promise: never promise what cannot be delivered, never blur a
//! request into a promise; say what can and cannot be done, offer real
//! alternatives, explain objectively why a demand is impossible (seeds 002 step 3,
//! 001). An unkeepable promise calms the customer now and is still broken.

use super::*;
use crate::scenario::{Cue, Tag};

/// The false relief of an unkeepable promise.
pub const EMPTY_RELIEF: f64 = -6.0;
/// 「前向きに検討します」: the customer hears the evasion.
pub const HEDGE: f64 = 4.0;

#[derive(Debug, Clone, Default)]
pub struct RequestVsPromise {
    j: Judgement,
}

impl Rule for RequestVsPromise {
    const ID: RuleId = RuleId::ALL[12];

    fn observe(&mut self, moment: &Moment, call: &CallFacts, fx: &mut Effects) {
        let Moment::TraineeSays { choice, at, .. } = *moment else {
            return;
        };
        if choice.has(Tag::UnkeepablePromise) {
            self.j.break_at(call.now, Some(at), "R13-broken-unkeepable");
            fx.add(Self::ID, EMPTY_RELIEF);
        } else if choice.has(Tag::Hedges) {
            self.j.break_at(call.now, Some(at), "R13-broken-hedge");
            fx.add(Self::ID, HEDGE);
        } else if call.answering.has(Cue::ImpossibleDemand) {
            if choice.has(Tag::DeclinesByPolicy)
                || choice.has(Tag::ExplainsObjectively)
                || choice.has(Tag::OffersAlternative)
            {
                self.j.keep(call.now, Some(at), "R13-kept-line");
            }
        } else if choice.has(Tag::OffersAlternative) || choice.has(Tag::Promise) {
            self.j.keep(call.now, Some(at), "R13-kept");
        }
    }

    fn conclude(&mut self, call: &CallFacts, _: Outcome) {
        if call.heard.has(Cue::ImpossibleDemand) {
            self.j
                .settle(call.now, Status::Broken, "R13-broken-unanswered");
        } else {
            self.j.settle(call.now, Status::NotApplicable, "R13-na");
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
}
