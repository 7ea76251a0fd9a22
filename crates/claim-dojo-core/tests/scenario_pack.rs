//! The shipped scenario pack as a whole: ten or more scenarios that validate
//! clean, each with an expert and a careless playthrough of the right kind, each
//! analysable with a best path that passes the 3-minute check, and together
//! exercising every rule R01–R23 both ways, and none of them can be gamed: the
//! figures of issues 11 and 12 (degenerate policies, expert and careless
//! playthroughs, the longest answer as a tell) are computed here by playing the
//! pack through the engine, never from a hand-written list.

mod common;

use std::collections::BTreeMap;
use std::sync::Arc;

use claim_dojo_core::analyze::gaming;
use claim_dojo_core::analyze::{Mode, Options, Search, analyze};
use claim_dojo_core::play::{self, Policy, Script, Step, TURN_PAUSE_MS};
use claim_dojo_core::rules::{RuleId, Status};
use claim_dojo_core::scenario::facts::normalise;
use claim_dojo_core::scoring::Scorecard;
use claim_dojo_core::session::{Action, HandoffBrief, LineRef, Memo, Phase};
use claim_dojo_core::{Scenario, load_file};

fn pack() -> Vec<Arc<Scenario>> {
    common::files("scenarios", "ron")
        .iter()
        .map(|p| {
            let loaded = load_file(p);
            assert!(
                loaded.diagnostics.is_empty(),
                "{}: {:#?}",
                p.display(),
                loaded.diagnostics
            );
            Arc::new(loaded.scenario.unwrap())
        })
        .collect()
}

#[test]
fn sixteen_or_more_scenarios_validate_clean() {
    let pack = pack();
    assert!(pack.len() >= 16, "only {} scenarios", pack.len());
    for s in &pack {
        assert!(s.nodes.len() >= 12, "{} has {} nodes", s.id, s.nodes.len());
    }
}

#[test]
fn every_scenario_has_an_expert_and_a_careless_playthrough_of_the_right_kind() {
    for s in pack() {
        for kind in ["expert", "careless"] {
            let path = common::root().join(format!("tests/playthroughs/{}.{kind}.ron", s.id));
            let src = std::fs::read_to_string(&path)
                .unwrap_or_else(|_| panic!("{} has no {kind} playthrough", s.id));
            let script = play::parse_script(&path.display().to_string(), &src).unwrap();
            let e = script
                .expect
                .unwrap_or_else(|| panic!("{}.{kind} has no expect block", s.id));
            if kind == "expert" {
                assert_eq!(
                    (e.deescalation, e.steps_in_order),
                    (Some(true), Some(true)),
                    "{}: the expert passes and keeps the steps in order",
                    s.id
                );
                assert_eq!(
                    e.broken.as_deref(),
                    Some(&[][..]),
                    "{}: the expert breaks no rule",
                    s.id
                );
            } else {
                let fails = e.deescalation == Some(false)
                    || e.broken.as_ref().is_some_and(|b| !b.is_empty());
                assert!(
                    fails,
                    "{}: the careless script must fail the 3-minute check or break rules",
                    s.id
                );
            }
        }
    }
}

#[test]
fn every_scenario_analyses_and_its_best_path_passes_the_3_minute_check() {
    for s in pack() {
        let a = analyze(
            &s,
            &Options {
                trainees: 20,
                gaming_seeds: 4,
                ..Options::default()
            },
        );
        let best = a
            .best
            .as_ref()
            .unwrap_or_else(|| panic!("{}: no path", s.id));
        assert!(
            best.deescalation_passed || !best.report.deescalation.goal,
            "{}: best path {:?} fails the 3-minute check",
            s.id,
            best.choices
        );
        assert!(
            a.listed_but_unexercised.is_empty(),
            "{}: listed but never exercised: {:?}",
            s.id,
            a.listed_but_unexercised
        );
        // A listed rule is a lesson: some trainee answering well must be able
        // to show it kept (kasuhara-dogeza and elderly-renewal listed R05 with
        // no fault claimed, until their customers claimed one).
        assert!(
            a.listed_never_kept.is_empty(),
            "{}: listed but kept on no path: {:?}",
            s.id,
            a.listed_never_kept
        );
        assert!(
            a.reachable_outcomes.len() >= 2,
            "{}: only {:?} reachable",
            s.id,
            a.reachable_outcomes
        );
        // A node that no prompt path reaches is dead content unless other timing
        // gets there; one of the scenario's playthroughs must show it does.
        let heard = heard_in_playthroughs(&s);
        for id in &a.unreached_nodes {
            assert!(
                heard.contains(id),
                "{}: node {id} is reached neither by a prompt path nor by a playthrough",
                s.id
            );
        }
    }
}

/// The nodes whose lines the customer says in the scenario's playthroughs.
fn heard_in_playthroughs(s: &Arc<Scenario>) -> Vec<String> {
    let mut heard = Vec::new();
    for kind in ["expert", "careless"] {
        let path = common::root().join(format!("tests/playthroughs/{}.{kind}.ron", s.id));
        let src = std::fs::read_to_string(&path).unwrap();
        let script = play::parse_script(&path.display().to_string(), &src).unwrap();
        let mut session = play::session(s, script.seed.unwrap_or(1));
        play::run_script(&mut session, &script).unwrap();
        session.run_out();
        for line in session.transcript() {
            if let LineRef::Node(n) = line.what {
                heard.push(s.nodes[usize::from(n)].id.clone());
            }
        }
    }
    heard
}

/// Kept and broken counts per rule, and where each was first seen.
#[derive(Default)]
struct Coverage {
    kept: BTreeMap<RuleId, String>,
    broken: BTreeMap<RuleId, String>,
}

impl Coverage {
    fn add(&mut self, card: &Scorecard, how: &str) {
        for (id, j) in &card.rules {
            let map = match j.status {
                Status::Kept => &mut self.kept,
                Status::Broken => &mut self.broken,
                _ => continue,
            };
            map.entry(*id).or_insert_with(|| how.to_string());
        }
    }
}

/// Plays `path` but says its first choice at a different moment.
fn variant(s: &Arc<Scenario>, path: &[String], mid_line: bool, memo: bool) -> Scorecard {
    let mut session = play::session(s, 1);
    for (i, id) in path.iter().enumerate() {
        if i == 0 && mid_line {
            if let Phase::Speaking { end, .. } = session.phase() {
                session.advance_to((session.now_ms() + end) / 2);
            }
        } else if i == 0 {
            // Silent well past the customer's patience.
            let wait = session.time_to_turn().unwrap_or(0)
                + (s.persona.patience_s * 1000.0) as u64
                + 6_000;
            session.advance_ms(wait);
        } else {
            match session.time_to_turn() {
                Some(ms) => session.advance_ms(ms + TURN_PAUSE_MS),
                None => break,
            }
        }
        if session.choose(id).is_err() {
            break;
        }
    }
    if memo {
        let m = Memo {
            when: "本日".into(),
            what: "お申し出の内容".into(),
            cause: "当社の対応".into(),
        };
        let _ = session.act(Action::Memo(m));
    }
    session.finish()
}

#[test]
fn the_pack_keeps_and_breaks_every_rule_on_some_path() {
    let mut cov = Coverage::default();
    for s in pack() {
        let search = Search::visit(&s, 50_000, 1, Mode::Exhaustive, |p| {
            cov.add(p.card, &format!("{}: {}", s.id, p.choices().join(",")));
        });
        if let Some(best) = search.best() {
            cov.add(
                &variant(&s, &best.choices, true, false),
                &format!("{}: interrupting {}", s.id, best.choices[0]),
            );
            cov.add(
                &variant(&s, &best.choices, false, true),
                &format!(
                    "{}: silent, then {} with a memo",
                    s.id,
                    best.choices.join(",")
                ),
            );
        }
        for kind in ["expert", "careless"] {
            let path = common::root().join(format!("tests/playthroughs/{}.{kind}.ron", s.id));
            if let Ok(src) = std::fs::read_to_string(&path) {
                let script = play::parse_script("p.ron", &src).unwrap();
                let mut session = play::session(&s, script.seed.unwrap_or(1));
                if play::run_script(&mut session, &script).is_ok() {
                    cov.add(&session.finish(), &format!("{}.{kind}", s.id));
                }
            }
        }
    }
    let missing: Vec<String> = RuleId::ALL
        .iter()
        .filter_map(|r| match (cov.kept.get(r), cov.broken.get(r)) {
            (Some(_), Some(_)) => None,
            (k, b) => Some(format!("{r}: kept {} broken {}", k.is_some(), b.is_some())),
        })
        .collect();
    let table: Vec<String> = RuleId::ALL
        .iter()
        .map(|r| {
            format!(
                "{r} kept by [{}] broken by [{}]",
                cov.kept.get(r).map_or("—", |s| s),
                cov.broken.get(r).map_or("—", |s| s)
            )
        })
        .collect();
    assert!(
        missing.is_empty(),
        "not covered both ways: {missing:?}\n{}",
        table.join("\n")
    );
}

fn playthrough(s: &Scenario, kind: &str) -> Script {
    let path = common::root().join(format!("tests/playthroughs/{}.{kind}.ron", s.id));
    let src = std::fs::read_to_string(&path).unwrap();
    play::parse_script(&path.display().to_string(), &src).unwrap()
}

fn run(s: &Arc<Scenario>, script: &Script) -> (Scorecard, claim_dojo_core::session::Session) {
    let mut session = play::session(s, script.seed.unwrap_or(1));
    play::run_script(&mut session, script).unwrap();
    let card = session.finish();
    (card, session)
}

/// Seeds each degenerate policy plays in the pack's gaming check.
const GAMING_SEEDS: usize = 20;
/// The best of 20 sessions of `first`, `last` or `instant`: the 45, like
/// the answer-length policies.
const POSITION_MAX: u32 = 45;

/// Issue 11, Deliver 8 and issue 12, Deliver 5: on every scenario, every
/// degenerate policy's mean ≤ 30 and best ≤ 45 (silence ≤ 5 at most); the
/// expert playthrough ≥ 90, the careless one ≤ 40; the model answer is the
/// longest offered at ≤ 40% of the expert's answers. The policies that answer by
/// position in the shuffled order (`first`, `last`) and `instant` are random
/// trainees with good timing: a call with too few decisions lets a lucky walk
/// down a good branch reach more than 45.
#[test]
fn no_shipped_scenario_can_be_gamed() {
    let mut failures = Vec::new();
    let mut table = Vec::new();
    for s in pack() {
        let mut row = format!("{:<26}", s.id);
        for p in Policy::DEGENERATE {
            let f = gaming::figures(&s, p, GAMING_SEEDS);
            row.push_str(&format!(" {}={:.1}/{}", p.name(), f.mean, f.max));
            let max_allowed = match p {
                Policy::Silent => 5,
                Policy::First | Policy::Last | Policy::Instant => POSITION_MAX,
                _ => 45,
            };
            if f.mean > 30.0 || f.max > max_allowed {
                failures.push(format!(
                    "{}: `{}` mean {:.1}, max {} (allowed 30 / {max_allowed})",
                    s.id,
                    p.name(),
                    f.mean,
                    f.max
                ));
            }
        }
        let (expert, session) = run(&s, &playthrough(&s, "expert"));
        let (careless, _) = run(&s, &playthrough(&s, "careless"));
        let (mut answers, mut longest) = (0, 0);
        // Compared with the answers offered beside it: the flags the answers
        // before it set decide which gated ones were there.
        let mut flags = 0;
        for line in session.transcript() {
            if let LineRef::Choice(c) = line.what {
                let (n, k) = (usize::from(c.node), usize::from(c.choice));
                let node = &s.nodes[n];
                let gates = &s.index.gates[n];
                let shown: Vec<_> = node
                    .choices
                    .iter()
                    .zip(gates)
                    .filter(|(_, g)| g.open(flags))
                    .map(|(c, _)| c)
                    .collect();
                if shown.len() > 1 {
                    answers += 1;
                    longest += usize::from(gaming::is_extreme(&shown, &node.choices[k], false));
                }
                flags |= gates[k].sets;
            }
        }
        let share = longest as f64 / answers.max(1) as f64;
        row.push_str(&format!(
            " expert={} careless={} longest={:.0}%",
            expert.score.total,
            careless.score.total,
            share * 100.0
        ));
        if expert.score.total < 90 {
            failures.push(format!("{}: expert scores {}", s.id, expert.score.total));
        }
        if careless.score.total > 40 {
            failures.push(format!(
                "{}: careless scores {}",
                s.id, careless.score.total
            ));
        }
        if share > 0.40 {
            failures.push(format!(
                "{}: the model answer is the longest at {longest} of {answers} answers",
                s.id
            ));
        }
        table.push(row);
    }
    assert!(
        failures.is_empty(),
        "{}\n\n{}",
        failures.join("\n"),
        table.join("\n")
    );
}

/// A memo or a handoff form of junk breaks R20 and R17 on every scenario: the
/// expert playthrough with its records replaced by "x" in every field.
#[test]
fn junk_records_break_r20_and_r17_on_every_scenario() {
    let x = || "x".to_string();
    let (r17, r20) = (RuleId::parse("R17").unwrap(), RuleId::parse("R20").unwrap());
    for s in pack() {
        let mut script = playthrough(&s, "expert");
        let mut had = (false, false);
        for step in &mut script.steps {
            match &mut step.step {
                Step::Memo(m) => {
                    had.0 = true;
                    *m = Memo {
                        when: x(),
                        what: x(),
                        cause: x(),
                    };
                }
                Step::Handoff(h) => {
                    had.1 = true;
                    *h = HandoffBrief {
                        customer: x(),
                        request: x(),
                        reason: x(),
                        state: x(),
                        wants: x(),
                    };
                }
                _ => {}
            }
        }
        let (card, _) = run(&s, &script);
        assert!(had.0, "{}: the expert keeps no memo", s.id);
        assert_eq!(card.rules[r20.index()].1.status, Status::Broken, "{}", s.id);
        if had.1 {
            assert_eq!(card.rules[r17.index()].1.status, Status::Broken, "{}", s.id);
        }
    }
}
/// The node and choice of every choice the expert playthrough says.
fn expert_choices(s: &Scenario) -> Vec<(usize, usize)> {
    let path = common::root().join(format!("tests/playthroughs/{}.expert.ron", s.id));
    let src = std::fs::read_to_string(&path).unwrap();
    let script = play::parse_script("expert.ron", &src).unwrap();
    script
        .steps
        .iter()
        .filter_map(|st| match &st.step {
            play::Step::Choose(id) | play::Step::Answer(id) => Some(id.clone()),
            _ => None,
        })
        .map(|id| {
            s.nodes
                .iter()
                .enumerate()
                .find_map(|(n, node)| node.choices.iter().position(|c| c.id == id).map(|c| (n, c)))
                .unwrap_or_else(|| panic!("{}: expert says unknown choice {id}", s.id))
        })
        .collect()
}

/// Issue 12, Deliver 5: what a trainee could guess the right answer from, on every
/// call of the pack: at least 14 nodes; three or more choices at 60% of the nodes
/// that offer any; no more wrong answers trailing off in 「……」 than right ones;
/// and, over the whole pack, the model answer the strictly longest at no more than
/// 40% of the expert paths' nodes.
#[test]
fn the_pack_gives_no_length_or_ellipsis_away() {
    let mut failures = Vec::new();
    let (mut longest_all, mut nodes_all) = (0, 0);
    for s in pack() {
        if s.nodes.len() < 14 {
            failures.push(format!("{}: {} nodes", s.id, s.nodes.len()));
        }
        let deciding: Vec<_> = s.nodes.iter().filter(|n| !n.choices.is_empty()).collect();
        let three = deciding.iter().filter(|n| n.choices.len() >= 3).count();
        if three * 10 < deciding.len() * 6 {
            failures.push(format!(
                "{}: only {three} of {} nodes offer three or more choices",
                s.id,
                deciding.len()
            ));
        }
        let expert = expert_choices(&s);
        let longest = expert
            .iter()
            .filter(|&&(n, c)| {
                let node = &s.nodes[n];
                let mine = node.choices[c].text.spoken_chars();
                node.choices
                    .iter()
                    .enumerate()
                    .all(|(i, o)| i == c || o.text.spoken_chars() < mine)
            })
            .count();
        longest_all += longest;
        nodes_all += expert.len();
        let trails = |c: &claim_dojo_core::scenario::Choice| c.text.ja.trim_end().ends_with('…');
        let right: usize = expert
            .iter()
            .filter(|&&(n, c)| trails(&s.nodes[n].choices[c]))
            .count();
        let wrong = s
            .choices()
            .filter(|(_, c)| {
                trails(c)
                    && !expert
                        .iter()
                        .any(|&(n, i)| std::ptr::eq(&s.nodes[n].choices[i], *c))
            })
            .count();
        if wrong > right {
            failures.push(format!(
                "{}: {wrong} wrong answers trail off in 「……」, {right} right ones",
                s.id
            ));
        }
    }
    if longest_all * 10 > nodes_all * 4 {
        failures.push(format!(
            "the model answer is the longest at {longest_all} of {nodes_all} expert nodes"
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The names of a call's people, with their role: the customer (the first word
/// of the persona's name), the first handler (the last word of the handoff's
/// operator) and the declared staff; names compared as the facts are
/// (katakana read as hiragana, white space ignored).
fn people(s: &Scenario) -> Vec<(String, &'static str)> {
    let customer: String = s
        .persona
        .name
        .ja
        .chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, '様' | '(' | '\u{ff08}'))
        .collect();
    let mut out = vec![(normalise(&customer), "customer")];
    if let Some(h) = &s.handoff {
        let operator = h.operator.ja.split_whitespace().last().unwrap_or_default();
        out.push((normalise(operator), "operator"));
    }
    out.extend(s.staff.iter().map(|n| (normalise(&n.ja), "staff")));
    out
}

/// Issue 12, Deliver 5 (the review's item 9: ミナト for four companies, 中村 for two
/// customers, 松本 a customer and an operator): every scenario declares its company;
/// no two companies begin with the same two characters; each person's name belongs
/// to one scenario and one role, and no other scenario says it.
#[test]
fn customer_staff_and_company_names_are_distinct_across_the_pack() {
    let pack = pack();
    let mut failures = Vec::new();
    let mut companies: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut names: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for s in &pack {
        match &s.company {
            Some(c) => {
                let stem: String = normalise(&c.ja).chars().take(2).collect();
                companies
                    .entry(stem)
                    .or_default()
                    .push(format!("{} ({})", c.ja, s.id));
            }
            None => failures.push(format!("{}: declares no `company`", s.id)),
        }
        for (name, role) in people(s) {
            let uses = names.entry(name).or_default();
            let this = format!("{role} of {}", s.id);
            if !uses.contains(&this) {
                uses.push(this);
            }
        }
    }
    for (stem, uses) in &companies {
        if uses.len() > 1 {
            failures.push(format!(
                "companies beginning 「{stem}」: {}",
                uses.join(", ")
            ));
        }
    }
    for (name, uses) in &names {
        if uses.len() > 1 {
            failures.push(format!("「{name}」 is {}", uses.join(" and ")));
        }
    }
    let said: Vec<String> = pack
        .iter()
        .map(|s| normalise(&s.japanese_texts().join("\n")))
        .collect();
    for (a, s) in pack.iter().enumerate() {
        for (name, role) in people(s) {
            for (b, other) in pack.iter().enumerate() {
                if a != b && said[b].contains(&name) {
                    failures.push(format!(
                        "{} says 「{name}」, the {role} of {}",
                        other.id, s.id
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
