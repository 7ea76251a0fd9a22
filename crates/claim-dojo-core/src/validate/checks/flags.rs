//! The call's memory: flags a choice `sets` and a choice tests with `if_set` /
//! `unless_set`. A tested flag no choice sets is a typo or a lost choice (E070);
//! a set flag nothing tests is memory that changes nothing (W023); past 64 flags
//! the engine has no bit for them (E072). Then the call is walked with its flags
//! (anger branches counted as both possible, like E029/E030) to find a node that
//! can be reached with none of its choices offered (E071) and a gated choice no
//! route offers (W024).

use std::collections::{HashMap, VecDeque};

use crate::diagnostic::{Code, Diagnostic, suggest};
use crate::scenario::{FlagSet, MAX_FLAGS, Scenario};
use crate::span::Span;
use crate::validate::Cx;

/// States (node, flags) walked at most; past it the walk proves nothing absent,
/// so W024 is not reported (E071 still is for what was found).
const MAX_STATES: usize = 200_000;

/// Every flag written in a choice's list, with where.
fn written<'a>(names: &'a [String], spans: &'a [Span]) -> impl Iterator<Item = (&'a str, Span)> {
    names
        .iter()
        .enumerate()
        .map(move |(i, n)| (n.as_str(), spans.get(i).copied().unwrap_or_default()))
}

/// E070 and E072: needs every choice decoded, or a lost choice would look like
/// a flag nobody sets. False when either was found: the walk would only report
/// their consequences again.
pub fn check_names(cx: &mut Cx) -> bool {
    let mut clean = true;
    let s = cx.scenario;
    let set: Vec<&str> = s
        .choices()
        .flat_map(|(_, c)| c.sets.iter().map(String::as_str))
        .collect();
    for (_, c) in s.choices() {
        let tested =
            written(&c.if_set, &c.spans.if_set).chain(written(&c.unless_set, &c.spans.unless_set));
        for (flag, span) in tested {
            if !set.contains(&flag) {
                let d = Diagnostic::new(Code::UnknownFlag, span)
                    .arg("flag", flag)
                    .arg("choice", &c.id)
                    .suggest(suggest(flag, set.iter().copied()));
                cx.report(d);
                clean = false;
            }
        }
    }
    if s.index.flags.len() > MAX_FLAGS {
        let first_over = &s.index.flags[MAX_FLAGS];
        let at = s
            .choices()
            .flat_map(|(_, c)| {
                written(&c.sets, &c.spans.sets)
                    .chain(written(&c.if_set, &c.spans.if_set))
                    .chain(written(&c.unless_set, &c.spans.unless_set))
            })
            .find(|(f, _)| f == first_over)
            .map_or(s.spans.whole, |(_, sp)| sp);
        cx.report(
            Diagnostic::new(Code::TooManyFlags, at)
                .arg("count", s.index.flags.len())
                .arg("max", MAX_FLAGS),
        );
        clean = false;
    }
    clean
}

/// W023: a smell, on a clean shape only.
pub fn check_unread(cx: &mut Cx) {
    let s = cx.scenario;
    let tested = |flag: &str| {
        s.choices()
            .any(|(_, c)| c.if_set.iter().chain(&c.unless_set).any(|f| f == flag))
    };
    let mut reported: Vec<&str> = Vec::new();
    for (_, c) in s.choices() {
        for (flag, span) in written(&c.sets, &c.spans.sets) {
            if !reported.contains(&flag) && !tested(flag) {
                reported.push(flag);
                cx.report(
                    Diagnostic::new(Code::FlagNeverRead, span)
                        .arg("flag", flag)
                        .arg("choice", &c.id),
                );
            }
        }
    }
}

/// One state of the walk: where the call is, what it remembers, and how it got
/// there (the state before and the choice said).
struct Reached {
    node: usize,
    flags: FlagSet,
    from: Option<(usize, usize)>,
}

/// What the walk found.
pub struct Walk {
    /// Per node, per choice: offered in some reachable state.
    pub offered: Vec<Vec<bool>>,
    /// Per node: reached in some state.
    pub reached: Vec<bool>,
    /// Nodes reached in a state where nothing is offered, with that state.
    pub stuck: Vec<(usize, FlagSet, Vec<String>)>,
    /// Every reachable state was walked.
    pub complete: bool,
}

/// Walks (node, flags) from the start. Choices into unknown nodes (E025) lead
/// nowhere here.
pub fn walk(s: &Scenario) -> Option<Walk> {
    let start = s.node_index(&s.start)?;
    let gates = &s.index.gates;
    let mut states: Vec<Reached> = vec![Reached {
        node: start,
        flags: 0,
        from: None,
    }];
    let mut seen: HashMap<(usize, FlagSet), usize> = HashMap::from([((start, 0), 0)]);
    let mut queue = VecDeque::from([0usize]);
    let mut out = Walk {
        offered: s
            .nodes
            .iter()
            .map(|n| vec![false; n.choices.len()])
            .collect(),
        reached: vec![false; s.nodes.len()],
        stuck: Vec::new(),
        complete: true,
    };
    while let Some(k) = queue.pop_front() {
        let (i, flags) = (states[k].node, states[k].flags);
        out.reached[i] = true;
        let node = &s.nodes[i];
        if node.is_ending() {
            continue;
        }
        let mut any = false;
        for (ci, c) in node.choices.iter().enumerate() {
            let gate = gates[i][ci];
            if !gate.open(flags) {
                continue;
            }
            any = true;
            out.offered[i][ci] = true;
            let after = flags | gate.sets;
            for (to, _) in c.destinations() {
                let Some(j) = s.node_index(to) else { continue };
                if seen.contains_key(&(j, after)) {
                    continue;
                }
                if states.len() >= MAX_STATES {
                    out.complete = false;
                    continue;
                }
                seen.insert((j, after), states.len());
                queue.push_back(states.len());
                states.push(Reached {
                    node: j,
                    flags: after,
                    from: Some((k, ci)),
                });
            }
        }
        // A node without choices is E027's; one whose choices all fail is ours.
        if !any && !node.choices.is_empty() && !out.stuck.iter().any(|(n, ..)| *n == i) {
            let mut route = Vec::new();
            let mut at = k;
            while let Some((prev, ci)) = states[at].from {
                route.push(format!("`{}`", s.nodes[states[prev].node].choices[ci].id));
                at = prev;
            }
            route.reverse();
            out.stuck.push((i, flags, route));
        }
    }
    Some(out)
}

/// E071, and W024 when the walk was complete.
pub fn check_offers(cx: &mut Cx, smells: bool) {
    let s = cx.scenario;
    if s.index.flags.is_empty() {
        return;
    }
    let Some(w) = walk(s) else { return };
    for (i, flags, route) in &w.stuck {
        let node = &s.nodes[*i];
        let names = s.flag_names(*flags);
        cx.report(
            Diagnostic::new(Code::NothingOffered, node.spans.id)
                .arg("id", &node.id)
                .arg("count", names.len())
                .arg(
                    "flags",
                    names
                        .iter()
                        .map(|f| format!("`{f}`"))
                        .collect::<Vec<_>>()
                        .join(", "),
                )
                .arg(
                    "route",
                    if route.is_empty() {
                        "`start`".to_string()
                    } else {
                        route.join(" → ")
                    },
                ),
        );
    }
    if !smells || !w.complete {
        return;
    }
    for (i, node) in s.nodes.iter().enumerate() {
        if !w.reached[i] {
            continue;
        }
        for (ci, c) in node.choices.iter().enumerate() {
            if !w.offered[i][ci] && s.index.gates[i][ci].is_gated() {
                cx.report(
                    Diagnostic::new(Code::NeverOffered, c.spans.id)
                        .arg("id", &c.id)
                        .arg("node", &node.id),
                );
            }
        }
    }
}
