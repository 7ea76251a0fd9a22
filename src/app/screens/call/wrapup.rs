//! After the call (後処理): the trainee may still finish the memo and the
//! handoff form; then the session is finished by the engine, its report built,
//! and the debrief shown, where the records keep it (`app/records/keep.rs`).
//! A replay or an author-mode trial is not kept.

use std::sync::Arc;

use bevy::prelude::*;
use claim_dojo_core::Scenario;
use claim_dojo_core::report::Report;
use claim_dojo_records::{SessionId, StoreError};
use jiff::Timestamp;

use super::Call;
use crate::app::screens::Screen;
use crate::app::screens::what_if::WhatIf;

/// A finished session, for the debrief.
#[derive(Resource, Debug, Clone)]
pub struct Finished {
    pub report: Report,
    /// The exact version that was played, for replays and the debrief's words.
    pub scenario: Arc<Scenario>,
    pub saved: Saved,
    /// When the call started and ended, by the wall clock.
    pub started_at: Timestamp,
    pub ended_at: Timestamp,
    /// Set when this call restarted another at one of its turns.
    pub what_if: Option<WhatIf>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Saved {
    /// In the records, with its id there.
    Kept(SessionId),
    /// To be saved when the debrief opens.
    Pending,
    /// Not saved (the disk is full, the folder read-only…): the debrief says
    /// why and offers to save again or to export the report.
    Failed(StoreError),
    /// A replay or an author's trial: nothing new to keep.
    NotKept,
}

/// Ends the call for the debrief: flushes the memo, lets the engine conclude
/// and builds the report; a live call is marked to be kept.
pub fn finish(call: &mut Call) -> Finished {
    let live = call.is_live();
    if live {
        call.memo.flush(&mut call.session);
    }
    let card = call.session.finish();
    let report = Report::build(&call.session, &card);
    let saved = if live && !call.jumped {
        Saved::Pending
    } else {
        Saved::NotKept
    };
    Finished {
        report,
        scenario: Arc::clone(call.session.scenario()),
        saved,
        started_at: call.started_at,
        ended_at: Timestamp::now(),
        what_if: call.what_if.clone(),
    }
}

pub fn conclude(
    call: Option<ResMut<Call>>,
    previous: Option<Res<Finished>>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) {
    let Some(mut call) = call else { return };
    if !call.done {
        return;
    }
    call.done = false;
    if !call.session.is_over() {
        return;
    }
    let finished = finish(&mut call);
    if call.is_live() || previous.is_none() {
        commands.insert_resource(finished);
    }
    next.set(Screen::Debrief);
}
