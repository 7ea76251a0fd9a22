//! R08 pause-not-wait: a short pause (間を置く) is fine and even calms; leaving the
//! customer waiting past their patience is not (seeds 002, 003). The session
//! clock reports pauses and waits; the numbers here drive it.

use super::*;

/// A pause at least this long before answering counts as 間.
pub const PAUSE_MIN_MS: u64 = 1_000;
/// What a pause does to anger.
pub const PAUSE_CALM: f64 = -2.0;
/// Anger per second while the customer is left waiting with nothing more to say.
pub const WAIT_RATE_PER_S: f64 = 1.5;
/// Anger when the customer has to say a "waiting" line (「もしもし? 聞いてます?」).
pub const WAITING_LINE_ANGER: f64 = 3.0;

#[derive(Debug, Clone, Default)]
pub struct PauseNotWait {
    j: Judgement,
}

impl Rule for PauseNotWait {
    const ID: RuleId = RuleId::ALL[7];

    fn observe(&mut self, moment: &Moment, call: &CallFacts, fx: &mut Effects) {
        match *moment {
            Moment::Paused { .. } => {
                fx.add(Self::ID, PAUSE_CALM);
                self.j.keep(call.now, None, "R08-kept-pause");
            }
            Moment::LeftWaiting { silence_ms } if !self.j.is_broken() => {
                self.j.break_at(call.now, None, "R08-broken");
                self.j.with_n(silence_ms as f64 / 1000.0);
            }
            _ => {}
        }
    }

    fn conclude(&mut self, call: &CallFacts, _: Outcome) {
        self.j
            .settle_if_said(call, Status::Kept, "R08-kept", "R08-na");
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
    fn r08_a_short_pause_is_kept_and_calms() {
        let r = Call::primary().say("c1", &[FeelingsApology]).play();
        r.expect("R08", Kept, None);
        let (paused, instant) = Call::primary()
            .say("c1", &[])
            .compare_anger(Call::primary().say_after("c1", &[], 0.0));
        assert!(
            paused < instant,
            "a 1 s pause calms a little: {paused} vs {instant}"
        );
    }

    #[test]
    fn r08_silence_past_patience_is_broken_and_anger_climbs_with_time() {
        let r = Call::primary()
            .say_after("c1", &[FeelingsApology], 9.0)
            .play();
        r.expect("R08", Broken, None);
        let short = Call::primary().say_after("c1", &[], 9.0).final_anger();
        let long = Call::primary().say_after("c1", &[], 15.0).final_anger();
        assert!(
            long > short + 5.0,
            "six more seconds of waiting add about 9: {short} → {long}"
        );
    }

    #[test]
    fn r08_the_customer_says_their_waiting_line() {
        let r = Call::primary()
            .waiting_line()
            .say_after("c1", &[], 7.0)
            .play();
        assert!(r.said_waiting_line());
    }
}
