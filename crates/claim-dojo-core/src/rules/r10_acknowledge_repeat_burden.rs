//! R10 acknowledge-repeat-burden: whoever takes over, or answers a customer who has
//! called before, acknowledges the burden of explaining again (seed 002 step 1)
//! before asking them to explain, and within the first three minutes. It comes up
//! when the trainee speaks on a takeover or after the customer says they called before.

use super::*;
use crate::scenario::{Cue, Tag};

pub const ACKNOWLEDGED_CALM: f64 = -6.0;
/// 「もう一度最初からお願いします」 without a word for the burden.
pub const ASKED_AGAIN: f64 = 6.0;

#[derive(Debug, Clone, Default)]
pub struct AcknowledgeRepeatBurden {
    j: Judgement,
    /// The trainee has spoken while the burden was owed.
    owed: bool,
}

fn applies(call: &CallFacts) -> bool {
    call.takeover() || call.heard.has(Cue::RepeatCaller)
}

impl Rule for AcknowledgeRepeatBurden {
    const ID: RuleId = RuleId::ALL[9];
    // Every moment is judged only while the rule is pending.
    const KEEP_IS_FINAL: bool = true;

    fn observe(&mut self, moment: &Moment, call: &CallFacts, fx: &mut Effects) {
        if !applies(call) || !self.j.is_pending() {
            return;
        }
        match *moment {
            // A question to a colleague on the internal line (a `speaker` node)
            // asks the customer nothing: the customer does not hear it.
            Moment::TraineeSays {
                answering, choice, ..
            } if !vocabulary::heard_by_customer(answering, choice) => {}
            Moment::TraineeSays { choice, at, .. } => {
                self.owed = true;
                if choice.has(Tag::AcknowledgesBurden) {
                    self.j.keep(call.now, Some(at), "R10-kept");
                    fx.add(Self::ID, ACKNOWLEDGED_CALM);
                } else if choice.has(Tag::InvitesStory) || choice.has(Tag::AsksQuestion) {
                    self.j.break_at(call.now, Some(at), "R10-broken-asked");
                    fx.add(Self::ID, ASKED_AGAIN);
                }
            }
            Moment::WindowClosed if self.owed => self.j.break_at(call.now, None, "R10-broken-late"),
            _ => {}
        }
    }

    fn conclude(&mut self, call: &CallFacts, _: Outcome) {
        if self.owed {
            self.j.settle(call.now, Status::Broken, "R10-broken-never");
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
    fn r10_acknowledging_the_burden_before_asking_is_kept() {
        let r = Call::secondary()
            .say("c1", &[NamesSelf])
            .say("c2", &[AcknowledgesBurden])
            .say("c3", &[InvitesStory])
            .play();
        r.expect("R10", Kept, Some("c2"));
    }

    #[test]
    fn r10_asking_a_repeat_caller_to_explain_again_is_broken() {
        let r = Call::primary()
            .cue(Cue::RepeatCaller)
            .say("c1", &[InvitesStory])
            .say("c2", &[AcknowledgesBurden])
            .play();
        r.expect("R10", Broken, Some("c1"));
    }

    #[test]
    fn r10_asking_a_colleague_what_was_promised_asks_the_customer_nothing() {
        // The supervisor asks the first operator on the internal line, then
        // acknowledges the customer's burden before asking them anything.
        let r = Call::secondary()
            .say("ask-colleague", &[AsksQuestion])
            .said_to_colleague()
            .say("c1", &[NamesSelf])
            .say("c2", &[AcknowledgesBurden])
            .play();
        r.expect("R10", Kept, Some("c2"));
        // The same question to the customer breaks it.
        Call::secondary()
            .say("ask-customer", &[AsksQuestion])
            .say("c1", &[NamesSelf])
            .say("c2", &[AcknowledgesBurden])
            .play()
            .expect("R10", Broken, Some("ask-customer"));
    }

    #[test]
    fn r10_never_acknowledging_on_a_takeover_is_broken() {
        Call::secondary()
            .say("c1", &[NamesSelf])
            .play()
            .expect("R10", Broken, None);
    }

    #[test]
    fn r10_a_first_call_from_a_new_customer_is_not_tested() {
        Call::primary()
            .say("c1", &[InvitesStory])
            .play()
            .expect("R10", NotTested, None);
    }
}
