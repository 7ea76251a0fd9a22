//! Loading scenario files: size and encoding checks, the positioned RON reader,
//! decoding into the model and the validator, in one call that never panics.

pub mod decode;
pub mod tree;

use std::path::{Path, PathBuf};

use crate::diagnostic::{Code, Diagnostic};
use crate::scenario::Scenario;
use crate::span::{LineIndex, Span};
use crate::validate;

/// Files above this size are refused before they are read into memory.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// The result of loading one file: the scenario when it has no errors, and every
/// diagnostic found, in file order.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub file: String,
    pub scenario: Option<Scenario>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }
}

/// Reads and checks one scenario file.
pub fn load_file(path: &Path) -> Loaded {
    let file = path.display().to_string();
    let fail = |d: Diagnostic| Loaded {
        file: file.clone(),
        scenario: None,
        diagnostics: vec![d],
    };
    let size = match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => {
            return fail(io_error(&file, "is_directory", "is a directory"));
        }
        Ok(m) => m.len(),
        Err(e) => return fail(io_error(&file, io_kind(&e), &e.to_string())),
    };
    if size > MAX_FILE_BYTES {
        return fail(too_large(&file, size));
    }
    match std::fs::read(path) {
        Ok(bytes) => load_bytes(&file, &bytes),
        Err(e) => fail(io_error(&file, io_kind(&e), &e.to_string())),
    }
}

/// Checks scenario bytes as if read from `file`.
pub fn load_bytes(file: &str, bytes: &[u8]) -> Loaded {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Loaded {
            file: file.to_string(),
            scenario: None,
            diagnostics: vec![too_large(file, bytes.len() as u64)],
        };
    }
    match std::str::from_utf8(bytes) {
        Ok(src) => load_str(file, src),
        Err(e) => {
            // Point at the first bad byte, located in the valid text before it.
            let valid = &bytes[..e.valid_up_to()];
            let src = std::str::from_utf8(valid).unwrap_or_default();
            let index = LineIndex::new(src);
            let d =
                Diagnostic::new(Code::NotUtf8, Span::point(src.len())).locate(file, src, &index);
            Loaded {
                file: file.to_string(),
                scenario: None,
                diagnostics: vec![d],
            }
        }
    }
}

/// Checks scenario source text as if read from `file`.
pub fn load_str(file: &str, src: &str) -> Loaded {
    let index = LineIndex::new(src);
    let mut diags = Vec::new();
    let mut scenario = None;
    if src.len() as u64 > MAX_FILE_BYTES {
        diags.push(
            Diagnostic::new(Code::TooLarge, Span::point(0))
                .arg("size", src.len())
                .arg("limit", MAX_FILE_BYTES),
        );
    } else {
        match tree::parse(src) {
            Err(e) => diags.push(syntax_diagnostic(&e)),
            Ok(value) => {
                let mut dec = decode::Decoder::new();
                let decoded = dec.scenario(&value);
                let shape = validate::Shape {
                    clean: dec.diags.iter().all(|d| !d.is_error()),
                    graph_complete: !dec.graph_lost,
                };
                diags.append(&mut dec.diags);
                if let Some(s) = &decoded {
                    diags.extend(validate::check(
                        s,
                        file_stem(file).as_deref(),
                        shape,
                        src,
                        &index,
                    ));
                }
                scenario = decoded;
            }
        }
    }
    let mut diags: Vec<Diagnostic> = diags
        .into_iter()
        .map(|d| d.locate(file, src, &index))
        .collect();
    diags.sort_by_key(|d| (d.span.start, d.code));
    diags.dedup_by(|a, b| a.code == b.code && a.span == b.span);
    let has_errors = diags.iter().any(Diagnostic::is_error);
    Loaded {
        file: file.to_string(),
        scenario: if has_errors { None } else { scenario },
        diagnostics: diags,
    }
}

/// The scenario files a path names: the file itself, or the `.ron` files of a
/// directory in name order.
pub fn scenario_files(path: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let file = path.display().to_string();
    let entries =
        std::fs::read_dir(path).map_err(|e| io_error(&file, io_kind(&e), &e.to_string()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    Ok(files)
}

fn file_stem(file: &str) -> Option<String> {
    Path::new(file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
}

/// E001 for `file`. `kind` names the common failures so the message is said in
/// the reader's language (`not_found`, `permission_denied`, `is_directory`,
/// `not_a_folder`); any other failure shows the system's own words, `reason`.
pub fn io_error(file: &str, kind: &str, reason: &str) -> Diagnostic {
    let mut d = Diagnostic::new(Code::Io, Span::default())
        .arg("kind", kind)
        .arg("reason", reason);
    d.file = file.to_string();
    d.line = 1;
    d.column = 1;
    d
}

/// The `kind` of [`io_error`] for a system error.
pub fn io_kind(e: &std::io::Error) -> &'static str {
    match e.kind() {
        std::io::ErrorKind::NotFound => "not_found",
        std::io::ErrorKind::PermissionDenied => "permission_denied",
        std::io::ErrorKind::IsADirectory => "is_directory",
        std::io::ErrorKind::NotADirectory => "not_a_folder",
        _ => "other",
    }
}

fn too_large(file: &str, size: u64) -> Diagnostic {
    let mut d = Diagnostic::new(Code::TooLarge, Span::default())
        .arg("size", size)
        .arg("limit", MAX_FILE_BYTES);
    d.file = file.to_string();
    d.line = 1;
    d.column = 1;
    d
}

/// The diagnostic for a RON syntax error, shared by scenarios and play scripts.
pub fn syntax_diagnostic(e: &tree::SyntaxError) -> Diagnostic {
    use tree::SyntaxError as S;
    match e {
        S::Unexpected {
            found,
            expected,
            span,
        } => Diagnostic::new(Code::Unexpected, *span)
            .arg("found", found)
            .arg("expected", expected),
        S::UnexpectedEnd { expected, at, .. } => {
            Diagnostic::new(Code::UnexpectedEnd, Span::point(*at)).arg("expected", expected)
        }
        S::UnterminatedString { span } => Diagnostic::new(Code::UnterminatedString, *span),
        S::UnterminatedComment { span } => Diagnostic::new(Code::UnterminatedComment, *span),
        S::BadEscape { span } => Diagnostic::new(Code::BadEscape, *span),
        S::BadNumber { span } => Diagnostic::new(Code::BadNumber, *span),
        S::TooDeep { span } => Diagnostic::new(Code::TooDeep, *span).arg("limit", tree::MAX_DEPTH),
        S::TrailingText { span } => Diagnostic::new(Code::TrailingText, *span),
    }
}
