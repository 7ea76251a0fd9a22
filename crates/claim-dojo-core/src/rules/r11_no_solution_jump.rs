//! R11 no-solution-jump: no solution or explanation before the anger has been
//! accepted (recovery step 1), in the first three minutes (seed 002 step 1).
//! Acceptance has to come in an earlier utterance: a solution in the same breath
//! as the first apology is still a jump. It comes up at the first solution or
//! explanation.

use super::vocabulary::{SOLUTION, any};
use super::*;

/// Jumping to a solution brings the distrust back.
pub const JUMP: f64 = 8.0;

#[derive(Debug, Clone, Default)]
pub struct NoSolutionJump {
    j: Judgement,
}

impl Rule for NoSolutionJump {
    const ID: RuleId = RuleId::ALL[10];

    fn observe(&mut self, moment: &Moment, call: &CallFacts, fx: &mut Effects) {
        let Moment::TraineeSays { choice, at, .. } = *moment else {
            return;
        };
        if !any(choice, SOLUTION) || self.j.is_broken() {
            return;
        }
        if !call.accepted && call.in_window() {
            self.j.break_at(call.now, Some(at), "R11-broken");
            fx.add(Self::ID, JUMP);
        } else {
            self.j.keep(call.now, Some(at), "R11-kept");
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
    fn r11_a_solution_after_accepting_the_anger_is_kept() {
        let r = Call::primary()
            .say("c1", &[FeelingsApology])
            .say("c2", &[ProposesSolution])
            .play();
        r.expect("R11", Kept, Some("c2"));
    }

    #[test]
    fn r11_a_solution_before_accepting_the_anger_is_broken() {
        let r = Call::primary()
            .say("c1", &[ProposesSolution, FeelingsApology])
            .play();
        r.expect("R11", Broken, Some("c1"));
    }

    #[test]
    fn r11_after_three_minutes_a_solution_is_no_longer_a_jump() {
        let r = Call::primary()
            .patient()
            .say("c1", &[AsksQuestion])
            .say_after("c2", &[ProposesSolution], 200.0)
            .play();
        r.expect("R11", Kept, Some("c2"));
    }

    #[test]
    fn r11_without_solutions_is_not_tested() {
        Call::primary()
            .say("c1", &[FeelingsApology])
            .play()
            .expect("R11", NotTested, None);
    }
}
