//! The screens, one app state each: the menu, the handoff briefing, the call and
//! the debrief. Each screen is a plugin in its own file or folder.

pub mod briefing;
pub mod call;
pub mod debrief;
pub mod history;
pub mod menu;
pub mod what_if;

#[cfg(test)]
mod tests;

use std::sync::Arc;

use bevy::prelude::*;
use claim_dojo_core::Scenario;
use claim_dojo_core::play::Recording;
use claim_dojo_core::scenario::Role;

#[derive(States, Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Screen {
    #[default]
    Menu,
    Briefing,
    Call,
    Debrief,
    History,
}

impl Screen {
    pub fn name(self) -> &'static str {
        match self {
            Screen::Menu => "menu",
            Screen::Briefing => "briefing",
            Screen::Call => "call",
            Screen::Debrief => "debrief",
            Screen::History => "history",
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>()
        .add_plugins((
            menu::plugin,
            briefing::plugin,
            call::plugin,
            debrief::plugin,
            history::plugin,
        ))
        .add_systems(Update, log_screen.run_if(state_changed::<Screen>));
}

/// The call about to start: set by the menu, the debrief's retry and replay.
#[derive(Resource, Clone)]
pub struct CallRequest {
    pub scenario: Arc<Scenario>,
    pub seed: u64,
    /// Watch a finished session again instead of playing.
    pub replay: Option<Recording>,
    /// Restart a saved session at one of its turns, then play on live.
    pub what_if: Option<what_if::WhatIf>,
}

impl CallRequest {
    /// A new live call with a fresh seed.
    pub fn live(scenario: Arc<Scenario>) -> CallRequest {
        CallRequest {
            scenario,
            seed: fresh_seed(),
            replay: None,
            what_if: None,
        }
    }

    /// Where a live call starts: a supervisor reads the first handler's record first.
    pub fn first_screen(&self) -> Screen {
        if self.replay.is_none() && self.what_if.is_none() && self.scenario.role == Role::Secondary
        {
            Screen::Briefing
        } else {
            Screen::Call
        }
    }
}

/// A seed from the clock: every call differs, and the report records it.
pub fn fresh_seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(1);
    // splitmix64, so seeds taken close together are far apart.
    let mut z = nanos.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (z ^ (z >> 31)) % 1_000_000_000
}

/// The log says which screen is up: trainers' bug reports and the end-to-end test read it.
fn log_screen(screen: Res<State<Screen>>) {
    info!("screen: {}", screen.get().name());
}
