//! What can go wrong with the records, as values: a stable code (`S001`…), the
//! file and place it concerns, and a message in the reader's language
//! (`records-s0NN` in `locales/*/cli.ftl`). Nothing here panics.

use std::path::{Path, PathBuf};

use claim_dojo_core::{Lang, i18n};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StoreCode {
    /// The records file cannot be opened or created.
    Open,
    /// The file in the records' place is not a Claim Dojo records database
    /// (damaged, or another program's): moved aside, a fresh one started.
    Damaged,
    /// Written by a newer Claim Dojo; left untouched.
    TooNew,
    /// The disk (or the file-size limit) is full.
    Full,
    /// The folder or the file cannot be written.
    ReadOnly,
    /// Any other failure of the file or of SQLite.
    Io,
    /// A report that is not a session report's JSON.
    BadReport,
    /// No session with this id.
    NoSession,
    /// A folder to import from cannot be read.
    Import,
    /// An exported file cannot be written.
    Export,
    /// A trainee's name that is empty, too long or has control characters.
    BadName,
}

impl StoreCode {
    pub const ALL: [StoreCode; 11] = [
        StoreCode::Open,
        StoreCode::Damaged,
        StoreCode::TooNew,
        StoreCode::Full,
        StoreCode::ReadOnly,
        StoreCode::Io,
        StoreCode::BadReport,
        StoreCode::NoSession,
        StoreCode::Import,
        StoreCode::Export,
        StoreCode::BadName,
    ];

    /// `S001`…
    pub fn as_str(self) -> &'static str {
        match self {
            StoreCode::Open => "S001",
            StoreCode::Damaged => "S002",
            StoreCode::TooNew => "S003",
            StoreCode::Full => "S004",
            StoreCode::ReadOnly => "S005",
            StoreCode::Io => "S006",
            StoreCode::BadReport => "S007",
            StoreCode::NoSession => "S008",
            StoreCode::Import => "S009",
            StoreCode::Export => "S010",
            StoreCode::BadName => "S011",
        }
    }

    /// The Fluent id of the message.
    pub fn message_id(self) -> String {
        format!("records-{}", self.as_str().to_lowercase())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct StoreError {
    pub code: StoreCode,
    /// The file concerned: the records file, a report file, an export.
    pub path: Option<PathBuf>,
    pub line: Option<u32>,
    pub column: Option<u32>,
    /// What the system or SQLite said, untranslated.
    pub detail: String,
    /// Where a damaged file was moved to.
    pub moved_to: Option<PathBuf>,
}

impl StoreError {
    pub fn new(code: StoreCode) -> StoreError {
        StoreError {
            code,
            path: None,
            line: None,
            column: None,
            detail: String::new(),
            moved_to: None,
        }
    }

    pub fn path(mut self, path: &Path) -> StoreError {
        self.path = Some(path.to_path_buf());
        self
    }

    pub fn at(mut self, file: &str, line: u32, column: u32) -> StoreError {
        self.path = Some(PathBuf::from(file));
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    pub fn detail(mut self, detail: String) -> StoreError {
        self.detail = detail;
        self
    }

    /// `path:line:col`, or the path alone, or nothing.
    pub fn place(&self) -> String {
        let Some(p) = &self.path else {
            return String::new();
        };
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", p.display()),
            _ => p.display().to_string(),
        }
    }

    /// `S004 /home/a/records.sqlite3: the disk is full (database or disk is full)`,
    /// in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let place = self.place();
        let moved = self
            .moved_to
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let args: i18n::Args = vec![
            ("path", place.as_str()),
            ("detail", self.detail.as_str()),
            ("moved", moved.as_str()),
        ];
        let text = i18n::message(lang, &self.code.message_id(), &args);
        format!("{} {text}", self.code.as_str())
    }

    /// From a SQLite or file error, for the records file at `path`.
    pub fn from_sqlite(e: &rusqlite::Error, path: &Path) -> StoreError {
        use rusqlite::ErrorCode as C;
        let code = match e.sqlite_error_code() {
            Some(C::DiskFull) => StoreCode::Full,
            Some(C::ReadOnly | C::PermissionDenied) => StoreCode::ReadOnly,
            Some(C::CannotOpen) => StoreCode::Open,
            Some(C::NotADatabase | C::DatabaseCorrupt) => StoreCode::Damaged,
            _ => StoreCode::Io,
        };
        StoreError::new(code).path(path).detail(e.to_string())
    }

    pub fn from_io(code: StoreCode, e: &std::io::Error, path: &Path) -> StoreError {
        let code = match e.kind() {
            std::io::ErrorKind::StorageFull | std::io::ErrorKind::FileTooLarge => StoreCode::Full,
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                StoreCode::ReadOnly
            }
            _ => code,
        };
        StoreError::new(code).path(path).detail(e.to_string())
    }
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.message(Lang::En))
    }
}

impl std::error::Error for StoreError {}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_message_in_both_languages() {
        for code in StoreCode::ALL {
            let e = StoreError::new(code)
                .path(Path::new("/x/records.sqlite3"))
                .detail("why".into());
            for lang in [Lang::Ja, Lang::En] {
                let m = e.message(lang);
                assert!(m.starts_with(code.as_str()), "{m}");
                assert!(
                    !m.contains("records-s"),
                    "{code:?} has no {lang:?} message: {m}"
                );
                assert!(m.contains("/x/records.sqlite3"), "{code:?} {lang:?}: {m}");
            }
        }
        let codes: std::collections::HashSet<_> =
            StoreCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(codes.len(), StoreCode::ALL.len());
    }
}
