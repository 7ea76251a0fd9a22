//! R19 three-changes: when the customer cannot be satisfied on this call, change
//! the person, the time (a callback at a stated time) or the place (a visit) to cool
//! things down (seeds 000, 004). It comes up when the trainee answers after a
//! `Deadlock` cue.

use super::*;
use crate::scenario::{Cue, Tag};

/// Cooling down by changing person, time or place.
pub const COOLING: f64 = -10.0;

#[derive(Debug, Clone, Default)]
pub struct ThreeChanges {
    j: Judgement,
    /// The trainee has spoken since the deadlock.
    due: bool,
}

impl Rule for ThreeChanges {
    const ID: RuleId = RuleId::ALL[18];
    // Every moment is judged only while the rule is pending.
    const KEEP_IS_FINAL: bool = true;

    fn observe(&mut self, moment: &Moment, call: &CallFacts, fx: &mut Effects) {
        let Moment::TraineeSays { choice, at, .. } = *moment else {
            return;
        };
        if !call.heard.has(Cue::Deadlock) || !self.j.is_pending() {
            return;
        }
        self.due = true;
        let time = choice.has(Tag::CallsBack);
        let place = choice.has(Tag::OffersVisit);
        // Changing the person again after a takeover is a run-around, not a change (R18).
        let person = choice.has(Tag::Escalates) && call.handovers == 0;
        if time && !choice.has(Tag::StatesDeadline) {
            self.j.break_at(call.now, Some(at), "R19-broken-no-time");
        } else if time || place || person {
            self.j.keep(call.now, Some(at), "R19-kept");
            fx.add(Self::ID, COOLING);
        }
    }

    fn conclude(&mut self, call: &CallFacts, _: Outcome) {
        if self.due {
            self.j
                .settle(call.now, Status::Broken, "R19-broken-no-change");
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
    fn r19_a_callback_at_a_stated_time_after_a_deadlock_is_kept_and_cools() {
        let r = Call::primary()
            .cue(Cue::Deadlock)
            .say("c1", &[CallsBack, StatesDeadline])
            .play();
        r.expect("R19", Kept, Some("c1"));
        let (changed, argued) = Call::primary()
            .cue(Cue::Deadlock)
            .say("c1", &[CallsBack, StatesDeadline])
            .compare_anger(
                Call::primary()
                    .cue(Cue::Deadlock)
                    .say("c1", &[ExplainsObjectively]),
            );
        assert!(changed + 8.0 < argued, "{changed} vs {argued}");
    }

    #[test]
    fn r19_a_callback_with_no_time_is_broken() {
        Call::primary()
            .cue(Cue::Deadlock)
            .say("c1", &[CallsBack])
            .play()
            .expect("R19", Broken, Some("c1"));
    }

    #[test]
    fn r19_arguing_to_the_end_of_a_deadlock_is_broken() {
        Call::primary()
            .cue(Cue::Deadlock)
            .say("c1", &[ExplainsObjectively])
            .play()
            .expect("R19", Broken, None);
    }

    #[test]
    fn r19_without_a_deadlock_is_not_tested() {
        Call::primary()
            .say("c1", &[CallsBack, StatesDeadline])
            .play()
            .expect("R19", NotTested, None);
    }
}
