//! The one module that speaks SQL. Everything else in the crate, and everything
//! outside it, asks typed questions through [`crate::Store`].
//!
//! Connections run in WAL mode with `synchronous = FULL`: a save that returned
//! is on disk, and a process killed mid-save leaves the file as it was before
//! that save (checked by `tests/durability.rs`).

use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use rusqlite_migration::{M, Migrations};

use crate::digest::Digest;
use crate::history::{BrokenTally, SessionSummary, TraineeSummary, WhatIfOf};
use crate::{NewSession, SessionId, Trainee, TraineeId};

/// The schema's history, one file per change, never edited once shipped.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_records.sql"),
    include_str!("../migrations/0002_report_apart.sql"),
    include_str!("../migrations/0003_outbox.sql"),
];

/// Marks the file as Claim Dojo's records (`PRAGMA application_id`: "CDoj").
pub const APPLICATION_ID: i32 = 0x4344_6f6a;

pub fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect())
}

/// What the file in the records' place is, read from its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Empty: a new file.
    Fresh,
    Ours,
    /// A SQLite database of another program.
    Foreign,
}

/// Reads the header (a file that is not SQLite fails here, `NotADatabase`).
pub fn kind(conn: &Connection) -> rusqlite::Result<Kind> {
    let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if app == APPLICATION_ID {
        return Ok(Kind::Ours);
    }
    let objects: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    Ok(if app == 0 && objects == 0 {
        Kind::Fresh
    } else {
        Kind::Foreign
    })
}

pub fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") && !mode.eq_ignore_ascii_case("memory") {
        return Err(rusqlite::Error::InvalidQuery);
    }
    conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")
}

pub fn mark_ours(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(&format!("PRAGMA application_id = {APPLICATION_ID}"))
}

/// Makes writes beyond `pages` pages fail as a full disk does (SQLITE_FULL).
pub fn limit_pages(conn: &Connection, pages: u32) -> rusqlite::Result<()> {
    conn.query_row(&format!("PRAGMA max_page_count = {pages}"), [], |_| Ok(()))
}

pub fn integrity(conn: &Connection) -> rusqlite::Result<String> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let rows: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows.join("\n"))
}

pub fn trainee(conn: &Connection, name: &str, now_ms: i64) -> rusqlite::Result<Trainee> {
    conn.execute(
        "INSERT INTO trainee (name, created_at) VALUES (?1, ?2) ON CONFLICT (name) DO NOTHING",
        params![name, now_ms],
    )?;
    conn.query_row(
        "SELECT id, name FROM trainee WHERE name = ?1",
        [name],
        |r| {
            Ok(Trainee {
                id: TraineeId(r.get(0)?),
                name: r.get(1)?,
            })
        },
    )
}

pub fn find_trainee(conn: &Connection, name: &str) -> rusqlite::Result<Option<Trainee>> {
    conn.query_row(
        "SELECT id, name FROM trainee WHERE name = ?1",
        [name],
        |r| {
            Ok(Trainee {
                id: TraineeId(r.get(0)?),
                name: r.get(1)?,
            })
        },
    )
    .optional()
}

pub fn trainees(conn: &Connection) -> rusqlite::Result<Vec<TraineeSummary>> {
    let mut stmt = conn.prepare(
        "SELECT t.id, t.name, count(s.id), max(s.started_at)
         FROM trainee t LEFT JOIN session s ON s.trainee_id = t.id
         GROUP BY t.id ORDER BY t.name",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(TraineeSummary {
            trainee: Trainee {
                id: TraineeId(r.get(0)?),
                name: r.get(1)?,
            },
            sessions: r.get::<_, i64>(2)? as u32,
            last_at: r.get::<_, Option<i64>>(3)?.and_then(crate::timestamp),
        })
    })?;
    rows.collect()
}

/// Inserts a session with its score parts and verdicts; a session with the same
/// uid already stored is left as it is. Returns its id and whether it was new.
pub fn insert_session(
    tx: &Transaction,
    new: &NewSession,
    uid: &str,
    d: &Digest,
) -> rusqlite::Result<(SessionId, bool)> {
    if let Some(id) = tx
        .query_row("SELECT id FROM session WHERE uid = ?1", [uid], |r| r.get(0))
        .optional()?
    {
        return Ok((SessionId(id), false));
    }
    tx.execute(
        "INSERT INTO session (uid, trainee_id, scenario_id, scenario_hash, seed, started_at,
            ended_at, call_ms, outcome, deescalation_passed, score_total, score_max,
            what_if_of, what_if_at, source)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        params![
            uid,
            new.trainee.0,
            d.scenario,
            new.scenario_hash,
            // SQLite integers are signed: the seed's bits are kept as they are.
            d.seed as i64,
            new.started_at.as_millisecond(),
            new.ended_at.as_millisecond(),
            d.call_ms(),
            d.outcome,
            d.deescalation.passed,
            d.score.total,
            d.score.max,
            new.what_if.map(|w| w.session.0),
            new.what_if.map(|w| w.at_action),
            new.source.key(),
        ],
    )?;
    let id = tx.last_insert_rowid();
    tx.execute(
        "INSERT INTO report (session_id, json) VALUES (?1, ?2)",
        params![id, new.report_json],
    )?;
    let mut part = tx.prepare_cached(
        "INSERT OR REPLACE INTO score_part (session_id, part, points, max) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for p in &d.score.parts {
        part.execute(params![id, p.part, p.points, p.max])?;
    }
    let mut verdict = tx.prepare_cached(
        "INSERT OR REPLACE INTO verdict (session_id, rule, status, at_ms) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for v in &d.rules {
        let at = v.at_s.and_then(crate::digest::seconds_to_ms);
        verdict.execute(params![id, v.id, v.status, at])?;
    }
    Ok((SessionId(id), true))
}

const SUMMARY: &str = "SELECT id, scenario_id, scenario_hash, seed, started_at, ended_at, call_ms,
    outcome, deescalation_passed, score_total, score_max, what_if_of, what_if_at FROM session";

fn summary(r: &rusqlite::Row) -> rusqlite::Result<SessionSummary> {
    let ms = |i| -> rusqlite::Result<jiff::Timestamp> {
        Ok(crate::timestamp(r.get(i)?).unwrap_or(jiff::Timestamp::UNIX_EPOCH))
    };
    Ok(SessionSummary {
        id: SessionId(r.get(0)?),
        scenario: r.get(1)?,
        scenario_hash: r.get(2)?,
        seed: r.get::<_, i64>(3)? as u64,
        started_at: ms(4)?,
        ended_at: ms(5)?,
        call_ms: r.get::<_, i64>(6)?.max(0) as u64,
        outcome: r.get(7)?,
        deescalation_passed: r.get(8)?,
        score: r.get(9)?,
        score_max: r.get(10)?,
        what_if: match (r.get::<_, Option<i64>>(11)?, r.get::<_, Option<u32>>(12)?) {
            (Some(s), Some(at)) => Some(WhatIfOf {
                session: SessionId(s),
                at_action: at,
            }),
            _ => None,
        },
    })
}

/// A trainee's sessions, oldest first.
pub fn sessions(conn: &Connection, trainee: TraineeId) -> rusqlite::Result<Vec<SessionSummary>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SUMMARY} WHERE trainee_id = ?1 ORDER BY started_at, id"
    ))?;
    let rows = stmt.query_map([trainee.0], summary)?;
    rows.collect()
}

pub fn session(conn: &Connection, id: SessionId) -> rusqlite::Result<Option<SessionSummary>> {
    conn.query_row(&format!("{SUMMARY} WHERE id = ?1"), [id.0], summary)
        .optional()
}

// CROSS JOIN keeps `session` the outer loop (SQLite never reorders it): left
// to itself, the planner may read every broken verdict first and sort them.
const BROKEN: &str =
    "SELECT v.rule, v.session_id FROM session s CROSS JOIN verdict v ON v.session_id = s.id
    WHERE v.status = 'broken' AND s.trainee_id = ?1 AND s.what_if_of IS NULL
    ORDER BY s.started_at DESC, s.id DESC";

/// Every broken verdict of a trainee's own sessions (what-ifs left out), as
/// (rule, session), newest session first. The plan walks the trainee's
/// sessions by `session_by_trainee` in that order and reads each one's broken
/// verdicts from the covering `verdict_by_status_session`: no sort, no other
/// trainee's rows, no verdict kept.
pub fn broken(conn: &Connection, trainee: TraineeId) -> rusqlite::Result<BrokenTally> {
    let mut stmt = conn.prepare_cached(BROKEN)?;
    let mut rows = stmt.query([trainee.0])?;
    let mut tally = BrokenTally::default();
    while let Some(r) = rows.next()? {
        let rule = r.get_ref(0)?.as_str()?;
        tally.add(rule, SessionId(r.get(1)?));
    }
    Ok(tally)
}

pub fn report_json(conn: &Connection, id: SessionId) -> rusqlite::Result<Option<String>> {
    conn.query_row(
        "SELECT json FROM report WHERE session_id = ?1",
        [id.0],
        |r| r.get(0),
    )
    .optional()
}

/// Every session (of one trainee, or of all), oldest first, with its trainee's
/// name and its report, one at a time.
pub fn each_session(
    conn: &Connection,
    trainee: Option<TraineeId>,
    mut f: impl FnMut(&str, &str, SessionSummary, String) -> bool,
) -> rusqlite::Result<()> {
    let sql = "SELECT s.id, s.scenario_id, s.scenario_hash, s.seed, s.started_at, s.ended_at,
        s.call_ms, s.outcome, s.deescalation_passed, s.score_total, s.score_max, s.what_if_of,
        s.what_if_at, t.name, r.json, s.uid
        FROM session s JOIN trainee t ON t.id = s.trainee_id JOIN report r ON r.session_id = s.id
        WHERE ?1 IS NULL OR s.trainee_id = ?1 ORDER BY s.started_at, s.id";
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query([trainee.map(|t| t.0)])?;
    while let Some(r) = rows.next()? {
        let name: String = r.get(13)?;
        let uid: String = r.get(15)?;
        if !f(&name, &uid, summary(r)?, r.get(14)?) {
            break;
        }
    }
    Ok(())
}

pub fn count_sessions(conn: &Connection) -> rusqlite::Result<u64> {
    conn.query_row("SELECT count(*) FROM session", [], |r| r.get::<_, i64>(0))
        .map(|n| n as u64)
}

/// For tests: whether every session has its verdicts and parts (no partial save).
pub fn partial_sessions(conn: &Connection) -> rusqlite::Result<u64> {
    conn.query_row(
        "SELECT count(*) FROM session s LEFT JOIN report r ON r.session_id = s.id WHERE
            r.json IS NULL
         OR (SELECT count(*) FROM verdict v WHERE v.session_id = s.id)
              <> json_array_length(r.json, '$.rules')
         OR (SELECT count(*) FROM score_part p WHERE p.session_id = s.id)
              <> json_array_length(r.json, '$.score.parts')",
        [],
        |r| r.get::<_, i64>(0),
    )
    .map(|n| n as u64)
}

pub fn uids(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT uid FROM session ORDER BY id")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    rows.collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(conn: &Connection, sql: &str) -> String {
        let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let rows: Vec<String> = stmt
            .query_map([1], |r| r.get(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        rows.join("\n")
    }

    #[test]
    fn version_2_moves_each_report_to_its_own_table_unchanged() {
        let mut conn = Connection::open_in_memory().unwrap();
        Migrations::new(vec![M::up(MIGRATIONS[0])])
            .to_latest(&mut conn)
            .unwrap();
        conn.execute_batch(
            r#"INSERT INTO trainee VALUES (1, 't', 0);
            INSERT INTO session (uid, trainee_id, scenario_id, seed, started_at, ended_at,
                call_ms, outcome, deescalation_passed, score_total, score_max, source, report_json)
            VALUES ('u', 1, 'a', 7, 0, 0, 0, 'resolved', 1, 1, 2, 'import', '{"rules":[]}');"#,
        )
        .unwrap();
        migrations().to_latest(&mut conn).unwrap();
        assert_eq!(
            report_json(&conn, SessionId(1)).unwrap().as_deref(),
            Some(r#"{"rules":[]}"#)
        );
        let columns: Vec<String> = conn
            .prepare("SELECT name FROM pragma_table_info('session')")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert!(columns.contains(&"seed".to_string()), "{columns:?}");
        assert!(!columns.contains(&"report_json".to_string()), "{columns:?}");
        assert_eq!(session(&conn, SessionId(1)).unwrap().unwrap().seed, 7);
    }

    #[test]
    fn the_history_reads_one_trainees_sessions_in_order_without_sorting() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrations().to_latest(&mut conn).unwrap();
        let sessions = plan(
            &conn,
            &format!("{SUMMARY} WHERE trainee_id = ?1 ORDER BY started_at, id"),
        );
        let broken = plan(&conn, BROKEN);
        for p in [&sessions, &broken] {
            assert!(p.contains("session_by_trainee"), "{p}");
            assert!(!p.contains("TEMP B-TREE"), "{p}");
        }
        assert!(
            broken.contains("COVERING INDEX verdict_by_status_session (status=? AND session_id=?)"),
            "{broken}"
        );
    }
}
