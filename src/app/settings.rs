//! The trainee's settings: the language of every string, the thermometer (hard
//! mode hides it) and the text speed, which is the call's time scale.

use bevy::prelude::*;
use claim_dojo_core::Lang;
use claim_dojo_core::scenario::{Scenario, Thermometer};

#[derive(Resource, Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    pub lang: Lang,
    pub thermometer: ThermometerChoice,
    pub speed: TextSpeed,
}

impl Settings {
    pub fn new(lang: Lang) -> Settings {
        Settings {
            lang,
            thermometer: ThermometerChoice::AsScenario,
            speed: TextSpeed::Normal,
        }
    }

    pub fn other_lang(&self) -> Lang {
        match self.lang {
            Lang::Ja => Lang::En,
            Lang::En => Lang::Ja,
        }
    }
}

/// Whether the trainee sees the anger thermometer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThermometerChoice {
    /// The scenario's default (`thermometer: Hidden` makes it hard mode).
    AsScenario,
    Show,
    /// Hard mode: a real customer shows no number.
    Hide,
}

impl ThermometerChoice {
    pub const ALL: [ThermometerChoice; 3] = [
        ThermometerChoice::AsScenario,
        ThermometerChoice::Show,
        ThermometerChoice::Hide,
    ];

    pub fn shows(self, scenario: &Scenario) -> bool {
        match self {
            ThermometerChoice::AsScenario => scenario.thermometer == Thermometer::Shown,
            ThermometerChoice::Show => true,
            ThermometerChoice::Hide => false,
        }
    }

    pub fn next(self) -> ThermometerChoice {
        let i = Self::ALL.iter().position(|c| *c == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }
}

/// How fast the call runs against the wall clock. Scoring is in call time, so a
/// slower speed only gives more time to read and think.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextSpeed {
    Slow,
    Normal,
    Fast,
}

impl TextSpeed {
    pub const ALL: [TextSpeed; 3] = [TextSpeed::Slow, TextSpeed::Normal, TextSpeed::Fast];

    /// The relative speed of `Time<Virtual>` during a call.
    pub fn factor(self) -> f32 {
        match self {
            TextSpeed::Slow => 0.75,
            TextSpeed::Normal => 1.0,
            TextSpeed::Fast => 1.25,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            TextSpeed::Slow => "0.75×",
            TextSpeed::Normal => "1×",
            TextSpeed::Fast => "1.25×",
        }
    }

    pub fn next(self) -> TextSpeed {
        let i = Self::ALL.iter().position(|c| *c == self).unwrap_or(1);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }
}
