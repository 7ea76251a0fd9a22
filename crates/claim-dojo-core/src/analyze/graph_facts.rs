//! Facts about the call graph alone, without playing it.

use serde::Serialize;

use crate::scenario::{FlagSet, Gate, Scenario};

#[derive(Debug, Clone, Serialize)]
pub struct GraphFacts {
    pub nodes: usize,
    pub choices: usize,
    pub endings: usize,
    /// Outcomes of the endings reachable from the start.
    pub reachable_endings: Vec<String>,
    pub has_cycles: bool,
    /// Paths from the start to an ending (saturating), when the graph has no
    /// cycle; with flags, only routes on which every choice is offered.
    pub paths: Option<u128>,
}

/// States (node, flags) walked at most before the count falls back to the
/// graph without its flags (an over-count, but a number).
const MAX_STATES: usize = 1_000_000;

impl GraphFacts {
    /// The graph's facts. With flags, a path is a route whose every choice is
    /// offered on it (`if_set`, `unless_set`), so the walk goes by node and flags.
    pub fn of(s: &Scenario) -> GraphFacts {
        walk(
            s,
            !s.index.flags.is_empty() && s.index.gates.len() == s.nodes.len(),
        )
        .or_else(|| walk(s, false))
        .expect("without flags the walk has one state per node")
    }
}

/// The depth-first walk of the states (node, flags) reachable from the start;
/// `None` past [`MAX_STATES`]. Without `flags`, every choice is taken as offered
/// and no flag is ever set: one state per node, never past the limit.
fn walk(s: &Scenario, flags: bool) -> Option<GraphFacts> {
    let n = s.nodes.len();
    let index: std::collections::HashMap<&str, usize> = s
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    // Per node, per choice: the nodes it may lead to.
    let next: Vec<Vec<Vec<usize>>> = s
        .nodes
        .iter()
        .map(|n| {
            n.choices
                .iter()
                .map(|c| {
                    c.destinations()
                        .filter_map(|(to, _)| index.get(to).copied())
                        .collect()
                })
                .collect()
        })
        .collect();
    let gate = |v: usize, ci: usize| {
        if flags {
            s.index.gates[v][ci]
        } else {
            Gate::default()
        }
    };
    let successors = |v: usize, f: FlagSet| -> Vec<(usize, FlagSet)> {
        let mut out = Vec::new();
        for (ci, to) in next[v].iter().enumerate() {
            let g = gate(v, ci);
            if g.open(f) {
                out.extend(to.iter().map(|&w| (w, f | g.sets)));
            }
        }
        out
    };
    let start = index.get(s.start.as_str()).copied();
    // Iterative depth-first order: colours find cycles, the post-order counts paths.
    let mut id: std::collections::HashMap<(usize, FlagSet), usize> = Default::default();
    let mut colour: Vec<u8> = Vec::new();
    let mut paths: Vec<u128> = Vec::new();
    let mut has_cycles = false;
    let mut reachable = vec![false; n];
    if let Some(start) = start {
        id.insert((start, 0), 0);
        colour.push(1);
        paths.push(0);
        reachable[start] = true;
        let mut stack = vec![((start, 0), successors(start, 0), 0usize)];
        while let Some((state, succ, i)) = stack.last_mut() {
            if *i < succ.len() {
                let w = succ[*i];
                *i += 1;
                match id.get(&w) {
                    None => {
                        if flags && id.len() >= MAX_STATES {
                            return None;
                        }
                        id.insert(w, colour.len());
                        colour.push(1);
                        paths.push(0);
                        reachable[w.0] = true;
                        stack.push((w, successors(w.0, w.1), 0));
                    }
                    Some(&k) if colour[k] == 1 => has_cycles = true,
                    _ => {}
                }
            } else {
                let k = id[state];
                colour[k] = 2;
                paths[k] = if s.nodes[state.0].is_ending() {
                    1
                } else {
                    succ.iter()
                        .fold(0u128, |acc, w| acc.saturating_add(paths[id[w]]))
                };
                stack.pop();
            }
        }
    }
    let mut reachable_endings: Vec<String> = s
        .nodes
        .iter()
        .zip(&reachable)
        .filter_map(|(n, &r)| {
            r.then(|| n.ending.as_ref().map(|e| e.outcome().key().to_string()))
                .flatten()
        })
        .collect();
    reachable_endings.sort();
    reachable_endings.dedup();
    Some(GraphFacts {
        nodes: n,
        choices: s.nodes.iter().map(|n| n.choices.len()).sum(),
        endings: s.nodes.iter().filter(|n| n.is_ending()).count(),
        reachable_endings,
        has_cycles,
        paths: match (has_cycles, start) {
            (false, Some(_)) => Some(paths[0]),
            _ => None,
        },
    })
}
