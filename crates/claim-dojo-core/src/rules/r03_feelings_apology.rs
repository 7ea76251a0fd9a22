//! R03 feelings-apology: the first apology is for the discomfort caused
//! (不快な思い), not an admission of fault (seeds 000, 001, 002 step 1). It comes
//! up at the trainee's first apology.

use super::vocabulary::{APOLOGY, any};
use super::*;
use crate::scenario::Tag;

/// What apologising for the customer's feelings does, the first, second and later
/// times: it helps, then helps less, then not at all.
pub const FEELINGS_CALM: [f64; 3] = [-6.0, -3.0, 0.0];

#[derive(Debug, Clone, Default)]
pub struct FeelingsApology {
    j: Judgement,
    feelings: usize,
}

impl Rule for FeelingsApology {
    const ID: RuleId = RuleId::ALL[2];
    // Judged on the first apology alone.
    const KEEP_IS_FINAL: bool = true;

    fn observe(&mut self, moment: &Moment, call: &CallFacts, fx: &mut Effects) {
        let Moment::TraineeSays { choice, at, .. } = *moment else {
            return;
        };
        if !any(choice, APOLOGY) {
            return;
        }
        let feelings = choice.has(Tag::FeelingsApology);
        if call.apologies == 0 {
            if feelings {
                self.j.keep(call.now, Some(at), "R03-kept");
            } else {
                self.j.break_at(call.now, Some(at), "R03-broken");
            }
        }
        if feelings {
            fx.add(Self::ID, FEELINGS_CALM[self.feelings.min(2)]);
            self.feelings += 1;
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
    fn r03_first_apology_for_the_feelings_is_kept() {
        let r = Call::primary()
            .say("c1", &[AsksQuestion])
            .say("c2", &[FeelingsApology])
            .play();
        r.expect("R03", Kept, Some("c2"));
    }

    #[test]
    fn r03_first_apology_for_the_fault_is_broken() {
        let r = Call::primary()
            .say("c1", &[FaultApology])
            .say("c2", &[FeelingsApology])
            .play();
        r.expect("R03", Broken, Some("c1"));
    }

    #[test]
    fn r03_the_second_feelings_apology_calms_less_than_the_first() {
        let one = Call::primary().say("c1", &[FeelingsApology]).final_anger();
        let two = Call::primary()
            .say("c1", &[FeelingsApology])
            .say("c2", &[FeelingsApology])
            .final_anger();
        let three = Call::primary()
            .say("c1", &[FeelingsApology])
            .say("c2", &[FeelingsApology])
            .say("c3", &[FeelingsApology])
            .final_anger();
        assert!(
            two < one && (one - two) < 6.0,
            "second apology helps less: {one} → {two}"
        );
        assert!(
            three > two,
            "a third in a row backfires (R04): {two} → {three}"
        );
    }

    #[test]
    fn r03_no_apology_is_not_tested() {
        Call::primary()
            .say("c1", &[AsksQuestion])
            .play()
            .expect("R03", NotTested, None);
    }
}
