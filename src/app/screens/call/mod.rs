//! The call: the session on the app's virtual clock (pause and text speed are
//! virtual-time settings), the trainee's answers by mouse and keys, and what the
//! trainee sees and hears. The session (the core) judges everything; this folder
//! only feeds it time and actions and draws what it tells.

mod choices;
mod clock;
mod customer;
mod drive;
mod gauge;
mod handoff;
mod keys;
mod memo;
mod pause;
pub mod replay;
mod thermometer;
mod transcript;
mod view;
mod wrapup;

#[cfg(test)]
mod tests;

use std::sync::Arc;

use bevy::prelude::*;
use claim_dojo_core::Scenario;
use claim_dojo_core::session::{Action, Session};

use super::{CallRequest, Screen};
use crate::app::settings::Settings;

pub use wrapup::{Finished, Saved};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<FocusRequest>()
        .init_resource::<FocusHeld>()
        .add_systems(OnEnter(Screen::Call), drive::enter)
        .add_systems(OnExit(Screen::Call), drive::exit)
        .add_systems(
            Update,
            (drive::advance, keys::keys, wrapup::conclude)
                .chain()
                .run_if(in_state(Screen::Call)),
        )
        .add_systems(Last, drive::pace.run_if(in_state(Screen::Call)))
        .add_systems(
            bevy_egui::EguiPrimaryContextPass,
            view::draw.run_if(in_state(Screen::Call).and_then(crate::app::theme::ready)),
        );
}

/// The call in progress; exists only on the call screen.
#[derive(Resource)]
pub struct Call {
    pub session: Session,
    /// Set when watching a finished session again: its actions, still to come.
    pub replay: Option<replay::Feed>,
    pub shows_thermometer: bool,
    pub paused: bool,
    pub memo: memo::Pad,
    pub brief: handoff::Form,
    pub gauge: gauge::Gauge,
    /// Author mode moved the call to another node: it is a trial, not a session to keep.
    pub jumped: bool,
    /// The trainee asked to go on to the debrief.
    pub done: bool,
    /// On a takeover: the first handler's record is shown instead of the transcript.
    pub show_record: bool,
    /// The end of the call has been shown (and logged) once.
    pub announced: bool,
    /// The first frame's time was spent before the call.
    fresh: bool,
    /// When the call started, by the wall clock (for the records).
    pub started_at: jiff::Timestamp,
    /// Set when the call restarts a saved one at one of its turns.
    pub what_if: Option<super::what_if::WhatIf>,
}

impl Call {
    pub fn new(request: &CallRequest, settings: &Settings) -> Call {
        let scenario: &Arc<Scenario> = &request.scenario;
        let session = match &request.what_if {
            Some(w) => w.resume(scenario, request.seed),
            None => Session::new(Arc::clone(scenario), request.seed),
        };
        Call {
            gauge: gauge::Gauge::new(session.anger()),
            session,
            replay: request.replay.as_ref().map(replay::Feed::new),
            shows_thermometer: settings.thermometer.shows(scenario),
            paused: false,
            memo: memo::Pad::default(),
            brief: handoff::Form::default(),
            jumped: false,
            done: false,
            show_record: false,
            announced: false,
            fresh: true,
            started_at: jiff::Timestamp::now(),
            what_if: request.what_if.clone(),
        }
    }

    pub fn is_live(&self) -> bool {
        self.replay.is_none()
    }

    /// Says the offered choice at `index` (the key `index + 1`). Said while the
    /// customer speaks, it interrupts: the engine decides what that costs.
    pub fn say(&mut self, index: usize) -> bool {
        if !self.is_live() || self.paused {
            return false;
        }
        let Some(id) = self.session.offered().get(index).map(|c| c.id.clone()) else {
            return false;
        };
        self.session.act(Action::Choose { choice: id }).is_ok()
    }

    /// A back-channel (はい).
    pub fn listen(&mut self) -> bool {
        self.is_live() && !self.paused && self.session.act(Action::Listen).is_ok()
    }
}

/// Some widget (a field, or a button reached with Tab) had the keyboard's focus
/// in the last frame drawn: Space and Enter then belong to it, not to the call.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct FocusHeld(pub bool);

/// A text field the keyboard asked to focus; the view hands it to egui.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum FocusRequest {
    #[default]
    None,
    Memo,
    Handoff,
}
