//! The thermometer's state: the value it shows, easing towards the engine's
//! anger so a jump is seen as a movement, the last jump, and the level word.

use std::time::Duration;

use bevy_egui::egui::Color32;
use claim_dojo_core::scenario::Persona;
use claim_dojo_core::session::Event;

use crate::app::locale::Tr;
use crate::app::theme::palette;

/// How long (call time) the last jump stays written beside the bar.
const JOLT_MS: u64 = 2_500;
/// Time constant of the easing, in seconds.
const EASE_S: f32 = 0.15;

/// What the thermometer shows, and the last jump.
#[derive(Debug, Clone, Copy)]
pub struct Gauge {
    pub shown: f64,
    pub jolt: Option<(f64, u64)>,
    target: f64,
}

impl Gauge {
    pub fn new(anger: f64) -> Gauge {
        Gauge {
            shown: anger,
            jolt: None,
            target: anger,
        }
    }

    pub fn follow(&mut self, events: &[Event], anger: f64, now_ms: u64, dt: Duration) {
        for e in events {
            if let Event::AngerChanged(c) = e {
                self.jolt = Some((c.to - c.from, c.at_ms));
            }
        }
        self.target = anger;
        let k = 1.0 - (-dt.as_secs_f32() / EASE_S).exp();
        self.shown += (self.target - self.shown) * f64::from(k);
        if (self.target - self.shown).abs() < 0.5 {
            self.shown = self.target;
        }
        if self.jolt.is_some_and(|(_, at)| now_ms > at + JOLT_MS) {
            self.jolt = None;
        }
    }

    /// Still easing towards the engine's value: the call needs frames.
    pub fn is_moving(&self) -> bool {
        self.shown != self.target
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Calm,
    Dissatisfied,
    Angry,
    Furious,
}

impl Level {
    /// Calm below the calm band's edge; above it, thirds of the way to hang-up.
    pub fn of(anger: f64, p: &Persona) -> Level {
        if anger < p.calm_below {
            return Level::Calm;
        }
        let t = (anger - p.calm_below) / (p.hang_up_at - p.calm_below).max(1.0);
        if t < 1.0 / 3.0 {
            Level::Dissatisfied
        } else if t < 2.0 / 3.0 {
            Level::Angry
        } else {
            Level::Furious
        }
    }

    pub fn colour(self) -> Color32 {
        match self {
            Level::Calm => palette::ANGER_CALM,
            Level::Dissatisfied => palette::ANGER_DISSATISFIED,
            Level::Angry => palette::ANGER_ANGRY,
            Level::Furious => palette::ANGER_FURIOUS,
        }
    }

    /// The level's word is written in this colour: the bar's own colours are
    /// too light to read as text.
    pub fn text_colour(self) -> Color32 {
        match self {
            Level::Calm => palette::GOOD,
            Level::Dissatisfied => palette::CAUTION,
            Level::Angry => palette::ANGER_ANGRY_TEXT,
            Level::Furious => palette::ANGER_FURIOUS,
        }
    }

    pub fn word(self, tr: &Tr) -> String {
        match self {
            Level::Calm => tr.text("anger-calm"),
            Level::Dissatisfied => tr.text("anger-dissatisfied"),
            Level::Angry => tr.text("anger-angry"),
            Level::Furious => tr.text("anger-furious"),
        }
    }
}
