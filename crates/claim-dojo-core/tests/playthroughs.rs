//! Scripted playthroughs kept as data in `tests/playthroughs/<scenario>.<name>.ron`,
//! run by this one test: each plays its scenario through the engine and must meet
//! its `expect` block exactly.

mod common;

use std::sync::Arc;

use claim_dojo_core::load::load_file;
use claim_dojo_core::play;

#[test]
fn every_playthrough_meets_its_expectations() {
    let files = common::files("tests/playthroughs", "ron");
    assert!(
        files.len() >= 32,
        "only {} playthroughs: an expert and a careless one per scenario",
        files.len()
    );
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let src = std::fs::read_to_string(path).unwrap();
        let script = play::parse_script(&name, &src).unwrap_or_else(|d| panic!("{name}: {d:?}"));
        let id = script
            .scenario
            .clone()
            .unwrap_or_else(|| name.split('.').next().unwrap().to_string());
        let loaded = load_file(&common::root().join("scenarios").join(format!("{id}.ron")));
        let scenario = Arc::new(loaded.scenario.unwrap_or_else(|| {
            panic!(
                "{name}: scenario {id} does not load: {:?}",
                loaded.diagnostics
            )
        }));
        let expect = script
            .expect
            .clone()
            .unwrap_or_else(|| panic!("{name} has no expect block"));
        let mut session = play::session(&scenario, script.seed.unwrap_or(1));
        if let Err(r) = play::run_script(&mut session, &script) {
            failures.push(format!(
                "{name}: action #{} refused: {}",
                r.index + 1,
                r.error
            ));
            continue;
        }
        let card = session.finish();
        for u in play::unmet(&card, &expect) {
            failures.push(format!("{name}: {u}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} playthroughs checked:\n{}",
        files.len(),
        failures.join("\n")
    );
}
