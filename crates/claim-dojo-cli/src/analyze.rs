//! `claim-dojo analyze SCENARIO`: endings, best and worst paths, whether the
//! 3-minute check can be passed, rules per path, difficulty by simulation, and
//! the gaming check (its warnings go to standard error, and into the JSON).

use std::path::Path;

use claim_dojo_core::Lang;
use claim_dojo_core::analyze::{self, Options};
use claim_dojo_core::diagnostic::render;
use claim_dojo_core::span::LineIndex;

use super::{Format, Io, load_scenario, print_diagnostics, scenario_path};

/// How much the analysis simulates.
pub struct Sizes {
    pub trainees: usize,
    pub seed: u64,
    pub budget: usize,
    pub gaming_seeds: usize,
    pub exhaustive: bool,
}

pub fn run(scenario: &Path, format: Format, sizes: Sizes, lang: Lang, io: &mut Io) -> u8 {
    let Some(s) = load_scenario(scenario, format, lang, io) else {
        return 1;
    };
    let a = analyze::analyze(
        &s,
        &Options {
            step_budget: sizes.budget,
            seed: sizes.seed,
            trainees: sizes.trainees,
            gaming_seeds: sizes.gaming_seeds,
            exhaustive: sizes.exhaustive,
        },
    );
    // The warnings point at the scenario's id in its file.
    let path = scenario_path(scenario);
    let src = std::fs::read_to_string(&path).unwrap_or_default();
    let index = LineIndex::new(&src);
    let file = path.display().to_string();
    let warnings: Vec<_> = a
        .gaming
        .warnings
        .iter()
        .map(|d| d.clone().locate(&file, &src, &index))
        .collect();
    let _ = match format {
        Format::Human => write!(io.out, "{}", analyze::human(&a, lang)),
        Format::Json => {
            let mut v = serde_json::to_value(&a).unwrap_or_default();
            v["gaming"]["warnings"] = warnings
                .iter()
                .map(|d| render::json_value(d, lang))
                .collect();
            writeln!(
                io.out,
                "{}",
                serde_json::to_string_pretty(&v).unwrap_or_default()
            )
        }
    };
    if format == Format::Human {
        print_diagnostics(&warnings, format, lang, io.err);
    }
    0
}
