//! Scoring a finished session: the 3-minute de-escalation, the four recovery steps,
//! the rules kept and broken, the outcome, and a total whose every point is
//! accounted for by a named part. Only good handling earns: a rule that never
//! came up earns nothing, steps after a missing step 1 earn nothing, calm must
//! hold and must not be bought, and an ending reached through false relief is
//! not a resolution.

use crate::rules::{ChoiceRef, Judgement, RuleId, Status};
use crate::scenario::Outcome;
use crate::session::{Captured, FalseRelief, Session, WINDOW_MS};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Deescalation {
    pub passed: bool,
    /// Whether calming the customer within the window was the goal: not when the
    /// right move was to hand over at once (R16 kept), which earns the part instead.
    pub goal: bool,
    /// When calm that held began (see `session::CALM_HOLD_MS`).
    pub calm_at_ms: Option<u64>,
    /// When the three minutes started: the trainee's first words, or the takeover.
    pub window_start_ms: Option<u64>,
}

/// What the trainee's memo and handoff form captured of the declared facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FactsCaptured {
    /// Every declared fact the customer said (or the first record held).
    pub heard: crate::scenario::FactSet,
    pub memo: Option<Captured>,
    pub handoff: Option<Captured>,
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
    /// Points earned: nothing for a step after a missing step 1.
    pub points: u32,
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
/// The rule points are the share of the rules that came up which were kept, a
/// broken rule weighing [`BROKEN_WEIGHT`] times a kept one; with fewer than this
/// many tested, the share is taken of this many, so a call that shows little
/// earns little.
pub const RULES_FLOOR: u32 = 10;
/// A broken rule is the lesson failed: it outweighs a rule kept.
pub const BROKEN_WEIGHT: u32 = 2;
pub const OUTCOME_POINTS: u32 = 8;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scorecard {
    pub outcome: Outcome,
    pub ended_ms: u64,
    pub deescalation: Deescalation,
    pub steps: [StepResult; 4],
    pub rules: [(RuleId, Judgement); RuleId::COUNT],
    pub score: Score,
    /// Why the outcome earned nothing although the call closed (resolved, a
    /// follow-up, a handover): it was reached through false relief.
    pub unsound: Option<FalseRelief>,
    pub facts: FactsCaptured,
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

    /// Rules that came up (kept or broken).
    pub fn tested(&self) -> usize {
        self.rules
            .iter()
            .filter(|(_, j)| matches!(j.status, Status::Kept | Status::Broken))
            .count()
    }
}

/// The rule points: 40 × kept ÷ max(kept + 2 × broken, [`RULES_FLOOR`]),
/// rounded. Nothing kept earns nothing; with the same rules tested, each broken
/// rule costs more, never hitting a floor, so seven broken score below five.
pub fn rule_points(kept: u32, broken: u32) -> u32 {
    rule_points_of(RULE_POINTS, kept, broken)
}

pub(crate) fn rule_points_of(max: u32, kept: u32, broken: u32) -> u32 {
    let weight = (kept + BROKEN_WEIGHT * broken).max(RULES_FLOOR);
    (max * kept + weight / 2) / weight
}

pub(crate) fn score(
    session: &Session,
    rules: &[(RuleId, Judgement); RuleId::COUNT],
    outcome: Outcome,
) -> Scorecard {
    let window_start = session.window_start_ms();
    let calm_at = session.calm_at_ms();
    // Handing over at once was the lesson: the window was not the goal. Not so
    // when the trainee had already broken a rule before the handover: then the
    // customer's demand was of their making, and calming them was still the goal.
    let escalation_asked = rules[15].1.status == Status::Kept;
    let handover_at = rules[15].1.at_ms.unwrap_or(0);
    let clean_before_handover = !rules
        .iter()
        .any(|(_, j)| j.status == Status::Broken && j.at_ms.is_some_and(|t| t < handover_at));
    let deescalation = Deescalation {
        passed: matches!((window_start, calm_at), (Some(w), Some(c)) if c <= w + WINDOW_MS),
        goal: !(escalation_asked && clean_before_handover),
        calm_at_ms: calm_at,
        window_start_ms: window_start,
    };
    let mut steps = judge_steps(session, window_start);
    let unsound = session.false_relief().filter(|_| {
        matches!(
            outcome,
            Outcome::Resolved | Outcome::FollowUp | Outcome::Escalated
        )
    });
    // Drawing the line and showing the next step are how a call closes: on a
    // call the customer hung up on, or closed on false relief, they did not land.
    // R23: ending the call by policy is right only after a warning, on abuse that went on.
    let ended_by_the_book = rules[22].1.status == Status::Kept;
    let closed_soundly = unsound.is_none()
        && (matches!(
            outcome,
            Outcome::Resolved | Outcome::FollowUp | Outcome::Escalated
        ) || (outcome == Outcome::EndedByPolicy && ended_by_the_book));
    if !closed_soundly {
        for s in &mut steps[2..] {
            s.points = 0;
        }
    }
    let count = |st: Status| rules.iter().filter(|(_, j)| j.status == st).count() as u32;
    // When handing over at once was the lesson, the window was not the goal: its
    // points go to the rules, which judged the handover (R16, R17, R18).
    let (deescalation_max, rules_max) = if deescalation.goal {
        (DEESCALATION_POINTS, RULE_POINTS)
    } else {
        (0, RULE_POINTS + DEESCALATION_POINTS)
    };
    let rule_points = rule_points_of(rules_max, count(Status::Kept), count(Status::Broken));
    // Passing the customer on again is not a way to close a call.
    let runaround = rules[17].1.status == Status::Broken;
    let outcome_points = match outcome {
        _ if unsound.is_some() => 0,
        Outcome::Escalated if runaround => 0,
        Outcome::Resolved => OUTCOME_POINTS,
        Outcome::Escalated if escalation_asked => OUTCOME_POINTS,
        Outcome::EndedByPolicy if ended_by_the_book => OUTCOME_POINTS,
        Outcome::FollowUp | Outcome::Escalated => OUTCOME_POINTS * 3 / 4,
        Outcome::HungUp | Outcome::SecondaryComplaint | Outcome::EndedByPolicy => 0,
    };
    let part = |key, points, max| ScorePart { key, points, max };
    let deescalation_points = if deescalation.passed {
        deescalation_max
    } else {
        0
    };
    let parts = [
        part("deescalation", deescalation_points, deescalation_max),
        part("step1", steps[0].points, STEP_POINTS),
        part("step2", steps[1].points, STEP_POINTS),
        part("step3", steps[2].points, STEP_POINTS),
        part("step4", steps[3].points, STEP_POINTS),
        part("rules", rule_points, rules_max),
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
        unsound,
        facts: FactsCaptured {
            heard: session.heard_facts(),
            memo: session.memo_captured(),
            handoff: session.handoff_captured(),
        },
    }
}

/// Done, missed or out of order: a step is out of order when an earlier step had
/// not been reached by the choice that advanced it. Step 1 must come in the window;
/// without it, the later steps earn nothing (accepting the anger is what makes
/// the rest land).
fn judge_steps(session: &Session, window_start: Option<u64>) -> [StepResult; 4] {
    let marks = session.step_marks();
    let mut steps: [StepResult; 4] = std::array::from_fn(|i| {
        let step = i as u8 + 1;
        let Some(m) = marks[i] else {
            return StepResult {
                step,
                status: StepStatus::Missed,
                at_ms: None,
                by: None,
                late: false,
                points: 0,
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
            points: match status {
                StepStatus::Done => STEP_POINTS,
                StepStatus::OutOfOrder => STEP_POINTS / 2,
                StepStatus::Missed => 0,
            },
        }
    });
    if steps[0].status == StepStatus::Missed {
        for s in &mut steps[1..] {
            s.points = 0;
        }
    }
    steps
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::scenario::Tag::*;
    use crate::scoring::{STEP_POINTS, StepStatus};

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
    fn a_question_before_acceptance_puts_the_step_out_of_order_and_the_missing_step_missed() {
        let r = Call::primary()
            .say("c1", &[AsksQuestion])
            .say("c2", &[FeelingsApology])
            .play();
        let st: Vec<_> = r.card.steps.iter().map(|s| s.status).collect();
        assert_eq!(
            st,
            vec![
                StepStatus::Done,
                StepStatus::OutOfOrder,
                StepStatus::Missed,
                StepStatus::Missed
            ]
        );
        assert!(!r.card.steps_in_order());
    }

    #[test]
    fn words_that_break_a_rule_advance_no_step() {
        // A solution before the anger is accepted breaks R11: it is no step 3.
        let r = Call::primary()
            .say("c1", &[ProposesSolution])
            .say("c2", &[FeelingsApology])
            .play();
        assert_eq!(r.card.steps[2].at_ms, None);
        assert!(r.rule("R11").is_broken());
        // A callback without a time breaks R14: it is no step 4.
        let r = Call::primary()
            .say("c1", &[FeelingsApology])
            .say("c2", &[CallsBack, NextStep])
            .play();
        assert_eq!(r.card.steps[3].at_ms, None);
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
    fn steps_after_a_missing_step_1_earn_nothing() {
        let r = Call::primary()
            .say("c1", &[ChecksFact])
            .say("c2", &[NextStep])
            .play();
        assert_eq!(r.card.steps[0].status, StepStatus::Missed);
        assert!(r.card.steps[1].at_ms.is_some() && r.card.steps[3].at_ms.is_some());
        assert!(r.card.steps[1..].iter().all(|s| s.points == 0));
    }

    #[test]
    fn rule_points_are_the_share_kept_of_the_rules_tested_with_a_floor() {
        use super::rule_points;
        assert_eq!(rule_points(0, 0), 0, "nothing tested earns nothing");
        assert_eq!(rule_points(1, 0), 4, "one rule kept is a tenth");
        assert_eq!(rule_points(10, 0), 40);
        assert_eq!(rule_points(9, 1), 33, "a broken rule outweighs a kept one");
        assert!(rule_points(5, 7) < rule_points(7, 5));
        assert!(rule_points(0, 7) == 0 && rule_points(2, 10) > rule_points(1, 11));
    }

    #[test]
    fn silence_earns_nothing() {
        for call in [Call::primary(), Call::secondary()] {
            let scenario = call.say("c1", &[FeelingsApology]).scenario();
            let mut s = crate::session::Session::new(std::sync::Arc::new(scenario), 7);
            let silent = s.finish();
            assert_eq!(silent.score.total, 0, "{:?}", silent.score);
            assert_eq!(silent.kept(), 0);
        }
    }

    fn repeat_call(last: &[crate::scenario::Tag]) -> Call {
        Call::primary()
            .cue(crate::scenario::Cue::RepeatCaller)
            .say("c1", &[FeelingsApology, AcknowledgesBurden])
            .say("c2", &[InvitesStory])
            .say("c3", last)
    }

    #[test]
    fn calm_that_lasts_to_the_end_of_the_call_passes_and_bought_calm_never_does() {
        let held = repeat_call(&[Restates])
            .say("c4", &[NextStep])
            .say("c5", &[ChecksFact])
            .play();
        assert!(
            held.card.deescalation.passed,
            "{:?} {:?}",
            held.card.deescalation,
            held.session.curve()
        );
        let bought = repeat_call(&[UnkeepablePromise]).play();
        assert!(
            bought.session.curve().iter().any(|p| p.1 < 36.0),
            "the promise did calm her: {:?}",
            bought.session.curve()
        );
        assert!(!bought.card.deescalation.passed);
        assert_eq!(
            bought.card.unsound.map(|u| u.rule.to_string()),
            Some("R13".into())
        );
        assert_eq!(
            bought.card.score.parts[6].points, 0,
            "not scored as resolved"
        );
    }

    #[test]
    fn a_line_drawn_or_a_next_step_on_a_call_that_did_not_close_soundly_earns_nothing() {
        let closed = Call::primary()
            .say("c1", &[FeelingsApology])
            .say("c2", &[ChecksFact])
            .say("c3", &[OffersAlternative])
            .say("c4", &[NextStep])
            .play();
        assert!(closed.card.steps.iter().all(|s| s.points == STEP_POINTS));
        let hung_up = Call::primary()
            .ending(crate::scenario::Ending::HungUp)
            .say("c1", &[FeelingsApology])
            .say("c2", &[ChecksFact])
            .say("c3", &[OffersAlternative])
            .say("c4", &[NextStep])
            .play();
        let points: Vec<u32> = hung_up.card.steps.iter().map(|s| s.points).collect();
        assert_eq!(points, vec![8, 8, 0, 0]);
    }

    #[test]
    fn passing_the_customer_on_again_earns_no_outcome() {
        let r = Call::secondary()
            .say("c1", &[NamesSelf])
            .say("c2", &[Transfers])
            .ending(crate::scenario::Ending::Escalated)
            .play();
        assert!(r.rule("R18").is_broken());
        assert_eq!(r.card.score.parts[6].points, 0);
    }

    #[test]
    fn handing_over_after_provoking_the_demand_leaves_the_window_the_goal() {
        let r = Call::primary()
            .say("c1", &[Excuse])
            .cue(crate::scenario::Cue::DemandsSupervisor)
            .say("c2", &[Escalates])
            .ending(crate::scenario::Ending::Escalated)
            .play();
        assert!(r.rule("R16").status == Kept && r.card.deescalation.goal);
    }

    #[test]
    fn handing_over_at_once_makes_the_window_not_the_goal() {
        let r = Call::primary()
            .cue(crate::scenario::Cue::DemandsSupervisor)
            .say("c1", &[Escalates])
            .ending(crate::scenario::Ending::Escalated)
            .play();
        assert!(!r.card.deescalation.goal);
        let (window, rules) = (r.card.score.parts[0], r.card.score.parts[5]);
        assert_eq!((window.points, window.max), (0, 0));
        assert_eq!(rules.max, 60, "the window's points go to the rules");
        assert_eq!(r.card.score.max, 100);
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
