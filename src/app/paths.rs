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

/// The shipped scenarios, wherever the app was started from: the first of
/// [`scenario_candidates`] that is a folder, else `scenarios` (reported missing).
fn default_scenarios() -> PathBuf {
    let var = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
    let data = user_dir(
        var("XDG_DATA_HOME").map(PathBuf::from),
        var("APPDATA").map(PathBuf::from),
        var("HOME").map(PathBuf::from),
        ".local/share",
    );
    let candidates = scenario_candidates(
        std::env::current_exe().ok().as_deref(),
        &data,
        var("XDG_DATA_DIRS"),
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

/// Our folder in the user's `kind` of folder: the XDG variable, `%APPDATA%`, else
/// the XDG default under the home folder (`.local/share` for data, `.config` for
/// settings).
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
}
