//! Where the app reads scenarios and writes results and screenshots, with the
//! environment overrides that trainers and tests use.

use std::path::{Path, PathBuf};

use bevy::prelude::*;

/// A folder of scenario files to use instead of `scenarios/`.
pub const SCENARIOS_ENV: &str = "CLAIM_DOJO_SCENARIOS";
/// Where finished sessions' reports go.
pub const RESULTS_ENV: &str = "CLAIM_DOJO_RESULTS";
/// Where F12 screenshots go.
pub const SCREENSHOTS_ENV: &str = "CLAIM_DOJO_SCREENSHOTS";
/// The file that keeps the trainee's settings between runs.
pub const SETTINGS_ENV: &str = "CLAIM_DOJO_SETTINGS";

#[derive(Resource, Clone, Debug, PartialEq)]
pub struct Paths {
    pub scenarios: PathBuf,
    pub results: PathBuf,
    pub screenshots: PathBuf,
    pub settings: PathBuf,
}

impl Paths {
    pub fn from_env() -> Paths {
        let var = |k: &str| {
            std::env::var_os(k)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        let data = data_dir(var("XDG_DATA_HOME"), var("APPDATA"), var("HOME"));
        let config = config_dir(var("XDG_CONFIG_HOME"), var("APPDATA"), var("HOME"));
        Paths {
            scenarios: var(SCENARIOS_ENV).unwrap_or_else(default_scenarios),
            results: var(RESULTS_ENV).unwrap_or_else(|| data.join("results")),
            screenshots: var(SCREENSHOTS_ENV).unwrap_or_else(|| data.join("screenshots")),
            settings: var(SETTINGS_ENV).unwrap_or_else(|| config.join("settings.ron")),
        }
    }

    /// Everything under one folder (tests).
    pub fn under(dir: &Path, scenarios: &Path) -> Paths {
        Paths {
            scenarios: scenarios.to_path_buf(),
            results: dir.join("results"),
            screenshots: dir.join("screenshots"),
            settings: dir.join("settings.ron"),
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

/// The user's data folder: `$XDG_DATA_HOME`, `%APPDATA%`, else `~/.local/share`.
fn data_dir(xdg: Option<PathBuf>, appdata: Option<PathBuf>, home: Option<PathBuf>) -> PathBuf {
    xdg.or(appdata)
        .or_else(|| home.map(|h| h.join(".local").join("share")))
        .unwrap_or_else(std::env::temp_dir)
        .join("claim-dojo")
}

/// The user's settings folder: `$XDG_CONFIG_HOME`, `%APPDATA%`, else `~/.config`.
fn config_dir(xdg: Option<PathBuf>, appdata: Option<PathBuf>, home: Option<PathBuf>) -> PathBuf {
    xdg.or(appdata)
        .or_else(|| home.map(|h| h.join(".config")))
        .unwrap_or_else(std::env::temp_dir)
        .join("claim-dojo")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_go_to_the_user_data_folder_in_its_usual_order() {
        let p = |s: &str| Some(PathBuf::from(s));
        assert_eq!(
            data_dir(p("/x"), p("/a"), p("/h")),
            PathBuf::from("/x/claim-dojo")
        );
        assert_eq!(
            data_dir(None, p("/a"), p("/h")),
            PathBuf::from("/a/claim-dojo")
        );
        assert_eq!(
            data_dir(None, None, p("/h")),
            PathBuf::from("/h/.local/share/claim-dojo")
        );
    }

    #[test]
    fn settings_go_to_the_user_config_folder_in_its_usual_order() {
        let p = |s: &str| Some(PathBuf::from(s));
        assert_eq!(
            config_dir(p("/x"), p("/a"), p("/h")),
            PathBuf::from("/x/claim-dojo")
        );
        assert_eq!(
            config_dir(None, None, p("/h")),
            PathBuf::from("/h/.config/claim-dojo")
        );
    }
}
