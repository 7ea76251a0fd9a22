//! Where the debrief leads: retry (a new call of the newest good version of
//! the scenario), replay (the same seed and actions, watched), or the menu.

use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;
use claim_dojo_core::play::Recording;

use crate::app::library::Library;
use crate::app::screens::call::Finished;
use crate::app::screens::{CallRequest, Screen};

pub enum Next {
    Retry,
    Replay,
    Menu,
}

/// The finished session is kept through its replays, and dropped at the menu.
pub fn forget(mut commands: Commands) {
    commands.remove_resource::<Finished>();
}

pub fn go(
    to: Next,
    finished: &Finished,
    library: &Library,
    commands: &mut Commands,
    next: &mut NextState<Screen>,
) {
    match to {
        Next::Retry => {
            let scenario = library
                .get(&finished.report.scenario)
                .unwrap_or_else(|| finished.scenario.clone());
            let request = CallRequest::live(scenario);
            next.set(request.first_screen());
            commands.insert_resource(request);
        }
        Next::Replay => {
            let r = &finished.report;
            let recording = Recording {
                scenario: r.scenario.clone(),
                seed: r.seed,
                actions: r.actions.clone(),
            };
            commands.insert_resource(CallRequest {
                scenario: finished.scenario.clone(),
                seed: r.seed,
                replay: Some(recording),
                what_if: None,
            });
            next.set(Screen::Call);
        }
        Next::Menu => next.set(Screen::Menu),
    }
}

pub fn keys(
    keys: Res<ButtonInput<KeyCode>>,
    wants: Option<Res<EguiWantsInput>>,
    finished: Option<Res<Finished>>,
    library: Res<Library>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) {
    if wants.is_some_and(|w| w.wants_keyboard_input()) {
        return;
    }
    let Some(finished) = finished else { return };
    let to = if keys.just_pressed(KeyCode::KeyR) {
        Next::Retry
    } else if keys.just_pressed(KeyCode::KeyW) {
        Next::Replay
    } else if keys.just_pressed(KeyCode::Escape) || keys.just_pressed(KeyCode::KeyM) {
        Next::Menu
    } else {
        return;
    };
    go(to, &finished, &library, &mut commands, &mut next);
}
