//! The outbox draining to a local Ralph (docs/performance.md): 10,000
//! statements in batches of 100, against one POST per statement (1,000
//! statements: Ralph's `fs` backend reads its whole file for the duplicate
//! check of every POST, so one POST per statement grows quadratically),
//! in the same run. A plain program: `cargo bench -p claim-dojo-lrs --bench outbox`.

#[path = "../tests/support/mod.rs"]
mod support;

use std::time::Instant;

use support::*;

fn drain(sessions: usize, batch: usize) -> (usize, f64) {
    let tmp = tempfile::tempdir().unwrap();
    let ralph = Ralph::start(tmp.path());
    let store = store_with_sessions(tmp.path(), sessions);
    let n = store.outbox_counts().unwrap().waiting as usize;
    let mut config = ralph.config(SECRET);
    config.batch = batch;
    let started = Instant::now();
    let worker = claim_dojo_lrs::Worker::start(store.clone(), config);
    assert!(eventually(3600, || store.outbox_counts().unwrap().waiting == 0));
    let secs = started.elapsed().as_secs_f64();
    worker.stop();
    assert_eq!(ralph.all_statements().len(), n, "each stored once");
    (n, secs)
}

fn main() {
    let (n_batch, t_batch) = drain(3334, 100);
    let (n_one, t_one) = drain(334, 1);
    let (r_batch, r_one) = (n_batch as f64 / t_batch, n_one as f64 / t_one);
    println!("batches of 100: {n_batch} statements in {t_batch:.1} s ({r_batch:.0}/s)");
    println!("one per POST:   {n_one} statements in {t_one:.1} s ({r_one:.0}/s)");
    println!(
        "ratio: batches send {:.1}x as many statements per second",
        r_batch / r_one
    );
}
