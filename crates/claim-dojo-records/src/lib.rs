//! Claim Dojo's records: every finished session of every trainee, in one SQLite
//! file (`records.sqlite3` in the user's data folder), and the questions the
//! app and the CLI ask of them. Nothing outside this crate writes SQL.
//!
//! # What the app and the CLI call
//!
//! - [`Store::open`] — opens (or creates) the file; a damaged or foreign file is
//!   moved aside and a fresh one started ([`Opened::notice`], code `S002`).
//! - [`Store::trainee`], [`Store::trainees`], [`Store::find_trainee`] — profiles.
//! - [`Store::save_session`] with a [`NewSession`] — one transaction per session.
//! - [`Store::history`] → [`History`]: attempts per scenario (best, last),
//!   the trend, the most-broken rules with their sessions;
//!   [`History::recommend`] → the next call and why.
//! - [`Store::curve`], [`Store::report_json`], [`Store::session`] — one session,
//!   for compare, what-if and export; [`Store::each_session`] — all of them.
//! - [`Store::each_brief`] → [`SessionBrief`] — every session as the cohort
//!   report folds it (columns, broken verdicts, rises), without its report.
//! - [`compare::changed_verdicts`] — the verdicts that differ between two reports.
//! - [`import::import_json_results`] — the old JSON results folder, idempotent.
//! - [`atomic::write`] — whole-or-nothing files (settings, exports).
//! - [`location::default_file`] — where the file is by default.
//!
//! # Schema
//!
//! `migrations/0001_records.sql`: `trainee`, `session` (indexed columns),
//! `score_part` and `verdict` (one row per rule, status key as text);
//! `0002_report_apart.sql`: `report` (the report JSON whole, one per session,
//! apart so that session rows stay small for the history); `0003_outbox.sql`:
//! `outbox`; `0004_rises.sql`: `rise` (each session's choices after which
//! anger rose, for the cohort report; filled from the stored reports on
//! upgrade) and `session_by_start`. Migrations are numbered files listed in
//! `database.rs`, never edited once shipped; the file is in WAL mode with
//! `synchronous = FULL`.
//!
//! # The save hook (for the LRS outbox, issue 14)
//!
//! Everything a session's save writes happens in one transaction in
//! [`Store::save_session`]. To write more in that same transaction, such as an
//! outbox row with the xAPI statement to send later, implement [`SaveHook`]
//! and register it with [`Store::add_hook`]: its `saved` is called with the
//! open transaction and the new session's id, uid (stable, client-made: the
//! statement id can derive from it) and digest, after the session's rows and
//! before the commit. An error from the hook rolls the whole save back, so a
//! session is never stored without its outbox row, nor the row without the
//! session. The outbox's table comes as the next numbered migration
//! (`migrations/0003_outbox.sql`, added to `MIGRATIONS` in `database.rs`);
//! [`outbox`] owns its SQL: queue, take a batch, mark sent or failed, count.

pub mod atomic;
pub mod compare;
mod database;
pub mod digest;
pub mod error;
pub mod history;
pub mod import;
pub mod location;
pub mod outbox;
mod store;
#[cfg(unix)]
pub mod testing;

pub use digest::{Digest, Rise};
pub use error::{Result, StoreCode, StoreError};
pub use history::{
    BrokenRule, Curve, History, Playable, Reason, Recommendation, ScenarioAttempts, SessionBrief,
    SessionSummary, TraineeSummary, TrendPoint, WhatIfOf,
};
pub use store::{
    NewSession, Opened, SaveHook, SavedSession, SessionId, Source, Store, Trainee, TraineeId,
    check_name, content_hash,
};

/// The save hook's transaction type.
pub use rusqlite::Transaction;

/// A stored time (milliseconds since 1970) as a timestamp.
pub(crate) fn timestamp(ms: i64) -> Option<jiff::Timestamp> {
    jiff::Timestamp::from_millisecond(ms).ok()
}
