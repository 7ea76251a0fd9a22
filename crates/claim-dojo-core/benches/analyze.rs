//! `analyze` on a generated 5,000-node scenario (default budget and 1,000
//! simulated trainees of each kind) and on each shipped scenario. Target: under
//! one second for the generated one. Reported with the time of one bare
//! `ron::from_str` of the same file, measured in the same run. Also the gaming
//! check alone (six degenerate policies over 20 seeds, beside the best path):
//! target under 0.5 s for each shipped scenario.
//!
//! `cargo bench -p claim-dojo-core --bench analyze`

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use claim_dojo_core::analyze::{Options, analyze, gaming};
use claim_dojo_core::{Scenario, load_str};

fn main() {
    let ron_options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    println!(
        "scenario\tnodes\tsearch\tpaths\tanalyze (s)\tanalyze ÷ ron::from_str\tgaming check (s)\tgaming ÷ ron::from_str"
    );
    let mut cases = vec![("generated.ron".to_string(), common::generated(5_000))];
    cases.extend(common::shipped());
    for (name, src) in cases {
        let loaded = load_str(&name, &src);
        let Some(scenario) = loaded.scenario else {
            panic!("{name} does not load: {:?}", loaded.diagnostics);
        };
        let scenario: Arc<Scenario> = Arc::new(scenario);
        let options = Options::default();
        // Best of three: one analysis already takes long enough to measure.
        let mut best = f64::INFINITY;
        let mut last = None;
        for _ in 0..3 {
            let start = Instant::now();
            last = Some(analyze(&scenario, &options));
            best = best.min(start.elapsed().as_secs_f64());
        }
        let a = last.unwrap();
        let parse = common::time_per_call(Duration::from_millis(300), || {
            ron_options
                .from_str::<Scenario>(&src)
                .map(|s| s.nodes.len())
                .unwrap_or(0)
        });
        let best_path = a.best.as_ref().map(|p| (p.choices.clone(), p.score));
        let gaming = common::time_per_call(Duration::from_millis(300), || {
            let best = best_path.as_ref().map(|(c, s)| (c.as_slice(), *s));
            gaming::check(&scenario, best, gaming::GAMING_SEEDS, &[])
                .policies
                .len()
        });
        println!(
            "{}\t{}\t{}\t{}\t{:.3}\t{:.0}\t{:.4}\t{:.0}",
            a.scenario,
            a.graph.nodes,
            a.search,
            a.paths_explored,
            best,
            best / parse,
            gaming,
            gaming / parse
        );
    }
}
