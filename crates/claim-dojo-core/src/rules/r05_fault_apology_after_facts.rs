//! R05 fault-apology-after-facts: apologise for the fault itself only once the facts
//! show it is ours (seeds 003 §1, 000). The scenario marks the line where the facts
//! show it with the `FaultConfirmed` cue. Once they do, the apology is owed.

use super::*;
use crate::scenario::{Cue, Tag};

/// A sincere apology for a fault that is ours calms.
pub const OWNED_FAULT_CALM: f64 = -4.0;

#[derive(Debug, Clone, Default)]
pub struct FaultApologyAfterFacts {
    j: Judgement,
}

impl Rule for FaultApologyAfterFacts {
    const ID: RuleId = RuleId::ALL[4];

    fn observe(&mut self, moment: &Moment, call: &CallFacts, fx: &mut Effects) {
        let Moment::TraineeSays { choice, at, .. } = *moment else {
            return;
        };
        if !choice.has(Tag::FaultApology) {
            return;
        }
        if call.heard.has(Cue::FaultConfirmed) {
            if self.j.is_pending() {
                fx.add(Self::ID, OWNED_FAULT_CALM);
            }
            self.j.keep(call.now, Some(at), "R05-kept");
        } else {
            self.j.break_at(call.now, Some(at), "R05-broken-early");
        }
    }

    fn conclude(&mut self, call: &CallFacts, _: Outcome) {
        if call.heard.has(Cue::FaultConfirmed) {
            self.j.settle(call.now, Status::Broken, "R05-broken-never");
        } else {
            self.j.settle(call.now, Status::NotApplicable, "R05-na");
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
    fn r05_fault_apology_after_the_facts_show_it_is_kept() {
        let r = Call::primary()
            .say("c1", &[ChecksFact])
            .cue(Cue::FaultConfirmed)
            .say("c2", &[FaultApology])
            .play();
        r.expect("R05", Kept, Some("c2"));
    }

    #[test]
    fn r05_fault_apology_before_the_facts_is_broken() {
        let r = Call::primary()
            .say("c1", &[FaultApology])
            .cue(Cue::FaultConfirmed)
            .say("c2", &[FaultApology])
            .play();
        r.expect("R05", Broken, Some("c1"));
    }

    #[test]
    fn r05_no_apology_once_the_fault_is_shown_is_broken() {
        let r = Call::primary()
            .say("c1", &[ChecksFact])
            .cue(Cue::FaultConfirmed)
            .say("c2", &[NextStep])
            .play();
        r.expect("R05", Broken, None);
    }
}
