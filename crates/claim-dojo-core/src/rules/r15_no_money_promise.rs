//! R15 no-money-promise: money and goods go by the contract (「承りかねます」); to a
//! vague 「誠意を見せろ」 ask 「どうさせていただければご満足いただけますか」; never
//! volunteer money (seed 001). A refund the contract provides is a solution, not
//! this tag.

use super::*;
use crate::scenario::{Cue, Tag};

/// Volunteering money invites a higher demand.
pub const MONEY: f64 = 3.0;
/// Asking what would satisfy hands the customer a real question to answer.
pub const ASKED_CALM: f64 = -3.0;

#[derive(Debug, Clone, Default)]
pub struct NoMoneyPromise {
    j: Judgement,
}

impl Rule for NoMoneyPromise {
    const ID: RuleId = RuleId::ALL[14];

    fn observe(&mut self, moment: &Moment, call: &CallFacts, fx: &mut Effects) {
        let Moment::TraineeSays { choice, at, .. } = *moment else {
            return;
        };
        if choice.has(Tag::OffersMoney) {
            self.j.break_at(call.now, Some(at), "R15-broken");
            fx.add(Self::ID, MONEY);
            return;
        }
        if choice.has(Tag::AsksWhatWouldSatisfy) {
            fx.add(Self::ID, ASKED_CALM);
            self.j.keep(call.now, Some(at), "R15-kept-asked");
        } else if choice.has(Tag::DeclinesByPolicy)
            && (call.answering.has(Cue::DemandsMoney) || call.answering.has(Cue::DemandsSincerity))
        {
            self.j.keep(call.now, Some(at), "R15-kept-declined");
        }
    }

    fn conclude(&mut self, call: &CallFacts, _: Outcome) {
        self.j.settle(call.now, Status::NotApplicable, "R15-na");
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
    fn r15_asking_what_would_satisfy_is_kept() {
        let r = Call::primary()
            .cue(Cue::DemandsSincerity)
            .say("c1", &[AsksWhatWouldSatisfy])
            .play();
        r.expect("R15", Kept, Some("c1"));
    }

    #[test]
    fn r15_declining_a_money_demand_by_the_rules_is_kept() {
        let r = Call::primary()
            .cue(Cue::DemandsMoney)
            .say("c1", &[DeclinesByPolicy])
            .play();
        r.expect("R15", Kept, Some("c1"));
    }

    #[test]
    fn r15_volunteering_money_is_broken() {
        let r = Call::primary()
            .cue(Cue::DemandsSincerity)
            .say("c1", &[OffersMoney])
            .play();
        r.expect("R15", Broken, Some("c1"));
    }
}
