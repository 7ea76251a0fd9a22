//! Facts about the call graph alone, without playing it.

use serde::Serialize;

use crate::scenario::Scenario;

#[derive(Debug, Clone, Serialize)]
pub struct GraphFacts {
    pub nodes: usize,
    pub choices: usize,
    pub endings: usize,
    /// Outcomes of the endings reachable from the start.
    pub reachable_endings: Vec<String>,
    pub has_cycles: bool,
    /// Paths from the start to an ending (saturating), when the graph has no cycle.
    pub paths: Option<u128>,
}

impl GraphFacts {
    pub fn of(s: &Scenario) -> GraphFacts {
        let n = s.nodes.len();
        let index: std::collections::HashMap<&str, usize> = s
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect();
        let next: Vec<Vec<usize>> = s
            .nodes
            .iter()
            .map(|n| {
                n.choices
                    .iter()
                    .flat_map(|c| c.destinations())
                    .filter_map(|(to, _)| index.get(to).copied())
                    .collect()
            })
            .collect();
        let start = index.get(s.start.as_str()).copied();
        // Iterative depth-first order: colours find cycles, the post-order counts paths.
        let mut colour = vec![0u8; n];
        let mut paths = vec![0u128; n];
        let mut has_cycles = false;
        let mut reachable = vec![false; n];
        if let Some(start) = start {
            let mut stack = vec![(start, 0usize)];
            colour[start] = 1;
            reachable[start] = true;
            while let Some(&mut (v, ref mut i)) = stack.last_mut() {
                if *i < next[v].len() {
                    let w = next[v][*i];
                    *i += 1;
                    match colour[w] {
                        0 => {
                            colour[w] = 1;
                            reachable[w] = true;
                            stack.push((w, 0));
                        }
                        1 => has_cycles = true,
                        _ => {}
                    }
                } else {
                    colour[v] = 2;
                    paths[v] = if s.nodes[v].is_ending() {
                        1
                    } else {
                        next[v]
                            .iter()
                            .fold(0u128, |acc, &w| acc.saturating_add(paths[w]))
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
        GraphFacts {
            nodes: n,
            choices: s.nodes.iter().map(|n| n.choices.len()).sum(),
            endings: s.nodes.iter().filter(|n| n.is_ending()).count(),
            reachable_endings,
            has_cycles,
            paths: match (has_cycles, start) {
                (false, Some(st)) => Some(paths[st]),
                _ => None,
            },
        }
    }
}
