//! Any bytes as a scenario file: the loader and validator answer with a
//! scenario or diagnostics, never a panic; a scenario they accept plays.
#![no_main]

use std::sync::Arc;

use claim_dojo_core::load::load_bytes;
use claim_dojo_core::play::{self, Policy};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let loaded = load_bytes("fuzz.ron", data);
    for d in &loaded.diagnostics {
        let _ = d.message(claim_dojo_core::Lang::En);
    }
    if let Some(s) = loaded.scenario {
        let scenario = Arc::new(s);
        let mut session = play::session(&scenario, 1);
        play::policy::run(&mut session, Policy::Random, 1);
        let _ = session.finish();
    }
});
