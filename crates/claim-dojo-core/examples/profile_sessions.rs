//! Plays each shipped scenario's expert script `ROUNDS` times (default 100), for
//! profiling. On a shared machine, wall-clock rates swing with the load; the
//! instructions a session costs do not, so measure them with callgrind:
//!
//! ```sh
//! cargo build --release -p claim-dojo-core --example profile_sessions
//! ROUNDS=20 valgrind --tool=callgrind --toggle-collect='*run_one*' \
//!     target/release/examples/profile_sessions double-charge
//! ```
//!
//! and divide the "Collected" count by `ROUNDS`. An argument keeps one scenario.

use std::sync::Arc;

use claim_dojo_core::play::{self, Script};
use claim_dojo_core::{Scenario, load_str};

#[inline(never)]
fn run_one(scenario: &Arc<Scenario>, script: &Script) -> u64 {
    let mut s = play::session(scenario, 1).without_events();
    play::run_script(&mut s, script).expect("the expert script runs");
    u64::from(s.finish().score.total)
}

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let only = std::env::args().nth(1);
    let rounds: u64 = std::env::var("ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100);
    let mut files: Vec<_> = std::fs::read_dir(root.join("scenarios"))
        .expect("scenarios/")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    let mut total = 0;
    for path in files {
        let id = path.file_stem().unwrap_or_default().to_string_lossy();
        if only.as_deref().is_some_and(|o| o != id) {
            continue;
        }
        let Ok(src) =
            std::fs::read_to_string(root.join(format!("tests/playthroughs/{id}.expert.ron")))
        else {
            continue;
        };
        let script = play::parse_script("expert.ron", &src).expect("script");
        let text = std::fs::read_to_string(&path).expect("scenario");
        let scenario = Arc::new(load_str(&id, &text).scenario.expect("a valid scenario"));
        for _ in 0..rounds {
            total += run_one(&scenario, &script);
        }
    }
    println!("{total}");
}
