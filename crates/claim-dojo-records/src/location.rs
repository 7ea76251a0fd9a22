//! Where the records file is: `CLAIM_DOJO_RECORDS`, else `records.sqlite3` in
//! the user's data folder for Claim Dojo. The data folder rule is shared with the
//! app's other folders (`src/app/paths.rs`), so there is one rule for both.

use std::path::PathBuf;

/// The file that holds the records, instead of the default.
pub const RECORDS_ENV: &str = "CLAIM_DOJO_RECORDS";
/// The records file's name in the data folder.
pub const FILE_NAME: &str = "records.sqlite3";

/// Our folder in the user's `kind` of folder: the XDG variable, `%APPDATA%`,
/// else the XDG default under the home folder (`.local/share` for data,
/// `.config` for settings), else the system's temporary folder.
pub fn user_dir(
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

fn var(k: &str) -> Option<PathBuf> {
    std::env::var_os(k)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// Claim Dojo's data folder from the environment (`XDG_DATA_HOME`, `APPDATA`, `HOME`).
pub fn data_dir() -> PathBuf {
    user_dir(
        var("XDG_DATA_HOME"),
        var("APPDATA"),
        var("HOME"),
        ".local/share",
    )
}

/// Claim Dojo's settings folder from the environment.
pub fn config_dir() -> PathBuf {
    user_dir(
        var("XDG_CONFIG_HOME"),
        var("APPDATA"),
        var("HOME"),
        ".config",
    )
}

/// The records file: `CLAIM_DOJO_RECORDS`, else `records.sqlite3` in [`data_dir`].
pub fn default_file() -> PathBuf {
    var(RECORDS_ENV).unwrap_or_else(|| data_dir().join(FILE_NAME))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_and_settings_go_to_the_user_folders_in_their_usual_order() {
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
