//! Any text as a play script: read with the positioned reader, then run on the
//! example scenario; a refusal or a diagnostic is fine, a panic is not.
#![no_main]

use std::sync::{Arc, LazyLock};

use claim_dojo_core::play;
use claim_dojo_core::{Scenario, load_str};
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
    if let Ok(script) = play::parse_script("fuzz.ron", src) {
        let mut session = play::session(&SCENARIO, script.seed.unwrap_or(1));
        let _ = play::run_script(&mut session, &script);
        let _ = session.finish();
    }
});
