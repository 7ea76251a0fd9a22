//! What `history` and `export` share: opening the records file named by
//! `--records`, `CLAIM_DOJO_RECORDS` or the default, and finding a trainee.

use std::io::Write;
use std::path::{Path, PathBuf};

use claim_dojo_core::{Lang, i18n};
use claim_dojo_records::{Store, Trainee, location};

/// The store, or why it cannot be used (already printed). Never creates a file.
pub fn open(records: Option<&Path>, lang: Lang, err: &mut dyn Write) -> Option<Store> {
    let path: PathBuf = records
        .map(Path::to_path_buf)
        .unwrap_or_else(location::default_file);
    if !path.is_file() {
        let p = path.display().to_string();
        let _ = writeln!(
            err,
            "{}",
            i18n::message(lang, "cli-records-missing", &vec![("path", &p)])
        );
        return None;
    }
    match Store::open(&path) {
        Ok(opened) => {
            if let Some(notice) = opened.notice {
                let _ = writeln!(err, "{}", notice.message(lang));
            }
            Some(opened.store)
        }
        Err(e) => {
            let _ = writeln!(err, "{}", e.message(lang));
            None
        }
    }
}

/// The trainees a command is about: the one named, or everyone.
pub fn trainees(
    store: &Store,
    name: Option<&str>,
    lang: Lang,
    err: &mut dyn Write,
) -> Option<Vec<Trainee>> {
    let all = match store.trainees() {
        Ok(t) => t,
        Err(e) => {
            let _ = writeln!(err, "{}", e.message(lang));
            return None;
        }
    };
    let Some(name) = name else {
        return Some(all.into_iter().map(|t| t.trainee).collect());
    };
    match all.iter().find(|t| t.trainee.name == name.trim()) {
        Some(t) => Some(vec![t.trainee.clone()]),
        None => {
            let known: Vec<_> = all.iter().map(|t| t.trainee.name.as_str()).collect();
            let known = known.join(", ");
            let _ = writeln!(
                err,
                "{}",
                i18n::message(
                    lang,
                    "cli-trainee-unknown",
                    &vec![("name", name), ("known", &known)]
                )
            );
            None
        }
    }
}
