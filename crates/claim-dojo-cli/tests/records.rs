//! `history` and `export`, run in-process on a records file made here: the
//! formats and their documented fields and columns, one trainee or everyone,
//! the recommended next call, and the errors a trainer can cause.

mod common;

use std::path::PathBuf;
use std::sync::Arc;

use claim_dojo_core::play::{self, Policy};
use claim_dojo_core::report::Report;
use claim_dojo_records::{NewSession, Source, Store};
use common::{root, run};

/// A records file with 4 sessions of 佐藤 and 1 of Kim.
fn records(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "claim-dojo-cli-records-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("records.sqlite3");
    let store = Store::open(&db).unwrap().store;
    let scenario = Arc::new(
        claim_dojo_core::load_file(&root().join("scenarios/late-delivery-third-call.ron"))
            .scenario
            .unwrap(),
    );
    for (i, who) in ["佐藤", "佐藤", "Kim", "佐藤", "佐藤"].iter().enumerate() {
        let t = store.trainee(who).unwrap();
        let mut s = play::session(&scenario, i as u64 + 1);
        play::policy::run(&mut s, Policy::Random, i as u64 + 1);
        let card = s.finish();
        let json = Report::build(&s, &card).to_json();
        let at = jiff::Timestamp::from_second(1_795_000_000 + i as i64 * 3600).unwrap();
        store
            .save_session(&NewSession {
                trainee: t.id,
                report_json: &json,
                scenario_hash: Some("abc"),
                started_at: at,
                ended_at: at,
                what_if: None,
                source: Source::App,
            })
            .unwrap();
    }
    db
}

#[test]
fn history_shows_one_trainee_or_everyone_with_the_next_call_in_human_and_json() {
    let db = records("history");
    let db = db.to_str().unwrap();
    let scenarios = root().join("scenarios");
    let scenarios = scenarios.to_str().unwrap();
    let json = run(&[
        "history",
        "--records",
        db,
        "--trainee",
        "佐藤",
        "--scenarios",
        scenarios,
        "--format",
        "json",
    ]);
    assert_eq!(json.code, 0, "{}", json.err);
    let v: serde_json::Value = serde_json::from_str(&json.out).unwrap();
    let h = &v[0];
    assert_eq!(h["trainee"]["name"], "佐藤");
    assert_eq!(h["sessions"].as_array().unwrap().len(), 4);
    for key in ["scenarios", "trend", "broken", "recommendation"] {
        assert!(h.get(key).is_some(), "{key}");
    }
    assert_eq!(h["scenarios"][0]["attempts"], 4);
    assert!(
        h["recommendation"]["scenario"].is_string(),
        "{}",
        h["recommendation"]
    );

    let everyone = run(&[
        "history",
        "--records",
        db,
        "--format",
        "json",
        "--lang",
        "en",
    ]);
    let v: serde_json::Value = serde_json::from_str(&everyone.out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);

    let human = run(&[
        "history",
        "--records",
        db,
        "--scenarios",
        scenarios,
        "--lang",
        "en",
    ]);
    assert_eq!(human.code, 0);
    assert!(human.out.contains("佐藤: 4 sessions"), "{}", human.out);
    assert!(human.out.contains("Kim: 1 session"), "{}", human.out);
    assert!(human.out.contains("Next call: "), "{}", human.out);
    let ja = run(&[
        "history",
        "--records",
        db,
        "--trainee",
        "Kim",
        "--lang",
        "ja",
    ]);
    assert!(ja.out.contains("Kim: 1 セッション"), "{}", ja.out);
}

#[test]
fn export_writes_one_json_line_or_csv_row_per_session_with_the_documented_fields() {
    let db = records("export");
    let db = db.to_str().unwrap();
    let jsonl = run(&["export", "--records", db, "--format", "jsonl"]);
    assert_eq!(jsonl.code, 0, "{}", jsonl.err);
    let lines: Vec<serde_json::Value> = jsonl
        .out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    for key in [
        "session",
        "trainee",
        "scenario",
        "scenario_hash",
        "seed",
        "started_at",
        "ended_at",
        "call_s",
        "outcome",
        "deescalation_passed",
        "passed",
        "score",
        "score_max",
        "parts",
        "broken",
        "what_if_of",
        "what_if_at",
        "report",
    ] {
        assert!(lines[0].get(key).is_some(), "{key}");
    }
    assert_eq!(lines[0]["started_at"], "2026-11-18T11:06:40.000Z");
    assert_eq!(lines[0]["report"]["seed"], lines[0]["seed"]);
    assert_eq!(lines[2]["trainee"], "Kim");

    let out =
        std::env::temp_dir().join(format!("claim-dojo-cli-export-{}.csv", std::process::id()));
    let csv = run(&[
        "export",
        "--records",
        db,
        "--format",
        "csv",
        "--trainee",
        "佐藤",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(csv.code, 0, "{}", csv.err);
    assert!(csv.out.is_empty(), "written to the file, not to the output");
    let mut reader = csv::Reader::from_path(&out).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[..3], ["session", "trainee", "scenario"]);
    assert_eq!(header.len(), 17);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    for (row, line) in rows
        .iter()
        .zip(lines.iter().filter(|l| l["trainee"] == "佐藤"))
    {
        assert_eq!(row[at("score")], line["score"].to_string());
        assert_eq!(
            row[at("outcome")],
            line["outcome"].as_str().unwrap().to_string()
        );
        let broken: Vec<&str> = line["broken"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b.as_str().unwrap())
            .collect();
        assert_eq!(row[at("broken")], broken.join(" "));
    }
}

#[test]
fn a_missing_file_an_unknown_trainee_and_a_missing_format_are_errors() {
    let nowhere = std::env::temp_dir().join("claim-dojo-cli-no-such-dir/records.sqlite3");
    let missing = run(&[
        "history",
        "--records",
        nowhere.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(missing.code, 1);
    assert!(missing.err.contains("No records at"), "{}", missing.err);
    assert!(!nowhere.exists(), "looking does not create a file");
    let db = records("errors");
    let unknown = run(&[
        "history",
        "--records",
        db.to_str().unwrap(),
        "--trainee",
        "Nobody",
        "--lang",
        "en",
    ]);
    assert_eq!(unknown.code, 1);
    assert!(unknown.err.contains("Kim, 佐藤"), "{}", unknown.err);
    assert_eq!(
        run(&["export", "--records", db.to_str().unwrap()]).code,
        2,
        "--format is required"
    );
    assert_eq!(
        run(&[
            "export",
            "--records",
            db.to_str().unwrap(),
            "--format",
            "xml"
        ])
        .code,
        2
    );
    let damaged = db.with_file_name("damaged.sqlite3");
    std::fs::write(&damaged, "plain words, no database").unwrap();
    let r = run(&[
        "export",
        "--records",
        damaged.to_str().unwrap(),
        "--format",
        "jsonl",
        "--lang",
        "en",
    ]);
    assert!(r.err.contains("S002"), "{}", r.err);
}

#[test]
fn export_xapi_prints_every_sessions_statements_with_the_outbox_ids() {
    let db = records("xapi");
    let out = run(&[
        "export",
        "--records",
        db.to_str().unwrap(),
        "--format",
        "xapi",
    ]);
    assert_eq!(out.code, 0, "{}", out.err);
    let all: Vec<serde_json::Value> = serde_json::from_str(&out.out).unwrap();
    assert_eq!(all.len(), 15, "three statements for each of 5 sessions");
    // The ids are the ones the outbox would send: from the store's uids.
    let store = Store::open(&db).unwrap().store;
    let mut expected = Vec::new();
    store
        .each_session_with_uid(None, |name, uid, s, json| {
            let facts = claim_dojo_lrs::SessionFacts {
                uid,
                trainee: name,
                started_at: s.started_at,
                ended_at: s.ended_at,
                report_json: &json,
            };
            let profile = claim_dojo_lrs::Profile {
                titles: claim_dojo_lrs::statement::titles_in(&root().join("scenarios")),
                ..Default::default()
            };
            expected.extend(claim_dojo_lrs::statements(&profile, &facts).unwrap());
            true
        })
        .unwrap();
    let ids = |v: &[serde_json::Value]| v.iter().map(|s| s["id"].clone()).collect::<Vec<_>>();
    assert_eq!(ids(&all), ids(&expected));
    assert!(
        all.iter()
            .all(|s| s["actor"]["account"]["name"] == "佐藤"
                || s["actor"]["account"]["name"] == "Kim")
    );

    // From a folder of reports: the same sessions as an import would store.
    let dir = db.parent().unwrap().join("results");
    std::fs::create_dir_all(&dir).unwrap();
    let json = store.report_json(claim_dojo_records::SessionId(1)).unwrap();
    std::fs::write(
        dir.join("late-delivery-third-call-20261118-110000-1.json"),
        &json,
    )
    .unwrap();
    let out = run(&[
        "export",
        "--results",
        dir.to_str().unwrap(),
        "--trainee",
        "Kim",
        "--format",
        "xapi",
    ]);
    assert_eq!(out.code, 0, "{}", out.err);
    let from_dir: Vec<serde_json::Value> = serde_json::from_str(&out.out).unwrap();
    assert_eq!(from_dir.len(), 3);
    assert_eq!(from_dir[0]["actor"]["account"]["name"], "Kim");
    assert_eq!(from_dir[0]["timestamp"], "2026-11-18T11:00:00.000Z");
}
