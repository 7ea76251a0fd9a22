//! Depth-first search over the choices of a scenario on the real engine. Paths
//! are summed up as they end (endings, rule counts, the best, worst and best
//! passing path), so memory does not grow with their number; a caller that wants
//! each path sees it with [`Search::visit`].
//!
//! Three searches: every path ([`Search::every_path`], the reference), every
//! distinct state ([`Search::exhaustive`]: a state already explored is not
//! explored again), and what `analyze` runs by default ([`Search::run`]): the
//! same, skipping every state from which no way on can change the best, worst or
//! best passing path, the endings reached, the nodes reached or which listed
//! rules some path keeps (`bound.rs`).
//! The counts per rule and flag are over the paths a search plays, so only the
//! first two give counts that mean "paths".

use std::collections::HashSet;
use std::sync::Arc;

use super::bound::{Bounds, outcome_bit};
use crate::play::TURN_PAUSE_MS;
use crate::rules::{RuleId, Status};
use crate::scenario::Scenario;
use crate::scoring::Scorecard;
use crate::session::Session;

#[derive(Debug, Clone)]
pub struct PathResult {
    pub choices: Vec<String>,
    pub card: Scorecard,
}

#[derive(Debug, Clone)]
pub struct Search {
    /// Paths that reached their end.
    pub paths: usize,
    pub exhaustive: bool,
    /// Choices simulated in all.
    pub steps: usize,
    /// Branches not explored again because an equivalent state had been.
    pub merged: usize,
    /// States not explored because nothing from them could change the results
    /// ([`Search::run`] only).
    pub pruned: usize,
    /// Per node: whether some explored path reached it.
    pub visited: Vec<bool>,
    /// The endings reached (`Outcome::key`), sorted.
    pub outcomes: Vec<&'static str>,
    /// Per rule, in catalog order: paths on which it is kept, and broken.
    pub rules: [(usize, usize); RuleId::COUNT],
    /// Per flag (`ScenarioIndex::flags`, in order): paths that ended with it set.
    pub flags: Vec<usize>,
    /// The endings reached, one bit per `Outcome::ALL` entry.
    outcome_bits: u8,
    /// Rules kept on some ended path, one bit per rule in catalog order.
    kept_bits: u32,
    /// Rules the scenario lists, but for those judged on what the trainee
    /// writes ([`judged_on_what_is_written`]): the pruned search goes on until it
    /// has seen each kept, or every state left has broken it, so "never kept"
    /// stays exact.
    listed_bits: u32,
    best: Option<PathResult>,
    worst: Option<PathResult>,
    passing: Option<PathResult>,
}

/// A path that has just ended, for [`Search::visit`]: its scorecard, and its
/// choices on demand (building them for every path would cost more than the
/// rest of the search).
pub struct EndedPath<'a> {
    pub card: &'a Scorecard,
    scenario: &'a Scenario,
    trail: &'a [Step],
    at: u32,
}

impl EndedPath<'_> {
    pub fn choices(&self) -> Vec<String> {
        path_of(self.scenario, self.trail, self.at)
    }
}

/// One choice said on the way to a state: the choice before it (an index into
/// the search's list of steps, `NONE` at the start), and which choice of which
/// node. Paths share their prefixes, so a step costs the same at any depth.
#[derive(Clone, Copy)]
struct Step {
    parent: u32,
    node: u16,
    choice: u16,
}

const NONE: u32 = u32::MAX;

/// Which states a search explores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Every path, nothing merged.
    EveryPath,
    /// Every distinct state ([`Session::state_key`]) once.
    Exhaustive,
    /// Every distinct state that could still change the best, worst or best
    /// passing path, the endings reached or the nodes reached.
    Pruned,
}

impl Search {
    /// What `analyze` runs: best, worst and best passing path, endings and nodes
    /// reached as [`Search::exhaustive`] finds them, with far fewer paths.
    pub fn run(scenario: &Arc<Scenario>, budget: usize, seed: u64) -> Search {
        Search::visit(scenario, budget, seed, Mode::Pruned, |_| {})
    }

    /// Every path, except that a state already explored (same
    /// [`Session::state_key`]) is not explored again: rule and flag counts over
    /// every distinct way through the call (`analyze --exhaustive`).
    pub fn exhaustive(scenario: &Arc<Scenario>, budget: usize, seed: u64) -> Search {
        Search::visit(scenario, budget, seed, Mode::Exhaustive, |_| {})
    }

    /// Every path, states merged or not: the reference that the other searches
    /// are tested against (tests/analysis_exact.rs), and the baseline of the
    /// analysis bench.
    pub fn every_path(scenario: &Arc<Scenario>, budget: usize, seed: u64) -> Search {
        Search::visit(scenario, budget, seed, Mode::EveryPath, |_| {})
    }

    /// The search, showing each path to `each` as it ends.
    pub fn visit(
        scenario: &Arc<Scenario>,
        budget: usize,
        seed: u64,
        mode: Mode,
        mut each: impl FnMut(&EndedPath),
    ) -> Search {
        let mut search = Search {
            paths: 0,
            exhaustive: true,
            steps: 0,
            merged: 0,
            pruned: 0,
            visited: vec![false; scenario.nodes.len()],
            outcomes: Vec::new(),
            rules: [(0, 0); RuleId::COUNT],
            flags: vec![0; scenario.index.flags.len().min(crate::scenario::MAX_FLAGS)],
            outcome_bits: 0,
            kept_bits: 0,
            listed_bits: scenario
                .rules
                .iter()
                .filter(|&&id| !judged_on_what_is_written(scenario, id))
                .fold(0, |bits, id| bits | (1 << id.index())),
            best: None,
            worst: None,
            passing: None,
        };
        let mut seen = HashSet::new();
        let mut bounds = (mode == Mode::Pruned).then(|| Bounds::of(scenario));
        let mut trail: Vec<Step> = Vec::new();
        // Boxed: a session is a few kilobytes, moved in and out of the stack.
        let mut stack = vec![(
            Box::new(Session::new(Arc::clone(scenario), seed).without_events()),
            NONE,
        )];
        while let Some((mut s, at)) = stack.pop() {
            let ended = !to_the_next_answer(&mut s);
            search.visited[s.current_node()] = true;
            if ended {
                for (k, n) in search.flags.iter_mut().enumerate() {
                    *n += usize::from(s.flags() & (1 << k) != 0);
                }
                let card = s.finish();
                search.visited[s.current_node()] = true;
                let ended = EndedPath {
                    card: &card,
                    scenario,
                    trail: &trail,
                    at,
                };
                search.add(&ended);
                each(&ended);
                continue;
            }
            if mode != Mode::EveryPath && !seen.insert(s.state_key()) {
                search.merged += 1;
                continue;
            }
            if let Some(bounds) = &mut bounds
                && !search.may_change(&s, bounds)
            {
                search.pruned += 1;
                continue;
            }
            let node = s.current_node();
            // The choices offered now, in the file's order (a choice whose flags
            // do not hold is not among them).
            let gates = &scenario.index.gates[node];
            let offered: Vec<usize> = (0..gates.len())
                .filter(|&ci| gates[ci].open(s.flags()))
                .collect();
            // Pushed in reverse so the first choice is explored first; the last
            // one pushed takes the session itself instead of a copy.
            let mut children = Vec::with_capacity(offered.len());
            for ci in offered {
                if search.steps >= budget {
                    search.exhaustive = false;
                    break;
                }
                search.steps += 1;
                children.push(ci);
            }
            let mut s = Some(s);
            for (k, &ci) in children.iter().enumerate().rev() {
                let mut next = if k == 0 {
                    s.take().expect("the session is moved once")
                } else {
                    Box::new(Session::clone(
                        s.as_ref().expect("the session is still here"),
                    ))
                };
                let id = &scenario.nodes[node].choices[ci].id;
                if next.choose(id).is_ok() {
                    trail.push(Step {
                        parent: at,
                        node: node as u16,
                        choice: ci as u16,
                    });
                    stack.push((next, (trail.len() - 1) as u32));
                }
            }
        }
        search
    }

    /// Whether some way on from `s` could change the results: reach an ending or
    /// a node not reached yet, keep a listed rule no path has kept yet, or score
    /// above the best (or best passing) or below the worst found so far. Ties go to the path found first, and the search
    /// goes in the same order as the exhaustive one, so a tie changes nothing.
    fn may_change(&self, s: &Session, bounds: &mut Bounds) -> bool {
        let node = s.current_node();
        if bounds.outcomes_from(node) & !self.outcome_bits != 0
            || self.listed_bits & !self.kept_bits & !s.rules_broken_so_far() != 0
            || bounds.reaches_unvisited(node, &self.visited)
        {
            return true;
        }
        let most = bounds.most(s);
        let above = |p: &Option<PathResult>| p.as_ref().is_none_or(|p| most > p.card.score.total);
        if above(&self.best) || (s.window_still_passable() && above(&self.passing)) {
            return true;
        }
        let least = bounds.least(s);
        self.worst
            .as_ref()
            .is_none_or(|p| least < p.card.score.total)
    }

    /// Sums up one ended path. Ties go to the path found first.
    fn add(&mut self, p: &EndedPath) {
        self.paths += 1;
        self.outcome_bits |= outcome_bit(p.card.outcome);
        let key = p.card.outcome.key();
        if let Err(i) = self.outcomes.binary_search(&key) {
            self.outcomes.insert(i, key);
        }
        for (id, j) in &p.card.rules {
            match j.status {
                Status::Kept => {
                    self.rules[id.index()].0 += 1;
                    self.kept_bits |= 1 << id.index();
                }
                Status::Broken => self.rules[id.index()].1 += 1,
                _ => {}
            }
        }
        let total = p.card.score.total;
        let result = || PathResult {
            choices: p.choices(),
            card: *p.card,
        };
        if self
            .best
            .as_ref()
            .is_none_or(|b| total > b.card.score.total)
        {
            self.best = Some(result());
        }
        if self
            .worst
            .as_ref()
            .is_none_or(|w| total < w.card.score.total)
        {
            self.worst = Some(result());
        }
        if passes(p.card)
            && self
                .passing
                .as_ref()
                .is_none_or(|b| total > b.card.score.total)
        {
            self.passing = Some(result());
        }
    }

    /// The highest score; ties go to the path found first.
    pub fn best(&self) -> Option<&PathResult> {
        self.best.as_ref()
    }

    pub fn worst(&self) -> Option<&PathResult> {
        self.worst.as_ref()
    }

    /// The best path that passes the 3-minute check ([`passes`]).
    pub fn best_passing(&self) -> Option<&PathResult> {
        self.passing.as_ref()
    }
}

/// Lets the customer finish and pauses one natural beat, as every searched
/// answer is said; false when the call ended instead, or nothing is offered.
pub(super) fn to_the_next_answer(s: &mut Session) -> bool {
    match s.time_to_turn() {
        Some(ms) => {
            s.advance_ms(ms + TURN_PAUSE_MS);
            !(s.is_over() || s.offered().is_empty())
        }
        None => false,
    }
}

/// Whether a rule is judged on what the trainee writes, which no searched path
/// writes: R20 on the memo, and R17 on the handoff form when no answer briefs a
/// colleague aloud. "No path keeps it" would say nothing about the scenario.
pub(super) fn judged_on_what_is_written(scenario: &Scenario, id: RuleId) -> bool {
    match id.number() {
        20 => true,
        17 => !scenario
            .nodes
            .iter()
            .any(|n| n.choices.iter().any(|c| !c.brief.is_empty())),
        _ => false,
    }
}

/// The choice ids from the start to step `at`.
fn path_of(scenario: &Scenario, trail: &[Step], mut at: u32) -> Vec<String> {
    let mut ids = Vec::new();
    while at != NONE {
        let step = trail[at as usize];
        ids.push(
            scenario.nodes[usize::from(step.node)].choices[usize::from(step.choice)]
                .id
                .clone(),
        );
        at = step.parent;
    }
    ids.reverse();
    ids
}

/// Whether a path counts as passing the 3-minute check in the analysis: calm in
/// time, and the call not ended by the customer hanging up or complaining
/// further (a customer calm for a moment who then hangs up was not de-escalated).
pub fn passes(card: &Scorecard) -> bool {
    card.deescalation.passed && !card.outcome.is_lost()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Outcome;

    #[test]
    fn a_call_that_ends_in_a_hang_up_never_counts_as_passing() {
        let src = include_str!("../../../../scenarios/tutorial-first-call.ron");
        let scenario = Arc::new(crate::load_str("t.ron", src).scenario.unwrap());
        let search = Search::run(&scenario, 10_000, 1);
        let mut card = search.worst().expect("some path").card;
        card.deescalation.passed = true;
        for (outcome, counts) in [
            (Outcome::HungUp, false),
            (Outcome::SecondaryComplaint, false),
            (Outcome::Resolved, true),
            (Outcome::FollowUp, true),
        ] {
            card.outcome = outcome;
            assert_eq!(passes(&card), counts, "{outcome:?}");
        }
        card.deescalation.passed = false;
        assert!(!passes(&card));
        let best = search
            .best_passing()
            .expect("the tutorial call can be passed");
        assert!(passes(&best.card));
    }
}
