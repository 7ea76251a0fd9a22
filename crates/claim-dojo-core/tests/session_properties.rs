//! Properties of the session engine that hold for any trainee: anger stays in
//! 0–100, call time never goes back, no sequence of actions panics, refused
//! actions change nothing, and the same seed and actions give the same JSON.

mod common;

use std::sync::Arc;
use std::time::Duration;

use claim_dojo_core::play::{self, Policy};
use claim_dojo_core::report::Report;
use claim_dojo_core::session::{ActError, Action, HandoffBrief, Memo};
use claim_dojo_core::{Scenario, load_str};
use proptest::prelude::*;

fn example() -> Arc<Scenario> {
    let doc = std::fs::read_to_string(common::root().join("docs/scenario-format.md")).unwrap();
    let start = doc.find("```ron\n").unwrap() + 7;
    let end = start + doc[start..].find("```").unwrap();
    Arc::new(
        load_str("example-late-parcel.ron", &doc[start..end])
            .scenario
            .unwrap(),
    )
}

/// The shipped scenarios that load (all of them, once the pack is complete).
fn shipped() -> Vec<Arc<Scenario>> {
    let mut v = vec![example()];
    for p in common::files("scenarios", "ron") {
        if let Some(s) = claim_dojo_core::load_file(&p).scenario {
            v.push(Arc::new(s));
        }
    }
    v
}

#[derive(Debug, Clone)]
enum Op {
    Advance(u64),
    ChooseOffered(usize),
    ChooseBogus,
    Listen,
    Memo,
    Handoff,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0u64..20_000).prop_map(Op::Advance),
        4 => any::<usize>().prop_map(Op::ChooseOffered),
        1 => Just(Op::ChooseBogus),
        2 => Just(Op::Listen),
        1 => Just(Op::Memo),
        1 => Just(Op::Handoff),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_sequence_of_actions_keeps_anger_in_range_and_time_moving_forward(
        ops in prop::collection::vec(op(), 0..60),
        seed in any::<u64>(),
        which in any::<usize>(),
    ) {
        let all = shipped();
        let scenario = &all[which % all.len()];
        let mut s = play::session(scenario, seed);
        let mut last_t = 0;
        for o in &ops {
            let before = s.now_ms();
            let result = match o {
                Op::Advance(ms) => { s.advance(Duration::from_millis(*ms)); Ok(()) }
                Op::ChooseOffered(i) => {
                    let offered = s.offered();
                    if offered.is_empty() { Ok(()) } else {
                        let id = offered[i % offered.len()].id.clone();
                        s.act(Action::Choose { choice: id })
                    }
                }
                Op::ChooseBogus => {
                    let n = s.actions().len();
                    let r = s.act(Action::Choose { choice: "no-such-choice".into() });
                    prop_assert!(r.is_err(), "a choice that is not offered is refused");
                    prop_assert_eq!(s.actions().len(), n, "a refused action is not logged");
                    Ok(())
                }
                Op::Listen => s.act(Action::Listen),
                Op::Memo => s.act(Action::Memo(Memo { when: "今日".into(), what: "未着".into(), cause: String::new() })),
                Op::Handoff => s.act(Action::Handoff(HandoffBrief::default())),
            };
            if let Err(e) = result {
                let known = matches!(e, ActError::CallOver | ActError::NotYourTurn | ActError::NotOffered { .. } | ActError::NoHandover);
                prop_assert!(known, "unexpected refusal {:?}", e);
            }
            prop_assert!(s.now_ms() >= before && s.now_ms() >= last_t, "time went back");
            last_t = s.now_ms();
            let a = s.anger();
            prop_assert!((0.0..=100.0).contains(&a), "anger {a}");
        }
        let card = s.finish();
        prop_assert!(s.is_over());
        prop_assert!(card.score.total <= card.score.max);
        for w in s.curve().windows(2) {
            prop_assert!(w[0].0 <= w[1].0, "curve time goes back");
        }
        prop_assert!(s.curve().iter().all(|&(_, a)| (0.0..=100.0).contains(&a)));
    }
}

#[test]
fn choosing_an_id_that_is_not_offered_is_a_clear_error() {
    let scenario = example();
    let mut s = play::session(&scenario, 1);
    let err = s
        .act(Action::Choose {
            choice: "callback-dated".into(),
        })
        .unwrap_err();
    match err {
        ActError::NotOffered { choice, offered } => {
            assert_eq!(choice, "callback-dated");
            assert_eq!(offered, ["accept", "excuse"]);
        }
        other => panic!("{other:?}"),
    }
    assert!(err_text(&scenario).contains("callback-dated"));
}

fn err_text(scenario: &Arc<Scenario>) -> String {
    let mut s = play::session(scenario, 1);
    s.act(Action::Choose {
        choice: "callback-dated".into(),
    })
    .unwrap_err()
    .to_string()
}

fn json_of(scenario: &Arc<Scenario>, seed: u64, policy: Policy) -> String {
    let mut s = play::session(scenario, seed);
    play::policy::run(&mut s, policy, seed);
    let card = s.finish();
    Report::build(&s, &card).to_json()
}

#[test]
fn the_same_seed_and_actions_give_byte_identical_json() {
    for scenario in shipped() {
        for seed in [1, 7, 12345] {
            let a = json_of(&scenario, seed, Policy::Random);
            let b = json_of(&scenario, seed, Policy::Random);
            assert_eq!(a, b, "{} seed {seed}", scenario.id);
        }
        assert_ne!(
            json_of(&scenario, 1, Policy::Random),
            json_of(&scenario, 2, Policy::Random),
            "{}: the seed matters",
            scenario.id
        );
    }
}

#[test]
fn a_result_replays_exactly_from_its_own_json() {
    for scenario in shipped() {
        for seed in [3, 7] {
            let original = json_of(&scenario, seed, Policy::Plausible);
            let rec = play::parse_recording("r.json", &original).unwrap();
            let mut s = play::session(&scenario, rec.seed);
            play::run_recording(&mut s, &rec).unwrap();
            let card = s.finish();
            assert_eq!(
                Report::build(&s, &card).to_json(),
                original,
                "{} seed {seed}",
                scenario.id
            );
        }
    }
}

#[test]
fn how_time_is_sliced_into_frames_does_not_change_the_call() {
    let scenario = example();
    let play_with_frames = |frame: Duration| {
        let mut s = play::session(&scenario, 9);
        // Answer "accept" at 12.0 s (after her vent) and "callback-dated" at
        // 24.0 s of call time, whatever the frame length.
        for (at, id) in [(12_000u64, "accept"), (24_000, "callback-dated")] {
            while s.now_ms() + (frame.as_nanos() / 1_000_000) as u64 <= at {
                s.advance(frame);
            }
            s.advance_to(at);
            s.act(Action::Choose { choice: id.into() }).unwrap();
        }
        while !s.is_over() {
            s.advance(frame);
        }
        let card = s.finish();
        Report::build(&s, &card).to_json()
    };
    let base = play_with_frames(Duration::from_millis(1));
    for f in [
        Duration::from_micros(16_667),
        Duration::from_millis(100),
        Duration::from_micros(33_333),
    ] {
        assert_eq!(play_with_frames(f), base, "frame {f:?}");
    }
}

#[test]
fn random_and_plausible_trainees_never_fail_on_any_scenario() {
    for scenario in shipped() {
        for seed in 0..40 {
            for policy in [Policy::Random, Policy::Plausible] {
                let mut s = play::session(&scenario, seed);
                play::policy::run(&mut s, policy, seed);
                assert!(s.is_over(), "{} seed {seed} {policy:?}", scenario.id);
                let card = s.finish();
                assert_eq!(card.rules.len(), 23);
            }
        }
    }
}
