//! The store with real session reports: saving and asking (history, curves,
//! recommendation), what is done with a damaged or foreign file in its place,
//! a full disk, the save hook's transaction, and the idempotent import of the
//! old JSON results folder.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use claim_dojo_core::play::{self, Policy};
use claim_dojo_core::report::Report;
use claim_dojo_records::import::import_json_results;
use claim_dojo_records::{
    NewSession, Playable, SaveHook, SavedSession, Source, Store, StoreCode, Trainee, Transaction,
};
use jiff::Timestamp;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn report(scenario: &str, seed: u64, policy: Policy) -> String {
    let s = claim_dojo_core::load_file(&root().join(scenario))
        .scenario
        .unwrap();
    let mut session = play::session(&Arc::new(s), seed);
    play::policy::run(&mut session, policy, seed);
    let card = session.finish();
    Report::build(&session, &card).to_json()
}

const LATE: &str = "tests/fixtures/app/scenarios/late-parcel.ron";

fn at(minute: i64) -> Timestamp {
    Timestamp::from_second(1_795_000_000 + minute * 60).unwrap()
}

fn save(
    store: &Store,
    trainee: &Trainee,
    json: &str,
    minute: i64,
) -> claim_dojo_records::Result<claim_dojo_records::SessionId> {
    store.save_session(&NewSession {
        trainee: trainee.id,
        report_json: json,
        scenario_hash: Some("abc"),
        started_at: at(minute),
        ended_at: at(minute + 3),
        what_if: None,
        source: Source::App,
    })
}

#[test]
fn sessions_are_kept_per_trainee_and_the_history_answers_from_them() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("r.sqlite3")).unwrap().store;
    let sato = store.trainee("佐藤").unwrap();
    let kim = store.trainee("  Kim ").unwrap();
    assert_eq!(kim.name, "Kim");
    assert_eq!(store.trainee("佐藤").unwrap(), sato, "one profile per name");
    let mut ids = Vec::new();
    for seed in 1..=6 {
        let policy = if seed % 2 == 0 {
            Policy::Random
        } else {
            Policy::Plausible
        };
        ids.push(save(&store, &sato, &report(LATE, seed, policy), seed as i64 * 10).unwrap());
    }
    save(&store, &kim, &report(LATE, 99, Policy::Plausible), 1).unwrap();
    let again = save(&store, &sato, &report(LATE, 1, Policy::Plausible), 10).unwrap();
    assert_eq!(again, ids[0], "the same session saved twice is stored once");

    let h = store.history(&sato).unwrap();
    assert_eq!(h.sessions.len(), 6);
    assert_eq!(h.trend.len(), 6);
    let a = h.attempts("late-parcel").unwrap();
    assert_eq!(a.attempts, 6);
    assert_eq!(a.best, h.sessions.iter().map(|s| s.score).max().unwrap());
    assert_eq!(a.last, h.sessions.last().unwrap().score);
    // Broken counts agree with the reports themselves.
    for b in &h.broken {
        let mut n = 0;
        for s in &h.sessions {
            let v: serde_json::Value =
                serde_json::from_str(&store.report_json(s.id).unwrap()).unwrap();
            let broke = v["rules"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["id"] == b.rule.as_str() && r["status"] == "broken");
            assert_eq!(
                broke,
                b.sessions.contains(&s.id),
                "{} in session {:?}",
                b.rule,
                s.id
            );
            n += u32::from(broke);
        }
        assert_eq!(b.count, n);
    }
    assert!(!h.broken.is_empty(), "a random trainee breaks rules");
    let curve = store.curve(ids[1]).unwrap();
    let v: serde_json::Value = serde_json::from_str(&store.report_json(ids[1]).unwrap()).unwrap();
    assert_eq!(
        curve.points.len(),
        v["anger_curve"].as_array().unwrap().len()
    );

    let most = h.broken[0].rule.clone();
    let catalog = [
        Playable {
            id: "late-parcel".into(),
            rules: vec![most.clone()],
            difficulty: 1,
        },
        Playable {
            id: "other".into(),
            rules: vec![most.clone()],
            difficulty: 2,
        },
        Playable {
            id: "calm".into(),
            rules: vec!["R99".into()],
            difficulty: 1,
        },
    ];
    let r = h.recommend(&catalog).unwrap();
    if a.passed {
        assert_eq!(r.scenario, "other");
    } else {
        assert_ne!(
            r.scenario, "calm",
            "a call that exercises {most} comes first"
        );
    }
    let trainees = store.trainees().unwrap();
    assert_eq!(
        trainees.iter().map(|t| t.sessions).collect::<Vec<_>>(),
        [1, 6]
    );
}

#[test]
fn a_damaged_or_foreign_file_is_moved_aside_whole_and_a_fresh_one_started() {
    let dir = tempfile::tempdir().unwrap();
    let foreign = {
        let p = dir.path().join("foreign.sqlite3");
        let c = rusqlite::Connection::open(&p).unwrap();
        c.execute_batch("CREATE TABLE moz_places (url TEXT); INSERT INTO moz_places VALUES ('x');")
            .unwrap();
        drop(c);
        std::fs::read(&p).unwrap()
    };
    let cases: [(&str, Vec<u8>); 3] = [
        (
            "random bytes",
            (0..8192u32)
                .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
                .collect(),
        ),
        (
            "a text file",
            b"these are my notes, not a database\n".repeat(100),
        ),
        ("another program's database", foreign),
    ];
    for (what, bytes) in cases {
        let db = dir
            .path()
            .join(format!("{}.sqlite3", what.replace(' ', "-")));
        std::fs::write(&db, &bytes).unwrap();
        let opened = Store::open(&db).unwrap_or_else(|e| panic!("{what}: {e}"));
        let notice = opened.notice.unwrap_or_else(|| panic!("{what}: no notice"));
        assert_eq!(notice.code, StoreCode::Damaged, "{what}");
        let moved = notice.moved_to.clone().unwrap();
        assert_eq!(
            std::fs::read(&moved).unwrap(),
            bytes,
            "{what}: moved whole, not deleted"
        );
        let text = notice.message(claim_dojo_core::Lang::En);
        assert!(
            text.contains(&db.display().to_string()) && text.contains(&moved.display().to_string()),
            "{text}"
        );
        let t = opened.store.trainee("a").unwrap();
        save(&opened.store, &t, &report(LATE, 1, Policy::Plausible), 0).unwrap();
        drop(opened.store);
        let again = Store::open(&db).unwrap();
        assert!(again.notice.is_none(), "{what}: the fresh file is ours");
        assert_eq!(again.store.count_sessions().unwrap(), 1);
    }
}

#[test]
fn a_file_from_a_newer_version_is_refused_and_left_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite3");
    drop(Store::open(&db).unwrap());
    let c = rusqlite::Connection::open(&db).unwrap();
    c.execute_batch("PRAGMA user_version = 99").unwrap();
    drop(c);
    let before = std::fs::read(&db).unwrap();
    let e = Store::open(&db).unwrap_err();
    assert_eq!(e.code, StoreCode::TooNew);
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn a_full_disk_is_an_error_the_session_can_be_saved_again_once_there_is_room() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite3");
    let store = Store::open(&db).unwrap().store;
    let t = store.trainee("a").unwrap();
    let first = save(&store, &t, &report(LATE, 1, Policy::Plausible), 0).unwrap();
    let pages: u32 = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    store.limit_pages(pages).unwrap();
    let json = report(LATE, 2, Policy::Random);
    let e = save(&store, &t, &json, 10).unwrap_err();
    assert_eq!(e.code, StoreCode::Full, "{e}");
    assert!(e.message(claim_dojo_core::Lang::Ja).contains("r.sqlite3"));
    assert_eq!(store.count_sessions().unwrap(), 1, "nothing partial");
    assert_eq!(store.partial_sessions().unwrap(), 0);
    store.limit_pages(1_000_000).unwrap();
    let second = save(&store, &t, &json, 10).unwrap();
    assert_ne!(second, first);
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

struct Outbox {
    fail: bool,
}

impl SaveHook for Outbox {
    fn saved(&self, tx: &Transaction<'_>, saved: &SavedSession<'_>) -> rusqlite::Result<()> {
        tx.execute(
            "CREATE TABLE IF NOT EXISTS test_outbox (uid TEXT, session INTEGER)",
            [],
        )?;
        tx.execute(
            "INSERT INTO test_outbox VALUES (?1, ?2)",
            rusqlite::params![saved.uid, saved.id.0],
        )?;
        if self.fail {
            return Err(rusqlite::Error::InvalidQuery);
        }
        Ok(())
    }
}

#[test]
fn a_save_hook_writes_in_the_sessions_transaction_and_its_failure_undoes_the_save() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite3");
    let mut store = Store::open(&db).unwrap().store;
    store.add_hook(Box::new(Outbox { fail: false }));
    let t = store.trainee("a").unwrap();
    let id = save(&store, &t, &report(LATE, 1, Policy::Plausible), 0).unwrap();
    save(&store, &t, &report(LATE, 1, Policy::Plausible), 0).unwrap();
    drop(store);
    let c = rusqlite::Connection::open(&db).unwrap();
    let rows: i64 = c
        .query_row(
            "SELECT count(*) FROM test_outbox WHERE session = ?1",
            [id.0],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(rows, 1, "one outbox row, and none for the duplicate");
    drop(c);

    let mut store = Store::open(&db).unwrap().store;
    store.add_hook(Box::new(Outbox { fail: true }));
    assert!(save(&store, &t, &report(LATE, 2, Policy::Plausible), 5).is_err());
    assert_eq!(
        store.count_sessions().unwrap(),
        1,
        "the session went with its hook"
    );
}

#[test]
fn the_old_results_folder_is_imported_once_however_often_it_is_run() {
    let dir = tempfile::tempdir().unwrap();
    let results = dir.path().join("results");
    std::fs::create_dir_all(&results).unwrap();
    let reports: Vec<String> = (1..=3)
        .map(|s| report(LATE, s, Policy::Plausible))
        .collect();
    for (i, r) in reports.iter().enumerate() {
        std::fs::write(
            results.join(format!("late-parcel-2026111{i}-120741-{i}.json")),
            format!("{r}\n"),
        )
        .unwrap();
    }
    std::fs::write(results.join("broken.json"), "{\"scenario\": ").unwrap();
    std::fs::write(results.join("notes.txt"), "not a result").unwrap();
    // The same file under another name is the same session.
    std::fs::copy(
        results.join("late-parcel-20261110-120741-0.json"),
        results.join("copy.json"),
    )
    .unwrap();

    let store = Store::open(&dir.path().join("r.sqlite3")).unwrap().store;
    let t = store.trainee("佐藤").unwrap();
    let first = import_json_results(&store, &results, &t).unwrap();
    assert_eq!((first.added, first.already), (3, 1));
    assert_eq!(first.skipped.len(), 1);
    assert_eq!(first.skipped[0].code, StoreCode::BadReport);
    assert!(
        first.skipped[0].place().ends_with("broken.json:1:13"),
        "{}",
        first.skipped[0].place()
    );
    let second = import_json_results(&store, &results, &t).unwrap();
    assert_eq!((second.added, second.already), (0, 4));
    assert_eq!(store.count_sessions().unwrap(), 3);
    let h = store.history(&t).unwrap();
    assert_eq!(h.sessions[0].started_at.to_string(), "2026-11-10T12:07:41Z");
    assert_eq!(
        store.report_json(h.sessions[0].id).unwrap(),
        format!("{}\n", reports[0])
    );
    let none = import_json_results(&store, &dir.path().join("nowhere"), &t).unwrap();
    assert_eq!(none.added, 0);
}

#[test]
fn a_read_only_folder_is_said_as_such_and_the_records_open_once_it_is_writable() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("records");
    std::fs::create_dir(&folder).unwrap();
    let db = folder.join("r.sqlite3");
    {
        let _read_only = claim_dojo_records::testing::ReadOnlyFolder::new(&folder);
        let e = Store::open(&db).unwrap_err();
        assert_eq!(e.code, StoreCode::ReadOnly, "{e}");
        assert_eq!(e.path.as_deref(), Some(db.as_path()));
        assert!(e.message(claim_dojo_core::Lang::Ja).starts_with("S005"));
        assert!(!db.exists());
    }
    let store = Store::open(&db).unwrap().store;
    let t = store.trainee("a").unwrap();
    save(&store, &t, &report(LATE, 1, Policy::Plausible), 0).unwrap();
    assert_eq!(store.count_sessions().unwrap(), 1);
}
