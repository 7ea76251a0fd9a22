//! The outbox against a real LRS (Ralph, `fs` backend, on a free loopback
//! port): statements arrive and read back equal; the LRS cut off mid-stream
//! and back again still ends with each statement stored once; an LRS down for the
//! whole run leaves everything queued; a bad secret is reported and not
//! retried. Each test starts (and stops) its own Ralph.

mod support;

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use claim_dojo_lrs::cohort::{self, Cohort};
use claim_dojo_lrs::{LrsConfig, Sending, Worker};
use support::*;

#[test]
fn statements_arrive_and_read_back_equal() {
    let tmp = tempfile::tempdir().unwrap();
    let ralph = Ralph::start(tmp.path());
    let store = store_with_sessions(tmp.path(), 4);
    let queued: Vec<serde_json::Value> = store
        .outbox_batch(100)
        .unwrap()
        .iter()
        .map(|w| serde_json::from_str(&w.statement_json).unwrap())
        .collect();
    assert_eq!(queued.len(), 12, "three statements per session");

    let worker = Worker::start(store.clone(), ralph.config(SECRET));
    assert!(
        eventually(60, || store.outbox_counts().unwrap().waiting == 0),
        "the outbox drains: {:?}",
        worker.status()
    );
    worker.stop();

    let stored: HashMap<String, serde_json::Value> = ralph
        .all_statements()
        .into_iter()
        .map(|s| (s["id"].as_str().unwrap().to_string(), s))
        .collect();
    assert_eq!(stored.len(), 12);
    for sent in &queued {
        let back = &stored[sent["id"].as_str().unwrap()];
        for field in ["actor", "verb", "object", "result", "context"] {
            if sent.get(field).is_some() {
                assert_eq!(back[field], sent[field], "{field} of {}", sent["id"]);
            }
        }
        assert_eq!(
            back["timestamp"]
                .as_str()
                .map(|t| t.parse::<jiff::Timestamp>().unwrap()),
            sent["timestamp"]
                .as_str()
                .map(|t| t.parse::<jiff::Timestamp>().unwrap())
        );
    }
    assert_eq!(store.outbox_counts().unwrap().rejected, 0);
}

#[test]
fn an_lrs_cut_off_mid_stream_and_back_stores_each_statement_once() {
    let tmp = tempfile::tempdir().unwrap();
    let ralph = Ralph::start(tmp.path());
    let relay = Relay::start(ralph.port);
    let store = store_with_sessions(tmp.path(), 100);
    let ids: HashSet<String> = store
        .outbox_batch(1000)
        .unwrap()
        .into_iter()
        .map(|w| w.statement_id)
        .collect();
    assert_eq!(ids.len(), 300);

    let mut config = relay.config(SECRET);
    config.batch = 10;
    let worker = Worker::start(store.clone(), config);
    // Cut off as soon as the first statements are in: the worker is
    // mid-stream (and likely mid-request, its answer lost).
    assert!(eventually(60, || !ralph.all_statements().is_empty()));
    relay.cut();
    let waiting_while_down = store.outbox_counts().unwrap().waiting;
    assert!(waiting_while_down > 0, "the cut came before the end");
    std::thread::sleep(Duration::from_millis(700));
    assert!(matches!(
        worker.status().sending,
        Sending::Retrying { .. } | Sending::Sending
    ));

    relay.restore();
    assert!(
        eventually(120, || store.outbox_counts().unwrap().waiting == 0),
        "the outbox drains after the restart: {:?}",
        worker.status()
    );
    worker.stop();
    let stored = ralph.all_statements();
    let stored_ids: Vec<String> = stored
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        stored_ids.len(),
        300,
        "each statement stored once (no duplicates)"
    );
    assert_eq!(stored_ids.into_iter().collect::<HashSet<_>>(), ids);

    // The cohort report read from the LRS in pages of 30 (10 pages, following
    // `more` links) counts what the records count.
    let mut from_lrs = Cohort::default();
    let lrs = claim_dojo_lrs::client::Lrs::new(&ralph.config(SECRET));
    cohort::add_from_lrs(&lrs, 30, &mut from_lrs).unwrap();
    let mut from_store = Cohort::default();
    cohort::add_from_store(&store, 0.6, &mut from_store).unwrap();
    assert_eq!(from_lrs.sessions, 100);
    assert_eq!(from_lrs.sessions, from_store.sessions);
    assert_eq!(from_lrs.top_broken(30), from_store.top_broken(30));
    let passes = |c: &Cohort| -> Vec<(String, u64, u64, [u64; 10])> {
        c.scenarios
            .iter()
            .map(|(id, s)| (id.clone(), s.sessions, s.passed, s.bins))
            .collect()
    };
    assert_eq!(passes(&from_lrs), passes(&from_store));
    let names = |c: &Cohort| -> Vec<(String, u64)> {
        c.trainees
            .iter()
            .map(|(n, t)| (n.clone(), t.sessions))
            .collect()
    };
    assert_eq!(names(&from_lrs), names(&from_store));
}

#[test]
fn an_lrs_down_for_the_whole_run_leaves_everything_queued() {
    let tmp = tempfile::tempdir().unwrap();
    let store = store_with_sessions(tmp.path(), 5);
    // A port nobody listens on.
    let port = free_port();
    let config = quick(LrsConfig::new(
        &format!("http://127.0.0.1:{port}/xAPI"),
        USER,
        SECRET,
    ));
    let worker = Worker::start(store.clone(), config);
    assert!(eventually(20, || matches!(
        worker.status().sending,
        Sending::Retrying { .. }
    )));
    std::thread::sleep(Duration::from_millis(1500));
    worker.stop();
    let counts = store.outbox_counts().unwrap();
    assert_eq!((counts.waiting, counts.rejected), (15, 0));
    assert!(counts.last_error.is_some());
    // Retried several times with backoff, not once.
    let tries = store.outbox_batch(1).unwrap()[0].attempts;
    assert!(tries >= 2, "retried: {tries}");

    // A restart of the app picks the queue up where it was.
    drop(store);
    let store = std::sync::Arc::new(
        claim_dojo_records::Store::open(&tmp.path().join("records.sqlite3"))
            .unwrap()
            .store,
    );
    assert_eq!(store.outbox_counts().unwrap().waiting, 15);
}

#[test]
fn a_bad_secret_is_reported_and_not_retried_forever() {
    let tmp = tempfile::tempdir().unwrap();
    let ralph = Ralph::start(tmp.path());
    let store = store_with_sessions(tmp.path(), 2);
    let worker = Worker::start(store.clone(), ralph.config("not-the-secret"));
    assert!(eventually(30, || matches!(
        worker.status().sending,
        Sending::Unauthorized { .. }
    )));
    let tries = store.outbox_batch(1).unwrap()[0].attempts;
    // Backoff would have tried many times in this while (50 ms first wait).
    std::thread::sleep(Duration::from_millis(1500));
    let status = worker.status();
    worker.stop();
    assert_eq!(
        store.outbox_batch(1).unwrap()[0].attempts,
        tries,
        "not retried"
    );
    let Sending::Unauthorized { message } = status.sending else {
        panic!("{status:?}")
    };
    assert!(message.contains("401"), "{message}");
    assert_eq!(status.waiting, 6, "kept for when the secret is fixed");
    assert!(ralph.all_statements().is_empty());

    // With the right secret (a new worker, as after the settings change), all go.
    let worker = Worker::start(store.clone(), ralph.config(SECRET));
    assert!(eventually(60, || store.outbox_counts().unwrap().waiting == 0));
    worker.stop();
    assert_eq!(ralph.all_statements().len(), 6);
}
