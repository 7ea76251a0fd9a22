//! Every node is reachable from the start, and from every reachable node some
//! ending can still be reached: no content nobody sees, no call that cannot end.

use std::collections::VecDeque;

use crate::diagnostic::{Code, Diagnostic};
use crate::scenario::Scenario;
use crate::validate::Cx;

/// Indices of the nodes each choice of node `i` leads to (unknown ids are skipped).
pub fn successors(s: &Scenario) -> Vec<Vec<usize>> {
    let index: std::collections::HashMap<&str, usize> = s
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    s.nodes
        .iter()
        .map(|n| {
            n.choices
                .iter()
                .filter_map(|c| index.get(c.next.as_str()).copied())
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
    let mut can_end = vec![false; s.nodes.len()];
    let mut queue: VecDeque<usize> = s
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.is_ending())
        .map(|(i, _)| i)
        .collect();
    for &i in &queue {
        can_end[i] = true;
    }
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
