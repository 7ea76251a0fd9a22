//! The analyser's searches skip states: the exhaustive one skips a state it has
//! explored already (`Session::state_key`), the default one also skips every
//! state from which nothing it reports could change (analyze/bound.rs). These
//! tests hold both to the search that plays every path: the same best, worst and
//! best passing paths (scores and choices), the same endings, the same nodes
//! reached and the same listed rules kept on some path, on every shipped
//! scenario and on generated scenarios whose paths converge.

mod common;
#[path = "../benches/common/mod.rs"]
mod generate;

use std::sync::Arc;

use claim_dojo_core::analyze::Search;
use claim_dojo_core::{Scenario, load_str};

/// Steps the path-by-path search may take on one scenario: enough for every
/// shipped scenario (the largest, takeover-after-argument, plays 441,096 paths).
const BUDGET: usize = 2_000_000;

type Best = Option<(u32, Vec<String>)>;
type Summary = (Best, Best, Best, Vec<&'static str>, Vec<bool>, Vec<bool>);

fn summary(s: &Search, scenario: &Scenario) -> Summary {
    let path = |p: Option<&claim_dojo_core::analyze::PathResult>| {
        p.map(|p| (p.card.score.total, p.choices.clone()))
    };
    (
        path(s.best()),
        path(s.worst()),
        path(s.best_passing()),
        s.outcomes.clone(),
        s.visited.clone(),
        // Which listed rules some path keeps ("never kept" in `analyze`).
        scenario
            .rules
            .iter()
            .map(|id| s.rules[id.index()].0 > 0)
            .collect(),
    )
}

/// Compares the two searches with every path on one scenario; returns how many
/// paths each played (every path, exhaustive, pruned).
fn same_as_every_path(name: &str, src: &str) -> (usize, usize, usize) {
    let scenario: Arc<Scenario> = Arc::new(load_str(name, src).scenario.expect(name));
    let all = Search::every_path(&scenario, BUDGET, 1);
    assert!(all.exhaustive, "{name}: raise BUDGET");
    let expected = summary(&all, &scenario);
    let merged = Search::exhaustive(&scenario, BUDGET, 1);
    let pruned = Search::run(&scenario, BUDGET, 1);
    for (search, kind) in [(&merged, "exhaustive"), (&pruned, "pruned")] {
        assert!(search.exhaustive, "{name}");
        let got = summary(search, &scenario);
        assert_eq!(got.0, expected.0, "{name} ({kind}): best");
        assert_eq!(got.1, expected.1, "{name} ({kind}): worst");
        assert_eq!(got.2, expected.2, "{name} ({kind}): best passing");
        assert_eq!(got.3, expected.3, "{name} ({kind}): endings");
        assert_eq!(got.4, expected.4, "{name} ({kind}): nodes reached");
        assert_eq!(got.5, expected.5, "{name} ({kind}): listed rules kept");
    }
    // The best path found is a real one: replayed, it scores what was reported.
    let best = pruned.best().unwrap();
    let mut s = claim_dojo_core::play::session(&scenario, 1);
    claim_dojo_core::play::run_choices(&mut s, &best.choices).unwrap();
    assert_eq!(s.finish().score.total, best.card.score.total, "{name}");
    (all.paths, merged.paths, pruned.paths)
}

#[test]
fn skipping_states_keeps_the_shipped_scenarios_results_exact() {
    let mut played = Vec::new();
    for file in common::files("scenarios", "ron") {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let src = std::fs::read_to_string(&file).unwrap();
        played.push((name.clone(), same_as_every_path(&name, &src)));
    }
    eprintln!("paths played (every path, exhaustive, pruned): {played:?}");
    assert!(played.len() >= 16, "{played:?}");
    // What the bounds are for: the largest calls are settled from a fraction of
    // their paths.
    for (name, (all, _, pruned)) in &played {
        if *all > 100_000 {
            assert!(pruned * 5 < *all, "{name}: {pruned} of {all} paths");
        }
    }
}

#[test]
fn skipping_states_keeps_generated_scenarios_results_exact() {
    for nodes in [40, 121, 300] {
        let src = generate::generated(nodes);
        same_as_every_path(&format!("generated-{nodes}.ron"), &src);
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
        let search = Search::exhaustive(&scenario, BUDGET, 1);
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
