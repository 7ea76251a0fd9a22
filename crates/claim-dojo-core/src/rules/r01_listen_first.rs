//! R01 listen-first: hear the customer out before apologising for the fault or
//! explaining (seeds 003 §1, 004 (2)). Listening is a back-channel, a question, a
//! fact check, restating, or inviting the story; it may come in the same breath.

use super::vocabulary::{LISTENING, SUBSTANTIVE, any};
use super::*;

/// A back-channel while the customer speaks, once per line: they feel heard.
pub const BACK_CHANNEL_CALM: f64 = -1.0;
/// Explaining or apologising for the fault before listening: they feel unheard.
pub const UNHEARD: f64 = 4.0;

#[derive(Debug, Clone, Default)]
pub struct ListenFirst {
    j: Judgement,
    /// The first listening act: when, and the choice when it was one. It is the
    /// evidence of a kept verdict, not the explanation that followed it.
    heard: Option<(u64, Option<ChoiceRef>)>,
}

impl Rule for ListenFirst {
    const ID: RuleId = RuleId::ALL[0];

    fn observe(&mut self, moment: &Moment, call: &CallFacts, fx: &mut Effects) {
        match *moment {
            Moment::Listens {
                during_speech,
                first_this_line,
            } => {
                self.heard.get_or_insert((call.now, None));
                if during_speech && first_this_line {
                    fx.add(Self::ID, BACK_CHANNEL_CALM);
                }
            }
            Moment::TraineeSays { choice, at, .. } => {
                if any(choice, LISTENING) {
                    self.heard.get_or_insert((call.now, Some(at)));
                }
                if !any(choice, SUBSTANTIVE) || !self.j.is_pending() {
                    return;
                }
                match self.heard {
                    Some((when, by)) => self.j.keep(when, by, "R01-kept"),
                    None => {
                        self.j.break_at(call.now, Some(at), "R01-broken");
                        fx.add(Self::ID, UNHEARD);
                    }
                }
            }
            _ => {}
        }
    }

    fn conclude(&mut self, call: &CallFacts, _: Outcome) {
        let status = if call.listened {
            Status::Kept
        } else {
            Status::NotApplicable
        };
        self.j.settle(
            call.now,
            status,
            if call.listened {
                "R01-kept-listened"
            } else {
                "R01-na"
            },
        );
    }

    fn judgement(&self) -> Judgement {
        self.j
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::scenario::Tag::*;

    #[test]
    fn r01_listening_before_explaining_is_kept_with_the_listening_as_evidence() {
        let r = Call::primary()
            .say("c1", &[AsksQuestion])
            .say("c2", &[ExplainsObjectively])
            .play();
        r.expect("R01", Kept, Some("c1"));
    }

    #[test]
    fn r01_explaining_before_listening_is_broken_and_angers() {
        let (explained, quiet) = Call::primary()
            .say("c1", &[ExplainsObjectively])
            .compare_anger(Call::primary().say("c1", &[]));
        assert!(
            explained > quiet,
            "explaining unheard should anger more: {explained} vs {quiet}"
        );
        Call::primary()
            .say("c1", &[ExplainsObjectively])
            .play()
            .expect("R01", Broken, Some("c1"));
    }

    #[test]
    fn r01_a_back_channel_during_speech_counts_as_listening() {
        let r = Call::primary()
            .listen_mid_line()
            .say("c1", &[FaultApology])
            .play();
        r.expect("R01", Kept, None);
    }

    #[test]
    fn r01_without_explaining_or_listening_is_not_applicable() {
        Call::primary()
            .say("c1", &[FeelingsApology])
            .play()
            .expect("R01", NotApplicable, None);
    }
}
