//! Every node is reachable from the start, and from every reachable node some
//! ending can still be reached: no content nobody sees, no call that cannot end.

use std::collections::VecDeque;

use crate::diagnostic::{Code, Diagnostic, suggest};
use crate::scenario::Scenario;
use crate::validate::Cx;

/// Indices of the nodes the choices of node `i` may lead to (anger branches
/// included). An unknown id (E025)
/// counts as the node it is probably a typo of, so one typo does not also make
/// everything behind it look unreachable.
pub fn successors(s: &Scenario) -> Vec<Vec<usize>> {
    let ids = || s.nodes.iter().map(|n| n.id.as_str());
    s.nodes
        .iter()
        .map(|n| {
            n.choices
                .iter()
                .flat_map(|c| c.destinations())
                .filter_map(|(to, _)| {
                    s.node_index(to)
                        .or_else(|| suggest(to, ids()).and_then(|g| s.node_index(g)))
                })
                .collect()
        })
        .collect()
}

pub fn check(cx: &mut Cx) {
    let s = cx.scenario;
    let Some(start) = s.node_index(&s.start) else {
        return;
    };
    let next = successors(s);
    let reachable = flood(start, &next);

    let mut prev = vec![Vec::new(); s.nodes.len()];
    for (i, succ) in next.iter().enumerate() {
        for &j in succ {
            prev[j].push(i);
        }
    }
    // A node with a choice into an unknown node (reported as E025) gets the benefit
    // of the doubt: once that `next` is fixed it may well lead to an ending.
    let mut can_end: Vec<bool> = s
        .nodes
        .iter()
        .map(|n| {
            n.is_ending()
                || n.choices
                    .iter()
                    .flat_map(|c| c.destinations())
                    .any(|(to, _)| s.node(to).is_none())
        })
        .collect();
    let mut queue: VecDeque<usize> = (0..s.nodes.len()).filter(|&i| can_end[i]).collect();
    while let Some(i) = queue.pop_front() {
        for &p in &prev[i] {
            if !can_end[p] {
                can_end[p] = true;
                queue.push_back(p);
            }
        }
    }

    for (i, node) in s.nodes.iter().enumerate() {
        if !reachable[i] {
            cx.report(
                Diagnostic::new(Code::Unreachable, node.spans.id)
                    .arg("id", &node.id)
                    .arg("start", &s.start),
            );
        } else if !can_end[i] && !node.choices.is_empty() {
            cx.report(Diagnostic::new(Code::NoEndingReachable, node.spans.id).arg("id", &node.id));
        }
    }
}

fn flood(start: usize, next: &[Vec<usize>]) -> Vec<bool> {
    let mut seen = vec![false; next.len()];
    let mut stack = vec![start];
    seen[start] = true;
    while let Some(i) = stack.pop() {
        for &j in &next[i] {
            if !seen[j] {
                seen[j] = true;
                stack.push(j);
            }
        }
    }
    seen
}
