//! Simulated trainees, for `play --policy`, difficulty estimates and the gaming
//! check. Their choices and timing are drawn from their own seeded generator,
//! never the session's, so the session noise is the same whoever plays.
//!
//! - `Random`: any offered choice, at any moment (interrupting, pausing, waiting).
//! - `Plausible`: a nervous new operator: answers quickly and seldom cuts in, but
//!   apologises a lot and reaches for solutions and excuses more than for listening.
//!
//! The degenerate ones play the test, not the call, as a test-wise trainee would;
//! a fair score gives them little ([`Policy::DEGENERATE`]):
//!
//! - `First` / `Last`: the first / last choice in the order shown, one natural
//!   pause after the customer finishes;
//! - `Longest` / `Shortest`: the longest / shortest answer (Japanese characters);
//! - `Silent`: never says anything;
//! - `Instant`: the first choice shown, the moment each customer line ends (no
//!   pause; inside a vent, that is in the middle of it).

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::rules::vocabulary::{APOLOGY, LISTENING, SOLUTION, any};
use crate::scenario::{Choice, Tag};
use crate::session::{Action, Phase, Session};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Policy {
    First,
    Last,
    Longest,
    Shortest,
    Silent,
    Instant,
    Random,
    Plausible,
}

impl Policy {
    pub const ALL: [Policy; 8] = [
        Policy::First,
        Policy::Last,
        Policy::Longest,
        Policy::Shortest,
        Policy::Silent,
        Policy::Instant,
        Policy::Random,
        Policy::Plausible,
    ];

    /// The strategies that play the test instead of the call: the gaming check.
    pub const DEGENERATE: [Policy; 6] = [
        Policy::First,
        Policy::Last,
        Policy::Longest,
        Policy::Shortest,
        Policy::Silent,
        Policy::Instant,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Policy::First => "first",
            Policy::Last => "last",
            Policy::Longest => "longest",
            Policy::Shortest => "shortest",
            Policy::Silent => "silent",
            Policy::Instant => "instant",
            Policy::Random => "random",
            Policy::Plausible => "plausible",
        }
    }

    pub fn parse(s: &str) -> Option<Policy> {
        Policy::ALL.into_iter().find(|p| p.name() == s)
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

/// Which of the shown choices a degenerate policy says.
fn pick(policy: Policy, shown: &[&Choice]) -> usize {
    let len = |c: &&Choice| c.text.spoken_chars();
    let by = |better: fn(usize, usize) -> bool| {
        (1..shown.len()).fold(0, |best, i| {
            if better(len(&shown[i]), len(&shown[best])) {
                i
            } else {
                best
            }
        })
    };
    match policy {
        Policy::Last => shown.len() - 1,
        Policy::Longest => by(|a, b| a > b),
        Policy::Shortest => by(|a, b| a < b),
        _ => 0,
    }
}

/// A degenerate policy: answers by position or length, at its own timing.
fn run_degenerate(session: &mut Session, policy: Policy) {
    if policy == Policy::Silent {
        session.run_out();
        return;
    }
    while !session.is_over() {
        if policy == Policy::Instant {
            if session.offered().is_empty() {
                match session.time_to_turn() {
                    Some(_) => {
                        let next = session.phase().end().unwrap_or(session.now_ms() + 100);
                        session.advance_to(next.max(session.now_ms() + 1));
                    }
                    None => session.run_out(),
                }
                continue;
            }
            // The moment the words stop: the end of the line being said, before
            // any pause the customer takes in the middle of a vent.
            if let Some((line, _)) = session.speaking()
                && line.end_ms > session.now_ms()
            {
                let end = line.end_ms;
                session.advance_to(end);
                continue;
            }
        } else {
            // As `--choices` does: one natural pause after the customer stops.
            match session.time_to_turn() {
                Some(ms) => session.advance_ms(ms + super::TURN_PAUSE_MS),
                None => {
                    session.run_out();
                    break;
                }
            }
        }
        let shown = session.offered();
        if shown.is_empty() {
            session.advance_ms(100);
            continue;
        }
        let id = shown[pick(policy, &shown)].id.clone();
        if session.act(Action::Choose { choice: id }).is_err() {
            session.advance_ms(100);
        }
    }
}

/// Plays the session to its end as `policy` would.
pub fn run(session: &mut Session, policy: Policy, seed: u64) {
    if Policy::DEGENERATE.contains(&policy) {
        run_degenerate(session, policy);
        return;
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ POLICY_STREAM);
    let patience_ms = (session.scenario().persona.patience_s * 1000.0) as u64;
    // A random trainee acts at any moment; a nervous one answers quickly (a fifth
    // of a second to two seconds after the customer stops), seldom cuts in, and
    // says はい now and then.
    let (interrupt_p, listen_p, min_pause, max_pause) = match policy {
        Policy::Plausible => (0.05, 0.10, 200, 2_000),
        _ => (0.15, 0.10, 0, patience_ms * 3 / 2),
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
            Policy::Plausible => {
                let weights: Vec<f64> = offered.iter().map(|c| nervous_weight(c)).collect();
                let mut x = rng.random::<f64>() * weights.iter().sum::<f64>();
                weights
                    .iter()
                    .position(|w| {
                        x -= w;
                        x <= 0.0
                    })
                    .unwrap_or(offered.len() - 1)
            }
            _ => rng.random_range(0..offered.len()),
        };
        let id = offered[pick].id.clone();
        // Offered a moment ago, so this cannot be refused; if it were, time moves on.
        if session.act(Action::Choose { choice: id }).is_err() {
            session.advance_ms(100);
        }
    }
}
