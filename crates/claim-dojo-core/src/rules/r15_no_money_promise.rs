//! R15 no-money-promise: money and goods go by the contract (「承りかねます」); to a
//! vague 「誠意を見せろ」 ask 「どうさせていただければご満足いただけますか」; never
//! volunteer money (seed 001). A refund the contract provides is a solution, not
//! this tag. It comes up at a money or 誠意 demand (which must be answered by
//! asking what would satisfy or declining by policy), when money is offered, and
//! wherever money was on offer.

use super::vocabulary::offers;
use super::*;
use crate::scenario::{Cue, Tag};

/// Volunteering money invites a higher demand.
pub const MONEY: f64 = 3.0;
/// Asking what would satisfy hands the customer a real question to answer.
pub const ASKED_CALM: f64 = -3.0;

#[derive(Debug, Clone, Default)]
pub struct NoMoneyPromise {
    j: Judgement,
    /// A demand not yet answered, and whether the trainee has spoken since.
    open: Option<bool>,
    asked: u32,
}

impl Rule for NoMoneyPromise {
    const ID: RuleId = RuleId::ALL[14];

    fn observe(&mut self, moment: &Moment, call: &CallFacts, fx: &mut Effects) {
        let (choice, at, answering) = match *moment {
            Moment::CustomerSays { node } => {
                if node.cues.contains(&Cue::DemandsMoney)
                    || node.cues.contains(&Cue::DemandsSincerity)
                {
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
        if choice.has(Tag::OffersMoney) {
            self.j.break_at(call.now, Some(at), "R15-broken");
            fx.add(Self::ID, MONEY);
            return;
        }
        if choice.has(Tag::AsksWhatWouldSatisfy) {
            fx.add(Self::ID, diminished(ASKED_CALM, self.asked));
            self.asked += 1;
        }
        if self.open.is_some() {
            if choice.has(Tag::AsksWhatWouldSatisfy) {
                self.open = None;
                self.j.keep(call.now, Some(at), "R15-kept-asked");
            } else if choice.has(Tag::DeclinesByPolicy) {
                self.open = None;
                self.j.keep(call.now, Some(at), "R15-kept-declined");
            } else {
                self.open = Some(true);
            }
        } else if offers(answering, Tag::OffersMoney) {
            self.j.keep(call.now, Some(at), "R15-kept-resisted");
        }
    }

    fn conclude(&mut self, call: &CallFacts, _: Outcome) {
        if self.open == Some(true) {
            self.j.break_at(call.now, None, "R15-broken-unanswered");
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

    #[test]
    fn r15_a_sincerity_demand_ignored_to_the_end_is_broken() {
        Call::primary()
            .cue(Cue::DemandsSincerity)
            .say("c1", &[FeelingsApology])
            .say("c2", &[NextStep])
            .play()
            .expect("R15", Broken, None);
    }
}
