//! Sending the trainee's sessions to the center's learning record store (issue
//! 14): off unless `CLAIM_DOJO_LRS_ENDPOINT` is set. Each saved session's xAPI
//! statements are queued in the outbox in the session's own save transaction,
//! and one background thread sends them (`claim-dojo-lrs`); the menu shows how
//! many wait and why. A frame never waits for it.

use std::sync::Arc;

use bevy::prelude::*;
use claim_dojo_lrs::{LrsConfig, OutboxHook, OutboxStatus, Sending, Worker};
use claim_dojo_records::Store;

use super::Records;

/// The sending thread, when sending is on.
#[derive(Resource, Default)]
pub struct Outbox {
    worker: Option<Worker>,
}

impl Outbox {
    /// What the worker last reported, if it can be read without waiting.
    pub fn status(&self) -> Option<OutboxStatus> {
        self.worker.as_ref().and_then(Worker::try_status)
    }
}

/// Where to send, if anywhere: read from `CLAIM_DOJO_LRS_ENDPOINT` (and its
/// key, secret and home page) at start, unless the app was given one.
#[derive(Resource, Clone, Default)]
pub struct LrsSetting(pub Option<LrsConfig>);

impl LrsSetting {
    pub fn from_env() -> LrsSetting {
        LrsSetting(LrsConfig::from_env())
    }
}

/// Registers the outbox hook on a store about to be opened, when sending is on.
pub fn queue_statements(store: &mut Store, setting: &LrsSetting) {
    if let Some(config) = &setting.0 {
        store.add_hook(Box::new(OutboxHook {
            profile: config.profile.clone(),
        }));
    }
}

/// Starts the sending thread for `store`, when sending is on.
pub fn start(store: &Arc<Store>, setting: &LrsSetting) -> Outbox {
    let worker = setting.0.clone().map(|config| {
        info!("lrs: sending statements to {}", config.statements_url());
        Worker::start(store.clone(), config)
    });
    Outbox { worker }
}

/// Wakes the sending thread when the records changed (a session was saved,
/// so the outbox holds new statements): it sends at once instead of at its
/// next poll. Starts it when the records opened only later (saved again after
/// a failure at start).
pub fn follow_saves(records: Res<Records>, mut outbox: ResMut<Outbox>) {
    match (&outbox.worker, &records.store) {
        (Some(worker), _) => worker.nudge(),
        (None, Some(store)) if records.lrs.0.is_some() => *outbox = start(store, &records.lrs),
        _ => {}
    }
}

/// Why nothing is being sent, in the LRS's or the system's own words.
pub fn why(status: &OutboxStatus) -> Option<&str> {
    match &status.sending {
        Sending::Retrying { reason, .. } => Some(reason),
        Sending::Unauthorized { message } | Sending::StoreFailed { message } => Some(message),
        Sending::Idle | Sending::Sending => status.last_error.as_deref(),
    }
}
