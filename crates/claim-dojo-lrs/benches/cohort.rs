//! The cohort report over 100,000 generated sessions (1,000 trainees × 100),
//! folded from real session reports (12 played calls, each given a trainee and
//! a time) and written as HTML, with the process's peak memory before and
//! after; and the same from a records file of 10,000 sessions, read row by
//! row. A plain program: `cargo bench -p claim-dojo-lrs --bench cohort`.

#[path = "../tests/support/mod.rs"]
mod support;

use std::time::Instant;

use claim_dojo_core::play::Policy;
use claim_dojo_lrs::cohort::{self, Cohort};
use claim_dojo_records::{NewSession, Source, Store};
use support::*;

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
    let trainees: Vec<String> = (0..1000).map(|i| format!("研修生{i:04}")).collect();
    let before = peak_mb();

    let started = Instant::now();
    let mut c = Cohort::default();
    for s in 0..100u64 {
        for (i, t) in trainees.iter().enumerate() {
            let json = &reports[(i + s as usize) % reports.len()];
            c.add(cohort::from_report(t, at(s as i64 * 60 + i as i64), json, 0.6).unwrap());
        }
    }
    let html = cohort::render(&c, claim_dojo_core::Lang::Ja, at(100 * 60 + 14 * 24 * 60));
    let tmp = tempfile::tempdir().unwrap();
    claim_dojo_records::atomic::write(&tmp.path().join("cohort.html"), html.as_bytes()).unwrap();
    let secs = started.elapsed().as_secs_f64();
    println!(
        "100,000 sessions (1,000 trainees x 100): report written in {secs:.2} s, {} KB of HTML; peak RSS {before:.0} MB before, {:.0} MB after",
        html.len() / 1024,
        peak_mb()
    );

    // From a records file, row by row.
    let store = Store::open(&tmp.path().join("records.sqlite3"))
        .unwrap()
        .store;
    let ids: Vec<_> = trainees[..100]
        .iter()
        .map(|t| store.trainee(t).unwrap())
        .collect();
    let sessions: Vec<NewSession> = (0..10_000usize)
        .map(|k| NewSession {
            trainee: ids[k % 100].id,
            report_json: &reports[k % reports.len()],
            scenario_hash: None,
            started_at: at(k as i64),
            ended_at: at(k as i64 + 3),
            what_if: None,
            source: Source::App,
        })
        .collect();
    store.save_sessions(&sessions).unwrap();
    let before = peak_mb();
    let started = Instant::now();
    let mut c = Cohort::default();
    store
        .each_session(None, |name, s, json| {
            c.add(cohort::from_report(name, s.started_at, &json, 0.6).unwrap());
            true
        })
        .unwrap();
    let html = cohort::render(&c, claim_dojo_core::Lang::Ja, at(20_000));
    let secs = started.elapsed().as_secs_f64();
    println!(
        "10,000 sessions from a records file ({} MB): report in {secs:.2} s ({} KB); peak RSS {before:.0} MB before, {:.0} MB after",
        std::fs::metadata(tmp.path().join("records.sqlite3"))
            .map(|m| m.len() / 1_000_000)
            .unwrap_or(0),
        html.len() / 1024,
        peak_mb()
    );
}
