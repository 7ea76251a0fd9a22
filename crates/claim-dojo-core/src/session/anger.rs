//! The anger temperature over call time: jumps when something is said, a steady
//! climb while the customer is left waiting, and the curve the debrief draws.
//!
//! A climb is kept as a start and a base, never integrated step by step, so the
//! value at any moment is the same however the caller slices time into frames.

use crate::rules::{ChoiceRef, Effects};

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AngerCause {
    /// The trainee said a choice.
    Choice(ChoiceRef),
    /// A back-channel.
    Listen,
    /// The customer was left waiting past their patience.
    Waiting,
}

/// One change of anger with everything that made it, so a trainer can check the model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AngerChange {
    pub at_ms: u64,
    pub from: f64,
    pub to: f64,
    pub cause: AngerCause,
    /// The author's change for the choice (0 for other causes).
    pub authored: f64,
    /// The rules' effects, before volatility.
    pub effects: Effects,
    /// Seeded noise, before volatility.
    pub noise: f64,
}

#[derive(Debug, Clone)]
pub struct Anger {
    value: f64,
    /// Climbing since `.0` from `.1` at `.2` per millisecond.
    climb: Option<(u64, f64, f64)>,
    curve: Vec<(u64, f64)>,
}

impl Anger {
    pub fn new(start: f64) -> Anger {
        Anger {
            value: start.clamp(0.0, 100.0),
            climb: None,
            curve: vec![(0, start.clamp(0.0, 100.0))],
        }
    }

    pub fn at(&self, t: u64) -> f64 {
        match self.climb {
            Some((from, base, rate)) => (base + rate * t.saturating_sub(from) as f64).min(100.0),
            None => self.value,
        }
    }

    pub fn is_climbing(&self) -> bool {
        self.climb.is_some()
    }

    fn point(&mut self, t: u64, v: f64) {
        if self.curve.last() != Some(&(t, v)) {
            self.curve.push((t, v));
        }
    }

    /// Ends a climb at `t`, keeping the value it reached.
    pub fn stop_climb(&mut self, t: u64) {
        if self.climb.is_some() {
            self.value = self.at(t);
            self.climb = None;
            self.point(t, self.value);
        }
    }

    pub fn start_climb(&mut self, t: u64, per_second: f64) {
        self.stop_climb(t);
        self.point(t, self.value);
        self.climb = Some((t, self.value, per_second / 1000.0));
    }

    /// Changes anger at once by `delta`; returns (from, to).
    pub fn jump(&mut self, t: u64, delta: f64) -> (f64, f64) {
        let climbing = self.climb.map(|(_, _, rate)| rate);
        self.stop_climb(t);
        let from = self.value;
        self.point(t, from);
        self.value = (from + delta).clamp(0.0, 100.0);
        self.point(t, self.value);
        if let Some(rate) = climbing {
            self.climb = Some((t, self.value, rate));
        }
        (from, self.value)
    }

    /// When a running climb reaches `threshold`, if it does.
    pub fn reaches(&self, threshold: f64) -> Option<u64> {
        let (from, base, rate) = self.climb?;
        if base >= threshold {
            return Some(from);
        }
        (rate > 0.0).then(|| from + ((threshold - base) / rate).ceil() as u64)
    }

    /// The curve up to `t`, ending with the value at `t`.
    pub fn curve_until(&self, t: u64) -> Vec<(u64, f64)> {
        let mut c = self.curve.clone();
        if c.last().map(|p| p.0) != Some(t) || self.is_climbing() {
            c.push((t, self.at(t)));
        }
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_climb_gives_the_same_value_however_time_is_sliced() {
        let mut a = Anger::new(50.0);
        a.start_climb(1_000, 1.5);
        assert_eq!(a.at(3_000), 53.0);
        assert_eq!(a.reaches(80.0), Some(21_000));
        let (from, to) = a.jump(3_000, -10.0);
        assert_eq!((from, to), (53.0, 43.0));
        assert_eq!(a.at(5_000), 46.0, "the climb goes on from the new value");
        a.stop_climb(5_000);
        assert_eq!(a.at(60_000), 46.0);
    }

    #[test]
    fn anger_stays_within_0_and_100() {
        let mut a = Anger::new(95.0);
        assert_eq!(a.jump(0, 30.0).1, 100.0);
        assert_eq!(a.jump(0, -300.0).1, 0.0);
        a.start_climb(0, 1000.0);
        assert_eq!(a.at(1_000_000), 100.0);
    }
}
