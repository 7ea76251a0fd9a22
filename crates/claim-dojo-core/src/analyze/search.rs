//! Depth-first search over the choices of a scenario on the real engine.

use std::collections::HashSet;
use std::sync::Arc;

use crate::play::TURN_PAUSE_MS;
use crate::scenario::Scenario;
use crate::scoring::Scorecard;
use crate::session::{Action, Session};

#[derive(Debug, Clone)]
pub struct PathResult {
    pub choices: Vec<String>,
    pub card: Scorecard,
}

#[derive(Debug, Clone)]
pub struct Search {
    pub paths: Vec<PathResult>,
    pub exhaustive: bool,
    /// Choices simulated in all.
    pub steps: usize,
    /// Branches not explored again because an equivalent state had been.
    pub merged: usize,
    /// Per node: whether some explored path reached it.
    pub visited: Vec<bool>,
}

impl Search {
    pub fn run(scenario: &Arc<Scenario>, budget: usize, seed: u64) -> Search {
        let mut search = Search {
            paths: Vec::new(),
            exhaustive: true,
            steps: 0,
            merged: 0,
            visited: vec![false; scenario.nodes.len()],
        };
        let mut seen = HashSet::new();
        let mut stack = vec![(
            Session::new(Arc::clone(scenario), seed).without_events(),
            Vec::<String>::new(),
        )];
        while let Some((mut s, choices)) = stack.pop() {
            match s.time_to_turn() {
                Some(ms) => s.advance_ms(ms + TURN_PAUSE_MS),
                None => {
                    let card = s.finish();
                    search.visited[s.current_node()] = true;
                    search.paths.push(PathResult { choices, card });
                    continue;
                }
            }
            search.visited[s.current_node()] = true;
            if s.is_over() || s.offered().is_empty() {
                let card = s.finish();
                search.visited[s.current_node()] = true;
                search.paths.push(PathResult { choices, card });
                continue;
            }
            if !seen.insert(s.state_key()) {
                search.merged += 1;
                continue;
            }
            let ids: Vec<String> = s.offered().iter().map(|c| c.id.clone()).collect();
            // Pushed in reverse so the first choice is explored first.
            for id in ids.into_iter().rev() {
                if search.steps >= budget {
                    search.exhaustive = false;
                    break;
                }
                search.steps += 1;
                let mut next = s.clone();
                if next.act(Action::Choose { choice: id.clone() }).is_ok() {
                    let mut c = choices.clone();
                    c.push(id);
                    stack.push((next, c));
                }
            }
        }
        search
    }

    /// The highest score; ties go to the path found first.
    pub fn best(&self) -> Option<&PathResult> {
        self.paths.iter().reduce(|a, b| {
            if b.card.score.total > a.card.score.total {
                b
            } else {
                a
            }
        })
    }

    pub fn worst(&self) -> Option<&PathResult> {
        self.paths.iter().reduce(|a, b| {
            if b.card.score.total < a.card.score.total {
                b
            } else {
                a
            }
        })
    }

    pub fn best_passing(&self) -> Option<&PathResult> {
        self.paths
            .iter()
            .filter(|p| p.card.deescalation.passed)
            .reduce(|a, b| {
                if b.card.score.total > a.card.score.total {
                    b
                } else {
                    a
                }
            })
    }
}
