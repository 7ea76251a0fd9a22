//! The analyser's search merges states it has explored already
//! (`Session::state_key`); these tests hold it to the search that explores every
//! path: the same best and worst scores, the same best passing score, the same
//! endings and the same nodes reached, on every shipped scenario small enough to
//! search path by path and on generated scenarios whose paths converge.

mod common;
#[path = "../benches/common/mod.rs"]
mod generate;

use std::sync::Arc;

use claim_dojo_core::analyze::Search;
use claim_dojo_core::{Scenario, load_str};

/// Steps the path-by-path search may take on one scenario (a few seconds in a
/// test build); scenarios that need more are compared up to here by the bench.
const BUDGET: usize = 400_000;

type Summary = (Option<u32>, Option<u32>, Option<u32>, Vec<&'static str>);

fn summary(s: &Search) -> Summary {
    (
        s.best().map(|p| p.card.score.total),
        s.worst().map(|p| p.card.score.total),
        s.best_passing().map(|p| p.card.score.total),
        s.outcomes.clone(),
    )
}

/// Compares the two searches on one scenario; false when every path is too many.
fn same_as_every_path(name: &str, src: &str) -> bool {
    let scenario: Arc<Scenario> = Arc::new(load_str(name, src).scenario.expect(name));
    let all = Search::every_path(&scenario, BUDGET, 1);
    if !all.exhaustive {
        return false;
    }
    let merged = Search::run(&scenario, BUDGET, 1);
    assert!(merged.exhaustive, "{name}");
    assert_eq!(
        summary(&merged),
        summary(&all),
        "{name}: best, worst, passing, endings"
    );
    assert_eq!(merged.visited, all.visited, "{name}: nodes reached");
    // The best path found is a real one: replayed, it scores what was reported.
    let best = merged.best().unwrap();
    let mut s = claim_dojo_core::play::session(&scenario, 1);
    claim_dojo_core::play::run_choices(&mut s, &best.choices).unwrap();
    assert_eq!(s.finish().score.total, best.card.score.total, "{name}");
    true
}

#[test]
fn merging_states_keeps_the_shipped_scenarios_best_and_worst_exact() {
    let mut compared = Vec::new();
    for file in common::files("scenarios", "ron") {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let src = std::fs::read_to_string(&file).unwrap();
        if same_as_every_path(&name, &src) {
            compared.push(name);
        }
    }
    eprintln!("compared path by path: {compared:?}");
    assert!(compared.len() >= 5, "only {compared:?} fit the budget");
}

#[test]
fn merging_states_keeps_generated_scenarios_best_and_worst_exact() {
    for nodes in [40, 121, 300] {
        let src = generate::generated(nodes);
        assert!(
            same_as_every_path(&format!("generated-{nodes}.ron"), &src),
            "{nodes} nodes"
        );
    }
}

/// W002 (a listed rule nothing exercises) agrees with `analyze`: every rule some
/// path breaks counts as exercised, in every shipped scenario and in both
/// skeletons. (A rule kept on every path and broken on none, as R07 is where no
/// choice denies anything, is rightly not exercised: nothing tempts the trainee.)
#[test]
fn w002_agrees_with_the_analysis() {
    use claim_dojo_core::rules::{RuleId, exercised};
    use claim_dojo_core::scaffold::skeleton;
    use claim_dojo_core::scenario::Role;
    let mut cases: Vec<(String, String)> = common::files("scenarios", "ron")
        .into_iter()
        .map(|f| {
            let src = std::fs::read_to_string(&f).unwrap();
            (f.display().to_string(), src)
        })
        .collect();
    cases.push((
        "new-primary.ron".into(),
        skeleton("new-primary", Role::Primary),
    ));
    cases.push((
        "new-secondary.ron".into(),
        skeleton("new-secondary", Role::Secondary),
    ));
    // A takeover where nothing acknowledges the customer's burden of repeating:
    // R10 is broken on every path, which W002 once called "not exercised".
    cases.push((
        "no-acknowledgement.ron".into(),
        skeleton("no-acknowledgement", Role::Secondary)
            .replace("NamesSelf, AcknowledgesBurden,", "NamesSelf,")
            .replacen("rules: [\"R03\",", "rules: [\"R10\", \"R03\",", 1),
    ));
    for (name, src) in cases {
        let scenario: Arc<Scenario> = Arc::new(load_str(&name, &src).scenario.expect(&name));
        let search = Search::run(&scenario, BUDGET, 1);
        for id in RuleId::ALL {
            let (kept, broken) = search.rules[id.index()];
            if broken > 0 {
                assert!(
                    exercised(id, &scenario),
                    "{name}: {id} kept on {kept} paths and broken on {broken}, yet W002 would call it unexercised"
                );
            }
        }
    }
}
