//! Full validation (positioned reader, decoding, every check) against bare
//! `ron::from_str` into the same types, on the shipped scenarios and on a
//! generated 5,000-node scenario. Target: at most 1.5×.
//!
//! `cargo bench -p claim-dojo-core --bench validate`

mod common;

use std::time::Duration;

use claim_dojo_core::load_str;

fn main() {
    let options = common::bare_ron();
    let mut cases = common::shipped();
    let shipped_count = cases.len();
    let generated = common::generated(5_000);
    assert!(
        load_str("generated.ron", &generated).diagnostics.is_empty(),
        "the generated scenario must be clean"
    );
    println!("case\tbytes\tron::from_str (ms)\tfull validation (ms)\tratio");
    let min = Duration::from_millis(400);
    let row = |name: &str, texts: &[(String, String)]| {
        let bytes: usize = texts.iter().map(|(_, s)| s.len()).sum();
        let bare = common::time_per_call(min, || common::parse_bare(&options, texts));
        let full = common::time_per_call(min, || common::validate_fully(texts));
        println!(
            "{name}\t{bytes}\t{:.3}\t{:.3}\t{:.2}",
            bare * 1e3,
            full * 1e3,
            full / bare
        );
    };
    if shipped_count > 0 {
        row(&format!("{shipped_count} shipped scenarios"), &cases);
    }
    cases = vec![("generated.ron".into(), generated)];
    row("generated 5,000 nodes", &cases);
}
