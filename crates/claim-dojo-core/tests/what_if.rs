//! What-if replay is exact: a session restarted at any action of a recorded
//! call matches the original, to the millisecond, in its transcript and anger
//! curve up to that moment; given the same remaining actions it ends in the
//! very same report; and it accepts a different answer there.

mod common;

use std::sync::Arc;

use claim_dojo_core::play::{self, Policy, what_if};
use claim_dojo_core::report::Report;
use claim_dojo_core::session::{Action, Session};
use claim_dojo_core::{Scenario, load_file};

fn shipped() -> Vec<Arc<Scenario>> {
    common::files("scenarios", "ron")
        .iter()
        .filter_map(|p| load_file(p).scenario.map(Arc::new))
        .collect()
}

/// A recorded call: the finished session and its report.
fn recorded(scenario: &Arc<Scenario>, seed: u64, policy: Policy) -> (Session, Report) {
    let mut s = play::session(scenario, seed);
    play::policy::run(&mut s, policy, seed);
    let card = s.finish();
    let r = Report::build(&s, &card);
    (s, r)
}

#[test]
fn every_restart_matches_the_original_to_the_millisecond_and_replays_to_the_same_report() {
    let mut checked = 0;
    for scenario in shipped() {
        for (seed, policy) in [
            (3, Policy::Plausible),
            (11, Policy::Random),
            (17, Policy::Plausible),
            (23, Policy::Random),
            (29, Policy::Plausible),
        ] {
            let (original, report) = recorded(&scenario, seed, policy);
            let curve = original.curve();
            for at in 0..=report.actions.len() {
                let mut s = what_if::resume(&scenario, seed, &report.actions, at)
                    .unwrap_or_else(|e| panic!("{} seed {seed} at {at}: {e:?}", scenario.id));
                let t = report
                    .actions
                    .get(at)
                    .map(|a| a.at_ms())
                    .unwrap_or_else(|| s.now_ms());
                assert_eq!(s.now_ms(), t, "{} at {at}", scenario.id);
                assert_eq!(s.actions(), &original.actions()[..at]);

                // Every line said before the restart is the original's, to the ms;
                // a line still running has the same start and words.
                for (i, line) in s.transcript().iter().enumerate() {
                    let o = &original.transcript()[i];
                    if line.end_ms <= t {
                        assert_eq!(line, o, "{} at {at}: line {i}", scenario.id);
                    } else {
                        assert_eq!(
                            (line.start_ms, line.who, line.what),
                            (o.start_ms, o.who, o.what)
                        );
                    }
                }
                // The curve: every point but the last (the value now) is the original's.
                let c = s.curve();
                let (now, head) = c.split_last().unwrap();
                assert_eq!(head, &curve[..head.len()], "{} at {at}", scenario.id);
                assert_eq!(now.0, t);
                // The anger now is what the original had just before this action.
                let m = s.anger_changes().len();
                assert_eq!(s.anger_changes(), &original.anger_changes()[..m]);
                if let Some(next) = original.anger_changes().get(m).filter(|c| c.at_ms == t) {
                    assert!(
                        (now.1 - next.from).abs() < 1e-9,
                        "{} at {at}: {} vs {}",
                        scenario.id,
                        now.1,
                        next.from
                    );
                }

                // The rest of the original log from here ends in the same report.
                for a in &report.actions[at..] {
                    s.advance_to(a.at_ms());
                    s.act(a.action.clone()).unwrap();
                }
                let card = s.finish();
                assert_eq!(
                    Report::build(&s, &card).to_json(),
                    report.to_json(),
                    "{} seed {seed}: restarted at {at}",
                    scenario.id
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "only {checked} restarts checked");
}

#[test]
fn a_restart_takes_a_different_answer_and_the_call_goes_another_way() {
    let mut differed = 0;
    for scenario in shipped() {
        let (_, report) = recorded(&scenario, 5, Policy::Plausible);
        let turns = what_if::turns(&report.actions);
        let Some(turn) = turns.iter().find(|t| t.choice.is_some()) else {
            continue;
        };
        let mut s = what_if::resume(&scenario, 5, &report.actions, turn.index).unwrap();
        let other = s
            .offered()
            .iter()
            .map(|c| c.id.clone())
            .find(|id| Some(id) != turn.choice.as_ref());
        let Some(other) = other else { continue };
        s.act(Action::Choose { choice: other }).unwrap();
        play::policy::run(&mut s, Policy::Plausible, 5);
        let card = s.finish();
        if Report::build(&s, &card).to_json() != report.to_json() {
            differed += 1;
        }
    }
    assert!(differed >= 5, "only {differed} calls went another way");
}
