//! R05 fault-apology-after-facts: apologise for the fault itself only once the facts
//! show it is ours (seeds 003 §1, 000). The scenario marks the line where the facts
//! show it with the `FaultConfirmed` cue. It comes up at an apology for the fault,
//! or once the facts show the fault and the trainee answers: the apology is owed.

use super::*;
use crate::scenario::{Cue, Tag};

/// A sincere apology for a fault that is ours calms.
pub const OWNED_FAULT_CALM: f64 = -4.0;

#[derive(Debug, Clone, Default)]
pub struct FaultApologyAfterFacts {
    j: Judgement,
    /// The trainee has spoken since the facts showed the fault.
    owed: bool,
}

impl Rule for FaultApologyAfterFacts {
    const ID: RuleId = RuleId::ALL[4];

    fn observe(&mut self, moment: &Moment, call: &CallFacts, fx: &mut Effects) {
        let Moment::TraineeSays { choice, at, .. } = *moment else {
            return;
        };
        let shown = call.heard.has(Cue::FaultConfirmed);
        self.owed |= shown;
        if !choice.has(Tag::FaultApology) {
            return;
        }
        if shown {
            if self.j.is_pending() {
                fx.add(Self::ID, OWNED_FAULT_CALM);
            }
            self.j.keep(call.now, Some(at), "R05-kept");
        } else {
            self.j.break_at(call.now, Some(at), "R05-broken-early");
        }
    }

    fn conclude(&mut self, call: &CallFacts, _: Outcome) {
        if self.owed {
            self.j.settle(call.now, Status::Broken, "R05-broken-never");
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

    #[test]
    fn r05_no_fault_shown_and_no_fault_apology_is_not_tested() {
        Call::primary()
            .say("c1", &[FeelingsApology])
            .play()
            .expect("R05", NotTested, None);
    }
}
