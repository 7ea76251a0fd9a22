//! Depth-first search over the choices of a scenario on the real engine. Paths
//! are summed up as they end (endings, rule counts, the best, worst and best
//! passing path), so memory does not grow with their number; a caller that wants
//! each path sees it with [`Search::visit`].

use std::collections::HashSet;
use std::sync::Arc;

use crate::play::TURN_PAUSE_MS;
use crate::rules::{RuleId, Status};
use crate::scenario::{Outcome, Scenario};
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
    /// Per node: whether some explored path reached it.
    pub visited: Vec<bool>,
    /// The endings reached (`Outcome::key`), sorted.
    pub outcomes: Vec<&'static str>,
    /// Per rule, in catalog order: paths on which it is kept, and broken.
    pub rules: [(usize, usize); RuleId::COUNT],
    /// Per flag (`ScenarioIndex::flags`, in order): paths that ended with it set.
    pub flags: Vec<usize>,
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

impl Search {
    /// Every path, except that a state already explored (same
    /// [`Session::state_key`]) is not explored again.
    pub fn run(scenario: &Arc<Scenario>, budget: usize, seed: u64) -> Search {
        Search::visit(scenario, budget, seed, true, |_| {})
    }

    /// Every path, states merged or not: the reference that [`Search::run`] is
    /// tested against (tests/analysis_exact.rs), and the baseline of the
    /// analysis bench.
    pub fn every_path(scenario: &Arc<Scenario>, budget: usize, seed: u64) -> Search {
        Search::visit(scenario, budget, seed, false, |_| {})
    }

    /// The search, states merged or not, showing each path to `each` as it ends.
    pub fn visit(
        scenario: &Arc<Scenario>,
        budget: usize,
        seed: u64,
        merge: bool,
        mut each: impl FnMut(&EndedPath),
    ) -> Search {
        let mut search = Search {
            paths: 0,
            exhaustive: true,
            steps: 0,
            merged: 0,
            visited: vec![false; scenario.nodes.len()],
            outcomes: Vec::new(),
            rules: [(0, 0); RuleId::COUNT],
            flags: vec![0; scenario.index.flags.len().min(crate::scenario::MAX_FLAGS)],
            best: None,
            worst: None,
            passing: None,
        };
        let mut seen = HashSet::new();
        let mut trail: Vec<Step> = Vec::new();
        // Boxed: a session is a few kilobytes, moved in and out of the stack.
        let mut stack = vec![(
            Box::new(Session::new(Arc::clone(scenario), seed).without_events()),
            NONE,
        )];
        while let Some((mut s, at)) = stack.pop() {
            let ended = match s.time_to_turn() {
                Some(ms) => {
                    s.advance_ms(ms + TURN_PAUSE_MS);
                    s.is_over() || s.offered().is_empty()
                }
                None => true,
            };
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
            if merge && !seen.insert(s.state_key()) {
                search.merged += 1;
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

    /// Sums up one ended path. Ties go to the path found first.
    fn add(&mut self, p: &EndedPath) {
        self.paths += 1;
        let key = p.card.outcome.key();
        if let Err(i) = self.outcomes.binary_search(&key) {
            self.outcomes.insert(i, key);
        }
        for (id, j) in &p.card.rules {
            match j.status {
                Status::Kept => self.rules[id.index()].0 += 1,
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
    card.deescalation.passed
        && !matches!(card.outcome, Outcome::HungUp | Outcome::SecondaryComplaint)
}

#[cfg(test)]
mod tests {
    use super::*;

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
