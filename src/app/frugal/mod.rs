//! Frugal when idle: the window is redrawn only when something changes.
//!
//! Winit runs in reactive mode with a fixed, long wait; screens that animate
//! (the call) ask for their next frame through [`Pace`], which an alarm thread
//! turns into a wake-up at that moment (see `alarm`). Out of the box an empty bevy_egui 0.42 window never sleeps:
//! bevy_egui pushes `egui::Event::ModifiersChanged` into egui's input on every
//! frame, even when no modifier changed. egui counts any input event as a reason
//! to repaint (`InputState::wants_repaint_after` → `request_repaint`), its repaint
//! callback then fires on the next pass, and bevy_egui's callback answers with a
//! `WinitUserEvent::WakeUp` (and `process_output_system` with a `RequestRedraw`),
//! which runs the next frame, which pushes the event again: a loop at full speed.
//! [`modifiers::drop_repeated`] removes the event when the modifiers are the same
//! as last time, which breaks the loop. The style (see `theme::style`) also
//! avoids egui's delayed repaints (cursor blink, tooltip delay), which bevy_egui
//! treats as immediate ones.
//!
//! A second loop appears when the call is paused: Bevy clears its message
//! queues only after a fixed-timestep pass, and none runs while `Time<Virtual>`
//! is paused, so one `RequestRedraw` stays queued and bevy_winit, which reads the
//! whole queue each time, redraws forever. [`flush_messages_while_paused`] gives
//! the signal a fixed pass would give.
//!
//! And one frame too few: a glyph drawn for the first time reaches the GPU
//! texture a frame after the text that uses it, so a clock that draws a new
//! digit once a second would show a gap for that second. [`redraw_new_glyphs`]
//! asks for the one more frame.

pub mod alarm;
pub mod modifiers;

use std::time::Duration;

use bevy::ecs::message::{MessageRegistry, ShouldUpdateMessages};
use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy::winit::{UpdateMode, WinitSettings};
use bevy_egui::{EguiInputSet, EguiPostUpdateSet, EguiPreUpdateSet, EguiRenderOutput};

use self::alarm::Alarm;

/// How long a window with nothing to show waits before an update of its own.
/// Long, but finite: winit keeps a past deadline otherwise.
pub const IDLE_WAIT: Duration = Duration::from_secs(3600);

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(settings())
        .init_resource::<Pace>()
        .add_systems(Startup, alarm::start)
        .add_systems(
            PreUpdate,
            modifiers::drop_repeated
                .after(EguiInputSet::WriteEguiEvents)
                .before(EguiPreUpdateSet::BeginPass),
        )
        .add_systems(
            PostUpdate,
            redraw_new_glyphs
                .after(EguiPostUpdateSet::ProcessOutput)
                .before(EguiPostUpdateSet::PostProcessOutput),
        )
        .add_systems(Last, (apply, flush_messages_while_paused));
}

/// New font-atlas pixels this frame show only in the next: draw it.
pub fn redraw_new_glyphs(
    outputs: Query<&EguiRenderOutput>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    if outputs.iter().any(|o| !o.textures_delta.set.is_empty()) {
        redraw.write(RequestRedraw);
    }
}

/// While virtual time is paused no fixed pass runs, so messages would never be
/// cleared; signal the update that a fixed pass would signal.
pub fn flush_messages_while_paused(
    time: Res<Time<Virtual>>,
    registry: Option<ResMut<MessageRegistry>>,
) {
    if let Some(mut registry) = registry
        && time.is_paused()
    {
        registry.should_update = ShouldUpdateMessages::Ready;
    }
}

/// How often the current screen needs a frame without any input. `None`: only
/// on input and window events.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq)]
pub struct Pace(pub Option<Duration>);

/// Reactive, the same whether the window has focus or not (a call goes on while
/// the trainee looks elsewhere), and never changed: bevy_winit redraws at once
/// whenever these settings change.
pub fn settings() -> WinitSettings {
    let mode = UpdateMode::reactive(IDLE_WAIT);
    WinitSettings {
        focused_mode: mode,
        unfocused_mode: mode,
    }
}

/// Sets the alarm for the frame the current screen asked for.
fn apply(pace: Res<Pace>, alarm: Option<Res<Alarm>>) {
    if let Some(alarm) = alarm {
        alarm.set(alarm::after(pace.0));
    }
}
