//! Any text as a result file (session report JSON): read for replay
//! (`parse_recording`) and for the records (`Digest::read`); a recording that
//! reads is replayed and restarted at its middle action (what-if).
#![no_main]

use std::sync::{Arc, LazyLock};

use claim_dojo_core::play::{self, what_if};
use claim_dojo_core::{Scenario, load_str};
use claim_dojo_records::Digest;
use libfuzzer_sys::fuzz_target;

static SCENARIO: LazyLock<Arc<Scenario>> = LazyLock::new(|| {
    let src = include_str!("../../tests/fixtures/app/scenarios/late-parcel.ron");
    Arc::new(
        load_str("late-parcel.ron", src)
            .scenario
            .expect("the fixture loads"),
    )
});

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(d) = Digest::read("fuzz.json", src) {
        let _ = (d.call_ms(), d.passed());
    }
    if let Ok(rec) = play::parse_recording("fuzz.json", src) {
        let mut session = play::session(&SCENARIO, rec.seed);
        let _ = play::run_recording(&mut session, &rec);
        let _ = session.finish();
        let _ = what_if::resume(&SCENARIO, rec.seed, &rec.actions, rec.actions.len() / 2);
    }
});
