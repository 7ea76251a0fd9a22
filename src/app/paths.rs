//! Where the app reads scenarios, keeps its records and writes screenshots and
//! exports, with the environment overrides that trainers and tests use. The
//! rule for the user's folders is the records crate's (`location.rs`), shared
//! with the command line.

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use claim_dojo_records::location;

/// A folder of scenario files to use instead of `scenarios/`.
pub const SCENARIOS_ENV: &str = "CLAIM_DOJO_SCENARIOS";
/// The folder of JSON results from versions before the records file, imported once.
pub const RESULTS_ENV: &str = "CLAIM_DOJO_RESULTS";
/// The records file (`records.sqlite3`).
pub use claim_dojo_records::location::RECORDS_ENV;
/// Where F12 screenshots go.
pub const SCREENSHOTS_ENV: &str = "CLAIM_DOJO_SCREENSHOTS";
/// The file that keeps the trainee's settings between runs.
pub const SETTINGS_ENV: &str = "CLAIM_DOJO_SETTINGS";
/// Where synthesised lines are kept (`claim_dojo_voice::cache::CACHE_ENV`).
pub const CACHE_ENV: &str = claim_dojo_voice::cache::CACHE_ENV;

#[derive(Resource, Clone, Debug, PartialEq)]
pub struct Paths {
    pub scenarios: PathBuf,
    pub results: PathBuf,
    pub screenshots: PathBuf,
    pub settings: PathBuf,
    /// What can be made again: the customer's synthesised lines.
    pub cache: PathBuf,
    /// The trainees' records.
    pub records: PathBuf,
    /// Reports exported from the debrief: `exports/` beside the records file.
    pub exports: PathBuf,
}

impl Paths {
    pub fn from_env() -> Paths {
        let var = |k: &str| {
            std::env::var_os(k)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        let data = location::data_dir();
        let config = location::config_dir();
        let records = var(RECORDS_ENV).unwrap_or_else(|| data.join(location::FILE_NAME));
        Paths {
            scenarios: var(SCENARIOS_ENV).unwrap_or_else(default_scenarios),
            results: var(RESULTS_ENV).unwrap_or_else(|| data.join("results")),
            screenshots: var(SCREENSHOTS_ENV).unwrap_or_else(|| data.join("screenshots")),
            settings: var(SETTINGS_ENV).unwrap_or_else(|| config.join("settings.ron")),
            cache: claim_dojo_voice::cache::default_dir(),
            // Exports go beside the records they come from.
            exports: records
                .parent()
                .map_or_else(|| data.join("exports"), |d| d.join("exports")),
            records,
        }
    }

    /// Everything under one folder (tests).
    pub fn under(dir: &Path, scenarios: &Path) -> Paths {
        Paths {
            scenarios: scenarios.to_path_buf(),
            results: dir.join("results"),
            screenshots: dir.join("screenshots"),
            settings: dir.join("settings.ron"),
            cache: dir.join("cache"),
            records: dir.join(location::FILE_NAME),
            exports: dir.join("exports"),
        }
    }
}

/// `scenarios/` in the working directory (a checkout, `cargo run`), else beside
/// the executable (an installed copy).
fn default_scenarios() -> PathBuf {
    let here = PathBuf::from("scenarios");
    if here.is_dir() {
        return here;
    }
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|d| d.join("scenarios")))
        .filter(|p| p.is_dir())
        .unwrap_or(here)
}
