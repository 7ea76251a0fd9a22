//! Sending the trainee's sessions to the center's learning record store (issue
//! 14): off unless `CLAIM_DOJO_LRS_ENDPOINT` is set. Each saved session's xAPI
//! statements are queued in the outbox in the session's own save transaction,
//! and one background thread sends them (`claim-dojo-lrs`); the menu shows how
//! many wait and why. A frame never waits for it.

use std::sync::Arc;

use bevy::prelude::*;
use claim_dojo_lrs::{LrsConfig, OutboxHook, OutboxStatus, Sending, Worker};
use claim_dojo_records::Store;

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

/// Registers the outbox hook on a store about to be opened, when sending is on.
pub fn queue_statements(store: &mut Store) {
    if let Some(config) = LrsConfig::from_env() {
        store.add_hook(Box::new(OutboxHook {
            profile: config.profile,
        }));
    }
}

/// Starts the sending thread for `store`, when sending is on.
pub fn start(store: &Arc<Store>) -> Outbox {
    let worker = LrsConfig::from_env().map(|config| {
        info!("lrs: sending statements to {}", config.statements_url());
        Worker::start(store.clone(), config)
    });
    Outbox { worker }
}

/// Why nothing is being sent, in the LRS's or the system's own words.
pub fn why(status: &OutboxStatus) -> Option<&str> {
    match &status.sending {
        Sending::Retrying { reason, .. } => Some(reason),
        Sending::Unauthorized { message } | Sending::StoreFailed { message } => Some(message),
        Sending::Idle | Sending::Sending => status.last_error.as_deref(),
    }
}
