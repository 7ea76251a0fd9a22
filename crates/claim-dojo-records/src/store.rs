//! [`Store`]: the records file, opened (a damaged or foreign file moved aside
//! and a fresh one started), and the typed questions the app and the CLI ask.
//! The SQL itself is in `database.rs`.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use jiff::Timestamp;
use rusqlite::{Connection, Transaction};
use sha2::{Digest as _, Sha256};

use crate::database::{self, Kind};
use crate::digest::Digest;
use crate::error::{Result, StoreCode, StoreError};
use crate::history::{Curve, History, SessionBrief, SessionSummary, TraineeSummary, WhatIfOf};

/// A session's id in the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct SessionId(pub i64);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub struct TraineeId(pub i64);

#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Trainee {
    pub id: TraineeId,
    pub name: String,
}

/// Where a session comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Played in the app (or by a tool) now.
    App,
    /// Read from an old result file; the file's SHA-256 makes its uid, so the
    /// same file imported twice is stored once.
    Import { file_sha256: String },
}

impl Source {
    pub fn key(&self) -> &'static str {
        match self {
            Source::App => "app",
            Source::Import { .. } => "import",
        }
    }
}

/// A finished session to save.
#[derive(Debug, Clone)]
pub struct NewSession<'a> {
    pub trainee: TraineeId,
    /// The session report's JSON (`Report::to_json`), kept whole.
    pub report_json: &'a str,
    /// SHA-256 of the scenario file as played ([`content_hash`]).
    pub scenario_hash: Option<&'a str>,
    pub started_at: Timestamp,
    pub ended_at: Timestamp,
    pub what_if: Option<WhatIfOf>,
    pub source: Source,
}

impl NewSession<'_> {
    /// The client-made id: the same session saved twice is stored once.
    pub fn uid(&self) -> String {
        match &self.source {
            Source::Import { file_sha256 } => format!("import-{file_sha256}"),
            Source::App => {
                let mut h = Sha256::new();
                h.update(self.trainee.0.to_le_bytes());
                h.update(self.started_at.as_millisecond().to_le_bytes());
                h.update(self.report_json.as_bytes());
                format!("app-{}", hex(&h.finalize()))
            }
        }
    }
}

/// SHA-256 of `bytes`, as lowercase hex: the scenario hash.
pub fn content_hash(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What a save hook is told, inside the save's transaction.
pub struct SavedSession<'a> {
    pub id: SessionId,
    pub uid: &'a str,
    pub session: &'a NewSession<'a>,
    pub digest: &'a Digest,
}

/// Work done in the same transaction as a session's save: if the hook fails,
/// the session is not saved either, and if the save fails, nothing the hook
/// wrote is kept. The LRS outbox (issue 14) enqueues its statement here.
pub trait SaveHook: Send + Sync {
    fn saved(&self, tx: &Transaction<'_>, saved: &SavedSession<'_>) -> rusqlite::Result<()>;
}

/// The records, open. Safe to share between threads (one connection, locked).
pub struct Store {
    conn: Mutex<Connection>,
    path: PathBuf,
    hooks: Vec<Box<dyn SaveHook>>,
}

/// A store just opened, with what the trainee should be told about it.
#[derive(Debug)]
pub struct Opened {
    pub store: Store,
    /// `S002` when the file in its place was damaged or another program's,
    /// with where it was moved.
    pub notice: Option<StoreError>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens the records at `path`, creating the file and its folder when
    /// missing. A file that is not Claim Dojo's records is moved aside
    /// (`NAME.damaged-TIMESTAMP`, with its `-wal` and `-shm`), never deleted,
    /// and a fresh file is started; `notice` says so.
    pub fn open(path: &Path) -> Result<Opened> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| StoreError::from_io(StoreCode::Open, &e, dir))?;
        }
        match Store::open_file(path) {
            Ok(store) => Ok(Opened {
                store,
                notice: None,
            }),
            Err(e) if e.code == StoreCode::Damaged => {
                let moved = move_aside(path)?;
                let store = Store::open_file(path)?;
                let mut notice = e;
                notice.moved_to = Some(moved);
                Ok(Opened {
                    store,
                    notice: Some(notice),
                })
            }
            Err(e) if e.code == StoreCode::Open => Err(why_not_opened(path, e)),
            Err(e) => Err(e),
        }
    }

    /// A store in memory (tests, benchmarks).
    pub fn in_memory() -> Result<Store> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| StoreError::from_sqlite(&e, &path))?;
        Store::prepare(conn, path)
    }

    fn open_file(path: &Path) -> Result<Store> {
        let conn = Connection::open(path).map_err(|e| StoreError::from_sqlite(&e, path))?;
        Store::prepare(conn, path.to_path_buf())
    }

    fn prepare(mut conn: Connection, path: PathBuf) -> Result<Store> {
        let sql = |e: rusqlite::Error| StoreError::from_sqlite(&e, &path);
        let damaged = |detail: String| {
            StoreError::new(StoreCode::Damaged)
                .path(&path)
                .detail(detail)
        };
        // The first read of the header: a file that is not SQLite fails here.
        match database::kind(&conn) {
            Ok(Kind::Ours) => {}
            Ok(Kind::Fresh) => database::mark_ours(&conn).map_err(sql)?,
            Ok(Kind::Foreign) => return Err(damaged("another program's database".into())),
            Err(e) => return Err(sql(e)),
        }
        database::configure(&conn).map_err(sql)?;
        database::migrations()
            .to_latest(&mut conn)
            .map_err(|e| match e {
                rusqlite_migration::Error::MigrationDefinition(
                    rusqlite_migration::MigrationDefinitionError::DatabaseTooFarAhead,
                ) => StoreError::new(StoreCode::TooNew)
                    .path(&path)
                    .detail(e.to_string()),
                rusqlite_migration::Error::RusqliteError { err, .. } => sql(err),
                other => StoreError::new(StoreCode::Io)
                    .path(&path)
                    .detail(other.to_string()),
            })?;
        Ok(Store {
            conn: Mutex::new(conn),
            path,
            hooks: Vec::new(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock leaves a connection SQLite keeps consistent.
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub(crate) fn err(&self, e: rusqlite::Error) -> StoreError {
        StoreError::from_sqlite(&e, &self.path)
    }

    /// Adds work to every save's transaction (see [`SaveHook`]).
    pub fn add_hook(&mut self, hook: Box<dyn SaveHook>) {
        self.hooks.push(hook);
    }

    /// The trainee called `name` (trimmed), added when new.
    pub fn trainee(&self, name: &str) -> Result<Trainee> {
        let name = check_name(name)?;
        let now = Timestamp::now().as_millisecond();
        database::trainee(&self.lock(), name, now).map_err(|e| self.err(e))
    }

    /// The trainee called `name`, if there is one.
    pub fn find_trainee(&self, name: &str) -> Result<Option<Trainee>> {
        database::find_trainee(&self.lock(), name.trim()).map_err(|e| self.err(e))
    }

    /// Everyone who practised on this PC, by name.
    pub fn trainees(&self) -> Result<Vec<TraineeSummary>> {
        database::trainees(&self.lock()).map_err(|e| self.err(e))
    }

    /// Saves a finished session in one transaction: the report, its indexed
    /// columns, its score parts, one row per verdict, and whatever the save
    /// hooks add. A session already stored (same uid) is not stored again; its
    /// id is returned. When this returns `Ok`, the session is on disk.
    pub fn save_session(&self, new: &NewSession) -> Result<SessionId> {
        self.save_sessions(std::slice::from_ref(new))
            .map(|ids| ids[0])
    }

    /// Saves several sessions in one transaction (an import, a benchmark's
    /// fixture): all of them, or none.
    pub fn save_sessions(&self, sessions: &[NewSession]) -> Result<Vec<SessionId>> {
        let digests = sessions
            .iter()
            .map(|new| {
                let uid = new.uid();
                Digest::read(&uid, new.report_json)
                    .map(|d| (uid, d, crate::digest::rises(new.report_json)))
            })
            .collect::<Result<Vec<_>>>()?;
        let mut conn = self.lock();
        let tx = conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| self.err(e))?;
        let mut ids = Vec::with_capacity(sessions.len());
        for (new, (uid, digest, rises)) in sessions.iter().zip(&digests) {
            let (id, inserted) =
                database::insert_session(&tx, new, uid, digest, rises).map_err(|e| self.err(e))?;
            if inserted {
                let saved = SavedSession {
                    id,
                    uid,
                    session: new,
                    digest,
                };
                for hook in &self.hooks {
                    hook.saved(&tx, &saved).map_err(|e| self.err(e))?;
                }
            }
            ids.push(id);
        }
        tx.commit().map_err(|e| self.err(e))?;
        Ok(ids)
    }

    /// Whether a session with this uid is stored.
    pub fn has_uid(&self, uid: &str) -> Result<bool> {
        let conn = self.lock();
        conn.query_row("SELECT 1 FROM session WHERE uid = ?1", [uid], |_| Ok(()))
            .map(|_| true)
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(false),
                e => Err(self.err(e)),
            })
    }

    /// Everything the history screen shows for `trainee`.
    pub fn history(&self, trainee: &Trainee) -> Result<History> {
        let conn = self.lock();
        let sessions = database::sessions(&conn, trainee.id).map_err(|e| self.err(e))?;
        let broken = database::broken(&conn, trainee.id).map_err(|e| self.err(e))?;
        Ok(History::build(trainee.clone(), sessions, broken))
    }

    pub fn session(&self, id: SessionId) -> Result<SessionSummary> {
        database::session(&self.lock(), id)
            .map_err(|e| self.err(e))?
            .ok_or_else(|| self.no_session(id))
    }

    /// The session's report, as saved.
    pub fn report_json(&self, id: SessionId) -> Result<String> {
        database::report_json(&self.lock(), id)
            .map_err(|e| self.err(e))?
            .ok_or_else(|| self.no_session(id))
    }

    /// The session's anger curve, for compare.
    pub fn curve(&self, id: SessionId) -> Result<Curve> {
        let s = self.session(id)?;
        let json = self.report_json(id)?;
        let d = Digest::read(&format!("session {}", id.0), &json)?;
        Ok(Curve {
            session: id,
            scenario: s.scenario,
            started_at: s.started_at,
            score: s.score,
            points: d.anger_curve,
        })
    }

    /// Every session (of `trainee`, or of everyone), oldest first, with its
    /// trainee's name and its report; `f` returns false to stop.
    pub fn each_session(
        &self,
        trainee: Option<&Trainee>,
        mut f: impl FnMut(&str, SessionSummary, String) -> bool,
    ) -> Result<()> {
        database::each_session(&self.lock(), trainee.map(|t| t.id), |name, _, s, json| {
            f(name, s, json)
        })
        .map_err(|e| self.err(e))
    }

    /// [`Store::each_session`], with each session's uid (what xAPI statement
    /// ids derive from): `f(trainee, uid, session, report)`.
    pub fn each_session_with_uid(
        &self,
        trainee: Option<&Trainee>,
        f: impl FnMut(&str, &str, SessionSummary, String) -> bool,
    ) -> Result<()> {
        database::each_session(&self.lock(), trainee.map(|t| t.id), f).map_err(|e| self.err(e))
    }

    /// Every session of every trainee, oldest first, as the cohort report
    /// folds it: columns, broken rules and rises, read without any report
    /// JSON; `f` returns false to stop. One session in memory at a time.
    pub fn each_brief(&self, f: impl FnMut(SessionBrief) -> bool) -> Result<()> {
        database::each_brief(&self.lock(), f).map_err(|e| self.err(e))
    }

    pub fn count_sessions(&self) -> Result<u64> {
        database::count_sessions(&self.lock()).map_err(|e| self.err(e))
    }

    /// Makes the file refuse to grow past `pages` pages, as a full disk does
    /// (for tests of the full-disk path; lasts while the store is open).
    pub fn limit_pages(&self, pages: u32) -> Result<()> {
        database::limit_pages(&self.lock(), pages).map_err(|e| self.err(e))
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    pub fn integrity_check(&self) -> Result<String> {
        database::integrity(&self.lock()).map_err(|e| self.err(e))
    }

    /// Sessions whose verdicts or score parts are not all stored (always 0).
    pub fn partial_sessions(&self) -> Result<u64> {
        database::partial_sessions(&self.lock()).map_err(|e| self.err(e))
    }

    /// Every stored uid, in saving order.
    pub fn uids(&self) -> Result<Vec<String>> {
        database::uids(&self.lock()).map_err(|e| self.err(e))
    }

    fn no_session(&self, id: SessionId) -> StoreError {
        StoreError::new(StoreCode::NoSession)
            .path(&self.path)
            .detail(format!("session {}", id.0))
    }
}

/// A trainee's name: trimmed, 1–64 characters, no control characters.
pub fn check_name(name: &str) -> Result<&str> {
    let name = name.trim();
    let n = name.chars().count();
    if n == 0 || n > 64 || name.chars().any(char::is_control) {
        return Err(StoreError::new(StoreCode::BadName).detail(name.to_string()));
    }
    Ok(name)
}

/// Renames the file (and its `-wal` and `-shm`) to `NAME.damaged-TIMESTAMP`.
/// SQLite says only "unable to open database file" (`S001`) when the folder
/// refuses a new file; trying one there tells a read-only folder (`S005`,
/// with the system's reason) from other causes.
fn why_not_opened(path: &Path, e: StoreError) -> StoreError {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    match tempfile::Builder::new()
        .prefix(".claim-dojo-")
        .tempfile_in(dir)
    {
        Err(io) if StoreError::from_io(StoreCode::Open, &io, dir).code == StoreCode::ReadOnly => {
            StoreError::from_io(StoreCode::Open, &io, path)
        }
        _ => e,
    }
}

fn move_aside(path: &Path) -> Result<PathBuf> {
    let stamp = Timestamp::now().strftime("%Y%m%dT%H%M%SZ").to_string();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| crate::location::FILE_NAME.to_string());
    let mut to = path.with_file_name(format!("{name}.damaged-{stamp}"));
    let mut n = 1;
    while to.exists() {
        to = path.with_file_name(format!("{name}.damaged-{stamp}-{n}"));
        n += 1;
    }
    std::fs::rename(path, &to).map_err(|e| StoreError::from_io(StoreCode::Open, &e, path))?;
    for side in ["-wal", "-shm"] {
        let from = PathBuf::from(format!("{}{side}", path.display()));
        if from.exists() {
            let _ = std::fs::rename(&from, format!("{}{side}", to.display()));
        }
    }
    Ok(to)
}
