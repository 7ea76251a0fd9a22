//! R01 listen-first: hear the customer out before apologising for the fault or
//! explaining (seeds 003 §1, 004 (2)). It comes up at the first substantive
//! answer, or when the customer vents. Listening is a question, a fact check,
//! restating or inviting the story said once the customer has finished, or
//! letting a vent run to its end; a lone はい is a courtesy, not evidence.

use super::vocabulary::{LISTENING, SUBSTANTIVE, any};
use super::*;

/// A back-channel while the customer speaks, once per line: they feel heard.
/// Repeated, it is worth less each time (see `diminished`).
pub const BACK_CHANNEL_CALM: f64 = -1.0;
/// Letting a vent run to its end: the customer has said it all.
pub const VENT_HEARD_CALM: f64 = -3.0;
/// Explaining or apologising for the fault before listening, or answering in
/// the middle of a vent: they feel unheard.
pub const UNHEARD: f64 = 4.0;

#[derive(Debug, Clone, Default)]
pub struct ListenFirst {
    j: Judgement,
    /// The first listening act: when, and the choice when it was one. It is the
    /// evidence of a kept verdict, not the explanation that followed it.
    heard: Option<(u64, Option<ChoiceRef>)>,
    back_channels: u32,
}

impl Rule for ListenFirst {
    const ID: RuleId = RuleId::ALL[0];

    fn observe(&mut self, moment: &Moment, call: &CallFacts, fx: &mut Effects) {
        match *moment {
            Moment::Listens {
                during_speech: true,
                first_this_line: true,
            } => {
                fx.add(Self::ID, diminished(BACK_CHANNEL_CALM, self.back_channels));
                self.back_channels += 1;
            }
            Moment::VentHeard => {
                fx.add(Self::ID, VENT_HEARD_CALM);
                self.heard.get_or_insert((call.now, None));
                self.j.keep(call.now, None, "R01-kept-vent");
            }
            Moment::TraineeSays {
                choice,
                at,
                interrupted,
                cut_vent,
                ..
            } => {
                if cut_vent {
                    self.j.break_at(call.now, Some(at), "R01-broken-vent");
                    fx.add(Self::ID, UNHEARD);
                    return;
                }
                if any(choice, LISTENING) && !interrupted {
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

    fn conclude(&mut self, _: &CallFacts, _: Outcome) {}

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
    fn r01_one_back_channel_is_not_hearing_the_customer_out() {
        let r = Call::primary()
            .listen_mid_line()
            .say("c1", &[FaultApology])
            .play();
        r.expect("R01", Broken, Some("c1"));
    }

    #[test]
    fn r01_letting_a_vent_run_is_kept_and_calms() {
        let r = Call::primary().vent().say("c1", &[FeelingsApology]).play();
        r.expect("R01", Kept, None);
        let (heard, cut) = Call::primary()
            .vent()
            .say("c1", &[FeelingsApology])
            .compare_anger(
                Call::primary()
                    .vent()
                    .answer_in_vent("c1", &[FeelingsApology]),
            );
        assert!(heard + 10.0 < cut, "{heard} vs {cut}");
    }

    #[test]
    fn r01_answering_in_the_pause_of_a_vent_is_broken_with_r02() {
        let r = Call::primary()
            .vent()
            .answer_in_vent("c1", &[FeelingsApology])
            .play();
        r.expect("R01", Broken, Some("c1"));
        r.expect("R02", Broken, Some("c1"));
    }

    #[test]
    fn r01_without_explaining_or_a_vent_is_not_tested() {
        Call::primary()
            .say("c1", &[FeelingsApology])
            .play()
            .expect("R01", NotTested, None);
    }
}
