//! R05 fault-apology-after-facts: apologise for the fault itself only once the facts
//! show it is ours (seeds 003 §1, 000). The scenario marks the line where the facts
//! show it with the `FaultConfirmed` cue. It comes up at an apology for the fault,
//! or once the facts show the fault and the trainee answers: the apology is owed.
//! It also comes up when the customer claims a fault no fact shows (`ClaimsFault`):
//! an apology for the worry alone (限定謝罪) keeps it there, an apology for the
//! fault breaks it; a call whose lesson is "do not admit a fault" can so show it
//! kept.

use super::vocabulary::{APOLOGY, any};
use super::*;
use crate::scenario::{Cue, Tag};

/// A sincere apology for a fault that is ours calms.
pub const OWNED_FAULT_CALM: f64 = -4.0;

/// Kept by an apology for the worry alone while the customer claims a fault
/// that no fact shows.
const WITHHELD: &str = "R05-kept-withheld";

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
        if shown && self.j.status == Status::Kept && self.j.reason == WITHHELD {
            // Withheld while no fact showed the fault; now one does, and the
            // apology for it is owed: judged afresh.
            self.j = Judgement::default();
        }
        self.owed |= shown;
        if !choice.has(Tag::FaultApology) {
            if !shown && call.heard.has(Cue::ClaimsFault) && any(choice, APOLOGY) {
                self.j.keep(call.now, Some(at), WITHHELD);
            }
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
    fn r05_a_limited_apology_to_a_claimed_fault_is_kept_and_a_fault_apology_broken() {
        Call::primary()
            .cue(Cue::ClaimsFault)
            .say("c1", &[FeelingsApology])
            .play()
            .expect("R05", Kept, Some("c1"));
        Call::primary()
            .cue(Cue::ClaimsFault)
            .say("c1", &[FaultApology])
            .play()
            .expect("R05", Broken, Some("c1"));
        // Kept for the worry, then a fault apology all the same: broken.
        Call::primary()
            .cue(Cue::ClaimsFault)
            .say("c1", &[FeelingsApology])
            .say("c2", &[FaultApology])
            .play()
            .expect("R05", Broken, Some("c2"));
        // An answer with no apology at all neither keeps nor breaks it.
        Call::primary()
            .cue(Cue::ClaimsFault)
            .say("c1", &[ChecksFact])
            .play()
            .expect("R05", NotTested, None);
    }

    #[test]
    fn r05_withheld_and_then_the_facts_show_the_fault_the_apology_is_owed() {
        Call::primary()
            .cue(Cue::ClaimsFault)
            .say("c1", &[FeelingsApology])
            .cue(Cue::FaultConfirmed)
            .say("c2", &[NextStep])
            .play()
            .expect("R05", Broken, None);
        Call::primary()
            .cue(Cue::ClaimsFault)
            .say("c1", &[FeelingsApology])
            .cue(Cue::FaultConfirmed)
            .say("c2", &[FaultApology])
            .play()
            .expect("R05", Kept, Some("c2"));
    }

    #[test]
    fn r05_no_fault_shown_and_no_fault_apology_is_not_tested() {
        Call::primary()
            .say("c1", &[FeelingsApology])
            .play()
            .expect("R05", NotTested, None);
    }
}
