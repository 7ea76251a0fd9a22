//! Bounds on what a call can still become from a moment in it, so the search
//! skips the moments that cannot change what `analyze` reports: the best, worst
//! and best passing scores (with their paths), the endings reached and the nodes
//! reached. Every bound errs on the safe side (a moment is skipped only when no
//! way on from it could change any of those), and tests/analysis_exact.rs holds
//! the pruned search to the search of every path.
//!
//! The score bounds follow `scoring::score` part by part:
//! - the window's 20 points: lost for good once the window has closed without
//!   calm (`Session::window_still_passable`);
//! - a step: a step marked after a later one stays out of order, and a first step
//!   missed in the window leaves every step at nothing;
//! - the rules' 40: at most what every rule not broken yet earns, kept (a break
//!   stays to the end of the call: `Judgement::break_at`), with R20 counted broken
//!   once the customer has said a declared fact (the search writes no memo), and
//!   none of the rules no path of the search can keep (`Bounds::never_kept`);
//! - when the customer may still demand a supervisor (R16 not yet broken), a prompt
//!   handover could move the window's points to the rules, so both are bounded.
//!
//! The lowest score a moment can still lead to counts only points no later
//! answer can take away: a first step done in the window, a second step after it,
//! calm in the window when the window stays the goal, and the rules kept for good
//! (those judged once: `Rule::KEEP_IS_FINAL`; and R01, R02, which only an
//! interruption breaks once kept, and nobody interrupts in the search) as if
//! every other rule were broken. Most rules are judged on every answer, and a
//! later answer can break one that was kept, so their keeps count for nothing
//! here.

use crate::rules::{RuleId, Status};
use crate::scenario::{Cue, Outcome, Scenario};
use crate::scoring::{DEESCALATION_POINTS, RULE_POINTS, STEP_POINTS, rule_points_of};
use crate::session::{Session, WINDOW_MS};

const R01: RuleId = RuleId::ALL[0];
const R02: RuleId = RuleId::ALL[1];
const R16: RuleId = RuleId::ALL[15];
const R17: RuleId = RuleId::ALL[16];
const R19: RuleId = RuleId::ALL[18];
const R20: RuleId = RuleId::ALL[19];
const R23: RuleId = RuleId::ALL[22];

pub(super) struct Bounds {
    next: Vec<Vec<usize>>,
    /// Per node: the outcomes a way on from it may end in, one bit per
    /// `Outcome::ALL` entry (the endings the graph reaches from it, and a hang-up,
    /// which can end any call).
    outcomes: Vec<u8>,
    /// Per node: every node the graph reaches from it has been reached by the
    /// search. Once true it stays true (nodes are never un-reached).
    done: Vec<bool>,
    /// Marks of the current walk in `reaches_unvisited` (a walk number per node,
    /// so nothing is cleared between walks).
    walk: Vec<u32>,
    walks: u32,
    /// The customer may demand a supervisor: handing over at once could become
    /// the lesson, which moves the window's points to the rules (R16).
    handover_lesson: bool,
    /// Rules no path of the search can keep, one bit per rule: those kept only
    /// after a cue no node carries (R16 a demand for a supervisor or a secondary
    /// complaint, R19 a deadlock, R23 abuse), and R17 when no choice briefs a
    /// colleague (the search fills in no handoff form).
    never_kept: u32,
}

pub(super) fn outcome_bit(o: Outcome) -> u8 {
    1 << Outcome::ALL.iter().position(|x| *x == o).unwrap_or(0)
}

impl Bounds {
    pub(super) fn of(scenario: &Scenario) -> Bounds {
        let next = crate::validate::successors(scenario);
        let n = next.len();
        let mut prev = vec![Vec::new(); n];
        for (i, succ) in next.iter().enumerate() {
            for &j in succ {
                prev[j].push(i);
            }
        }
        let hung_up = outcome_bit(Outcome::HungUp);
        let mut outcomes: Vec<u8> = scenario
            .nodes
            .iter()
            .map(|node| hung_up | node.ending.as_ref().map_or(0, |e| outcome_bit(e.outcome())))
            .collect();
        // Outcomes flow back along the edges until nothing changes.
        let mut queue: Vec<usize> = (0..n).collect();
        while let Some(j) = queue.pop() {
            for &i in &prev[j] {
                let merged = outcomes[i] | outcomes[j];
                if merged != outcomes[i] {
                    outcomes[i] = merged;
                    queue.push(i);
                }
            }
        }
        let cue = |c: Cue| scenario.nodes.iter().any(|node| node.cues.contains(&c));
        let handover_lesson = cue(Cue::DemandsSupervisor) || cue(Cue::SecondaryComplaint);
        let never_kept = [
            (R16, !handover_lesson),
            (R17, super::search::judged_on_what_is_written(scenario, R17)),
            (R19, !cue(Cue::Deadlock)),
            (R23, !cue(Cue::Abuse)),
        ]
        .iter()
        .filter(|(_, never)| *never)
        .fold(0, |bits, (id, _)| bits | 1 << id.index());
        Bounds {
            next,
            outcomes,
            done: vec![false; n],
            walk: vec![0; n],
            walks: 0,
            handover_lesson,
            never_kept,
        }
    }

    /// The outcomes a way on from `node` may end in (bits as [`outcome_bit`]).
    pub(super) fn outcomes_from(&self, node: usize) -> u8 {
        self.outcomes[node]
    }

    /// Whether the graph reaches, from `node`, a node the search has not reached.
    pub(super) fn reaches_unvisited(&mut self, node: usize, visited: &[bool]) -> bool {
        if self.done[node] {
            return false;
        }
        self.walks += 1;
        let mut stack = vec![node];
        let mut walked = Vec::new();
        self.walk[node] = self.walks;
        while let Some(v) = stack.pop() {
            if !visited[v] {
                return true;
            }
            walked.push(v);
            for &w in &self.next[v] {
                if !self.done[w] && self.walk[w] != self.walks {
                    self.walk[w] = self.walks;
                    stack.push(w);
                }
            }
        }
        // Everything these nodes reach has been reached.
        for v in walked {
            self.done[v] = true;
        }
        false
    }

    /// Whether the window's points may stop being the goal (see `scoring::score`).
    fn window_may_stop_being_the_goal(&self, s: &Session) -> bool {
        self.handover_lesson && s.rule_so_far(R16).status != Status::Broken
    }

    /// The most the step parts can still earn.
    fn steps_most(s: &Session) -> u32 {
        let marks = s.step_marks();
        let window_end = s.window_start_ms().map(|w| w + WINDOW_MS);
        match marks[0] {
            Some(m) if window_end.is_some_and(|end| m.at_ms > end) => return 0,
            None if window_end.is_some_and(|end| s.now_ms() > end) => return 0,
            _ => {}
        }
        (0..4)
            .map(|i| match marks[i] {
                // A step marked while an earlier one is not: the earlier one can
                // only come later, so this one stays out of order.
                Some(m) if !marks[..i].iter().all(|p| p.is_some_and(|p| p.act <= m.act)) => {
                    STEP_POINTS / 2
                }
                _ => STEP_POINTS,
            })
            .sum()
    }

    /// The highest score any way on from this moment can earn.
    pub(super) fn most(&self, s: &Session) -> u32 {
        // A break stays; and the search writes no memo, so once a declared fact
        // has been said, R20 breaks too.
        let memo_due = if s.heard_facts() != 0 {
            1 << R20.index()
        } else {
            0
        };
        let broken = s.rules_broken_so_far() | memo_due;
        let kept = RuleId::COUNT as u32 - (broken | self.never_kept).count_ones();
        let broken = broken.count_ones();
        let steps = Self::steps_most(s);
        let outcome = crate::scoring::OUTCOME_POINTS;
        let window = if s.window_still_passable() {
            DEESCALATION_POINTS
        } else {
            0
        };
        let goal = window + rule_points_of(RULE_POINTS, kept, broken);
        let handover = if self.window_may_stop_being_the_goal(s) {
            rule_points_of(RULE_POINTS + DEESCALATION_POINTS, kept, broken)
        } else {
            0
        };
        steps + outcome + goal.max(handover)
    }

    /// The lowest score any way on from this moment can earn: the points no later
    /// answer can take away.
    pub(super) fn least(&self, s: &Session) -> u32 {
        let marks = s.step_marks();
        let window_end = s.window_start_ms().map(|w| w + WINDOW_MS);
        let mut points = 0;
        if let (Some(first), Some(end)) = (marks[0], window_end)
            && first.at_ms <= end
        {
            points += STEP_POINTS;
            if let Some(second) = marks[1] {
                points += if first.act <= second.act {
                    STEP_POINTS
                } else {
                    STEP_POINTS / 2
                };
            }
        }
        let calm_in_window = matches!(
            (s.calm_at_ms(), window_end),
            (Some(calm), Some(end)) if calm <= end
        );
        if calm_in_window && !self.window_may_stop_being_the_goal(s) {
            points += DEESCALATION_POINTS;
        }
        // The rules kept for good, with every other rule broken. In the search
        // nobody interrupts, and only an interruption breaks R02 or (by cutting
        // off a vent) R01 once kept.
        let unbroken_in_the_search = [R01, R02]
            .iter()
            .filter(|&&id| s.rule_so_far(id).status == Status::Kept)
            .count() as u32;
        let kept = s.rules_kept_for_good() + unbroken_in_the_search;
        points + rule_points_of(RULE_POINTS, kept, RuleId::COUNT as u32 - kept)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    /// Lowest and highest final score under `s`, the outcomes reached and
    /// whether some path passes the 3-minute check, with every bound checked at
    /// every moment on the way.
    fn check(bounds: &Bounds, s: Session, name: &str) -> (u32, u32, u8, bool) {
        let mut s = s;
        if !super::super::search::to_the_next_answer(&mut s) {
            let card = s.finish();
            let total = card.score.total;
            return (
                total,
                total,
                outcome_bit(card.outcome),
                card.deescalation.passed,
            );
        }
        let (most, least) = (bounds.most(&s), bounds.least(&s));
        let node = s.current_node();
        let ids: Vec<String> = s.offered().iter().map(|c| c.id.clone()).collect();
        let (mut lo, mut hi, mut outcomes, mut passed) = (u32::MAX, 0, 0, false);
        for id in ids {
            let mut next = s.clone();
            next.choose(&id).unwrap();
            let (l, h, o, p) = check(bounds, next, name);
            lo = lo.min(l);
            hi = hi.max(h);
            outcomes |= o;
            passed |= p;
        }
        assert!(least <= lo, "{name} at node {node}: least {least} > {lo}");
        assert!(most >= hi, "{name} at node {node}: most {most} < {hi}");
        assert_eq!(
            outcomes & !bounds.outcomes_from(node),
            0,
            "{name} at node {node}: an ending the graph does not reach from here"
        );
        assert!(
            s.window_still_passable() || !passed,
            "{name} at node {node}: the window was called lost, and a path passed"
        );
        (lo, hi, outcomes, passed)
    }

    #[test]
    fn the_bounds_hold_at_every_moment_of_every_path() {
        for (name, src) in [
            (
                "tutorial",
                include_str!("../../../../scenarios/tutorial-first-call.ron"),
            ),
            (
                "callback",
                include_str!("../../../../scenarios/callback-bad-news.ron"),
            ),
            (
                "supervisor",
                include_str!("../../../../scenarios/supervisor-demand.ron"),
            ),
            (
                "double-charge",
                include_str!("../../../../scenarios/double-charge.ron"),
            ),
            (
                "provisional-charge",
                include_str!("../../../../scenarios/provisional-charge.ron"),
            ),
            (
                "kasuhara",
                include_str!("../../../../scenarios/kasuhara-dogeza.ron"),
            ),
            (
                "volatile",
                include_str!("../../../../scenarios/volatile-hidden.ron"),
            ),
        ] {
            let scenario = Arc::new(crate::load_str(name, src).scenario.unwrap());
            let bounds = Bounds::of(&scenario);
            let s = Session::new(Arc::clone(&scenario), 1).without_events();
            let (lo, hi, _, _) = check(&bounds, s, name);
            assert!(lo < hi, "{name}: {lo}..{hi}");
        }
    }
}
