//! The trainees' records in the app: the store opened at start (a damaged file
//! moved aside, and said on the menu), who is practising (remembered in the
//! settings), the old JSON results folder imported once, every finished
//! session saved with what it needs, and exports from the debrief. The SQL is
//! all in `claim-dojo-records`; this folder only asks it.

pub mod keep;
pub mod sending;
pub mod trainee;

#[cfg(test)]
mod tests;

use std::sync::Arc;

use bevy::prelude::*;
use claim_dojo_records::import::{ImportSummary, import_json_results};
use claim_dojo_records::{Store, StoreError, TraineeSummary};

use crate::app::paths::Paths;
use crate::app::screens::Screen;
use crate::app::settings::SettingsFile;

pub use trainee::Practising;

pub(super) fn plugin(app: &mut App) {
    if !app.world().contains_resource::<sending::LrsSetting>() {
        app.insert_resource(sending::LrsSetting::from_env());
    }
    app.init_resource::<sending::Outbox>()
        .add_systems(PreStartup, open)
        .add_systems(
            Update,
            sending::follow_saves.run_if(resource_exists_and_changed::<Records>),
        )
        .add_systems(OnEnter(Screen::Debrief), keep::keep_finished)
        .add_systems(
            Update,
            keep::handle.run_if(resource_exists::<keep::KeepRequest>),
        );
}

/// The store, or why there is none, and what the trainee should be told.
#[derive(Resource, Clone, Default)]
pub struct Records {
    pub store: Option<Arc<Store>>,
    /// Why the records cannot be used this run (shown on the menu).
    pub problem: Option<StoreError>,
    /// The file in the records' place was moved aside (`S002`), said on the menu.
    pub notice: Option<StoreError>,
    /// What the import of the old results folder did at start.
    pub imported: Option<ImportSummary>,
    /// Everyone who practised on this PC.
    pub trainees: Vec<TraineeSummary>,
    /// Grows with every save, so views reload what they show.
    pub revision: u64,
    /// Where saved sessions are sent, if anywhere: a store opened later gets
    /// the same outbox hook.
    pub lrs: sending::LrsSetting,
}

impl Records {
    /// Reads the trainees again after a change.
    pub fn refresh(&mut self) {
        if let Some(store) = &self.store {
            match store.trainees() {
                Ok(t) => self.trainees = t,
                Err(e) => warn!("records: {e}"),
            }
        }
        self.revision += 1;
    }

    /// Opens the store at `path`; true when it is open. On failure the
    /// reason is kept in `problem`.
    fn open_store(&mut self, path: &std::path::Path) -> bool {
        match Store::open(path) {
            Ok(mut opened) => {
                if let Some(n) = &opened.notice {
                    warn!("records: {n}");
                }
                sending::queue_statements(&mut opened.store, &self.lrs);
                self.notice = opened.notice;
                self.store = Some(Arc::new(opened.store));
                self.problem = None;
                true
            }
            Err(e) => {
                warn!("records not available: {e}");
                self.problem = Some(e);
                false
            }
        }
    }

    /// Tries again to open records that could not be opened at start (the
    /// folder was read-only or missing, and may be writable now); true when
    /// the store is open.
    pub fn reopen(&mut self, path: &std::path::Path) -> bool {
        if self.store.is_some() {
            return true;
        }
        let opened = self.open_store(path);
        if opened {
            info!("records opened: {}", path.display());
            self.refresh();
        }
        opened
    }
}

/// Opens the records, chooses the trainee and imports the old results.
fn open(
    paths: Res<Paths>,
    file: Res<SettingsFile>,
    lrs: Res<sending::LrsSetting>,
    mut commands: Commands,
) {
    let mut records = Records {
        lrs: lrs.clone(),
        ..default()
    };
    records.open_store(&paths.records);
    if let Some(store) = &records.store {
        commands.insert_resource(sending::start(store, &lrs));
    }
    let practising = trainee::choose(&records, &file);
    if let (Some(store), Some(t)) = (&records.store, &practising.trainee) {
        match import_json_results(store, &paths.results, t) {
            Ok(summary) => {
                if summary.added > 0 {
                    info!(
                        "records: imported {} sessions from {}",
                        summary.added,
                        paths.results.display()
                    );
                }
                for s in &summary.skipped {
                    warn!("records: not imported: {s}");
                }
                records.imported = Some(summary);
            }
            Err(e) => warn!("records: {e}"),
        }
    }
    records.refresh();
    commands.insert_resource(records);
    commands.insert_resource(practising);
}
