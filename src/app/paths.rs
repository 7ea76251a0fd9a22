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

/// The shipped scenarios, wherever the app was started from: the first of
/// [`scenario_candidates`] that is a folder, else `scenarios` (reported missing).
fn default_scenarios() -> PathBuf {
    let candidates = scenario_candidates(
        std::env::current_exe().ok().as_deref(),
        &location::data_dir(),
        std::env::var_os("XDG_DATA_DIRS").filter(|v| !v.is_empty()),
        Some(Path::new(env!("CARGO_MANIFEST_DIR"))),
    );
    first_folder(&candidates).unwrap_or_else(|| PathBuf::from("scenarios"))
}

/// Where the shipped scenarios may be, in the order they are looked for: the
/// working directory (a checkout, `cargo run`); beside the executable, and in
/// the data folder of its installation prefix (`<prefix>/bin/claim-dojo` with
/// `<prefix>/share/claim-dojo/scenarios`); the user's data folder; the system's
/// data folders (`$XDG_DATA_DIRS`, by default `/usr/local/share:/usr/share`);
/// last, the source tree the binary was built from (a development build run
/// from another folder).
pub fn scenario_candidates(
    exe: Option<&Path>,
    user_data: &Path,
    xdg_data_dirs: Option<std::ffi::OsString>,
    source: Option<&Path>,
) -> Vec<PathBuf> {
    let mut v = vec![PathBuf::from("scenarios")];
    if let Some(dir) = exe.and_then(Path::parent) {
        v.push(dir.join("scenarios"));
        if let Some(prefix) = dir.parent() {
            v.push(prefix.join("share/claim-dojo/scenarios"));
        }
    }
    v.push(user_data.join("scenarios"));
    let system = xdg_data_dirs.unwrap_or_else(|| "/usr/local/share:/usr/share".into());
    v.extend(std::env::split_paths(&system).map(|d| d.join("claim-dojo/scenarios")));
    if let Some(src) = source {
        v.push(src.join("scenarios"));
    }
    v
}

/// The first candidate that is a folder.
pub fn first_folder(candidates: &[PathBuf]) -> Option<PathBuf> {
    candidates.iter().find(|p| p.is_dir()).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_scenarios_are_found_beside_the_program_or_in_its_data_folders() {
        let root = std::env::temp_dir().join(format!("claim-dojo-paths-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let exe = root.join("opt/claim-dojo/bin/claim-dojo");
        let user = root.join("home/.local/share/claim-dojo");
        let system = root.join("usr/share");
        let candidates = |source: Option<&Path>| {
            scenario_candidates(
                Some(&exe),
                &user,
                Some(std::env::join_paths([&system]).unwrap()),
                source,
            )
        };
        let expected = [
            PathBuf::from("scenarios"),
            root.join("opt/claim-dojo/bin/scenarios"),
            root.join("opt/claim-dojo/share/claim-dojo/scenarios"),
            user.join("scenarios"),
            system.join("claim-dojo/scenarios"),
        ];
        assert_eq!(candidates(None), expected);
        // Each place wins over the ones after it.
        for place in expected[1..].iter().rev() {
            std::fs::create_dir_all(place).unwrap();
            let found = first_folder(&candidates(None)[1..]);
            assert_eq!(found.as_ref(), Some(place));
        }
        let source = root.join("src");
        assert_eq!(
            candidates(Some(&source)).last(),
            Some(&source.join("scenarios")),
            "the source tree comes last"
        );
        std::fs::remove_dir_all(&root).unwrap();
    }
}
