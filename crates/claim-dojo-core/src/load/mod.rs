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
            return fail(io_problem(&file, "is_directory", "is a directory"));
        }
        Ok(m) => m.len(),
        Err(e) => return fail(io_error(&file, &e)),
    };
    if size > MAX_FILE_BYTES {
        return fail(too_large(&file, size));
    }
    match std::fs::read(path) {
        Ok(bytes) => load_bytes(&file, &bytes),
        Err(e) => fail(io_error(&file, &e)),
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
        // The tree lives only for this load; dropping the arena frees it whole.
        let arena = tree::arena_for(src);
        match tree::parse(src, &arena) {
            Err(e) => diags.push(syntax_diagnostic(&e)),
            Ok(value) => {
                let mut dec = decode::Decoder::new();
                let decoded = dec.scenario(&value);
                name_out_of_range_fields(&value, &mut dec.diags);
                let shape = validate::Shape {
                    clean: dec.diags.iter().all(|d| !d.is_error()),
                    graph_complete: !dec.graph_lost,
                };
                diags.append(&mut dec.diags);
                if shape.clean {
                    diags.extend(validate::tree_checks(&value));
                }
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

/// Gives every E032 the name of the field whose value is out of range. Looked
/// up in the tree afterwards, and only when there is an E032, so that the
/// decoder stays as it is and clean files pay nothing for it.
fn name_out_of_range_fields(value: &tree::Value<'_>, diags: &mut [Diagnostic]) {
    fn field_at<'a>(v: &tree::Value<'a>, field: &'a str, at: Span) -> Option<&'a str> {
        use tree::Kind;
        if v.span == at {
            return Some(field);
        }
        if !(v.span.start <= at.start && at.end <= v.span.end) {
            return None;
        }
        match &v.kind {
            Kind::Struct { fields, .. } => fields
                .iter()
                .find_map(|f| field_at(&f.value, f.name.name, at)),
            Kind::Tuple { items, .. } | Kind::List(items) => {
                items.iter().find_map(|i| field_at(i, field, at))
            }
            Kind::Map(entries) => entries.iter().find_map(|(_, i)| field_at(i, field, at)),
            _ => None,
        }
    }
    for d in diags.iter_mut().filter(|d| d.code == Code::OutOfRange) {
        let field = field_at(value, "", d.span).filter(|f| !f.is_empty());
        d.args.push(("field", field.unwrap_or("?").to_string()));
    }
}

/// The scenario files a path names: the file itself, or the `.ron` files of a
/// directory in name order. A path that does not exist is an error here, so
/// that no one is told "1 file checked" about a folder that is not there.
pub fn scenario_files(path: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let file = path.display().to_string();
    match std::fs::metadata(path) {
        Err(e) => return Err(io_error(&file, &e)),
        Ok(m) if !m.is_dir() => return Ok(vec![path.to_path_buf()]),
        Ok(_) => {}
    }
    let entries = std::fs::read_dir(path).map_err(|e| io_error(&file, &e))?;
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

/// E001 for a file or folder that cannot be read; a missing one is said to be missing.
pub fn io_error(file: &str, e: &std::io::Error) -> Diagnostic {
    io_problem(file, io_kind(e), &e.to_string())
}

/// E001 for `file`. `kind` names the common failures so the message is said in
/// the reader's language (`not_found`, `permission_denied`, `is_directory`,
/// `not_a_folder`); any other failure shows the system's own words, `reason`.
pub fn io_problem(file: &str, kind: &str, reason: &str) -> Diagnostic {
    let mut d = Diagnostic::new(Code::Io, Span::default())
        .arg("kind", kind)
        .arg("reason", reason);
    d.file = file.to_string();
    d.line = 1;
    d.column = 1;
    d
}

/// The `kind` of [`io_problem`] for a system error.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_out_of_range_value_names_its_field() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/invalid/e032_out_of_range.ron");
        let loaded = load_file(&path);
        let d = loaded
            .diagnostics
            .iter()
            .find(|d| d.code == Code::OutOfRange)
            .expect("the fixture has an E032");
        let field = d
            .args
            .iter()
            .find(|(k, _)| *k == "field")
            .map(|(_, v)| v.as_str());
        assert!(
            field.is_some_and(|f| f != "?" && d.source_line.contains(f)),
            "{d:#?}"
        );
        for lang in crate::Lang::ALL {
            assert!(d.message(lang).contains(&format!("`{}`", field.unwrap())));
        }
    }

    #[test]
    fn a_missing_folder_is_said_to_be_missing_and_holds_no_files() {
        let d = scenario_files(Path::new("no/such/scenarios")).unwrap_err();
        assert_eq!(d.code, Code::Io);
        assert!(
            d.message(crate::Lang::En)
                .contains("no such file or folder")
        );
        assert!(d.message(crate::Lang::Ja).contains("ありません"));
    }
}
