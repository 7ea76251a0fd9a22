//! The customer's voice in the app. `claim-dojo-voice` synthesises each line
//! ahead on a background thread (`ahead`) into the disk cache, from the menu and
//! the briefing on for the call about to start; when the engine
//! starts a line on the call clock, it is played from where the call is in it
//! (`play`), and stopped when the line is cut. The sound goes out on an audio
//! thread of its own (`output`), open only during a call. Without the
//! synthesiser or an audio device the calls run in text only and the menu says
//! why, once (`menu`). The engine's clock is never touched: headless play,
//! analysis and replays do not depend on any of this.

mod ahead;
pub mod menu;
pub mod output;
mod play;

#[cfg(test)]
mod tests;

use std::sync::Arc;

use bevy::prelude::*;
use claim_dojo_voice::{Synthesiser, VoiceError};

use crate::app::paths::Paths;
use crate::app::screens::Screen;
use crate::app::settings::Settings;

pub use ahead::Lines;
pub use output::AudioOut;

pub fn plugin(app: &mut App) {
    app.init_resource::<Lines>()
        .init_resource::<play::Voiced>()
        .add_systems(Startup, (start, output::start))
        .add_systems(Update, output::hear_probe)
        .add_systems(OnEnter(Screen::Call), play::enter)
        .add_systems(OnExit(Screen::Call), play::exit)
        .add_systems(
            Last,
            (ahead::collect, ahead::ask, play::follow)
                .chain()
                .run_if(in_state(Screen::Call).and_then(speaks)),
        )
        .add_systems(
            Last,
            (ahead::collect, ahead::ahead_of_call).chain().run_if(
                in_state(Screen::Menu)
                    .or_else(in_state(Screen::Briefing))
                    .and_then(speaks),
            ),
        );
}

/// Whether the app can speak, and if not, why.
#[derive(Resource, Default)]
pub struct VoiceStatus {
    pub synthesiser: Option<Result<Arc<Synthesiser>, VoiceError>>,
    /// `None` until the audio thread has tried the device.
    pub device: Option<Result<(), VoiceError>>,
}

impl VoiceStatus {
    /// Why calls run in text only, once that is known.
    pub fn text_only(&self) -> Option<&VoiceError> {
        match (&self.synthesiser, &self.device) {
            (Some(Err(e)), _) | (_, Some(Err(e))) => Some(e),
            _ => None,
        }
    }

    pub fn synthesiser(&self) -> Option<&Arc<Synthesiser>> {
        self.synthesiser.as_ref().and_then(|s| s.as_ref().ok())
    }
}

/// Finds the synthesiser (a look along `PATH` and at the dictionary, and the
/// voice file written to the cache once): quick enough for the first frame.
fn start(paths: Res<Paths>, mut commands: Commands) {
    let found = Synthesiser::find(&paths.cache).map(Arc::new);
    if let Err(e) = &found {
        warn!("voice: {e}");
    }
    commands.insert_resource(VoiceStatus {
        synthesiser: Some(found),
        device: None,
    });
}

/// The trainee wants the voice, the synthesiser is there and the device works.
fn speaks(settings: Res<Settings>, status: Option<Res<VoiceStatus>>) -> bool {
    can_speak(&settings, status.as_deref())
}

fn can_speak(settings: &Settings, status: Option<&VoiceStatus>) -> bool {
    settings.voice
        && status.is_some_and(|s| s.synthesiser().is_some() && matches!(s.device, Some(Ok(()))))
}
