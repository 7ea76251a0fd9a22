//! The LRS outbox's table (`migrations/0003_outbox.sql`): xAPI statements
//! queued in a session's save transaction (through a [`crate::SaveHook`]),
//! taken in batches by the sending worker, removed once the LRS has them,
//! kept as `rejected` when the LRS refuses them for good. The statements
//! themselves are made elsewhere (the `claim-dojo-lrs` crate); this module
//! only stores text.

use rusqlite::{OptionalExtension, Transaction, params};

use crate::error::Result;
use crate::store::Store;
use crate::{SessionId, TraineeId};

/// SQLite's error, as a save hook returns it.
pub use rusqlite::Error as SqlError;

/// One statement to queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Queued {
    pub statement_id: String,
    pub statement_json: String,
}

/// A statement taken from the outbox to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting {
    /// The outbox row.
    pub row: i64,
    pub statement_id: String,
    pub statement_json: String,
    pub attempts: u32,
}

/// How the outbox stands, for the menu.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutboxCounts {
    /// To send (never tried, or to retry).
    pub waiting: u64,
    /// Refused by the LRS for good (a 4xx): kept for the trainer to see.
    pub rejected: u64,
    /// The most recent failure written (of either kind), if any.
    pub last_error: Option<String>,
}

/// Queues `statements` for `session` inside the save's transaction. A
/// statement id already queued is left as it is.
pub fn enqueue(
    tx: &Transaction<'_>,
    session: SessionId,
    statements: &[Queued],
) -> rusqlite::Result<()> {
    let now = jiff::Timestamp::now().as_millisecond();
    let mut insert = tx.prepare_cached(
        "INSERT INTO outbox (statement_id, session_id, statement, created_at)
         VALUES (?1, ?2, ?3, ?4) ON CONFLICT (statement_id) DO NOTHING",
    )?;
    for s in statements {
        insert.execute(params![s.statement_id, session.0, s.statement_json, now])?;
    }
    Ok(())
}

/// The trainee's name, inside a save's transaction (the statement's actor).
pub fn trainee_name(tx: &Transaction<'_>, trainee: TraineeId) -> rusqlite::Result<String> {
    tx.query_row("SELECT name FROM trainee WHERE id = ?1", [trainee.0], |r| {
        r.get(0)
    })
}

impl Store {
    /// Up to `limit` waiting statements, oldest first.
    pub fn outbox_batch(&self, limit: usize) -> Result<Vec<Waiting>> {
        let conn = self.lock();
        let mut stmt = conn
            .prepare_cached(
                "SELECT id, statement_id, statement, attempts FROM outbox
                 WHERE state = 'waiting' ORDER BY id LIMIT ?1",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([limit as i64], |r| {
                Ok(Waiting {
                    row: r.get(0)?,
                    statement_id: r.get(1)?,
                    statement_json: r.get(2)?,
                    attempts: r.get::<_, i64>(3)?.clamp(0, u32::MAX as i64) as u32,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// The LRS has these statements: they leave the outbox.
    pub fn outbox_sent(&self, rows: &[i64]) -> Result<()> {
        self.outbox_each(rows, "DELETE FROM outbox WHERE id = ?1", None)
    }

    /// These statements failed with `error`: `permanent` marks them
    /// `rejected` (kept, not resent); otherwise they wait for the next try.
    pub fn outbox_failed(&self, rows: &[i64], error: &str, permanent: bool) -> Result<()> {
        let sql = if permanent {
            "UPDATE outbox SET state = 'rejected', attempts = attempts + 1, last_error = ?2 WHERE id = ?1"
        } else {
            "UPDATE outbox SET attempts = attempts + 1, last_error = ?2 WHERE id = ?1"
        };
        self.outbox_each(rows, sql, Some(error))
    }

    /// Puts the rejected statements back in the queue (after the trainer fixed
    /// the settings, say).
    pub fn outbox_retry_rejected(&self) -> Result<u64> {
        self.lock()
            .execute(
                "UPDATE outbox SET state = 'waiting' WHERE state = 'rejected'",
                [],
            )
            .map(|n| n as u64)
            .map_err(|e| self.err(e))
    }

    pub fn outbox_counts(&self) -> Result<OutboxCounts> {
        let conn = self.lock();
        let (waiting, rejected) = conn
            .query_row(
                "SELECT coalesce(sum(state = 'waiting'), 0), coalesce(sum(state = 'rejected'), 0)
                 FROM outbox",
                [],
                |r| Ok((r.get::<_, i64>(0)? as u64, r.get::<_, i64>(1)? as u64)),
            )
            .map_err(|e| self.err(e))?;
        let last_error = conn
            .query_row(
                "SELECT last_error FROM outbox WHERE last_error IS NOT NULL
                 ORDER BY attempts DESC, id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        Ok(OutboxCounts {
            waiting,
            rejected,
            last_error,
        })
    }

    fn outbox_each(&self, rows: &[i64], sql: &str, error: Option<&str>) -> Result<()> {
        let mut conn = self.lock();
        let tx = conn.transaction().map_err(|e| self.err(e))?;
        {
            let mut stmt = tx.prepare_cached(sql).map_err(|e| self.err(e))?;
            for row in rows {
                match error {
                    Some(error) => stmt.execute(params![row, error]),
                    None => stmt.execute(params![row]),
                }
                .map_err(|e| self.err(e))?;
            }
        }
        tx.commit().map_err(|e| self.err(e))
    }
}
