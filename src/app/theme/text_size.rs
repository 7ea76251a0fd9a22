//! The text size (`Settings::text_size`), applied as egui's zoom so the whole
//! layout grows with the text, and changed with Ctrl + / Ctrl − / Ctrl 0 as in a
//! browser, on any screen, even while typing. The keys are read from Bevy's
//! input rather than left to egui, so the setting is kept between runs and the
//! keys work whether the layout puts + on its own key, on Shift + ; (JIS) or on
//! the numeric pad.

use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use crate::app::settings::{Settings, TextSize};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, keys)
        .add_systems(EguiPrimaryContextPass, apply.run_if(super::ready));
}

/// Reads the key messages in order, so a chord pressed and released within one
/// frame (as fast typing or a remote desktop sends it) is still a chord.
fn keys(
    mut messages: MessageReader<KeyboardInput>,
    mut ctrl: Local<bool>,
    mut settings: ResMut<Settings>,
) {
    for k in messages.read() {
        if matches!(
            k.key_code,
            KeyCode::ControlLeft | KeyCode::ControlRight | KeyCode::SuperLeft | KeyCode::SuperRight
        ) {
            *ctrl = k.state.is_pressed();
            continue;
        }
        if !*ctrl || !k.state.is_pressed() {
            continue;
        }
        let typed = |c: &str| k.logical_key == Key::Character(c.into());
        let size = settings.text_size;
        let new = if typed("+") || typed("=") || k.key_code == KeyCode::NumpadAdd {
            size.larger()
        } else if typed("-") || k.key_code == KeyCode::NumpadSubtract {
            size.smaller()
        } else if typed("0") || k.key_code == KeyCode::Numpad0 {
            TextSize::DEFAULT
        } else {
            continue;
        };
        if new != size {
            settings.text_size = new;
            info!("text size: {}%", new.0);
        }
    }
}

/// Gives egui the setting's zoom whenever they differ (at the first pass, and
/// after every change).
fn apply(mut contexts: EguiContexts, settings: Res<Settings>) -> Result {
    let ctx = contexts.ctx_mut()?;
    let want = settings.text_size.factor();
    if (ctx.zoom_factor() - want).abs() > f32::EPSILON {
        ctx.set_zoom_factor(want);
        ctx.request_repaint();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use bevy::input::ButtonState;
    use bevy::input::keyboard::{Key, KeyboardInput};
    use bevy::prelude::*;

    use crate::app::settings::{Settings, TextSize};
    use crate::app::testing::*;

    fn chord(app: &mut App, code: KeyCode, logical: Key) {
        let key = |code, logical, state| KeyboardInput {
            key_code: code,
            logical_key: logical,
            state,
            text: None,
            repeat: false,
            window: Entity::PLACEHOLDER,
        };
        let ctrl = Key::Control;
        app.world_mut().write_message(key(
            KeyCode::ControlLeft,
            ctrl.clone(),
            ButtonState::Pressed,
        ));
        app.world_mut()
            .write_message(key(code, logical.clone(), ButtonState::Pressed));
        app.update();
        app.world_mut()
            .write_message(key(code, logical, ButtonState::Released));
        app.world_mut()
            .write_message(key(KeyCode::ControlLeft, ctrl, ButtonState::Released));
        app.update();
    }

    #[test]
    fn ctrl_plus_and_minus_change_the_text_size_and_it_is_kept() {
        let data = scratch("text-size-keys");
        let mut app = app(&fixtures(), &data, japanese());
        let size = |app: &App| app.world().resource::<Settings>().text_size;
        // Shift + ; on a JIS keyboard, = on a US one, and the numeric pad.
        chord(&mut app, KeyCode::Semicolon, Key::Character("+".into()));
        chord(&mut app, KeyCode::Equal, Key::Character("=".into()));
        chord(&mut app, KeyCode::NumpadAdd, Key::Character("+".into()));
        assert_eq!(size(&app), TextSize(130));
        chord(&mut app, KeyCode::Minus, Key::Character("-".into()));
        assert_eq!(size(&app), TextSize(120));
        press(&mut app, KeyCode::Equal);
        assert_eq!(size(&app), TextSize(120), "= without Ctrl is not a zoom");
        let (kept, _) = Settings::restore(&data.join("settings.ron"), japanese(), false);
        assert_eq!(kept.text_size, TextSize(120));
        chord(&mut app, KeyCode::Digit0, Key::Character("0".into()));
        assert_eq!(size(&app), TextSize::DEFAULT);
    }
}
