//! A scenario drawn as a graph, for trainers: DOT (Graphviz) and Mermaid. Choices
//! are labelled and coloured by their anger effect; endings by their outcome.

use std::fmt::Write;

use crate::i18n;
use crate::load::decode::fmt_num;
use crate::rules::static_effect;
use crate::scenario::{Choice, Outcome, Scenario};
use crate::text::Lang;

/// Colours of endings, by outcome.
fn outcome_colour(o: Outcome) -> &'static str {
    match o {
        Outcome::Resolved => "#b7e1a1",
        Outcome::FollowUp => "#d8eeb0",
        Outcome::Escalated => "#b9d3f0",
        Outcome::HungUp => "#f2a7a0",
        Outcome::SecondaryComplaint => "#f6c48f",
        Outcome::EndedByPolicy => "#d5c6e8",
    }
}

/// Colour of a choice by its anger effect: greens calm, reds anger.
fn effect_colour(effect: f64) -> &'static str {
    match effect {
        e if e <= -6.0 => "#1b7f3b",
        e if e < 0.0 => "#5aa469",
        0.0 => "#808080",
        e if e < 8.0 => "#e08a2c",
        _ => "#c0392b",
    }
}

fn short(text: &str, max: usize) -> String {
    let mut s: String = text.chars().take(max).collect();
    if text.chars().count() > max {
        s.push('…');
    }
    s
}

fn signed(x: f64) -> String {
    if x > 0.0 {
        format!("+{x}")
    } else {
        format!("{x}")
    }
}

fn dot_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', " ")
}

pub fn dot(s: &Scenario, lang: Lang) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "digraph \"{}\" {{", dot_escape(&s.id));
    let _ = writeln!(
        o,
        "  label=\"{}\"; labelloc=t; rankdir=LR;",
        dot_escape(s.title.get(lang))
    );
    let _ = writeln!(
        o,
        "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f7f7f7\", fontsize=10];"
    );
    let _ = writeln!(o, "  edge [fontsize=9];");
    for n in &s.nodes {
        let text = short(n.customer.get(lang), 24);
        match &n.ending {
            Some(e) => {
                let _ = writeln!(
                    o,
                    "  \"{}\" [label=\"{}\\n{}\\n[{}]\", shape=doubleoctagon, fillcolor=\"{}\"];",
                    dot_escape(&n.id),
                    dot_escape(&n.id),
                    dot_escape(&text),
                    e.outcome().key(),
                    outcome_colour(e.outcome())
                );
            }
            None => {
                let start = if n.id == s.start { ", penwidth=2" } else { "" };
                let _ = writeln!(
                    o,
                    "  \"{}\" [label=\"{}\\n{}\"{start}];",
                    dot_escape(&n.id),
                    dot_escape(&n.id),
                    dot_escape(&text)
                );
            }
        }
    }
    for n in &s.nodes {
        for c in &n.choices {
            let effect = static_effect(c);
            let tags: Vec<&str> = c.tags.iter().map(|t| t.name()).collect();
            let _ = writeln!(
                o,
                "  \"{}\" -> \"{}\" [label=\"{} ({})\\n{}\", color=\"{}\", fontcolor=\"{}\"];",
                dot_escape(&n.id),
                dot_escape(&c.next),
                dot_escape(&c.id),
                signed(effect),
                dot_escape(&tags.join(" ")),
                effect_colour(effect),
                effect_colour(effect)
            );
            for (to, when) in branches(c, lang) {
                let _ = writeln!(
                    o,
                    "  \"{}\" -> \"{}\" [label=\"{} ({when})\", style=dashed, color=\"{}\", fontcolor=\"{}\"];",
                    dot_escape(&n.id),
                    dot_escape(to),
                    dot_escape(&c.id),
                    effect_colour(effect),
                    effect_colour(effect)
                );
            }
        }
    }
    o.push_str("}\n");
    o
}

/// A choice's anger branches, drawn dashed beside its `next`: the node and when.
fn branches(c: &Choice, lang: Lang) -> Vec<(&str, String)> {
    let mut b = Vec::new();
    if let Some(a) = &c.if_angry {
        let at = fmt_num(a.at_least);
        let label = i18n::message(lang, "graph-if-angry", &vec![("at_least", at.as_str())]);
        b.push((a.next.as_str(), label));
    }
    if let Some(to) = &c.if_calm {
        b.push((to.as_str(), i18n::message(lang, "graph-if-calm", &vec![])));
    }
    b
}

fn mermaid_escape(s: &str) -> String {
    s.replace('"', "#quot;").replace('\n', " ")
}

pub fn mermaid(s: &Scenario, lang: Lang) -> String {
    let mut o = String::from("flowchart LR\n");
    let index = |id: &str| s.node_index(id).map(|i| format!("n{i}"));
    for (i, n) in s.nodes.iter().enumerate() {
        let label = format!("{}<br/>{}", n.id, short(n.customer.get(lang), 24));
        match &n.ending {
            Some(e) => {
                let _ = writeln!(
                    o,
                    "  n{i}((\"{}<br/>[{}]\"))",
                    mermaid_escape(&label),
                    e.outcome().key()
                );
            }
            None => {
                let _ = writeln!(o, "  n{i}[\"{}\"]", mermaid_escape(&label));
            }
        }
    }
    let mut links = Vec::new();
    for (i, n) in s.nodes.iter().enumerate() {
        for c in &n.choices {
            if let Some(to) = index(&c.next) {
                let effect = static_effect(c);
                let _ = writeln!(
                    o,
                    "  n{i} -->|\"{} ({})\"| {to}",
                    mermaid_escape(&c.id),
                    signed(effect)
                );
                links.push(effect_colour(effect));
            }
            for (to, when) in branches(c, lang) {
                if let Some(to) = index(to) {
                    let _ = writeln!(
                        o,
                        "  n{i} -.->|\"{} ({when})\"| {to}",
                        mermaid_escape(&c.id)
                    );
                    links.push(effect_colour(static_effect(c)));
                }
            }
        }
    }
    for (k, colour) in links.iter().enumerate() {
        let _ = writeln!(o, "  linkStyle {k} stroke:{colour},color:{colour}");
    }
    for outcome in Outcome::ALL {
        let _ = writeln!(
            o,
            "  classDef {} fill:{}",
            outcome.key(),
            outcome_colour(outcome)
        );
    }
    for (i, n) in s.nodes.iter().enumerate() {
        if let Some(e) = &n.ending {
            let _ = writeln!(o, "  class n{i} {}", e.outcome().key());
        }
    }
    o
}
