//! The shipped scenario pack as a whole: ten or more scenarios that validate
//! clean, each with an expert and a careless playthrough of the right kind, each
//! analysable with a best path that passes the 3-minute check, and together
//! exercising every rule R01–R22 both ways. The coverage is computed by playing
//! the pack through the engine, never from a hand-written list.

mod common;

use std::collections::BTreeMap;
use std::sync::Arc;

use claim_dojo_core::analyze::{Options, Search, analyze};
use claim_dojo_core::play::{self, TURN_PAUSE_MS};
use claim_dojo_core::rules::{RuleId, Status};
use claim_dojo_core::scoring::Scorecard;
use claim_dojo_core::session::{Action, LineRef, Memo, Phase};
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
fn ten_or_more_scenarios_validate_clean() {
    let pack = pack();
    assert!(pack.len() >= 10, "only {} scenarios", pack.len());
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
                ..Options::default()
            },
        );
        let best = a
            .best
            .as_ref()
            .unwrap_or_else(|| panic!("{}: no path", s.id));
        assert!(
            best.deescalation_passed,
            "{}: best path {:?} fails the 3-minute check",
            s.id, best.choices
        );
        assert!(
            a.listed_but_unexercised.is_empty(),
            "{}: listed but never exercised: {:?}",
            s.id,
            a.listed_but_unexercised
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
        let search = Search::visit(&s, 50_000, 1, true, |p| {
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
