//! Scripted sessions simulated per second on one core: the expert playthrough of
//! a typical shipped scenario, from a fresh session to its scorecard. Target:
//! at least 100,000 sessions/s. Also reported as a ratio to one bare
//! `ron::from_str` of the same scenario, measured in the same run, so the figure
//! can be compared across machines.
//!
//! `cargo bench -p claim-dojo-core --bench sessions`

mod common;

use std::sync::Arc;
use std::time::Duration;

use claim_dojo_core::play::{self, Policy};
use claim_dojo_core::{Scenario, load_str};

fn main() {
    let options = common::bare_ron();
    let min = Duration::from_millis(500);
    println!(
        "scenario\tchoices\tsessions/s (script)\tsessions/s (random trainee)\tsession ÷ ron::from_str"
    );
    for (name, src) in common::shipped() {
        let id = name.trim_end_matches(".ron");
        let Ok(script_src) = std::fs::read_to_string(
            common::root().join(format!("tests/playthroughs/{id}.expert.ron")),
        ) else {
            continue;
        };
        let script = play::parse_script("expert.ron", &script_src).expect("script");
        let scenario: Arc<Scenario> = Arc::new(load_str(&name, &src).scenario.expect("scenario"));
        let per_script = common::time_per_call(min, || {
            let mut s = play::session(&scenario, 1).without_events();
            play::run_script(&mut s, &script).expect("the expert script runs");
            s.finish().score.total
        });
        let mut seed = 0;
        let per_random = common::time_per_call(min, || {
            seed += 1;
            let mut s = play::session(&scenario, seed).without_events();
            play::policy::run(&mut s, Policy::Random, seed);
            s.finish().score.total
        });
        let parse = common::time_per_call(min, || {
            options
                .from_str::<Scenario>(&src)
                .map(|s| s.nodes.len())
                .unwrap_or(0)
        });
        let choices = script
            .steps
            .iter()
            .filter(|s| matches!(s.step, play::Step::Answer(_) | play::Step::Choose(_)))
            .count();
        println!(
            "{id}\t{choices}\t{:.0}\t{:.0}\t{:.3}",
            1.0 / per_script,
            1.0 / per_random,
            per_script / parse
        );
    }
}
