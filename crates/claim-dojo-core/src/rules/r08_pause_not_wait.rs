//! R08 pause-not-wait: a short pause (間を置く) is fine and even calms; leaving the
//! customer waiting past their patience is not (seeds 002, 003). Every answer puts
//! it to the test: kept once the trainee has answered [`ANSWERS_TO_SHOW`] times
//! within the customer's patience, broken by any silence past it (the natural
//! pauses inside a vent are the customer's, not a silence). The session clock
//! reports pauses and waits; the numbers here drive it.

use super::*;

/// A pause at least this long before answering counts as 間.
pub const PAUSE_MIN_MS: u64 = 1_000;
/// What a pause does to anger, the first time; each later pause calms less.
pub const PAUSE_CALM: f64 = -2.0;
/// Anger per second while the customer is left waiting with nothing more to say.
pub const WAIT_RATE_PER_S: f64 = 1.5;
/// Anger when the customer has to say a "waiting" line (「もしもし? 聞いてます?」).
pub const WAITING_LINE_ANGER: f64 = 3.0;

#[derive(Debug, Clone, Default)]
pub struct PauseNotWait {
    j: Judgement,
    answers: u32,
    pauses: u32,
}

impl Rule for PauseNotWait {
    const ID: RuleId = RuleId::ALL[7];

    fn observe(&mut self, moment: &Moment, call: &CallFacts, fx: &mut Effects) {
        match *moment {
            Moment::Paused { .. } => {
                fx.add(Self::ID, diminished(PAUSE_CALM, self.pauses));
                self.pauses += 1;
            }
            Moment::TraineeSays { at, .. } => {
                self.answers += 1;
                if self.answers >= ANSWERS_TO_SHOW {
                    let reason = if self.pauses > 0 {
                        "R08-kept-pause"
                    } else {
                        "R08-kept"
                    };
                    self.j.keep(call.now, Some(at), reason);
                }
            }
            Moment::LeftWaiting { silence_ms } if !self.j.is_broken() => {
                self.j.break_at(call.now, None, "R08-broken");
                self.j.with_n(silence_ms as f64 / 1000.0);
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
    fn r08_answers_with_a_short_pause_are_kept_and_the_pause_calms() {
        let r = Call::primary()
            .say("c1", &[FeelingsApology])
            .say("c2", &[])
            .say("c3", &[])
            .play();
        r.expect("R08", Kept, Some("c3"));
        let (paused, instant) = Call::primary()
            .say("c1", &[])
            .compare_anger(Call::primary().say_after("c1", &[], 0.0));
        assert!(
            paused < instant,
            "a 1 s pause calms a little: {paused} vs {instant}"
        );
    }

    #[test]
    fn r08_repeated_pauses_calm_less_each_time() {
        let p = Call::primary()
            .say("c1", &[])
            .say("c2", &[])
            .say("c3", &[])
            .play();
        let r08: Vec<f64> = p
            .session
            .anger_changes()
            .iter()
            .filter_map(|c| c.effects.iter().find(|(r, _)| r.number() == 8).map(|e| e.1))
            .collect();
        assert_eq!(r08, vec![-2.0, -1.0, -0.5]);
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

    #[test]
    fn r08_the_pauses_inside_a_vent_are_not_a_silence() {
        let r = Call::primary()
            .vent()
            .say("c1", &[])
            .say("c2", &[])
            .say("c3", &[])
            .play();
        r.expect("R08", Kept, Some("c3"));
    }
}
