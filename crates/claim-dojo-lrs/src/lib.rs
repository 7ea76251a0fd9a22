//! Claim Dojo for trainers: each finished session as xAPI 1.0.3 statements
//! ([`statement`], profile in docs/xapi.md), queued in the records' outbox in
//! the session's own save transaction ([`hook::OutboxHook`]), and sent to a
//! learning record store by one background thread ([`worker::Worker`]) with
//! backoff; and the cohort report ([`cohort`]). No Bevy.

pub mod client;
pub mod cohort;
pub mod config;
pub mod hook;
pub mod statement;
pub mod worker;

pub use config::LrsConfig;
pub use hook::OutboxHook;
pub use statement::{Profile, SessionFacts, statements};
pub use worker::{OutboxStatus, Sending, Worker};
