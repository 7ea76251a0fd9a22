//! R02 no-interrupt: never cut the customer off while they speak (seed 004 (2)).
//! Saying a choice while the customer's line is still running is an interruption;
//! a back-channel is not.

use super::*;

/// Anger added by cutting the customer off.
pub const INTERRUPTION: f64 = 10.0;

#[derive(Debug, Clone, Default)]
pub struct NoInterrupt {
    j: Judgement,
}

impl Rule for NoInterrupt {
    const ID: RuleId = RuleId::ALL[1];

    fn observe(&mut self, moment: &Moment, call: &CallFacts, fx: &mut Effects) {
        if let Moment::TraineeSays {
            at,
            interrupted: true,
            ..
        } = *moment
        {
            self.j.break_at(call.now, Some(at), "R02-broken");
            fx.add(Self::ID, INTERRUPTION);
        }
    }

    fn conclude(&mut self, call: &CallFacts, _: Outcome) {
        self.j
            .settle_if_said(call, Status::Kept, "R02-kept", "R02-na");
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
    fn r02_answering_after_the_customer_finishes_is_kept() {
        Call::primary()
            .say("c1", &[FeelingsApology])
            .play()
            .expect("R02", Kept, None);
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
            .play()
            .expect("R02", Kept, None);
    }
}
