//! Headless tests of the real plugins: `MinimalPlugins` plus the app's own
//! plugins, time stepped by hand, and keys sent as the window would send them.

use std::path::{Path, PathBuf};
use std::time::Duration;

use bevy::input::ButtonState;
use bevy::input::InputPlugin;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::time::TimeUpdateStrategy;
use claim_dojo_core::Lang;

use super::locale::Texts;
use super::paths::Paths;
use super::settings::Settings;

/// Real time per `app.update()`.
pub const FRAME: Duration = Duration::from_millis(100);

/// The app's own test scenarios (`tests/fixtures/app/scenarios`).
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/app/scenarios")
}

/// A fresh folder under the system's temporary folder.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claim-dojo-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The app without a window, started and on the menu.
pub fn app(scenarios: &Path, data: &Path, settings: Settings) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, InputPlugin))
        .insert_resource(TimeUpdateStrategy::ManualDuration(FRAME))
        .add_plugins(super::plugin(
            settings,
            Paths::under(data, scenarios),
            Texts::load(),
        ));
    app.update();
    app.update();
    app
}

pub fn japanese() -> Settings {
    Settings::new(Lang::Ja)
}

/// One key press and release, each in its own frame, as a keyboard sends them.
pub fn press(app: &mut App, key: KeyCode) {
    for state in [ButtonState::Pressed, ButtonState::Released] {
        app.world_mut().write_message(KeyboardInput {
            key_code: key,
            logical_key: Key::Unidentified(bevy::input::keyboard::NativeKey::Unidentified),
            state,
            text: None,
            repeat: false,
            window: Entity::PLACEHOLDER,
        });
        app.update();
    }
}

/// Updates until `done` holds, at most `frames` times; returns whether it held.
pub fn until(app: &mut App, frames: usize, done: impl Fn(&World) -> bool) -> bool {
    for _ in 0..frames {
        if done(app.world()) {
            return true;
        }
        app.update();
    }
    done(app.world())
}

pub fn screen(app: &App) -> super::screens::Screen {
    *app.world()
        .resource::<State<super::screens::Screen>>()
        .get()
}
