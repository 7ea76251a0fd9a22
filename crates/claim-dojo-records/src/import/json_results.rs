//! The results folder of versions before the store: one session report per
//! `.json` file, named `<scenario>-<YYYYMMDD>-<HHMMSS>-<seed>.json` (UTC).
//! Each file becomes a session of the given trainee; its start is read from
//! the name (else the file's modification time), its uid from the file's
//! SHA-256, so importing the folder again adds nothing.

use std::path::Path;

use jiff::Timestamp;
use jiff::civil::DateTime;

use super::ImportSummary;
use crate::digest::Digest;
use crate::error::{Result, StoreCode, StoreError};
use crate::store::{NewSession, Source, Store, Trainee, content_hash};

/// Imports every `.json` file of `dir` (not its subfolders) for `trainee`.
/// A folder that does not exist has nothing to import.
pub fn import_json_results(store: &Store, dir: &Path, trainee: &Trainee) -> Result<ImportSummary> {
    let mut summary = ImportSummary::default();
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(summary),
        Err(e) => return Err(StoreError::from_io(StoreCode::Import, &e, dir)),
    };
    let mut files: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "json"))
        .collect();
    // Oldest first by the time in their names; files without one after them, so a
    // copy under another name counts as the file it copies.
    files.sort_by_cached_key(|f| (stamp_in_name(f).is_none(), stamp_in_name(f), f.clone()));
    for file in files {
        let bytes = match std::fs::read(&file) {
            Ok(b) => b,
            Err(e) => {
                summary
                    .skipped
                    .push(StoreError::from_io(StoreCode::Import, &e, &file));
                continue;
            }
        };
        let source = Source::Import {
            file_sha256: content_hash(&bytes),
        };
        let Ok(json) = std::str::from_utf8(&bytes) else {
            summary.skipped.push(
                StoreError::new(StoreCode::BadReport)
                    .path(&file)
                    .detail("not UTF-8".into()),
            );
            continue;
        };
        let name = file.display().to_string();
        let digest = match Digest::read(&name, json) {
            Ok(d) => d,
            Err(e) => {
                summary.skipped.push(e);
                continue;
            }
        };
        let started_at = stamp_in_name(&file)
            .or_else(|| {
                let modified = std::fs::metadata(&file).ok()?.modified().ok()?;
                Timestamp::try_from(modified).ok()
            })
            .unwrap_or(Timestamp::UNIX_EPOCH);
        let ended_at = started_at
            .checked_add(jiff::SignedDuration::from_millis(digest.call_ms()))
            .unwrap_or(started_at);
        let new = NewSession {
            trainee: trainee.id,
            report_json: json,
            scenario_hash: None,
            started_at,
            ended_at,
            what_if: None,
            source,
        };
        if store.has_uid(&new.uid())? {
            summary.already += 1;
            continue;
        }
        store.save_session(&new)?;
        summary.added += 1;
    }
    Ok(summary)
}

/// The UTC time in a name like `late-parcel-20261118-120741-7.json`.
pub fn stamp_in_name(file: &Path) -> Option<Timestamp> {
    let stem = file.file_stem()?.to_str()?;
    let parts: Vec<&str> = stem.split('-').collect();
    parts.windows(2).rev().find_map(|w| {
        let digits = |s: &str, n| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if !(digits(w[0], 8) && digits(w[1], 6)) {
            return None;
        }
        let dt = DateTime::strptime("%Y%m%d-%H%M%S", format!("{}-{}", w[0], w[1])).ok()?;
        jiff::tz::TimeZone::UTC.to_timestamp(dt).ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_start_is_read_from_the_old_file_names() {
        let t = stamp_in_name(Path::new("/r/late-parcel-20261118-120741-7.json")).unwrap();
        assert_eq!(t.to_string(), "2026-11-18T12:07:41Z");
        assert!(stamp_in_name(Path::new("x-20261318-120741-7.json")).is_none());
        assert!(stamp_in_name(Path::new("notes.json")).is_none());
    }
}
