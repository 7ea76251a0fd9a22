//! Finished sessions' reports, saved as the same JSON that `claim-dojo play
//! --format json` prints, so a trainer can read them and `claim-dojo play
//! SCENARIO --replay FILE --format json` reproduces them exactly.

use std::path::{Path, PathBuf};

use claim_dojo_core::report::Report;

/// Writes `report` under `dir` as `<scenario>-<UTC date>-<time>-<seed>.json`.
pub fn save(dir: &Path, report: &Report) -> Result<PathBuf, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let path = dir.join(format!(
        "{}-{}-{}.json",
        report.scenario,
        stamp(secs),
        report.seed
    ));
    std::fs::write(&path, format!("{}\n", report.to_json()))
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path)
}

/// `YYYYMMDD-HHMMSS` in UTC, from seconds since 1970.
pub fn stamp(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let (y, m, d) = civil(days);
    format!(
        "{y:04}{m:02}{d:02}-{:02}{:02}{:02}",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// The calendar date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::stamp;

    #[test]
    fn stamps_are_utc_calendar_times() {
        assert_eq!(stamp(0), "19700101-000000");
        assert_eq!(stamp(951_782_400), "20000229-000000");
        assert_eq!(stamp(1_795_003_661), "20261118-120741");
    }
}
