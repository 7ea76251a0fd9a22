//! Japanese input that survives an IME (MS-IME, Google 日本語入力) on Windows.
//!
//! While an IME composes, Windows still delivers the keys it consumed, and winit
//! 0.30 passes them on as `KeyboardInput` whose logical key is
//! `NamedKey::Process` (`VK_PROCESSKEY`; winit issue 4508); their releases carry
//! the original logical key. egui-winit drops both (`State::
//! try_on_ime_processed_keyboard_input`), but bevy_egui 0.42 does not: for a
//! `Process` key `bevy_to_egui_key` finds nothing and `write_keyboard_input_
//! messages_system` falls back to the physical key. So the Enter that confirms a
//! conversion reaches egui as a real Enter, which ends a one-line field and drops
//! its focus; the digits and the Space typed next reach the app's own keys and
//! answer the customer or say はい.
//!
//! The fix sits where the keys enter the app, before both readers (Bevy's
//! `ButtonInput` and bevy_egui): a key the IME consumed, and the release of the
//! same physical key, are made unidentifiable, so neither egui nor a call key can
//! take it for Enter, a digit or Space. The text itself arrives as `Ime::Commit`,
//! which bevy_egui passes on untouched. `docs/ime.md` says what was tested here
//! and what a pilot must check on Windows.

use bevy::input::InputSystems;
use bevy::input::keyboard::{Key, KeyboardInput, NativeKey, NativeKeyCode};
use bevy::platform::collections::HashSet;
use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(PreUpdate, drop_ime_keys.before(InputSystems));
}

/// Neutralises the keys an IME consumed, and their releases.
pub fn drop_ime_keys(
    mut keys: MessageMutator<KeyboardInput>,
    mut consumed: Local<HashSet<KeyCode>>,
) {
    for key in keys.read() {
        if key.logical_key == Key::Process {
            if key.state.is_pressed() {
                consumed.insert(key.key_code);
            }
            neutralise(key);
        } else if !key.state.is_pressed() && consumed.remove(&key.key_code) {
            neutralise(key);
        }
    }
}

fn neutralise(key: &mut KeyboardInput) {
    key.key_code = KeyCode::Unidentified(NativeKeyCode::Unidentified);
    key.logical_key = Key::Unidentified(NativeKey::Unidentified);
    key.text = None;
}

#[cfg(test)]
mod tests;
