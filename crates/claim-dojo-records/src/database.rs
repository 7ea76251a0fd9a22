//! The one module that speaks SQL. Everything else in the crate, and everything
//! outside it, asks typed questions through [`crate::Store`].
//!
//! Connections run in WAL mode with `synchronous = FULL`: a save that returned
//! is on disk, and a process killed mid-save leaves the file as it was before
//! that save (checked by `tests/durability.rs`).

use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use rusqlite_migration::{M, Migrations};

use crate::digest::{Digest, Rise};
use crate::history::{BrokenTally, SessionBrief, SessionSummary, TraineeSummary, WhatIfOf};
use crate::{NewSession, SessionId, Trainee, TraineeId};

/// The schema's history, one file per change, never edited once shipped.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_records.sql"),
    include_str!("../migrations/0002_report_apart.sql"),
    include_str!("../migrations/0003_outbox.sql"),
    include_str!("../migrations/0004_rises.sql"),
];

/// Marks the file as Claim Dojo's records (`PRAGMA application_id`: "CDoj").
pub const APPLICATION_ID: i32 = 0x4344_6f6a;

pub fn migrations() -> Migrations<'static> {
    Migrations::new(
        MIGRATIONS
            .iter()
            .enumerate()
            .map(|(i, sql)| match i {
                // Version 4's table is filled from the reports already stored.
                3 => M::up_with_hook(sql, |tx: &Transaction| Ok(backfill_rises(tx)?)),
                _ => M::up(sql),
            })
            .collect(),
    )
}

/// Reads every stored report once and writes its rises (migration 0004).
fn backfill_rises(tx: &Transaction) -> rusqlite::Result<()> {
    let mut reports = tx.prepare("SELECT session_id, json FROM report")?;
    let mut rows = reports.query([])?;
    while let Some(r) = rows.next()? {
        let json = r.get_ref(1)?.as_str()?;
        insert_rises(tx, r.get(0)?, &crate::digest::rises(json))?;
    }
    Ok(())
}

fn insert_rises(tx: &Transaction, session: i64, rises: &[Rise]) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO rise (session_id, seq, node, choice, rise, ja, en)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (seq, r) in rises.iter().enumerate() {
        insert.execute(params![
            session, seq as i64, r.node, r.choice, r.rise, r.words.0, r.words.1
        ])?;
    }
    Ok(())
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

/// Inserts a session with its score parts, verdicts and rises; a session with
/// the same uid already stored is left as it is. Returns its id and whether it
/// was new.
pub fn insert_session(
    tx: &Transaction,
    new: &NewSession,
    uid: &str,
    d: &Digest,
    rises: &[Rise],
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
    insert_rises(tx, id, rises)?;
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

// The walk of `each_brief`: every session oldest first (by `session_by_start`,
// no sort), and for each its broken verdicts (from the covering
// `verdict_by_status_session`) and its rises (by their primary key).
const BRIEFS: &str = "SELECT s.id, t.name, s.scenario_id, s.started_at, s.outcome,
    s.deescalation_passed, s.score_total, s.score_max
    FROM session s CROSS JOIN trainee t ON t.id = s.trainee_id ORDER BY s.started_at, s.id";
const BRIEF_BROKEN: &str = "SELECT rule FROM verdict WHERE status = 'broken' AND session_id = ?1";
const BRIEF_RISES: &str =
    "SELECT node, choice, rise, ja, en FROM rise WHERE session_id = ?1 ORDER BY seq";

/// Every session, oldest first, as the cohort report reads it: columns, broken
/// rules and rises, one session at a time; no report JSON is read.
pub fn each_brief(
    conn: &Connection,
    mut f: impl FnMut(SessionBrief) -> bool,
) -> rusqlite::Result<()> {
    let mut sessions = conn.prepare(BRIEFS)?;
    let mut broken = conn.prepare(BRIEF_BROKEN)?;
    let mut rises = conn.prepare(BRIEF_RISES)?;
    let mut rows = sessions.query([])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let brief = SessionBrief {
            id: SessionId(id),
            trainee: r.get(1)?,
            scenario: r.get(2)?,
            started_at: crate::timestamp(r.get(3)?).unwrap_or(jiff::Timestamp::UNIX_EPOCH),
            outcome: r.get(4)?,
            deescalation_passed: r.get(5)?,
            score: r.get(6)?,
            score_max: r.get(7)?,
            broken: broken
                .query_map([id], |v| v.get(0))?
                .collect::<rusqlite::Result<_>>()?,
            rises: rises
                .query_map([id], |v| {
                    Ok(Rise {
                        node: v.get(0)?,
                        choice: v.get(1)?,
                        rise: v.get(2)?,
                        words: (v.get(3)?, v.get(4)?),
                    })
                })?
                .collect::<rusqlite::Result<_>>()?,
        };
        if !f(brief) {
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

/// Undoes version 4 (for `testing::back_to_version_3`).
#[cfg(unix)]
pub fn back_to_version_3(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "BEGIN; DROP INDEX session_by_start; DROP TABLE rise; PRAGMA user_version = 3; COMMIT;",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(conn: &Connection, sql: &str) -> String {
        let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        // Every parameter of these questions is an id: 1 will do.
        let ids = vec![1; stmt.parameter_count()];
        let rows: Vec<String> = stmt
            .query_map(rusqlite::params_from_iter(ids), |r| r.get(3))
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

    fn played(scenario: &str, seed: u64, policy: claim_dojo_core::play::Policy) -> String {
        use claim_dojo_core::{play, report::Report};
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let s = claim_dojo_core::load_file(&root.join(scenario))
            .scenario
            .unwrap();
        let mut session = play::session(&std::sync::Arc::new(s), seed);
        play::policy::run(&mut session, policy, seed);
        let card = session.finish();
        Report::build(&session, &card).to_json()
    }

    fn rise_rows(conn: &Connection) -> Vec<(i64, i64, String, String, f64, String, String)> {
        conn.prepare("SELECT * FROM rise ORDER BY session_id, seq")
            .unwrap()
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            })
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    #[test]
    fn version_4_fills_the_rises_of_stored_sessions_as_a_save_writes_them() {
        use claim_dojo_core::play::Policy;
        let reports: Vec<String> = [Policy::Random, Policy::First, Policy::Longest]
            .into_iter()
            .enumerate()
            .map(|(i, p)| played("scenarios/double-charge.ron", i as u64 + 1, p))
            .chain([r#"{"marks": "not a list", "scenario": "x"}"#.to_string()])
            .collect();
        // A file of version 3 holding those reports, as a previous version saved them.
        let mut old = Connection::open_in_memory().unwrap();
        Migrations::new(MIGRATIONS[..3].iter().map(|sql| M::up(sql)).collect())
            .to_latest(&mut old)
            .unwrap();
        old.execute("INSERT INTO trainee VALUES (1, 't', 0)", [])
            .unwrap();
        for (i, json) in reports.iter().enumerate() {
            old.execute(
                "INSERT INTO session (id, uid, trainee_id, scenario_id, seed, started_at,
                    ended_at, call_ms, outcome, deescalation_passed, score_total, score_max,
                    source)
                 VALUES (?1, ?1, 1, 'a', 0, 0, 0, 0, 'resolved', 1, 1, 2, 'app')",
                [i as i64 + 1],
            )
            .unwrap();
            old.execute(
                "INSERT INTO report (session_id, json) VALUES (?1, ?2)",
                params![i as i64 + 1, json],
            )
            .unwrap();
        }
        migrations().to_latest(&mut old).unwrap();
        let upgraded = rise_rows(&old);

        // The same reports saved by this version.
        let mut new = Connection::open_in_memory().unwrap();
        migrations().to_latest(&mut new).unwrap();
        new.execute("INSERT INTO trainee VALUES (1, 't', 0)", [])
            .unwrap();
        let tx = new.transaction().unwrap();
        for (i, json) in reports[..3].iter().enumerate() {
            let session = NewSession {
                trainee: TraineeId(1),
                report_json: json,
                scenario_hash: None,
                started_at: jiff::Timestamp::UNIX_EPOCH,
                ended_at: jiff::Timestamp::UNIX_EPOCH,
                what_if: None,
                source: crate::Source::App,
            };
            let d = Digest::read("x", json).unwrap();
            insert_session(
                &tx,
                &session,
                &i.to_string(),
                &d,
                &crate::digest::rises(json),
            )
            .unwrap();
        }
        tx.commit().unwrap();
        let saved = rise_rows(&new);

        assert!(saved.len() >= 3, "the fixtures have rises: {saved:?}");
        assert!(saved.iter().all(|r| r.4 > 0.0 && !r.3.is_empty()));
        assert_eq!(upgraded, saved, "the report nobody can read has none");
        for (i, json) in reports[..3].iter().enumerate() {
            let from_json = crate::digest::rises(json);
            let rows: Vec<_> = saved.iter().filter(|r| r.0 == i as i64 + 1).collect();
            assert_eq!(rows.len(), from_json.len());
            for (row, rise) in rows.iter().zip(&from_json) {
                assert_eq!(row.4.to_bits(), rise.rise.to_bits(), "kept exactly");
                assert_eq!((&row.5, &row.6), (&rise.words.0, &rise.words.1));
            }
        }
    }

    #[test]
    fn the_cohort_walk_reads_sessions_in_order_without_sorting() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrations().to_latest(&mut conn).unwrap();
        let walk = plan(&conn, BRIEFS);
        assert!(walk.contains("session_by_start"), "{walk}");
        assert!(!walk.contains("TEMP B-TREE"), "{walk}");
        let broken = plan(&conn, BRIEF_BROKEN);
        assert!(
            broken.contains("COVERING INDEX verdict_by_status_session"),
            "{broken}"
        );
        let rises = plan(&conn, BRIEF_RISES);
        assert!(rises.contains("PRIMARY KEY (session_id=?)"), "{rises}");
        assert!(!rises.contains("TEMP B-TREE"), "{rises}");
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
