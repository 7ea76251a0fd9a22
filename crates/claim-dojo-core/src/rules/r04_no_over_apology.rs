//! R04 no-over-apology: repeated, excessive apology backfires; it tells the customer
//! they were badly treated (seed 001). It comes up at the second apology, when
//! the next could be one too many; kept while no apology is the third in a row or
//! the fifth in one call.

use super::vocabulary::{APOLOGY, any};
use super::*;

pub const IN_A_ROW: u32 = 3;
pub const IN_A_CALL: u32 = 5;
/// Anger added by each apology past the limit.
pub const OVER_APOLOGY: f64 = 6.0;

#[derive(Debug, Clone, Default)]
pub struct NoOverApology {
    j: Judgement,
}

impl Rule for NoOverApology {
    const ID: RuleId = RuleId::ALL[3];

    fn observe(&mut self, moment: &Moment, call: &CallFacts, fx: &mut Effects) {
        let Moment::TraineeSays { choice, at, .. } = *moment else {
            return;
        };
        if !any(choice, APOLOGY) {
            return;
        }
        let streak = call.apology_streak + 1;
        let total = call.apologies + 1;
        if streak >= IN_A_ROW || total >= IN_A_CALL {
            let first = !self.j.is_broken();
            self.j.break_at(
                call.now,
                Some(at),
                if streak >= IN_A_ROW {
                    "R04-broken-row"
                } else {
                    "R04-broken-total"
                },
            );
            if first {
                self.j
                    .with_n(f64::from(if streak >= IN_A_ROW { streak } else { total }));
            }
            fx.add(Self::ID, OVER_APOLOGY);
        } else if total >= 2 {
            self.j.keep(call.now, Some(at), "R04-kept");
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
    fn r04_two_apologies_with_a_question_between_are_kept() {
        let r = Call::primary()
            .say("c1", &[FeelingsApology])
            .say("c2", &[FeelingsApology])
            .say("c3", &[AsksQuestion])
            .say("c4", &[FaultApology])
            .play();
        r.expect("R04", Kept, Some("c2"));
    }

    #[test]
    fn r04_the_third_apology_in_a_row_is_broken() {
        let r = Call::primary()
            .say("c1", &[FeelingsApology])
            .say("c2", &[FaultApology])
            .say("c3", &[FeelingsApology])
            .play();
        r.expect("R04", Broken, Some("c3"));
        assert_eq!(r.rule("R04").n, Some(3.0));
    }

    #[test]
    fn r04_a_single_apology_does_not_test_it() {
        Call::primary()
            .say("c1", &[FeelingsApology])
            .play()
            .expect("R04", NotTested, None);
    }
}
