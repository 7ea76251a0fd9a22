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
}

impl Paths {
    pub fn from_env() -> Paths {
        let var = |k: &str| {
            std::env::var_os(k)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        let data = user_dir(
            var("XDG_DATA_HOME"),
            var("APPDATA"),
            var("HOME"),
            ".local/share",
        );
        let config = user_dir(
            var("XDG_CONFIG_HOME"),
            var("APPDATA"),
            var("HOME"),
            ".config",
        );
        let cache = user_dir(var("XDG_CACHE_HOME"), var("APPDATA"), var("HOME"), ".cache");
        Paths {
            scenarios: var(SCENARIOS_ENV).unwrap_or_else(default_scenarios),
            results: var(RESULTS_ENV).unwrap_or_else(|| data.join("results")),
            screenshots: var(SCREENSHOTS_ENV).unwrap_or_else(|| data.join("screenshots")),
            settings: var(SETTINGS_ENV).unwrap_or_else(|| config.join("settings.ron")),
            cache: var(CACHE_ENV).unwrap_or(cache),
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

/// Our folder in the user's `kind` of folder: the XDG variable, `%APPDATA%`, else
/// the XDG default under the home folder (`.local/share` for data, `.config` for
/// settings, `.cache` for what can be made again).
fn user_dir(
    xdg: Option<PathBuf>,
    appdata: Option<PathBuf>,
    home: Option<PathBuf>,
    under_home: &str,
) -> PathBuf {
    xdg.or(appdata)
        .or_else(|| home.map(|h| h.join(under_home)))
        .unwrap_or_else(std::env::temp_dir)
        .join("claim-dojo")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_and_settings_go_to_the_user_folders_in_their_usual_order() {
        let p = |s: &str| Some(PathBuf::from(s));
        let cases = [
            (p("/x"), p("/a"), "/x/claim-dojo", "/x/claim-dojo"),
            (None, p("/a"), "/a/claim-dojo", "/a/claim-dojo"),
            (
                None,
                None,
                "/h/.local/share/claim-dojo",
                "/h/.config/claim-dojo",
            ),
        ];
        for (xdg, appdata, data, config) in cases {
            let dir = |under| user_dir(xdg.clone(), appdata.clone(), p("/h"), under);
            assert_eq!(dir(".local/share"), PathBuf::from(data));
            assert_eq!(dir(".config"), PathBuf::from(config));
        }
    }

    #[test]
    fn the_app_and_the_voice_command_share_one_cache_folder() {
        assert_eq!(
            Paths::from_env().cache,
            claim_dojo_voice::cache::default_dir()
        );
    }
}
