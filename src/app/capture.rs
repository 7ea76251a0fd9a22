//! F12 saves a screenshot of the window (for a trainer's notes, a bug report,
//! or the end-to-end test), named after the screen it shows.

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};
use bevy::window::RequestRedraw;

use crate::app::paths::Paths;
use crate::app::screens::Screen;

/// Frames to keep drawing while a screenshot is read back from the renderer.
const PATIENCE: u32 = 120;

pub(super) fn plugin(app: &mut App) {
    app.add_message::<RequestRedraw>()
        .init_resource::<Pending>()
        .add_systems(Update, (take, wait).chain());
}

/// A screenshot on its way to disk; the window keeps drawing until it lands.
#[derive(Resource, Default)]
struct Pending(Option<(PathBuf, u32)>);

fn take(
    keys: Res<ButtonInput<KeyCode>>,
    paths: Res<Paths>,
    screen: Res<State<Screen>>,
    mut pending: ResMut<Pending>,
    mut commands: Commands,
) {
    if !keys.just_pressed(KeyCode::F12) {
        return;
    }
    if let Err(e) = std::fs::create_dir_all(&paths.screenshots) {
        warn!("screenshot not taken: {}: {e}", paths.screenshots.display());
        return;
    }
    let name = format!(
        "claim-dojo-{}-{}.png",
        screen.get().name(),
        jiff::Timestamp::now().strftime("%Y%m%d-%H%M%S-%3f"),
    );
    let path = paths.screenshots.join(name);
    commands
        .spawn(Screenshot::primary_window())
        .observe(save_to_disk(path.clone()));
    pending.0 = Some((path, 0));
}

fn wait(mut pending: ResMut<Pending>, mut redraw: MessageWriter<RequestRedraw>) {
    let Some((path, frames)) = &mut pending.0 else {
        return;
    };
    *frames += 1;
    if path.exists() {
        info!("screenshot saved: {}", path.display());
        pending.0 = None;
    } else if *frames > PATIENCE {
        warn!("screenshot not saved: {}", path.display());
        pending.0 = None;
    } else {
        redraw.write(RequestRedraw);
    }
}
