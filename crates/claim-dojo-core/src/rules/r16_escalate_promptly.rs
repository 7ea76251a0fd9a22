//! R16 escalate-promptly: when the customer asks for a supervisor, or the call has
//! turned into a secondary complaint, hand over at once and politely (seeds 000,
//! 001). It comes up at the demand (a first-line rule) and is judged on the first
//! answer after it; a trainee who never answers it has not handed over either.

use super::*;
use crate::scenario::{Cue, Tag};

/// The customer gets what they asked for.
pub const PROMPT: f64 = -8.0;
/// 「上司を出せと言ってるでしょう!」
pub const IGNORED: f64 = 10.0;

#[derive(Debug, Clone, Default)]
pub struct EscalatePromptly {
    j: Judgement,
    due: bool,
}

impl Rule for EscalatePromptly {
    const ID: RuleId = RuleId::ALL[15];
    // Judged on the first answer after the demand alone.
    const KEEP_IS_FINAL: bool = true;

    fn observe(&mut self, moment: &Moment, call: &CallFacts, fx: &mut Effects) {
        match *moment {
            Moment::CustomerSays { node } if !call.takeover() => {
                self.due |= node.cues.contains(&Cue::DemandsSupervisor)
                    || node.cues.contains(&Cue::SecondaryComplaint);
            }
            Moment::TraineeSays { choice, at, .. } if self.due && self.j.is_pending() => {
                if choice.has(Tag::Escalates) {
                    self.j.keep(call.now, Some(at), "R16-kept");
                    fx.add(Self::ID, PROMPT);
                } else {
                    self.j.break_at(call.now, Some(at), "R16-broken");
                    fx.add(Self::ID, IGNORED);
                }
            }
            _ => {}
        }
    }

    fn conclude(&mut self, call: &CallFacts, _: Outcome) {
        if self.due {
            self.j.settle(call.now, Status::Broken, "R16-broken-never");
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
    fn r16_handing_over_at_once_is_kept() {
        let r = Call::primary()
            .say("c1", &[FeelingsApology])
            .cue(Cue::DemandsSupervisor)
            .say("c2", &[Escalates])
            .play();
        r.expect("R16", Kept, Some("c2"));
    }

    #[test]
    fn r16_arguing_instead_of_handing_over_is_broken() {
        let r = Call::primary()
            .cue(Cue::DemandsSupervisor)
            .say("c1", &[ExplainsObjectively])
            .say("c2", &[Escalates])
            .play();
        r.expect("R16", Broken, Some("c1"));
    }

    #[test]
    fn r16_without_a_demand_is_not_tested() {
        Call::primary()
            .say("c1", &[FeelingsApology])
            .play()
            .expect("R16", NotTested, None);
    }
}
