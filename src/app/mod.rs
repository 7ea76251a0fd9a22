//! The desktop app (Bevy + egui) on top of `claim-dojo-core`: one plugin per
//! screen or concern. It decides nothing about a call: the core's session judges,
//! the app feeds it time and the trainee's actions and draws what it tells.

pub mod author;
mod capture;
pub mod frugal;
pub mod library;
pub mod locale;
pub mod paths;
pub mod results;
pub mod screens;
pub mod settings;
pub mod theme;
pub mod voice;

#[cfg(test)]
mod testing;

use std::process::ExitCode;

use bevy::log::LogPlugin;
use bevy::prelude::*;
use bevy::window::WindowResolution;
use bevy_egui::EguiPlugin;
use claim_dojo_cli::AppLaunch;

use self::locale::Texts;
use self::paths::Paths;
use self::settings::Settings;

/// Opens the app and runs it until the window closes.
pub fn run(launch: AppLaunch) -> ExitCode {
    let texts = Texts::load();
    let mut paths = Paths::from_env();
    paths.scenarios = launch.scenarios.unwrap_or(paths.scenarios);
    paths.results = launch.results.unwrap_or(paths.results);
    let (settings, problem) = Settings::restore(
        &paths.settings,
        Settings::new(launch.lang),
        launch.lang_given,
    );
    let lang = settings.lang;
    if let Some(detail) = problem {
        eprintln!(
            "{}",
            texts
                .tr(lang)
                .args("error-settings-unreadable", &[("detail", &detail)])
        );
    }
    if let Some(problem) = no_display() {
        eprintln!(
            "{}",
            texts
                .tr(lang)
                .args("error-no-display", &[("detail", problem)])
        );
        return ExitCode::from(1);
    }
    let title = texts.tr(lang).text("app-name");
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title,
                    resolution: WindowResolution::new(1280, 720),
                    resize_constraints: WindowResizeConstraints {
                        min_width: 1024.0,
                        min_height: 640.0,
                        ..default()
                    },
                    ..default()
                }),
                ..default()
            })
            .set(LogPlugin {
                filter: "wgpu=error,naga=warn,bevy_render=warn,bevy_egui=error,winit=error".into(),
                ..default()
            }),
    )
    .add_plugins(EguiPlugin::default())
    .add_plugins(plugin(settings, paths, texts))
    .add_systems(Startup, |mut commands: Commands| {
        // No MSAA: egui draws its own anti-aliased edges, and on a software
        // renderer (llvmpipe) four samples a pixel cost more than the whole UI.
        commands.spawn((Camera2d, Msaa::Off));
    });
    match app.run() {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(code) => ExitCode::from(code.get()),
    }
}

/// Everything of ours, without the window: headless tests add it to `MinimalPlugins`.
pub fn plugin(settings: Settings, paths: Paths, texts: Texts) -> impl Fn(&mut App) {
    move |app: &mut App| {
        app.insert_resource(settings)
            .insert_resource(settings::SettingsFile::new(
                paths.settings.clone(),
                settings,
            ))
            .insert_resource(paths.clone())
            .insert_resource(texts.clone())
            .add_plugins((
                theme::plugin,
                frugal::plugin,
                library::plugin,
                screens::plugin,
                author::plugin,
                capture::plugin,
                settings::plugin,
                voice::plugin,
            ))
            .add_systems(
                Update,
                title
                    .run_if(resource_changed::<Settings>.or_else(state_changed::<screens::Screen>)),
            );
    }
}

/// The window's title follows the language.
fn title(settings: Res<Settings>, texts: Res<Texts>, mut windows: Query<&mut Window>) {
    let name = texts.tr(settings.lang).text("app-name");
    for mut w in &mut windows {
        if w.title != name {
            w.title = name.clone();
        }
    }
}

/// Why no window can be opened, if that is already clear (Linux without X11).
fn no_display() -> Option<&'static str> {
    let set = |k: &str| std::env::var_os(k).is_some_and(|v| !v.is_empty());
    (cfg!(target_os = "linux") && !set("DISPLAY") && !set("WAYLAND_DISPLAY")).then_some("DISPLAY")
}
