//! The cohort report over 100,000 generated sessions (1,000 trainees × 100) in
//! a records file: real session reports (12 played calls, each given a trainee
//! and a time) saved as the app saves them, then the report folded and written
//! as HTML, with the process's peak memory. Baseline, in the same run and on
//! the same file: the fold of every session's whole report JSON (what the
//! report did before the `rise` table), and, to show where its time went, the
//! same walk reading each report without parsing it; and the fold of the
//! reports held in memory (parsing alone, no file). A plain program:
//! `cargo bench -p claim-dojo-lrs --bench cohort` (or `cargo test … --bench`).

#[path = "../tests/support/mod.rs"]
mod support;

use std::time::Instant;

use claim_dojo_core::play::Policy;
use claim_dojo_lrs::cohort::{self, Cohort};
use claim_dojo_records::{NewSession, Source, Store};
use support::*;

const TRAINEES: usize = 1000;
const PER_TRAINEE: usize = 100;

/// Peak resident memory of this process so far, in MB (Linux `VmHWM`).
fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map(|kb| kb / 1024.0)
        .unwrap_or(f64::NAN)
}

/// Starts the peak over from the present memory (Linux ≥ 4.0), so that a
/// measure's peak is its own and not the fixture's.
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// Writes the report of `c` as the CLI does; returns the HTML's size.
fn write(c: &Cohort, dir: &std::path::Path) -> usize {
    let html = cohort::render(c, claim_dojo_core::Lang::Ja, at(100 * 60 + 14 * 24 * 60));
    claim_dojo_records::atomic::write(&dir.join("cohort.html"), html.as_bytes()).unwrap();
    html.len()
}

fn main() {
    let policies = [
        Policy::Plausible,
        Policy::Random,
        Policy::First,
        Policy::Longest,
    ];
    let reports: Vec<String> = (0..12u64)
        .map(|i| {
            report(
                "scenarios/double-charge.ron",
                i + 1,
                policies[i as usize % 4],
            )
        })
        .collect();
    let names: Vec<String> = (0..TRAINEES).map(|i| format!("研修生{i:04}")).collect();
    // Session s of trainee i: the same report and time as the fold in memory.
    let json_of = |s: usize, i: usize| &reports[(i + s) % reports.len()];
    let at_of = |s: usize, i: usize| at(s as i64 * 60 + i as i64);

    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("records.sqlite3");
    let started = Instant::now();
    {
        let store = Store::open(&path).unwrap().store;
        let ids: Vec<_> = names.iter().map(|t| store.trainee(t).unwrap().id).collect();
        // One session of each trainee per transaction: few sessions held at
        // once, so that the fixture's memory does not hide the report's.
        for s in 0..PER_TRAINEE {
            let sessions: Vec<NewSession> = (0..TRAINEES)
                .map(|i| NewSession {
                    trainee: ids[i],
                    report_json: json_of(s, i),
                    scenario_hash: None,
                    started_at: at_of(s, i),
                    ended_at: at_of(s, i),
                    what_if: None,
                    source: Source::App,
                })
                .collect();
            store.save_sessions(&sessions).unwrap();
        }
    }
    let mb = std::fs::metadata(&path)
        .map(|m| m.len() / 1_000_000)
        .unwrap_or(0);
    println!(
        "fixture: {} sessions saved in {:.1} s, {mb} MB of records; load {}",
        TRAINEES * PER_TRAINEE,
        started.elapsed().as_secs_f64(),
        load()
    );
    let store = Store::open(&path).unwrap().store;
    let n = |c: &Cohort| c.sessions;

    // Baseline: every session's whole report read and parsed, as before.
    reset_peak();
    let before = peak_mb();
    let started = Instant::now();
    let mut old = Cohort::default();
    store
        .each_session(None, |name, s, json| {
            old.add(cohort::from_report(name, s.started_at, &json, 0.6).unwrap());
            true
        })
        .unwrap();
    let old_kb = write(&old, tmp.path()) / 1024;
    let baseline = started.elapsed().as_secs_f64();
    println!(
        "baseline, every report's JSON parsed: {} sessions, report written in {baseline:.2} s ({old_kb} KB); peak RSS {before:.0} MB before, {:.0} MB after; load {}",
        n(&old),
        peak_mb(),
        load()
    );

    // Where the baseline's time goes: the same walk, each report read whole
    // from the file but not parsed.
    let started = Instant::now();
    let mut bytes = 0usize;
    store
        .each_session(None, |_, _, json| {
            bytes += json.len();
            true
        })
        .unwrap();
    let read = started.elapsed().as_secs_f64();
    println!(
        "  of which reading the reports ({} MB of JSON) without parsing: {read:.2} s ({:.0} % of the baseline)",
        bytes / 1_000_000,
        100.0 * read / baseline
    );

    // Ours: columns, broken verdicts and rises; no JSON.
    for run in 1..=3 {
        reset_peak();
        let before = peak_mb();
        let started = Instant::now();
        let mut new = Cohort::default();
        cohort::add_from_store(&store, 0.6, &mut new).unwrap();
        let kb = write(&new, tmp.path()) / 1024;
        let secs = started.elapsed().as_secs_f64();
        println!(
            "ours (run {run}), columns, verdicts and rises: {} sessions, report written in {secs:.2} s ({kb} KB): {:.3}x the baseline; peak RSS {before:.0} MB before, {:.0} MB after; load {}",
            n(&new),
            secs / baseline,
            peak_mb(),
            load()
        );
        assert_eq!(
            cohort::render(&new, claim_dojo_core::Lang::Ja, at(0)),
            cohort::render(&old, claim_dojo_core::Lang::Ja, at(0)),
            "the same report"
        );
    }
    drop(store);

    // The first start after the update: the file taken back to version 3 and
    // opened, which fills every session's rises from its stored report.
    claim_dojo_records::testing::back_to_version_3(&path).unwrap();
    let started = Instant::now();
    let store = Store::open(&path).unwrap();
    let secs = started.elapsed().as_secs_f64();
    assert!(store.notice.is_none());
    let mut upgraded = Cohort::default();
    cohort::add_from_store(&store.store, 0.6, &mut upgraded).unwrap();
    assert_eq!(
        cohort::render(&upgraded, claim_dojo_core::Lang::Ja, at(0)),
        cohort::render(&old, claim_dojo_core::Lang::Ja, at(0)),
        "the same report after the upgrade"
    );
    println!(
        "upgrade of the file from version 3 (rises filled from {} stored reports): {secs:.2} s; load {}",
        n(&upgraded),
        load()
    );
    drop(store);

    // The fold of the reports held in memory: parsing alone, no file (the
    // measure docs/performance.md gave before the records were read).
    let started = Instant::now();
    let mut c = Cohort::default();
    for s in 0..PER_TRAINEE {
        for (i, t) in names.iter().enumerate() {
            c.add(cohort::from_report(t, at_of(s, i), json_of(s, i), 0.6).unwrap());
        }
    }
    let kb = write(&c, tmp.path()) / 1024;
    println!(
        "the reports' JSON parsed from memory (no file): {} sessions, report written in {:.2} s ({kb} KB); load {}",
        n(&c),
        started.elapsed().as_secs_f64(),
        load()
    );

    // What the rises add to a save: a second read of the report, beside the
    // digest's (both lenient serde reads of the same JSON).
    let time = |f: &dyn Fn(&str) -> usize| {
        let started = Instant::now();
        let mut kept = 0;
        for k in 0..10_000 {
            kept += f(&reports[k % reports.len()]);
        }
        (started.elapsed().as_secs_f64() / 10_000.0 * 1e6, kept)
    };
    let (digest, _) = time(&|j| {
        claim_dojo_records::Digest::read("bench", j)
            .unwrap()
            .rules
            .len()
    });
    let (rises, kept) = time(&|j| claim_dojo_records::digest::rises(j).len());
    assert!(kept > 0, "the reports have rises");
    println!(
        "at save: the digest's read {digest:.0} µs a report, the rises' {rises:.0} µs ({:.2}x the digest's)",
        rises / digest
    );
}
