//! A scenario drawn as a graph, for trainers: DOT (Graphviz) and Mermaid.
//!
//! What is drawn is decided once (`Drawing`) and then written in either
//! language. The number on an arrow is the anger change the engine applies when
//! the choice is said promptly (`prompt.rs` says exactly how); an arrow is red
//! when the words end the call badly, whatever the number. Speaker nodes (a
//! colleague on the internal line) are drawn apart with the speaker's name, and
//! words said to them carry no number: the customer does not hear them.

mod escape;
pub mod prompt;

use std::collections::VecDeque;
use std::fmt::Write;
use std::sync::Arc;

use crate::i18n;
use crate::load::decode::fmt_num;
use crate::scenario::{Choice, Outcome, Scenario};
use crate::text::Lang;

pub use prompt::{ChoiceEffect, PromptEffects};

/// Above this many nodes, arrows lose their labels and nodes their text:
/// Graphviz lays every edge label out as a node of its own, which is what made
/// a 2,000-node drawing take minutes (docs/authoring.md says when to use
/// `--from` and `--depth` instead).
pub const LARGE: usize = 300;

/// Which part of a scenario to draw.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Draw from this node instead of the start.
    pub from: Option<String>,
    /// Draw only nodes at most this many choices away (all when `None`).
    pub depth: Option<usize>,
}

/// Why nothing could be drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GraphError {
    /// `--from` names no node.
    NoNode(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Dot,
    Mermaid,
}

#[derive(Debug, Clone, PartialEq)]
enum Look {
    Plain,
    Start,
    /// Someone other than the customer speaks this node.
    Speaker(String),
    Ending(Outcome),
    /// Outside the part drawn: only its id, so arrows have somewhere to go.
    Stub,
}

#[derive(Debug, Clone)]
struct DrawNode {
    index: usize,
    look: Look,
    id: String,
    text: String,
    /// No prompt route reaches it: it is heard only after waiting or cutting in.
    unheard: bool,
}

#[derive(Debug, Clone)]
struct DrawEdge {
    from: usize,
    to: usize,
    choice: String,
    change: Option<f64>,
    tags: String,
    /// What the choice needs and sets (`if x · unless y · sets z`), or empty.
    flags: String,
    /// The anger branch this arrow is, if it is one.
    when: Option<String>,
    hangs_up: bool,
    colour: &'static str,
}

struct Drawing {
    title: String,
    id: String,
    top_down: bool,
    compact: bool,
    nodes: Vec<DrawNode>,
    edges: Vec<DrawEdge>,
}

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

const SPEAKER_FILL: &str = "#e4ddf3";
const GREY: &str = "#808080";
const RED: &str = "#c0392b";

/// Colour of a choice by its anger change: greens calm, reds anger.
fn effect_colour(effect: f64) -> &'static str {
    match effect {
        e if e <= -6.0 => "#1b7f3b",
        e if e < 0.0 => "#5aa469",
        0.0 => GREY,
        e if e < 8.0 => "#e08a2c",
        _ => RED,
    }
}

/// The worst ways a call can end: a choice into them is red, however calming.
fn short(text: &str, max: usize) -> String {
    let mut s: String = text.chars().take(max).collect();
    if text.chars().count() > max {
        s.push('…');
    }
    s
}

fn signed(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    let r = if r == 0.0 { 0.0 } else { r };
    if r > 0.0 {
        format!("+{}", fmt_num(r))
    } else {
        fmt_num(r)
    }
}

/// The whole scenario in DOT.
pub fn dot(s: &Scenario, lang: Lang) -> String {
    draw(&Arc::new(s.clone()), lang, Format::Dot, &Options::default()).unwrap_or_default()
}

/// The whole scenario in Mermaid.
pub fn mermaid(s: &Scenario, lang: Lang) -> String {
    draw(
        &Arc::new(s.clone()),
        lang,
        Format::Mermaid,
        &Options::default(),
    )
    .unwrap_or_default()
}

/// Draws the part of `s` that `options` asks for.
pub fn draw(
    s: &Arc<Scenario>,
    lang: Lang,
    format: Format,
    options: &Options,
) -> Result<String, GraphError> {
    let d = drawing(s, lang, options)?;
    Ok(match format {
        Format::Dot => write_dot(&d, lang),
        Format::Mermaid => write_mermaid(&d, lang),
    })
}

/// Nodes within `depth` choices of `root` (all reachable ones without a depth),
/// and the layer of each.
fn within(s: &Scenario, root: usize, depth: Option<usize>) -> Vec<Option<usize>> {
    let mut layer = vec![None; s.nodes.len()];
    layer[root] = Some(0);
    let mut queue = VecDeque::from([root]);
    while let Some(i) = queue.pop_front() {
        let l = layer[i].unwrap_or(0);
        if depth.is_some_and(|d| l >= d) {
            continue;
        }
        for c in &s.nodes[i].choices {
            for (to, _) in c.destinations() {
                if let Some(j) = s.node_index(to)
                    && layer[j].is_none()
                {
                    layer[j] = Some(l + 1);
                    queue.push_back(j);
                }
            }
        }
    }
    layer
}

fn drawing(s: &Arc<Scenario>, lang: Lang, options: &Options) -> Result<Drawing, GraphError> {
    let root_id = options.from.as_deref().unwrap_or(&s.start);
    let root = s
        .node_index(root_id)
        .ok_or_else(|| GraphError::NoNode(root_id.to_string()))?;
    let mut layer = within(s, root, options.depth);
    if options.from.is_none() && options.depth.is_none() {
        // The whole file, nodes the start does not reach included.
        for l in layer.iter_mut().filter(|l| l.is_none()) {
            *l = Some(0);
        }
    }
    let prompt = prompt::effects(s);
    let drawn: Vec<usize> = (0..s.nodes.len()).filter(|&i| layer[i].is_some()).collect();

    // Top-down unless the call is very much wider than it is deep: left to
    // right, a call of ten exchanges is ten node widths plus ten arrow labels
    // across. Drawn by `dot` both ways, every shipped call read better top-down
    // (1.3:1 to 2.9:1, where left to right gave 3:1 to 10:1, 4,000–8,800 points
    // wide), even callback-bad-news, whose endings fan out wider than twice its
    // depth; only a fan several times wider than deep is better on its side.
    let deepest = drawn.iter().filter_map(|&i| layer[i]).max().unwrap_or(0) + 1;
    let mut per_layer = vec![0usize; deepest];
    for &i in &drawn {
        per_layer[layer[i].unwrap_or(0)] += 1;
    }
    let widest = per_layer.iter().copied().max().unwrap_or(1);

    let mut nodes: Vec<DrawNode> = drawn
        .iter()
        .map(|&i| {
            let n = &s.nodes[i];
            let look = match (&n.ending, &n.speaker) {
                (Some(e), _) => Look::Ending(e.outcome()),
                (None, Some(who)) => Look::Speaker(who.get(lang).to_string()),
                (None, None) if n.id == s.start => Look::Start,
                _ => Look::Plain,
            };
            DrawNode {
                index: i,
                look,
                id: n.id.clone(),
                // An ending a colleague says is drawn as the ending; its words
                // still say whose they are.
                text: match (&n.ending, &n.speaker) {
                    (Some(_), Some(who)) => {
                        format!("{}: {}", who.get(lang), short(n.customer.get(lang), 24))
                    }
                    _ => short(n.customer.get(lang), 24),
                },
                unheard: prompt.routes[i].is_none(),
            }
        })
        .collect();
    let mut stubs: Vec<usize> = Vec::new();
    let mut edges = Vec::new();
    for &i in &drawn {
        let n = &s.nodes[i];
        for (k, c) in n.choices.iter().enumerate() {
            let effect = prompt.choices[i].as_ref().and_then(|e| e.get(k)).cloned();
            for (to, when) in targets(c, lang) {
                let Some(j) = s.node_index(to) else { continue };
                if layer[j].is_none() && !stubs.contains(&j) {
                    stubs.push(j);
                }
                let change = effect.as_ref().and_then(|e| e.change);
                let hangs_up = effect.as_ref().is_some_and(|e| e.hangs_up);
                let into_bad = s.nodes[j]
                    .ending
                    .as_ref()
                    .is_some_and(|e| e.outcome().is_lost());
                let colour = if hangs_up || into_bad {
                    RED
                } else {
                    change.map_or(GREY, effect_colour)
                };
                edges.push(DrawEdge {
                    from: i,
                    to: j,
                    choice: c.id.clone(),
                    change,
                    tags: c
                        .tags
                        .iter()
                        .map(|t| t.name())
                        .collect::<Vec<_>>()
                        .join(" "),
                    flags: flags_label(c, lang),
                    when,
                    hangs_up,
                    colour,
                });
            }
        }
    }
    nodes.extend(stubs.into_iter().map(|j| DrawNode {
        index: j,
        look: Look::Stub,
        id: s.nodes[j].id.clone(),
        text: String::new(),
        unheard: false,
    }));
    Ok(Drawing {
        title: s.title.get(lang).to_string(),
        id: s.id.clone(),
        top_down: widest < 5 * deepest,
        compact: drawn.len() > LARGE,
        nodes,
        edges,
    })
}

/// Where a choice may lead: `next`, then its anger branches with their condition.
fn targets(c: &Choice, lang: Lang) -> Vec<(&str, Option<String>)> {
    let mut b = vec![(c.next.as_str(), None)];
    if let Some(a) = &c.if_angry {
        let at = fmt_num(a.at_least);
        let label = i18n::message(lang, "graph-if-angry", &vec![("at_least", at.as_str())]);
        b.push((a.next.as_str(), Some(label)));
    }
    if let Some(to) = &c.if_calm {
        b.push((
            to.as_str(),
            Some(i18n::message(lang, "graph-if-calm", &vec![])),
        ));
    }
    b
}

/// What a choice needs and remembers: `if asked · unless sent · sets noted`.
fn flags_label(c: &Choice, lang: Lang) -> String {
    [
        ("graph-if-set", &c.if_set),
        ("graph-unless-set", &c.unless_set),
        ("graph-sets", &c.sets),
    ]
    .into_iter()
    .filter(|(_, flags)| !flags.is_empty())
    .map(|(key, flags)| i18n::message(lang, key, &vec![("flags", flags.join(", ").as_str())]))
    .collect::<Vec<_>>()
    .join(" · ")
}

/// `id (−4)`, `id (anger ≥ 70)`, `id (+14, hangs up)`: what an arrow says.
fn edge_label(e: &DrawEdge, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(w) = &e.when {
        parts.push(w.clone());
    }
    if let Some(c) = e.change {
        parts.push(signed(c));
    }
    if e.hangs_up {
        parts.push(i18n::message(lang, "graph-hangs-up", &vec![]));
    }
    if parts.is_empty() {
        e.choice.clone()
    } else {
        format!("{} ({})", e.choice, parts.join(", "))
    }
}

fn write_dot(d: &Drawing, lang: Lang) -> String {
    use escape::dot as esc;
    let mut o = String::new();
    let _ = writeln!(o, "digraph \"{}\" {{", esc(&d.id));
    let _ = writeln!(
        o,
        "  label=\"{}\"; labelloc=t; rankdir={};",
        esc(&d.title),
        if d.top_down { "TB" } else { "LR" }
    );
    if d.compact {
        // Straight edges and fewer layout passes: a large file lays out in seconds.
        let _ = writeln!(o, "  splines=false; nslimit=2; mclimit=0.5;");
    }
    let _ = writeln!(
        o,
        "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f7f7f7\", fontsize=10];"
    );
    let _ = writeln!(o, "  edge [fontsize=9];");
    for n in &d.nodes {
        let id = esc(&n.id);
        let text = if d.compact {
            String::new()
        } else {
            format!("\\n{}", esc(&n.text))
        };
        let dashed = if n.unheard { ",dashed" } else { "" };
        let _ = match &n.look {
            Look::Ending(o_) => writeln!(
                o,
                "  \"{id}\" [label=\"{id}{text}\\n[{}]\", shape=doubleoctagon, style=\"filled{dashed}\", fillcolor=\"{}\"];",
                o_.key(),
                outcome_colour(*o_)
            ),
            Look::Speaker(who) => writeln!(
                o,
                "  \"{id}\" [label=\"{}\\n{id}{text}\", shape=note, style=\"filled{dashed}\", fillcolor=\"{SPEAKER_FILL}\"];",
                esc(who)
            ),
            Look::Stub => writeln!(
                o,
                "  \"{id}\" [label=\"{id} …\", shape=plain, style=dotted];"
            ),
            Look::Start => writeln!(o, "  \"{id}\" [label=\"{id}{text}\", penwidth=2];"),
            Look::Plain => writeln!(
                o,
                "  \"{id}\" [label=\"{id}{text}\"{}];",
                if n.unheard {
                    ", style=\"rounded,filled,dashed\""
                } else {
                    ""
                }
            ),
        };
    }
    let id_of = |i: usize| d.nodes.iter().find(|n| n.index == i).map(|n| esc(&n.id));
    for e in &d.edges {
        let (Some(from), Some(to)) = (id_of(e.from), id_of(e.to)) else {
            continue;
        };
        let style = if e.when.is_some() {
            ", style=dashed"
        } else {
            ""
        };
        let label = if d.compact {
            String::new()
        } else {
            // The label, then the tags (not on an anger branch: its `next`
            // arrow has them), then the flags, each on a line.
            let mut lines = vec![esc(&edge_label(e, lang))];
            if !e.tags.is_empty() && e.when.is_none() {
                lines.push(esc(&e.tags));
            }
            if !e.flags.is_empty() {
                lines.push(esc(&e.flags));
            }
            format!("label=\"{}\", ", lines.join("\\n"))
        };
        let _ = writeln!(
            o,
            "  \"{from}\" -> \"{to}\" [{label}color=\"{c}\", fontcolor=\"{c}\"{style}];",
            c = e.colour
        );
    }
    o.push_str("}\n");
    o
}

fn write_mermaid(d: &Drawing, lang: Lang) -> String {
    use escape::mermaid as esc;
    let mut o = format!("flowchart {}\n", if d.top_down { "TD" } else { "LR" });
    for n in &d.nodes {
        let body = if d.compact || n.text.is_empty() {
            esc(&n.id)
        } else {
            format!("{}<br/>{}", esc(&n.id), esc(&n.text))
        };
        let i = n.index;
        let _ = match &n.look {
            Look::Ending(out) => writeln!(o, "  n{i}((\"{body}<br/>[{}]\"))", out.key()),
            Look::Speaker(who) => writeln!(o, "  n{i}[/\"{}<br/>{body}\"/]", esc(who)),
            Look::Stub => writeln!(o, "  n{i}[\"{} …\"]", esc(&n.id)),
            Look::Start | Look::Plain => writeln!(o, "  n{i}[\"{body}\"]"),
        };
    }
    for e in &d.edges {
        let arrow = if e.when.is_some() { "-.->" } else { "-->" };
        if d.compact {
            let _ = writeln!(o, "  n{} {arrow} n{}", e.from, e.to);
        } else {
            let mut label = esc(&edge_label(e, lang));
            if !e.flags.is_empty() {
                label = format!("{label}<br/>{}", esc(&e.flags));
            }
            let _ = writeln!(o, "  n{} {arrow}|\"{label}\"| n{}", e.from, e.to);
        }
    }
    // Link styles name links by their order, so they follow all of them.
    for (k, e) in d.edges.iter().enumerate() {
        let _ = writeln!(o, "  linkStyle {k} stroke:{c},color:{c}", c = e.colour);
    }
    for outcome in Outcome::ALL {
        let _ = writeln!(
            o,
            "  classDef {} fill:{}",
            outcome.key(),
            outcome_colour(outcome)
        );
    }
    let _ = writeln!(o, "  classDef speaker fill:{SPEAKER_FILL}");
    let _ = writeln!(o, "  classDef start stroke-width:3px");
    let _ = writeln!(o, "  classDef stub stroke-dasharray:2 2,fill:#ffffff");
    let _ = writeln!(o, "  classDef unheard stroke-dasharray:5 3");
    for n in &d.nodes {
        let class = match &n.look {
            Look::Ending(out) => Some(out.key()),
            Look::Speaker(_) => Some("speaker"),
            Look::Stub => Some("stub"),
            Look::Start => Some("start"),
            Look::Plain => None,
        };
        if let Some(c) = class {
            let _ = writeln!(o, "  class n{} {c}", n.index);
        }
        if n.unheard && n.look != Look::Stub {
            let _ = writeln!(o, "  class n{} unheard", n.index);
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::play;

    fn shipped() -> Vec<Arc<Scenario>> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scenarios");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "ron"))
            .collect();
        files.sort();
        files
            .iter()
            .map(|p| {
                Arc::new(
                    crate::load_file(p)
                        .scenario
                        .expect("a shipped scenario loads"),
                )
            })
            .collect()
    }

    #[test]
    fn the_number_on_an_arrow_is_what_play_applies_for_that_prompt_answer() {
        let mut checked = 0;
        for s in shipped() {
            let effects = prompt::effects(&s);
            for (i, node) in s.nodes.iter().enumerate() {
                let (Some(route), Some(choices)) = (&effects.routes[i], &effects.choices[i]) else {
                    continue;
                };
                for (c, effect) in node.choices.iter().zip(choices) {
                    // A gated choice is played on a route that offers it.
                    let mut ids = effect.route.clone().unwrap_or_else(|| route.clone());
                    ids.push(c.id.clone());
                    let mut session = play::session(&s, prompt::SEED);
                    play::run_choices(&mut session, &ids).unwrap();
                    let card = session.finish();
                    let report = crate::report::Report::build(&session, &card);
                    let mark = report
                        .marks
                        .iter()
                        .rev()
                        .find(|m| m.choice.as_deref() == Some(c.id.as_str()));
                    let played = mark.map(|m| {
                        s.persona.volatility
                            * (m.authored + m.effects.iter().map(|e| e.delta).sum::<f64>())
                    });
                    match (effect.change, played) {
                        (Some(a), Some(b)) => {
                            assert!((a - b).abs() < 1e-9, "{} {}: {a} vs {b}", s.id, c.id)
                        }
                        (None, None) => {}
                        other => panic!("{} {}: {other:?}", s.id, c.id),
                    }
                    checked += 1;
                }
            }
        }
        assert!(checked > 100, "{checked}");
    }

    #[test]
    fn words_to_a_speaker_have_no_number_and_speaker_nodes_carry_the_name() {
        let with_speakers: Vec<_> = shipped()
            .into_iter()
            .filter(|s| s.nodes.iter().any(|n| n.speaker.is_some()))
            .collect();
        assert!(with_speakers.len() >= 3);
        let mut off_hold = 0;
        for s in with_speakers {
            off_hold += speakers_drawn(&s);
        }
        assert!(off_hold >= 8, "answers that end a hold: {off_hold}");
    }

    /// Checks how `s` draws its speaker nodes; returns how many answers at them
    /// take the customer off hold.
    fn speakers_drawn(s: &Arc<Scenario>) -> usize {
        let mut off_hold = 0;
        let dot = draw(s, Lang::En, Format::Dot, &Options::default()).unwrap();
        let mermaid = draw(s, Lang::En, Format::Mermaid, &Options::default()).unwrap();
        let effects = prompt::effects(s);
        for (i, n) in s.nodes.iter().enumerate() {
            let Some(who) = &n.speaker else { continue };
            // An ending said by the colleague is drawn as the ending it is,
            // with the colleague's name before the words.
            if n.ending.is_some() {
                assert!(
                    dot.contains(&format!("\"{}\" [label=\"{}\\n{}: ", n.id, n.id, who.en)),
                    "{}: {dot}",
                    n.id
                );
                continue;
            }
            assert!(
                dot.contains(&format!("\"{}\" [label=\"{}\\n{}", n.id, who.en, n.id)),
                "{dot}"
            );
            assert!(dot.contains("shape=note"));
            assert!(
                mermaid.contains(&format!("n{i}[/\"{}<br/>", who.en)),
                "{mermaid}"
            );
            for (k, c) in n.choices.iter().enumerate() {
                // Words that end the hold are said to the customer, who hears them.
                let heard = c.has(crate::scenario::Tag::EndsHold);
                off_hold += usize::from(heard);
                if let Some(e) = effects.choices[i].as_ref().map(|e| &e[k]) {
                    assert_eq!(
                        e.change.is_some(),
                        heard,
                        "{} {}: said to {}",
                        s.id,
                        c.id,
                        who.en
                    );
                }
                // Unheard words are drawn with their id alone; heard ones
                // with their number after it.
                let drawn = if heard {
                    dot.contains(&format!("[label=\"{} (", c.id))
                } else {
                    dot.contains(&format!("[label=\"{}\\n", c.id))
                        || dot.contains(&format!("[label=\"{}\", ", c.id))
                };
                assert!(drawn, "{}: {dot}", c.id);
            }
        }
        off_hold
    }

    fn tiny(extra_choice: &str, ending: &str) -> Arc<Scenario> {
        tiny_with(extra_choice, ending, "")
    }

    /// A two-exchange call with `extra_choice` at the opening and `more_nodes`.
    fn tiny_with(extra_choice: &str, ending: &str, more_nodes: &str) -> Arc<Scenario> {
        let src = format!(
            r#"Scenario(format: 1, id: "t", title: (ja: "t", en: "t"), summary: (ja: "s", en: "s"),
            role: Primary, difficulty: 1, minutes: 3, rules: ["R06"],
            persona: (name: (ja: "客", en: "C"), background: (ja: "b", en: "b"), anger: 60,
                calm_below: 40, hang_up_at: 95, volatility: 1.0, patience_s: 6, chars_per_s: 8),
            start: "open",
            nodes: [
                (id: "open", customer: (ja: "もしもし。", en: "Hello."), choices: [
                    (id: "calm", text: (ja: "ご不快な思いをおかけし申し訳ございません。", en: "Sorry."),
                     next: "bad", anger: -10, tags: [FeelingsApology]),
                    {extra_choice}
                ]),
                (id: "bad", customer: (ja: "もういい。", en: "Forget it."), ending: {ending}),
                (id: "good", customer: (ja: "はい。", en: "Fine."), ending: Resolved),
                {more_nodes}
            ])"#
        );
        let loaded = crate::load_str("t.ron", &src);
        assert!(!loaded.has_errors(), "{:#?}", loaded.diagnostics);
        Arc::new(loaded.scenario.unwrap())
    }

    #[test]
    fn a_calming_choice_into_the_worst_ending_is_red() {
        let s = tiny(
            r#"(id: "ok", text: (ja: "確認いたします。", en: "I'll check."), next: "good", tags: [ChecksFact]),"#,
            "HungUp",
        );
        let dot = draw(&s, Lang::En, Format::Dot, &Options::default()).unwrap();
        let line = dot
            .lines()
            .find(|l| l.contains("\"open\" -> \"bad\""))
            .unwrap();
        assert!(line.contains(&format!("color=\"{RED}\"")), "{line}");
        assert!(
            line.contains("calm (-"),
            "the number still shows the calming: {line}"
        );
        let good = dot
            .lines()
            .find(|l| l.contains("\"open\" -> \"good\""))
            .unwrap();
        assert!(!good.contains(RED), "{good}");
        let mermaid = draw(&s, Lang::En, Format::Mermaid, &Options::default()).unwrap();
        assert!(
            mermaid.contains(&format!("linkStyle 0 stroke:{RED}")),
            "{mermaid}"
        );
    }

    #[test]
    fn hostile_text_is_escaped_in_both_languages() {
        let nasty = r#"<script>alert(\"x\")</script> \\N & #quot; \u{202E}olleh"#;
        let s = tiny(
            &format!(
                r#"(id: "ok", text: (ja: "{nasty}", en: "{nasty}"), next: "good", tags: [ChecksFact]),"#
            ),
            "Resolved",
        );
        let mut s = (*s).clone();
        // Short enough to be drawn whole (node texts are cut at 24 characters).
        s.nodes[2].customer.en = "<script>\"q\" \\N & \u{202E}ab".into();
        s.title.en = "a\"b\\c".into();
        let s = Arc::new(s);
        let dot = draw(&s, Lang::En, Format::Dot, &Options::default()).unwrap();
        assert!(dot.contains("label=\"a\\\"b\\\\c\""), "{dot}");
        assert!(
            dot.contains("<script>\\\"q\\\" \\\\N &amp; [U+202E]ab"),
            "{dot}"
        );
        assert!(!dot.contains('\u{202E}'));
        let mermaid = draw(&s, Lang::En, Format::Mermaid, &Options::default()).unwrap();
        for line in mermaid.lines() {
            let stripped = line
                .replace("<br/>", "")
                .replace("-->", "")
                .replace("-.->", "");
            assert!(!stripped.contains(['<', '>', '\u{202E}']), "{line}");
            // Quotes only open and close labels.
            assert!(stripped.matches('"').count() % 2 == 0, "{line}");
        }
        assert!(mermaid.contains("#lt;script#gt;"), "{mermaid}");
    }

    #[test]
    fn a_deep_call_is_drawn_top_down_and_from_draws_only_what_is_near() {
        // Every shipped call reads better top-down (measured with `dot`); a
        // call that only fans out, one question and twelve endings, is drawn on
        // its side.
        for s in shipped() {
            let dot = draw(&s, Lang::Ja, Format::Dot, &Options::default()).unwrap();
            assert!(dot.contains("rankdir=TB"), "{}", s.id);
        }
        let to = |k: usize| {
            if k == 0 {
                "good".to_string()
            } else {
                format!("e{k}")
            }
        };
        let fan: String = (0..12)
            .map(|k| {
                format!(
                    r#"(id: "c{k}", text: (ja: "確認いたします。", en: "I'll check."), next: "{}", tags: [ChecksFact]),"#,
                    to(k)
                )
            })
            .collect();
        let endings: String = (1..12)
            .map(|k| {
                format!(r#"(id: "e{k}", customer: (ja: "はい。", en: "Fine."), ending: Resolved),"#)
            })
            .collect();
        let wide = tiny_with(&fan, "HungUp", &endings);
        let dot = draw(&wide, Lang::En, Format::Dot, &Options::default()).unwrap();
        assert!(dot.contains("rankdir=LR"), "{dot}");
        let s = shipped().into_iter().max_by_key(|s| s.nodes.len()).unwrap();
        let from = s.nodes[1].id.clone();
        let part = draw(
            &s,
            Lang::En,
            Format::Dot,
            &Options {
                from: Some(from.clone()),
                depth: Some(1),
            },
        )
        .unwrap();
        let i = s.node_index(&from).unwrap();
        let near: Vec<&str> = s.nodes[i]
            .choices
            .iter()
            .flat_map(|c| c.destinations().map(|(to, _)| to))
            .collect();
        for n in &s.nodes {
            let stub = part.contains(&format!("\n  \"{0}\" [label=\"{0} …\"", n.id));
            let shown = part.contains(&format!("\n  \"{}\" [", n.id));
            let full = shown && !stub;
            assert_eq!(
                full,
                n.id == from || near.contains(&n.id.as_str()),
                "{}",
                n.id
            );
        }
        assert!(
            part.lines().count()
                < draw(&s, Lang::En, Format::Dot, &Options::default())
                    .unwrap()
                    .lines()
                    .count()
        );
        assert_eq!(
            draw(
                &s,
                Lang::En,
                Format::Dot,
                &Options {
                    from: Some("nowhere".into()),
                    depth: None
                }
            )
            .unwrap_err(),
            GraphError::NoNode("nowhere".into())
        );
    }
}
