//! Scoring a finished session: the 3-minute de-escalation, the four recovery steps,
//! the rules kept and broken, the outcome, and a total whose every point is
//! accounted for by a named part.

use crate::rules::{ChoiceRef, Judgement, RuleId, Status};
use crate::scenario::Outcome;
use crate::session::{Session, WINDOW_MS};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Deescalation {
    pub passed: bool,
    pub calm_at_ms: Option<u64>,
    /// When the three minutes started: the trainee's first words, or the takeover.
    pub window_start_ms: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    Done,
    Missed,
    OutOfOrder,
}

impl StepStatus {
    pub fn key(self) -> &'static str {
        match self {
            StepStatus::Done => "done",
            StepStatus::Missed => "missed",
            StepStatus::OutOfOrder => "out_of_order",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StepResult {
    pub step: u8,
    pub status: StepStatus,
    /// When the step was first advanced, even when that was too late or out of order.
    pub at_ms: Option<u64>,
    pub by: Option<ChoiceRef>,
    /// Step 1 came, but after the first three minutes.
    pub late: bool,
}

/// One named part of the total.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScorePart {
    pub key: &'static str,
    pub points: u32,
    pub max: u32,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    pub total: u32,
    pub max: u32,
    pub parts: [ScorePart; 7],
}

/// Points per part; they add up to 100. The rules weigh most because they are the
/// lesson: a call that calms the customer with an unkeepable promise must not
/// score well.
pub const DEESCALATION_POINTS: u32 = 20;
pub const STEP_POINTS: u32 = 8;
pub const RULE_POINTS: u32 = 40;
/// What each broken rule costs, down to zero.
pub const BROKEN_RULE_COST: u32 = 8;
pub const OUTCOME_POINTS: u32 = 8;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scorecard {
    pub outcome: Outcome,
    pub ended_ms: u64,
    pub deescalation: Deescalation,
    pub steps: [StepResult; 4],
    pub rules: [(RuleId, Judgement); RuleId::COUNT],
    pub score: Score,
}

impl Scorecard {
    pub fn kept(&self) -> usize {
        self.rules
            .iter()
            .filter(|(_, j)| j.status == Status::Kept)
            .count()
    }

    pub fn broken(&self) -> impl Iterator<Item = RuleId> + '_ {
        self.rules
            .iter()
            .filter(|(_, j)| j.status == Status::Broken)
            .map(|(id, _)| *id)
    }

    pub fn steps_in_order(&self) -> bool {
        self.steps.iter().all(|s| s.status == StepStatus::Done)
    }
}

pub(crate) fn score(
    session: &Session,
    rules: &[(RuleId, Judgement); RuleId::COUNT],
    outcome: Outcome,
) -> Scorecard {
    let window_start = session.window_start_ms();
    let calm_at = session.calm_at_ms();
    let deescalation = Deescalation {
        passed: matches!((window_start, calm_at), (Some(w), Some(c)) if c <= w + WINDOW_MS),
        calm_at_ms: calm_at,
        window_start_ms: window_start,
    };
    let steps = judge_steps(session, window_start);
    let broken = rules
        .iter()
        .filter(|(_, j)| j.status == Status::Broken)
        .count() as u32;
    let rule_points = RULE_POINTS.saturating_sub(BROKEN_RULE_COST * broken);
    let step_points = |s: &StepResult| match s.status {
        StepStatus::Done => STEP_POINTS,
        StepStatus::OutOfOrder => STEP_POINTS / 2,
        StepStatus::Missed => 0,
    };
    let escalation_asked = rules[15].1.status == Status::Kept;
    // R23: ending the call by policy is right only after a warning, on abuse that went on.
    let ended_by_the_book = rules[22].1.status == Status::Kept;
    let outcome_points = match outcome {
        Outcome::Resolved => OUTCOME_POINTS,
        Outcome::Escalated if escalation_asked => OUTCOME_POINTS,
        Outcome::EndedByPolicy if ended_by_the_book => OUTCOME_POINTS,
        Outcome::FollowUp | Outcome::Escalated => OUTCOME_POINTS * 3 / 4,
        Outcome::HungUp | Outcome::SecondaryComplaint | Outcome::EndedByPolicy => 0,
    };
    let part = |key, points, max| ScorePart { key, points, max };
    let parts = [
        part(
            "deescalation",
            if deescalation.passed {
                DEESCALATION_POINTS
            } else {
                0
            },
            DEESCALATION_POINTS,
        ),
        part("step1", step_points(&steps[0]), STEP_POINTS),
        part("step2", step_points(&steps[1]), STEP_POINTS),
        part("step3", step_points(&steps[2]), STEP_POINTS),
        part("step4", step_points(&steps[3]), STEP_POINTS),
        part("rules", rule_points, RULE_POINTS),
        part("outcome", outcome_points, OUTCOME_POINTS),
    ];
    Scorecard {
        outcome,
        ended_ms: session.now_ms(),
        deescalation,
        steps,
        rules: *rules,
        score: Score {
            total: parts.iter().map(|p| p.points).sum(),
            max: parts.iter().map(|p| p.max).sum(),
            parts,
        },
    }
}

/// Done, missed or out of order: a step is out of order when an earlier step had
/// not been reached by the choice that advanced it. Step 1 must come in the window.
fn judge_steps(session: &Session, window_start: Option<u64>) -> [StepResult; 4] {
    let marks = session.step_marks();
    std::array::from_fn(|i| {
        let step = i as u8 + 1;
        let Some(m) = marks[i] else {
            return StepResult {
                step,
                status: StepStatus::Missed,
                at_ms: None,
                by: None,
                late: false,
            };
        };
        let late = i == 0 && window_start.is_some_and(|w| m.at_ms > w + WINDOW_MS);
        let before = marks[..i].iter().all(|p| p.is_some_and(|p| p.act <= m.act));
        let status = if late {
            StepStatus::Missed
        } else if before {
            StepStatus::Done
        } else {
            StepStatus::OutOfOrder
        };
        StepResult {
            step,
            status,
            at_ms: Some(m.at_ms),
            by: Some(m.by),
            late,
        }
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::scenario::Tag::*;
    use crate::scoring::StepStatus;

    #[test]
    fn the_four_steps_in_order_are_done() {
        let r = Call::primary()
            .say("c1", &[FeelingsApology])
            .say("c2", &[ChecksFact])
            .say("c3", &[OffersAlternative])
            .say("c4", &[NextStep])
            .play();
        assert!(
            r.card.steps.iter().all(|s| s.status == StepStatus::Done),
            "{:?}",
            r.card.steps
        );
        assert!(r.card.steps_in_order());
    }

    #[test]
    fn a_solution_before_acceptance_puts_the_step_out_of_order_and_the_missing_step_missed() {
        let r = Call::primary()
            .say("c1", &[ProposesSolution])
            .say("c2", &[FeelingsApology])
            .play();
        let st: Vec<_> = r.card.steps.iter().map(|s| s.status).collect();
        assert_eq!(
            st,
            vec![
                StepStatus::Done,
                StepStatus::Missed,
                StepStatus::OutOfOrder,
                StepStatus::Missed
            ]
        );
        assert!(!r.card.steps_in_order());
    }

    #[test]
    fn the_session_tells_rules_kept_and_broken_and_steps_as_they_happen() {
        use crate::rules::RuleId;
        use crate::session::Event;
        let mut p = Call::primary()
            .say("c1", &[FeelingsApology])
            .say("c2", &[Excuse])
            .play();
        let events = p.session.take_events();
        let r03 = RuleId::parse("R03").unwrap();
        let r06 = RuleId::parse("R06").unwrap();
        assert!(
            events
                .iter()
                .any(|e| matches!(e, Event::RuleKept { rule, .. } if *rule == r03))
        );
        assert!(
            events
                .iter()
                .any(|e| matches!(e, Event::RuleBroken { rule, .. } if *rule == r06))
        );
        assert!(
            events
                .iter()
                .any(|e| matches!(e, Event::StepReached { step: 1, .. }))
        );
        assert!(events.iter().any(|e| matches!(e, Event::CallEnded { .. })));
        assert!(events.iter().any(|e| matches!(e, Event::AngerChanged(_))));
    }

    #[test]
    fn every_point_of_the_total_is_in_a_part() {
        for call in [
            Call::primary().say("c1", &[Excuse]),
            Call::primary()
                .say("c1", &[FeelingsApology])
                .say("c2", &[ChecksFact])
                .say("c3", &[NextStep]),
        ] {
            let s = call.play().card.score;
            assert_eq!(s.total, s.parts.iter().map(|p| p.points).sum::<u32>());
            assert_eq!(s.max, 100);
            assert!(s.parts.iter().all(|p| p.points <= p.max));
        }
    }

    #[test]
    fn calming_the_customer_within_three_minutes_passes_and_an_excuse_fails() {
        let good = Call::primary()
            .cue(crate::scenario::Cue::RepeatCaller)
            .say("c1", &[FeelingsApology])
            .say("c2", &[AcknowledgesBurden])
            .say("c3", &[InvitesStory])
            .say("c4", &[Restates])
            .say("c5", &[NextStep])
            .play();
        assert!(
            good.card.deescalation.passed,
            "{:?} curve {:?}",
            good.card.deescalation,
            good.session.curve()
        );
        let bad = Call::primary()
            .say("c1", &[Excuse])
            .say("c2", &[Denial])
            .play();
        assert!(!bad.card.deescalation.passed);
        assert_eq!(bad.card.deescalation.calm_at_ms, None);
        assert!(good.card.score.total > bad.card.score.total);
    }
}
