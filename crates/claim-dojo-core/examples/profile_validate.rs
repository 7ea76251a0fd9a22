//! Validates the generated 5,000-node scenario (or, with the argument `shipped`,
//! the 16 shipped scenarios) `ROUNDS` times (default 20) through the validate
//! bench's "full validation" call, and reads the same text `ROUNDS` times with
//! the bench's bare `ron::from_str`, for profiling. Wall clock swings with the
//! load of a shared machine; instruction counts do not, so compare them with
//! callgrind, one run per side:
//!
//! ```sh
//! cargo build --release -p claim-dojo-core --example profile_validate
//! ROUNDS=20 valgrind --tool=callgrind --toggle-collect='*run_validate*' \
//!     target/release/examples/profile_validate
//! ROUNDS=20 valgrind --tool=callgrind --toggle-collect='*run_ron*' \
//!     target/release/examples/profile_validate
//! ```
//!
//! and divide each "Collected" count by `ROUNDS`; their quotient is the ratio
//! the bench measures in seconds.

#[path = "../benches/common/mod.rs"]
mod common;

use std::hint::black_box;

#[inline(never)]
fn run_validate(texts: &[(String, String)]) -> usize {
    common::validate_fully(texts)
}

#[inline(never)]
fn run_ron(options: &ron::Options, texts: &[(String, String)]) -> usize {
    common::parse_bare(options, texts)
}

fn main() {
    let options = common::bare_ron();
    let rounds: u64 = std::env::var("ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let texts = match std::env::args().nth(1).as_deref() {
        Some("shipped") => common::shipped(),
        _ => vec![("generated.ron".to_string(), common::generated(5_000))],
    };
    let mut total = 0;
    for _ in 0..rounds {
        total += run_validate(black_box(&texts));
        total += run_ron(&options, black_box(&texts));
    }
    println!("{} files, {total}", texts.len());
}
