//! `--format xapi`: the xAPI 1.0.3 statements of each session (the profile of
//! docs/xapi.md, the very statements the outbox sends), as one JSON array: for
//! an LMS import by hand, or any xAPI validator.

use std::io::Write;

use claim_dojo_lrs::{Profile, SessionFacts, statements};

use super::{Exporter, Row};

pub struct Xapi {
    pub profile: Profile,
    first: bool,
}

impl Xapi {
    pub fn new(profile: Profile) -> Xapi {
        Xapi {
            profile,
            first: true,
        }
    }
}

impl Exporter for Xapi {
    fn begin(&mut self, w: &mut dyn Write) -> std::io::Result<()> {
        w.write_all(b"[")
    }

    fn session(&mut self, w: &mut dyn Write, row: &Row) -> std::io::Result<()> {
        let facts = SessionFacts {
            uid: row.uid,
            trainee: row.trainee,
            started_at: row.session.started_at,
            ended_at: row.session.ended_at,
            report_json: row.report_json,
        };
        let made = statements(&self.profile, &facts)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
        for s in made {
            w.write_all(if self.first { b"\n" } else { b",\n" })?;
            self.first = false;
            serde_json::to_writer_pretty(&mut *w, &s)?;
        }
        Ok(())
    }

    fn end(&mut self, w: &mut dyn Write) -> std::io::Result<()> {
        w.write_all(b"\n]\n")
    }
}
