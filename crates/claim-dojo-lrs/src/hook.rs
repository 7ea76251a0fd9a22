//! The outbox's save hook: a session's statements are queued in the very
//! transaction that saves the session (see `claim_dojo_records::SaveHook`).

use claim_dojo_records::outbox::{self, Queued, SqlError};
use claim_dojo_records::{SaveHook, SavedSession, Transaction};

use crate::statement::{self, Profile, SessionFacts};

/// Register with `Store::add_hook` when sending is on.
pub struct OutboxHook {
    pub profile: Profile,
}

impl SaveHook for OutboxHook {
    fn saved(&self, tx: &Transaction<'_>, saved: &SavedSession<'_>) -> Result<(), SqlError> {
        let trainee = outbox::trainee_name(tx, saved.session.trainee)?;
        let facts = SessionFacts {
            uid: saved.uid,
            trainee: &trainee,
            started_at: saved.session.started_at,
            ended_at: saved.session.ended_at,
            report_json: saved.session.report_json,
        };
        // The store read this report already (its digest): a failure here is a
        // report the statements cannot read, and the save is undone with it.
        let statements = statement::statements(&self.profile, &facts)
            .map_err(|e| SqlError::ToSqlConversionFailure(Box::new(e)))?;
        let queued: Vec<Queued> = statements
            .iter()
            .map(|s| Queued {
                statement_id: s["id"].as_str().unwrap_or_default().to_string(),
                statement_json: s.to_string(),
            })
            .collect();
        outbox::enqueue(tx, saved.id, &queued)
    }
}
