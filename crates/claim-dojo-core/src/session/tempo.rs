//! How long a line takes to say. The customer speaks at the persona's rate, a
//! little faster the angrier they are than when they called, slower as they calm
//! down; this is the one clock the app's voice is fitted to (`docs/voice.md`).

use crate::scenario::Scenario;

use super::transcript::LineRef;
use super::{MIN_LINE_MS, TRAINEE_CHARS_PER_S};

/// Change of the customer's speaking rate per point of anger above (or below)
/// their anger at the start of the call: 30 points angrier is 12 % faster.
pub const TEMPO_PER_POINT: f64 = 0.004;
/// The slowest a calmed-down customer gets, relative to the persona's rate.
pub const TEMPO_MIN: f64 = 0.85;
/// The fastest a furious customer gets, relative to the persona's rate.
pub const TEMPO_MAX: f64 = 1.2;

/// The customer's speaking rate at `anger`, relative to `chars_per_s`: 1 at the
/// anger they called with.
pub fn tempo(start_anger: f64, anger: f64) -> f64 {
    (1.0 + TEMPO_PER_POINT * (anger - start_anger)).clamp(TEMPO_MIN, TEMPO_MAX)
}

/// How long `line` takes to say, in milliseconds, when it starts at `anger`:
/// Japanese characters (white space not counted) at the speaker's rate, at least
/// `MIN_LINE_MS`. The trainee and someone other than the customer (a node with a
/// `speaker`) speak at a steady rate; a back-channel takes no time.
pub fn spoken_ms(scenario: &Scenario, line: LineRef, anger: f64) -> u64 {
    let ix = &scenario.index;
    let persona = &scenario.persona;
    let chars = f64::from(match line {
        LineRef::Listen => return 0,
        LineRef::Node(n) if ix.line_chars.len() > usize::from(n) => ix.line_chars[usize::from(n)],
        LineRef::Waiting(n, k) if ix.waiting_chars.len() > usize::from(n) => {
            ix.waiting_chars[usize::from(n)][usize::from(k)]
        }
        LineRef::Vent(n, k) if ix.vent_chars.len() > usize::from(n) => {
            ix.vent_chars[usize::from(n)][usize::from(k)]
        }
        LineRef::Choice(c) if ix.choice_chars.len() > usize::from(c.node) => {
            ix.choice_chars[usize::from(c.node)][usize::from(c.choice)]
        }
        _ => line.text(scenario).spoken_chars() as u32,
    });
    let rate = match line {
        LineRef::Choice(_) => TRAINEE_CHARS_PER_S,
        LineRef::Node(n) if scenario.nodes[usize::from(n)].speaker.is_some() => persona.chars_per_s,
        _ => persona.chars_per_s * tempo(persona.anger, anger),
    };
    (((chars / rate) * 1000.0).round() as u64).max(MIN_LINE_MS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_angrier_customer_speaks_faster_and_a_calmer_one_slower_within_bounds() {
        assert_eq!(tempo(60.0, 60.0), 1.0);
        assert!(tempo(60.0, 75.0) > 1.0);
        assert!(tempo(60.0, 45.0) < 1.0);
        assert_eq!(tempo(0.0, 100.0), TEMPO_MAX);
        assert_eq!(tempo(100.0, 0.0), TEMPO_MIN);
    }
}
