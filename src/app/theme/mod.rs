//! The look of the app: a calm, office-like palette, the Japanese font, egui's
//! style, and the small widgets every screen is drawn with.

pub mod fonts;
pub mod overflow;
pub mod palette;
pub mod style;
pub mod text_size;
pub mod widgets;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(ClearColor(palette::bevy(palette::BACKGROUND)))
        .add_plugins((text_size::plugin, overflow::plugin))
        .add_systems(
            EguiPrimaryContextPass,
            install.run_if(not(resource_exists::<Installed>)),
        );
}

/// Present once fonts and style are in the egui context.
#[derive(Resource)]
pub struct Installed;

/// Screens draw only once the fonts are in: egui loads new fonts at the start
/// of its next pass, and a family it does not know yet would stop the pass.
pub fn ready(installed: Option<Res<Installed>>) -> bool {
    installed.is_some()
}

/// Fonts and style go into the context once, on the first pass it exists.
fn install(mut contexts: EguiContexts, mut commands: Commands) -> Result {
    let ctx = contexts.ctx_mut()?;
    fonts::install(ctx);
    style::install(ctx);
    ctx.request_repaint();
    commands.insert_resource(Installed);
    Ok(())
}
