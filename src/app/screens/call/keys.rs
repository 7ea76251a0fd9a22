//! The call by keyboard: 1–9 answer, Space is the back-channel, P or Esc pauses,
//! M and F jump into the memo and the handoff form, B shows the first handler's
//! record on a takeover, Enter goes on to the debrief once the call is over.
//! While a text field has focus, keys type into it; while a button reached with
//! Tab has it, Space and Enter press that button.

use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;

use super::{Call, CallRequest, FocusHeld, FocusRequest};
use crate::app::screens::Screen;

const DIGITS: [(KeyCode, KeyCode); 9] = [
    (KeyCode::Digit1, KeyCode::Numpad1),
    (KeyCode::Digit2, KeyCode::Numpad2),
    (KeyCode::Digit3, KeyCode::Numpad3),
    (KeyCode::Digit4, KeyCode::Numpad4),
    (KeyCode::Digit5, KeyCode::Numpad5),
    (KeyCode::Digit6, KeyCode::Numpad6),
    (KeyCode::Digit7, KeyCode::Numpad7),
    (KeyCode::Digit8, KeyCode::Numpad8),
    (KeyCode::Digit9, KeyCode::Numpad9),
];

#[allow(clippy::too_many_arguments)]
pub fn keys(
    keys: Res<ButtonInput<KeyCode>>,
    wants: Option<Res<EguiWantsInput>>,
    call: Option<ResMut<Call>>,
    mut focus: ResMut<FocusRequest>,
    held: Res<FocusHeld>,
    mut time: ResMut<Time<Virtual>>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) {
    let Some(mut call) = call else { return };
    if wants.is_some_and(|w| w.wants_keyboard_input()) {
        return;
    }
    let pressed = |k: KeyCode| keys.just_pressed(k);
    if call.paused {
        if pressed(KeyCode::KeyP) || pressed(KeyCode::Escape) {
            set_paused(&mut call, &mut time, false);
        } else if pressed(KeyCode::KeyR) && call.is_live() {
            restart(&call, &mut commands, &mut next);
        } else if pressed(KeyCode::KeyQ) {
            leave(&call, &mut next);
        }
        return;
    }
    if pressed(KeyCode::KeyP) || pressed(KeyCode::Escape) {
        if call.session.is_over() && !call.is_live() {
            call.done = true;
        } else {
            set_paused(&mut call, &mut time, true);
        }
        return;
    }
    if pressed(KeyCode::KeyB) && call.session.scenario().handoff.is_some() {
        call.show_record = !call.show_record;
    }
    if let Some(i) = DIGITS.iter().position(|(a, b)| pressed(*a) || pressed(*b)) {
        call.say(i);
    }
    if held.0 {
        return;
    }
    if call.session.is_over() && pressed(KeyCode::Enter) {
        call.done = true;
    }
    if pressed(KeyCode::Space) {
        call.listen();
    }
    if pressed(KeyCode::KeyM) && call.is_live() {
        *focus = FocusRequest::Memo;
    }
    if pressed(KeyCode::KeyF) && call.is_live() && call.session.has_handed_over() {
        *focus = FocusRequest::Handoff;
    }
}

pub fn set_paused(call: &mut Call, time: &mut Time<Virtual>, paused: bool) {
    call.paused = paused;
    if paused {
        time.pause();
    } else {
        time.unpause();
    }
}

/// The same scenario again, with a new seed; nothing of this call is kept.
pub fn restart(call: &Call, commands: &mut Commands, next: &mut NextState<Screen>) {
    let request = CallRequest::live(call.session.scenario().clone());
    next.set(request.first_screen());
    commands.insert_resource(request);
}

/// Out of the call without a report: to the menu, or back to the debrief from a replay.
pub fn leave(call: &Call, next: &mut NextState<Screen>) {
    next.set(if call.is_live() {
        Screen::Menu
    } else {
        Screen::Debrief
    });
}
