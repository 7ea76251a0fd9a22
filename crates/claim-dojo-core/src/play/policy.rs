//! Simulated trainees, for `play --policy` and difficulty estimates. Their choices
//! and timing are drawn from their own seeded generator, never the session's, so
//! the session noise is the same whoever plays.
//!
//! - `Random`: any offered choice, at any moment (interrupting, pausing, waiting).
//! - `Plausible`: a nervous new operator: answers quickly and seldom cuts in, but
//!   apologises a lot and reaches for solutions and excuses more than for listening.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::rules::vocabulary::{APOLOGY, LISTENING, SOLUTION, any};
use crate::scenario::{Choice, Tag};
use crate::session::{Action, Phase, Session};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    Random,
    Plausible,
}

impl Policy {
    pub fn parse(s: &str) -> Option<Policy> {
        match s {
            "random" => Some(Policy::Random),
            "plausible" => Some(Policy::Plausible),
            _ => None,
        }
    }
}

/// Keeps the trainee's generator apart from the session's noise.
const POLICY_STREAM: u64 = 0x9E37_79B9_7F4A_7C15;

/// How eager a nervous operator is to say a choice like this one.
fn nervous_weight(c: &Choice) -> f64 {
    let mut w = 1.0;
    if any(c, APOLOGY) {
        w += 1.5;
    }
    if any(c, SOLUTION) {
        w += 1.0;
    }
    if c.has(Tag::Excuse) || c.has(Tag::Hedges) || c.has(Tag::UnkeepablePromise) {
        w += 0.8;
    }
    if any(c, LISTENING) {
        w -= 0.4;
    }
    w
}

/// Plays the session to its end as `policy` would.
pub fn run(session: &mut Session, policy: Policy, seed: u64) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ POLICY_STREAM);
    let patience_ms = (session.scenario().persona.patience_s * 1000.0) as u64;
    // A random trainee acts at any moment; a nervous one answers quickly (a fifth
    // of a second to two seconds after the customer stops), seldom cuts in, and
    // says はい now and then.
    let (interrupt_p, listen_p, min_pause, max_pause) = match policy {
        Policy::Random => (0.15, 0.10, 0, patience_ms * 3 / 2),
        Policy::Plausible => (0.05, 0.10, 200, 2_000),
    };
    while !session.is_over() {
        if session.offered().is_empty() {
            match session.time_to_turn() {
                // Choices come with the next node's line: step to where it starts.
                Some(_) => match session.phase().end() {
                    Some(end) => session.advance_to(end.max(session.now_ms() + 1)),
                    None => session.advance_ms(100),
                },
                None => {
                    session.run_out();
                    break;
                }
            }
            continue;
        }
        let r: f64 = rng.random();
        if r < listen_p && session.act(Action::Listen).is_ok() {
            session.advance_ms(rng.random_range(200..1_500));
            continue;
        }
        if r < listen_p + interrupt_p
            && let Phase::Speaking { end, .. } = session.phase()
        {
            let now = session.now_ms();
            session.advance_ms(rng.random_range(0..end.saturating_sub(now).max(1)));
        } else if let Some(ms) = session.time_to_turn() {
            session.advance_ms(ms + rng.random_range(min_pause..max_pause.max(min_pause + 1)));
        }
        let offered = session.offered();
        if offered.is_empty() {
            continue;
        }
        let pick = match policy {
            Policy::Random => rng.random_range(0..offered.len()),
            Policy::Plausible => {
                let weights: Vec<f64> = offered.iter().map(nervous_weight).collect();
                let mut x = rng.random::<f64>() * weights.iter().sum::<f64>();
                weights
                    .iter()
                    .position(|w| {
                        x -= w;
                        x <= 0.0
                    })
                    .unwrap_or(offered.len() - 1)
            }
        };
        let id = offered[pick].id.clone();
        // Offered a moment ago, so this cannot be refused; if it were, time moves on.
        if session.act(Action::Choose { choice: id }).is_err() {
            session.advance_ms(100);
        }
    }
}
