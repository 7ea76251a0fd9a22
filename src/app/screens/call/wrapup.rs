//! After the call (後処理): the trainee may still finish the memo and the
//! handoff form; then the session is finished by the engine, its report built
//! and saved, and the debrief shown. A replay or an author-mode trial is not saved.

use std::path::PathBuf;
use std::sync::Arc;

use bevy::prelude::*;
use claim_dojo_core::Scenario;
use claim_dojo_core::report::Report;

use super::Call;
use crate::app::paths::Paths;
use crate::app::results;
use crate::app::screens::Screen;

/// A finished session, for the debrief.
#[derive(Resource, Debug, Clone)]
pub struct Finished {
    pub report: Report,
    /// The exact version that was played, for replays and the debrief's words.
    pub scenario: Arc<Scenario>,
    pub saved: Saved,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Saved {
    To(PathBuf),
    Failed(String),
    /// A replay or an author's trial: nothing new to keep.
    NotKept,
}

/// Ends the call for the debrief: flushes the memo, lets the engine conclude,
/// builds the report and saves it.
pub fn finish(call: &mut Call, results_dir: &std::path::Path) -> Finished {
    let live = call.is_live();
    if live {
        call.memo.flush(&mut call.session);
    }
    let card = call.session.finish();
    let report = Report::build(&call.session, &card);
    let saved = if live && !call.jumped {
        match results::save(results_dir, &report) {
            Ok(path) => {
                info!("report saved: {}", path.display());
                Saved::To(path)
            }
            Err(e) => {
                warn!("report not saved: {e}");
                Saved::Failed(e)
            }
        }
    } else {
        Saved::NotKept
    };
    Finished {
        report,
        scenario: Arc::clone(call.session.scenario()),
        saved,
    }
}

pub fn conclude(
    call: Option<ResMut<Call>>,
    paths: Res<Paths>,
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
    let finished = finish(&mut call, &paths.results);
    if call.is_live() || previous.is_none() {
        commands.insert_resource(finished);
    }
    next.set(Screen::Debrief);
}
