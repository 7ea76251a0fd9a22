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
use bevy::window::{PrimaryWindow, WindowPlugin};
use bevy_egui::{EguiGlobalSettings, EguiPlugin, PrimaryEguiContext};
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
    app_with(scenarios, data, settings, |_| {})
}

/// `app`, with `setup` run before the app's plugins (to give it resources it
/// would otherwise read from the environment).
pub fn app_with(
    scenarios: &Path,
    data: &Path,
    settings: Settings,
    setup: impl FnOnce(&mut App),
) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, InputPlugin))
        .insert_resource(TimeUpdateStrategy::ManualDuration(FRAME));
    setup(&mut app);
    app.add_plugins(super::plugin(
        settings,
        Paths::under(data, scenarios),
        Texts::load(),
    ));
    app.update();
    app.update();
    app
}

/// The app with bevy_egui's input and passes, a window entity and no renderer:
/// key and IME messages go through bevy_egui to egui as a window would send
/// them, and the screens draw into a real egui context. `ime` adds the app's
/// IME key filter, as `run` does.
pub fn egui_app(scenarios: &Path, data: &Path, settings: Settings, ime: bool) -> (App, Entity) {
    let mut app = App::new();
    app.add_plugins((
        MinimalPlugins,
        StatesPlugin,
        InputPlugin,
        WindowPlugin {
            primary_window: None,
            ..default()
        },
    ))
    .insert_resource(TimeUpdateStrategy::ManualDuration(FRAME))
    // What bevy_egui's render half expects from the asset and render plugins.
    .init_resource::<Assets<Image>>()
    .init_resource::<Assets<bevy::shader::Shader>>()
    .add_message::<AssetEvent<Image>>()
    .add_plugins(EguiPlugin::default())
    .insert_resource(EguiGlobalSettings {
        auto_create_primary_context: false,
        ..default()
    })
    .add_plugins(super::plugin(
        settings,
        Paths::under(data, scenarios),
        Texts::load(),
    ));
    if ime {
        app.add_plugins(super::ime::plugin);
    }
    // Without a renderer no camera measures the window; egui is given its size.
    app.add_systems(
        PostUpdate,
        window_size.before(bevy_egui::EguiPostUpdateSet::EndPass),
    );
    let window = app
        .world_mut()
        .spawn((Window::default(), PrimaryWindow))
        .id();
    // bevy_egui feeds input only to contexts on a camera.
    app.world_mut().spawn((
        Camera2d,
        bevy::camera::RenderTarget::Window(bevy::window::WindowRef::Primary),
        PrimaryEguiContext,
    ));
    app.update();
    app.update();
    (app, window)
}

fn window_size(
    windows: Query<&Window, With<PrimaryWindow>>,
    mut inputs: Query<&mut bevy_egui::EguiInput>,
) {
    let Ok(w) = windows.single() else { return };
    for mut input in &mut inputs {
        input.0.screen_rect = Some(bevy_egui::egui::Rect::from_min_size(
            bevy_egui::egui::Pos2::ZERO,
            bevy_egui::egui::vec2(w.width(), w.height()),
        ));
    }
}

/// One key press and release sent to `window`, with its logical key, each in
/// its own frame.
pub fn press_in(app: &mut App, window: Entity, code: KeyCode, logical: Key) {
    for state in [ButtonState::Pressed, ButtonState::Released] {
        app.world_mut().write_message(KeyboardInput {
            key_code: code,
            logical_key: logical.clone(),
            state,
            text: None,
            repeat: false,
            window,
        });
        app.update();
    }
}

/// Starts the fixture `late-parcel` as the menu would, and waits for the call screen.
pub fn start_call(app: &mut App) {
    assert!(until(app, 5, |w| w
        .resource::<super::library::Library>()
        .playable()
        .count()
        >= 2));
    super::screens::menu::begin(
        app.world()
            .resource::<super::library::Library>()
            .get("late-parcel")
            .unwrap(),
        &mut app.world_mut().commands(),
        &mut NextState::default(),
    );
    app.world_mut()
        .resource_mut::<NextState<super::screens::Screen>>()
        .set(super::screens::Screen::Call);
    app.update();
    app.update();
    assert_eq!(screen(app), super::screens::Screen::Call);
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

/// What a screen drew in a plain egui context of `size` points, with the app's
/// fonts and style: the layout facts and every text, from the third pass (the
/// fonts arrive in the second, scroll areas settle in the third).
pub struct Drawn {
    pub facts: super::theme::overflow::Facts,
    pub texts: Vec<String>,
    pub accesskit: Option<bevy_egui::egui::accesskit::TreeUpdate>,
}

impl Drawn {
    pub fn has(&self, text: &str) -> bool {
        self.texts.iter().any(|t| t.contains(text))
    }
}

pub fn draw_at(
    size: [f32; 2],
    accesskit: bool,
    mut draw: impl FnMut(&bevy_egui::egui::Context),
) -> Drawn {
    use bevy_egui::egui::{self, epaint::Shape};
    let ctx = egui::Context::default();
    super::theme::fonts::install(&ctx);
    super::theme::style::install(&ctx);
    if accesskit {
        ctx.enable_accesskit();
    }
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(size[0], size[1]));
    let mut out = None;
    for _ in 0..3 {
        let input = egui::RawInput {
            screen_rect: Some(screen),
            ..Default::default()
        };
        let mut o = ctx.run_ui(input, |ui| draw(&ui.ctx().clone()));
        o.textures_delta.clear();
        out = Some(o);
    }
    let out = out.expect("three passes");
    fn texts(shape: &Shape, into: &mut Vec<String>) {
        match shape {
            Shape::Vec(v) => v.iter().for_each(|s| texts(s, into)),
            Shape::Text(t) => into.push(t.galley.job.text.clone()),
            _ => {}
        }
    }
    let mut all = Vec::new();
    for s in &out.shapes {
        texts(&s.shape, &mut all);
    }
    Drawn {
        facts: super::theme::overflow::facts(&out.shapes, screen),
        texts: all,
        accesskit: out.platform_output.accesskit_update,
    }
}
