//! Keeping a finished session: saved to the records when the debrief opens,
//! for the trainee practising, with the scenario file's hash and, for a
//! what-if, the session it restarted. A save that fails (a full disk, a
//! read-only folder) leaves the session on the debrief, which offers to save
//! it again or to export its report as a JSON file, written whole or not at all.
//! Saving again first opens the records if they could not be opened at start
//! (a folder read-only then may be writable now).

use std::path::PathBuf;

use bevy::prelude::*;
use claim_dojo_records::{NewSession, Source, StoreCode, StoreError, WhatIfOf, atomic};

use super::{Practising, Records};
use crate::app::library::Library;
use crate::app::paths::Paths;
use crate::app::screens::call::{Finished, Saved};
use crate::app::settings::SettingsFile;

/// What the debrief asked for.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeepRequest {
    SaveAgain,
    Export,
}

/// The last export of the debrief's report: where, or why not.
#[derive(Resource, Debug, Clone, PartialEq)]
pub struct Exported(pub Result<PathBuf, String>);

pub fn keep_finished(
    finished: Option<ResMut<Finished>>,
    mut records: ResMut<Records>,
    practising: Res<Practising>,
    library: Res<Library>,
    mut commands: Commands,
) {
    commands.remove_resource::<Exported>();
    let Some(mut finished) = finished else { return };
    if finished.saved != Saved::Pending {
        return;
    }
    finished.saved = save(&finished, &records, &practising, &library);
    if matches!(finished.saved, Saved::Kept(_)) {
        records.refresh();
    }
}

/// Saves `finished` for the trainee practising.
pub fn save(
    finished: &Finished,
    records: &Records,
    practising: &Practising,
    library: &Library,
) -> Saved {
    let unavailable = || {
        records
            .problem
            .clone()
            .unwrap_or_else(|| StoreError::new(StoreCode::Open))
    };
    let Some(store) = &records.store else {
        return Saved::Failed(unavailable());
    };
    let Some(trainee) = &practising.trainee else {
        return Saved::Failed(unavailable());
    };
    let what_if = match &finished.what_if {
        None => None,
        Some(w) => match w.original {
            Some(session) => Some(WhatIfOf {
                session,
                at_action: w.at_action as u32,
            }),
            // Restarted from a session that was never kept: a trial, like its original.
            None => return Saved::NotKept,
        },
    };
    let json = finished.report.to_json();
    let new = NewSession {
        trainee: trainee.id,
        report_json: &json,
        scenario_hash: library.hash_of(&finished.scenario),
        started_at: finished.started_at,
        ended_at: finished.ended_at,
        what_if,
        source: Source::App,
    };
    match store.save_session(&new) {
        Ok(id) => {
            info!("session saved: {} in {}", id.0, store.path().display());
            Saved::Kept(id)
        }
        Err(e) => {
            warn!("session not saved: {e}");
            Saved::Failed(e)
        }
    }
}

/// Writes the report to `exports/<scenario>-<UTC time>-<seed>.json`.
pub fn export(finished: &Finished, dir: &std::path::Path) -> Result<PathBuf, String> {
    let stamp = finished.ended_at.strftime("%Y%m%d-%H%M%S");
    let name = format!(
        "{}-{stamp}-{}.json",
        finished.report.scenario, finished.report.seed
    );
    let path = dir.join(name);
    atomic::write(&path, format!("{}\n", finished.report.to_json()).as_bytes())
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path)
}

// A Bevy system: each resource it reads or changes is a parameter.
#[allow(clippy::too_many_arguments)]
pub fn handle(
    request: Res<KeepRequest>,
    finished: Option<ResMut<Finished>>,
    mut records: ResMut<Records>,
    mut practising: ResMut<Practising>,
    library: Res<Library>,
    paths: Res<Paths>,
    file: Res<SettingsFile>,
    mut commands: Commands,
) {
    commands.remove_resource::<KeepRequest>();
    let Some(mut finished) = finished else { return };
    match *request {
        KeepRequest::SaveAgain => {
            if matches!(finished.saved, Saved::Failed(_)) {
                if records.reopen(&paths.records) && practising.trainee.is_none() {
                    *practising = super::trainee::choose(&records, &file);
                }
                finished.saved = save(&finished, &records, &practising, &library);
                if matches!(finished.saved, Saved::Kept(_)) {
                    records.refresh();
                }
            }
        }
        KeepRequest::Export => {
            let done = export(&finished, &paths.exports);
            match &done {
                Ok(p) => info!("report exported: {}", p.display()),
                Err(e) => warn!("report not exported: {e}"),
            }
            commands.insert_resource(Exported(done));
        }
    }
}
