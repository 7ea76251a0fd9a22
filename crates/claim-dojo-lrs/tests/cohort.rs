//! The cohort report from records reads each session's columns, verdicts and
//! rises instead of its report JSON: it must say exactly what the fold of the
//! whole reports says, on the same sessions, in a file saved by this version
//! and in one saved before the `rise` table existed and upgraded.

mod support;

use claim_dojo_core::Lang;
use claim_dojo_core::play::Policy;
use claim_dojo_lrs::cohort::{self, Cohort};
use claim_dojo_records::{NewSession, Source, Store};
use support::*;

const SCENARIOS: [&str; 4] = [
    "scenarios/double-charge.ron",
    "scenarios/supervisor-demand.ron",
    "scenarios/kasuhara-dogeza.ron",
    LATE,
];

/// The share of the maximum a session needs to pass: below the default (0.6),
/// which none of these policies' plays reach, so that some pass and some do not.
const PASS: f64 = 0.5;

/// 240 sessions of 7 trainees over 4 scenarios and 5 ways of playing, some
/// starting at the same minute (the trend's order on ties), one a what-if.
fn records(path: &std::path::Path) -> Store {
    let store = Store::open(path).unwrap().store;
    let policies = [
        Policy::Plausible,
        Policy::Random,
        Policy::First,
        Policy::Longest,
        Policy::Silent,
    ];
    let reports: Vec<String> = SCENARIOS
        .iter()
        .flat_map(|s| {
            policies
                .iter()
                .enumerate()
                .map(move |(i, p)| report(s, i as u64 * 7 + 3, *p))
        })
        .collect();
    let trainees: Vec<_> = ["佐藤", "Suzuki", "高橋", "田中", "Ito", "渡辺", "山本"]
        .iter()
        .map(|n| store.trainee(n).unwrap())
        .collect();
    let sessions: Vec<NewSession> = (0..240usize)
        .map(|k| NewSession {
            trainee: trainees[k % trainees.len()].id,
            report_json: &reports[(k * 7 + k / 20) % reports.len()],
            scenario_hash: None,
            // Every fifth session starts with the one before it.
            started_at: at((k - usize::from(k % 5 == 4)) as i64),
            ended_at: at(k as i64 + 3),
            what_if: None,
            source: Source::App,
        })
        .collect();
    let ids = store.save_sessions(&sessions).unwrap();
    store
        .save_session(&NewSession {
            what_if: Some(claim_dojo_records::WhatIfOf {
                session: ids[3],
                at_action: 2,
            }),
            started_at: at(1_000),
            ended_at: at(1_003),
            ..sessions[3].clone()
        })
        .unwrap();
    store
}

/// The fold of every session's whole report, as the report was made before.
fn from_reports(store: &Store) -> Cohort {
    let mut c = Cohort::default();
    store
        .each_session(None, |name, s, json| {
            c.add(cohort::from_report(name, s.started_at, &json, PASS).unwrap());
            true
        })
        .unwrap();
    c
}

fn from_records(store: &Store) -> Cohort {
    let mut c = Cohort::default();
    cohort::add_from_store(store, PASS, &mut c).unwrap();
    c
}

/// Every figure, field by field, then the HTML byte for byte in both languages.
fn assert_same(new: &Cohort, old: &Cohort) {
    assert_eq!(new.sessions, old.sessions);
    assert_eq!(new.newest, old.newest);
    assert_eq!(new.broken, old.broken);
    let scenarios = |c: &Cohort| -> Vec<_> {
        c.scenarios
            .iter()
            .map(|(id, s)| (id.clone(), s.title.clone(), s.sessions, s.passed, s.bins))
            .collect()
    };
    assert_eq!(scenarios(new), scenarios(old));
    let trainees = |c: &Cohort| -> Vec<_> {
        c.trainees
            .iter()
            .map(|(n, t)| {
                let trend: Vec<u64> = t.trend.iter().map(|s| s.to_bits()).collect();
                (n.clone(), t.sessions, t.last_at, trend)
            })
            .collect()
    };
    assert_eq!(trainees(new), trainees(old));
    let moments = |c: &Cohort| -> Vec<_> {
        let mut v: Vec<_> = c
            .moments
            .iter()
            .map(|(k, m)| (k.clone(), m.times, m.rise_sum.to_bits(), m.words.clone()))
            .collect();
        v.sort();
        v
    };
    assert_eq!(moments(new), moments(old));
    let now = at(20 * 24 * 60);
    for lang in [Lang::Ja, Lang::En] {
        assert_eq!(
            cohort::render(new, lang, now),
            cohort::render(old, lang, now),
            "{lang:?}"
        );
    }
}

#[test]
fn the_report_from_records_says_what_the_reports_say() {
    let tmp = tempfile::tempdir().unwrap();
    let store = records(&tmp.path().join("records.sqlite3"));
    let old = from_reports(&store);
    // Not a fold of nothing: passes and failures, broken rules, several
    // rises on several choices, and a trend on ties.
    assert_eq!(old.sessions, 241);
    assert_eq!(old.scenarios.len(), SCENARIOS.len());
    assert!(old.scenarios.values().any(|s| s.passed > 0));
    assert!(old.scenarios.values().any(|s| s.passed < s.sessions));
    assert!(old.broken.len() >= 3, "{:?}", old.broken);
    assert!(old.moments.len() >= 10, "{}", old.moments.len());
    assert!(old.moments.values().any(|m| m.times > 1));
    assert!(
        old.moments
            .values()
            .all(|m| !m.words.0.is_empty() && !m.words.1.is_empty())
    );
    assert_same(&from_records(&store), &old);
}

#[test]
fn a_file_saved_before_the_rises_upgrades_to_the_same_report() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("records.sqlite3");
    let old = from_reports(&records(&path));
    claim_dojo_records::testing::back_to_version_3(&path).unwrap();
    let upgraded = Store::open(&path).unwrap();
    assert!(
        upgraded.notice.is_none(),
        "upgraded in place, not moved aside"
    );
    assert_same(&from_records(&upgraded.store), &old);
}
