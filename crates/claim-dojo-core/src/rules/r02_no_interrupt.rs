//! R02 no-interrupt: never cut the customer off while they speak (seed 004 (2)).
//! Saying a choice while the customer's line is still running, or in the pause
//! between the lines of a vent, is an interruption; a back-channel is not, and
//! neither is answering the customer's "are you there?" line. Every answer puts
//! the rule to the test; it is kept once the trainee has answered
//! [`ANSWERS_TO_SHOW`] times, each after the customer finished.

use super::*;

/// Anger added by cutting the customer off.
pub const INTERRUPTION: f64 = 10.0;

#[derive(Debug, Clone, Default)]
pub struct NoInterrupt {
    j: Judgement,
    answers: u32,
}

impl Rule for NoInterrupt {
    const ID: RuleId = RuleId::ALL[1];

    fn observe(&mut self, moment: &Moment, call: &CallFacts, fx: &mut Effects) {
        let Moment::TraineeSays {
            at, interrupted, ..
        } = *moment
        else {
            return;
        };
        if interrupted {
            self.j.break_at(call.now, Some(at), "R02-broken");
            fx.add(Self::ID, INTERRUPTION);
        } else {
            self.answers += 1;
            if self.answers >= ANSWERS_TO_SHOW {
                self.j.keep(call.now, Some(at), "R02-kept");
            }
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
    fn r02_three_answers_after_the_customer_finishes_are_kept() {
        Call::primary()
            .say("c1", &[FeelingsApology])
            .say("c2", &[AsksQuestion])
            .say("c3", &[NextStep])
            .play()
            .expect("R02", Kept, Some("c3"));
    }

    #[test]
    fn r02_one_polite_answer_shows_nothing_yet() {
        Call::primary()
            .say("c1", &[FeelingsApology])
            .play()
            .expect("R02", NotTested, None);
    }

    #[test]
    fn r02_answering_mid_line_is_broken_and_the_customer_reacts_at_once() {
        let r = Call::primary().interrupt("c1", &[FeelingsApology]).play();
        r.expect("R02", Broken, Some("c1"));
        assert!(
            r.transcript_has_interruption(),
            "the cut line is marked and the customer protests"
        );
        let (polite, rude) = Call::primary()
            .say("c1", &[FeelingsApology])
            .compare_anger(Call::primary().interrupt("c1", &[FeelingsApology]));
        assert!(
            rude >= polite + 8.0,
            "interrupting adds about 10: {rude} vs {polite}"
        );
    }

    #[test]
    fn r02_a_back_channel_mid_line_is_not_an_interruption() {
        Call::primary()
            .listen_mid_line()
            .say("c1", &[])
            .say("c2", &[])
            .say("c3", &[])
            .play()
            .expect("R02", Kept, Some("c3"));
    }

    #[test]
    fn r02_answering_the_customers_waiting_line_is_not_an_interruption() {
        let r = Call::primary()
            .waiting_line()
            .answer_waiting_line("c1", &[FeelingsApology])
            .play();
        assert!(r.said_waiting_line());
        assert!(!r.transcript_has_interruption());
        assert!(!r.rule("R02").is_broken());
    }
}
