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
        if reachable[i] && !can_end[i] && !node.choices.is_empty() {
            cx.report(Diagnostic::new(Code::NoEndingReachable, node.spans.id).arg("id", &node.id));
        }
    }
    report_unreachable(cx, &reachable, &next, &prev);
}

/// At most this many ids are named as examples of the nodes behind an unreachable one.
const EXAMPLES: usize = 3;

/// One E030 per way into the unreachable part of the graph, not one per node: a
/// wrong `start` that cuts off 1,999 nodes is one error about the node that
/// should have been the start, saying how many nodes hang on it.
fn report_unreachable(cx: &mut Cx, reachable: &[bool], next: &[Vec<usize>], prev: &[Vec<usize>]) {
    let s = cx.scenario;
    let mut covered = reachable.to_vec();
    // Entry points first (nodes no choice leads to), then whatever cycles remain.
    let entries = (0..s.nodes.len()).filter(|&i| !reachable[i] && prev[i].is_empty());
    let rest = (0..s.nodes.len()).filter(|&i| !reachable[i]);
    let order: Vec<usize> = entries.chain(rest).collect();
    for root in order {
        if covered[root] {
            continue;
        }
        covered[root] = true;
        let mut behind = Vec::new();
        let mut stack = vec![root];
        while let Some(i) = stack.pop() {
            for &j in &next[i] {
                if !covered[j] {
                    covered[j] = true;
                    behind.push(j);
                    stack.push(j);
                }
            }
        }
        behind.sort_unstable();
        let examples: Vec<String> = behind
            .iter()
            .take(EXAMPLES)
            .map(|&j| format!("`{}`", s.nodes[j].id))
            .collect();
        let more = if behind.len() > EXAMPLES { "…" } else { "" };
        // A node nothing leads to, with most of the call behind it, is most
        // likely the intended start.
        let likely_start = prev[root].is_empty() && 2 * (behind.len() + 1) > s.nodes.len();
        let node = &s.nodes[root];
        cx.report(
            Diagnostic::new(Code::Unreachable, node.spans.id)
                .arg("id", &node.id)
                .arg("start", &s.start)
                .arg("behind", behind.len())
                .arg("examples", format!("{}{more}", examples.join(", ")))
                .arg("likely_start", if likely_start { "yes" } else { "no" }),
        );
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

#[cfg(test)]
mod tests {
    use crate::diagnostic::Code;

    /// A chain of `n` nodes, `n0` → `n1` → … → an ending, started at `start`.
    fn chain(n: usize, start: &str) -> String {
        let mut nodes = String::new();
        for i in 0..n {
            nodes.push_str(&format!(
                r#"(id: "n{i}", customer: (ja: "はい。", en: "Yes."), choices: [(id: "c{i}", text: (ja: "確認いたします。", en: "I'll check."), next: "n{}", tags: [ChecksFact])]),"#,
                i + 1
            ));
        }
        format!(
            r#"Scenario(format: 1, id: "chain", title: (ja: "t", en: "t"), summary: (ja: "s", en: "s"),
            role: Primary, difficulty: 1, minutes: 3, rules: ["R12"],
            persona: (name: (ja: "客", en: "C"), background: (ja: "b", en: "b"), anger: 60,
                calm_below: 40, hang_up_at: 95, volatility: 1.0, patience_s: 6, chars_per_s: 8),
            start: "{start}",
            nodes: [{nodes} (id: "n{n}", customer: (ja: "では。", en: "Bye."), ending: Resolved)])"#
        )
    }

    #[test]
    fn a_wrong_start_is_one_error_about_the_node_that_should_have_been_the_start() {
        let loaded = crate::load_str("chain.ron", &chain(2000, "n1990"));
        let unreachable: Vec<_> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::Unreachable)
            .collect();
        assert_eq!(unreachable.len(), 1, "{unreachable:#?}");
        let d = unreachable[0];
        let en = d.message(crate::Lang::En);
        assert!(
            en.contains("`n0`")
                && en.contains("1989 nodes behind it")
                && en.contains("`n1`, `n2`, `n3`…"),
            "{en}"
        );
        let hint = d.hint(crate::Lang::En).unwrap();
        assert!(hint.contains("should `start` be `n0`?"), "{hint}");
        assert!(d.hint(crate::Lang::Ja).unwrap().contains("`n0`"));
    }

    #[test]
    fn separate_orphans_are_each_reported_and_a_lone_one_is_not_called_the_start() {
        let mut src = chain(3, "n0");
        src = src.replace(
            r#"ending: Resolved)])"#,
            r#"ending: Resolved), (id: "lost-a", customer: (ja: "あ", en: "a"), ending: Resolved), (id: "lost-b", customer: (ja: "い", en: "b"), ending: HungUp)])"#,
        );
        let loaded = crate::load_str("chain.ron", &src);
        let ids: Vec<_> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::Unreachable)
            .map(|d| d.message(crate::Lang::En))
            .collect();
        assert_eq!(ids.len(), 2, "{ids:?}");
        assert!(
            ids[0].contains("`lost-a`") && !ids[0].contains("behind"),
            "{ids:?}"
        );
        let d = loaded
            .diagnostics
            .iter()
            .find(|d| d.code == Code::Unreachable)
            .unwrap();
        assert!(!d.hint(crate::Lang::En).unwrap().contains("should `start`"));
    }
}
