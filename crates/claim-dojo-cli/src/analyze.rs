//! `claim-dojo analyze SCENARIO`: endings, best and worst paths, whether the
//! 3-minute check can be passed, rules per path, difficulty by simulation.

use std::path::Path;

use claim_dojo_core::Lang;
use claim_dojo_core::analyze::{self, Options};

use super::{Format, Io, load_scenario};

pub fn run(
    scenario: &Path,
    format: Format,
    trainees: usize,
    seed: u64,
    budget: usize,
    lang: Lang,
    io: &mut Io,
) -> u8 {
    let Some(s) = load_scenario(scenario, format, lang, io) else {
        return 1;
    };
    let a = analyze::analyze(
        &s,
        &Options {
            step_budget: budget,
            seed,
            trainees,
        },
    );
    let _ = match format {
        Format::Human => write!(io.out, "{}", analyze::human(&a, lang)),
        Format::Json => writeln!(
            io.out,
            "{}",
            serde_json::to_string_pretty(&a).unwrap_or_default()
        ),
    };
    0
}
