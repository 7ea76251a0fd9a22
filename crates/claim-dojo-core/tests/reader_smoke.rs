//! The suite's smoke of the fuzz targets (`fuzz/`, `docs/reliability.md`): the
//! same three readers fed the same way, a few hundred cases each, on random
//! text and on mutations of valid input. Never a panic: a scenario, a script
//! or a recording, or a diagnostic.

mod common;

use std::sync::Arc;

use claim_dojo_core::load::load_bytes;
use claim_dojo_core::play::{self, Policy, what_if};
use claim_dojo_core::report::Report;
use claim_dojo_core::{Scenario, load_str};
use proptest::prelude::*;

fn fixture() -> Arc<Scenario> {
    let src = std::fs::read_to_string(
        common::root().join("tests/fixtures/app/scenarios/late-parcel.ron"),
    )
    .unwrap();
    Arc::new(load_str("late-parcel.ron", &src).scenario.unwrap())
}

/// A script of the fixture that plays to its end.
const SCRIPT: &str = r#"Script(
    scenario: "late-parcel",
    seed: 3,
    actions: [
        WaitTurn,
        Listen,
        Answer("accept"),
        Memo(when: "11/20", what: "未着", cause: "配送の遅れ"),
        Wait(0.5),
        Answer("callback-dated"),
    ],
    expect: (outcome: FollowUp),
)"#;

fn script() -> String {
    SCRIPT.to_string()
}

fn recording() -> String {
    let s = fixture();
    let mut session = play::session(&s, 3);
    play::policy::run(&mut session, Policy::Random, 3);
    let card = session.finish();
    Report::build(&session, &card).to_json()
}

/// Cuts, deletes, doubles or replaces a character of `src` at `at`.
fn mutate(src: &str, at: usize, how: u8, c: char) -> String {
    let chars: Vec<char> = src.chars().collect();
    if chars.is_empty() {
        return c.to_string();
    }
    let i = at % chars.len();
    let mut v = chars.clone();
    match how % 4 {
        0 => v.truncate(i),
        1 => {
            v.remove(i);
        }
        2 => v.insert(i, chars[i]),
        _ => v[i] = c,
    }
    v.into_iter().collect()
}

/// The scenario_loader target.
fn scenario_loader(data: &[u8]) {
    let loaded = load_bytes("fuzz.ron", data);
    for d in &loaded.diagnostics {
        let _ = d.message(claim_dojo_core::Lang::En);
    }
    if let Some(s) = loaded.scenario {
        let scenario = Arc::new(s);
        let mut session = play::session(&scenario, 1);
        play::policy::run(&mut session, Policy::Random, 1);
        let _ = session.finish();
    }
}

/// The play_script target.
fn play_script(scenario: &Arc<Scenario>, src: &str) {
    if let Ok(script) = play::parse_script("fuzz.ron", src) {
        let mut session = play::session(scenario, script.seed.unwrap_or(1));
        let _ = play::run_script(&mut session, &script);
        let _ = session.finish();
    }
}

/// The result_json target (its core half; the records' digest is smoked in its crate).
fn result_json(scenario: &Arc<Scenario>, src: &str) {
    if let Ok(rec) = play::parse_recording("fuzz.json", src) {
        let mut session = play::session(scenario, rec.seed);
        let _ = play::run_recording(&mut session, &rec);
        let _ = session.finish();
        let _ = what_if::resume(scenario, rec.seed, &rec.actions, rec.actions.len() / 2);
    }
}

#[test]
fn the_unmutated_inputs_are_valid_so_mutations_start_from_something_real() {
    let s = fixture();
    let script = play::parse_script("s.ron", SCRIPT).unwrap();
    let mut session = play::session(&s, 3);
    play::run_script(&mut session, &script).unwrap();
    assert!(play::unmet(&session.finish(), script.expect.as_ref().unwrap()).is_empty());
    let rec = play::parse_recording("r.json", &recording()).unwrap();
    assert!(!rec.actions.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn random_text_reaches_every_reader(text in ".{0,400}") {
        let s = fixture();
        scenario_loader(text.as_bytes());
        play_script(&s, &text);
        result_json(&s, &text);
    }

    #[test]
    fn mutated_scenarios_load_or_are_diagnosed(at in any::<usize>(), how in any::<u8>(), c in any::<char>()) {
        let src = std::fs::read_to_string(common::root().join("tests/fixtures/app/scenarios/late-parcel.ron")).unwrap();
        scenario_loader(mutate(&src, at, how, c).as_bytes());
    }

    #[test]
    fn mutated_scripts_and_recordings_run_or_are_refused(at in any::<usize>(), how in any::<u8>(), c in any::<char>()) {
        let s = fixture();
        play_script(&s, &mutate(&script(), at, how, c));
        result_json(&s, &mutate(&recording(), at, how, c));
    }
}

#[test]
fn extreme_times_and_strings_in_a_recording_are_replayed_without_a_panic() {
    let s = fixture();
    for at in [
        "1e308",
        "-5",
        "0.0000001",
        "18446744073709551.615",
        "1.7976931348623157e308",
    ] {
        let json = format!(
            r#"{{"scenario": "late-parcel", "seed": 18446744073709551615, "actions": [
                {{"at_s": {at}, "type": "listen"}},
                {{"at_s": 1, "type": "memo", "when": "{}", "what": "", "cause": ""}},
                {{"at_s": 2, "type": "choose", "choice": "accept"}}]}}"#,
            "長".repeat(10_000)
        );
        result_json(&s, &json);
    }
}
