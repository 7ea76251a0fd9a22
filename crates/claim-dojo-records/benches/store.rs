//! The store's two costs a trainee can feel, each against a baseline measured
//! in the same run (`docs/performance.md`):
//!
//! - saving a session (the report whole, its columns, 22 verdicts, one
//!   transaction, WAL with `synchronous = FULL`), against writing the same
//!   report JSON to a file as the app did before the store (`fs::write`), and
//!   against writing it atomically (temporary file, fsync, rename);
//! - loading the history screen's data (sessions, attempts, trend, broken rules
//!   with their sessions, and the recommendation) for a trainee with 10,000
//!   sessions, against reading those 10,000 reports whole (what a screen
//!   without indexed columns would have to do).
//!
//! `cargo bench -p claim-dojo-records --bench store`

use std::path::Path;
use std::sync::Arc;

use claim_dojo_core::play::{self, Policy};
use claim_dojo_core::report::Report;
use claim_dojo_records::{NewSession, Playable, Source, Store, atomic};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use jiff::{SignedDuration, Timestamp};

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// Reports of the shipped scenarios played by simulated trainees.
fn reports(n: usize) -> Vec<String> {
    let mut scenarios = Vec::new();
    for e in std::fs::read_dir(root().join("scenarios"))
        .unwrap()
        .flatten()
    {
        if let Some(s) = claim_dojo_core::load_file(&e.path()).scenario {
            scenarios.push(Arc::new(s));
        }
    }
    scenarios.sort_by(|a, b| a.id.cmp(&b.id));
    (0..n)
        .map(|i| {
            let scenario = &scenarios[i % scenarios.len()];
            let seed = i as u64 + 1;
            let mut s = play::session(scenario, seed).without_events();
            let policy = if i % 3 == 0 {
                Policy::Random
            } else {
                Policy::Plausible
            };
            play::policy::run(&mut s, policy, seed);
            let card = s.finish();
            Report::build(&s, &card).to_json()
        })
        .collect()
}

fn at(i: usize) -> Timestamp {
    Timestamp::from_second(1_790_000_000).unwrap() + SignedDuration::from_secs(i as i64 * 600)
}

fn save(c: &mut Criterion) {
    let json = reports(1).remove(0);
    println!("report: {} bytes", json.len());
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("records.sqlite3"))
        .unwrap()
        .store;
    let trainee = store.trainee("bench").unwrap();
    let mut g = c.benchmark_group("save a session");
    let mut i = 0;
    g.bench_function("store.save_session", |b| {
        b.iter_batched(
            || {
                i += 1;
                i
            },
            |i| {
                store
                    .save_session(&NewSession {
                        trainee: trainee.id,
                        report_json: &json,
                        scenario_hash: Some("bench"),
                        started_at: at(i),
                        ended_at: at(i),
                        what_if: None,
                        source: Source::App,
                    })
                    .unwrap()
            },
            BatchSize::SmallInput,
        )
    });
    let files = dir.path().join("results");
    std::fs::create_dir_all(&files).unwrap();
    let mut j = 0;
    g.bench_function("fs::write of the JSON (before the store)", |b| {
        b.iter(|| {
            j += 1;
            std::fs::write(files.join(format!("r-{j}.json")), &json).unwrap()
        })
    });
    let mut k = 0;
    g.bench_function("atomic::write of the JSON (fsync + rename)", |b| {
        b.iter(|| {
            k += 1;
            atomic::write(&files.join(format!("a-{k}.json")), json.as_bytes()).unwrap()
        })
    });
    g.finish();
}

fn history(c: &mut Criterion) {
    const SESSIONS: usize = 10_000;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("records.sqlite3"))
        .unwrap()
        .store;
    let trainee = store.trainee("ten-thousand").unwrap();
    // 200 distinct reports, each saved 50 times at different times: the store
    // indexes each as its own session, as 10,000 calls would be.
    let reports = reports(200);
    for chunk in (0..SESSIONS).collect::<Vec<_>>().chunks(1_000) {
        let batch: Vec<NewSession> = chunk
            .iter()
            .map(|&i| NewSession {
                trainee: trainee.id,
                report_json: &reports[i % reports.len()],
                scenario_hash: Some("bench"),
                started_at: at(i),
                ended_at: at(i),
                what_if: None,
                source: Source::App,
            })
            .collect();
        store.save_sessions(&batch).unwrap();
    }
    let bytes = std::fs::metadata(dir.path().join("records.sqlite3")).map_or(0, |m| m.len())
        + std::fs::metadata(dir.path().join("records.sqlite3-wal")).map_or(0, |m| m.len());
    println!(
        "10,000 sessions: {:.0} MiB on disk",
        bytes as f64 / 1048576.0
    );
    let playable: Vec<Playable> = std::fs::read_dir(root().join("scenarios"))
        .unwrap()
        .flatten()
        .filter_map(|e| claim_dojo_core::load_file(&e.path()).scenario)
        .map(|s| Playable {
            id: s.id.clone(),
            rules: s.rules.iter().map(|r| r.to_string()).collect(),
            difficulty: s.difficulty,
        })
        .collect();
    let mut g = c.benchmark_group("history of 10,000 sessions");
    g.sample_size(20);
    g.bench_function("store.history + recommend", |b| {
        b.iter(|| {
            let h = store.history(&trainee).unwrap();
            assert_eq!(h.sessions.len(), SESSIONS);
            h.recommend(&playable)
        })
    });
    g.bench_function("baseline: every report read whole", |b| {
        b.iter(|| {
            let mut n = 0;
            store
                .each_session(Some(&trainee), |_, _, _| {
                    n += 1;
                    true
                })
                .unwrap();
            n
        })
    });
    g.finish();
}

criterion_group!(benches, save, history);
criterion_main!(benches);
