//! R22 cause-and-prevention: for a fault on our side, report the cause and the
//! prevention measure with a date; expected of every B2B call (seed 003 §3). It
//! comes up when the trainee reports a cause, or answers a business client once
//! the facts show the fault is ours.

use super::*;
use crate::scenario::{Cue, CustomerKind, Tag};

/// A cause and a dated prevention measure rebuild a business client's trust.
pub const REASSURED: f64 = -6.0;

#[derive(Debug, Clone, Default)]
pub struct CauseAndPrevention {
    j: Judgement,
    /// A business client, the fault shown ours, and the trainee has spoken since.
    owed: bool,
}

impl Rule for CauseAndPrevention {
    const ID: RuleId = RuleId::ALL[21];

    fn observe(&mut self, moment: &Moment, call: &CallFacts, fx: &mut Effects) {
        let Moment::TraineeSays { choice, at, .. } = *moment else {
            return;
        };
        self.owed |= call.scenario.customer_kind == CustomerKind::Business
            && call.heard.has(Cue::FaultConfirmed);
        if !choice.has(Tag::CauseAndPrevention) {
            return;
        }
        if choice.has(Tag::StatesDeadline) {
            if self.j.is_pending() {
                fx.add(Self::ID, REASSURED);
            }
            self.j.keep(call.now, Some(at), "R22-kept");
        } else {
            self.j.break_at(call.now, Some(at), "R22-broken-no-date");
        }
    }

    fn conclude(&mut self, call: &CallFacts, _: Outcome) {
        if self.owed {
            self.j.settle(call.now, Status::Broken, "R22-broken-none");
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
    fn r22_cause_and_prevention_with_a_date_is_kept() {
        let r = Call::primary()
            .business()
            .cue(Cue::FaultConfirmed)
            .say("c1", &[CauseAndPrevention, StatesDeadline])
            .play();
        r.expect("R22", Kept, Some("c1"));
    }

    #[test]
    fn r22_prevention_without_a_date_is_broken() {
        let r = Call::primary()
            .business()
            .cue(Cue::FaultConfirmed)
            .say("c1", &[CauseAndPrevention])
            .play();
        r.expect("R22", Broken, Some("c1"));
    }

    #[test]
    fn r22_a_business_fault_left_without_cause_is_broken() {
        let r = Call::primary()
            .business()
            .cue(Cue::FaultConfirmed)
            .say("c1", &[FaultApology])
            .play();
        r.expect("R22", Broken, None);
    }

    #[test]
    fn r22_a_consumer_call_without_it_is_not_tested() {
        Call::primary()
            .cue(Cue::FaultConfirmed)
            .say("c1", &[FaultApology])
            .play()
            .expect("R22", NotTested, None);
    }
}
