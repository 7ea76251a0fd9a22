//! Renders diagnostics for people (rustc style, with the source line and a caret)
//! and for programs (JSON). Rendering never changes what was found.

use std::fmt::Write;

use super::Diagnostic;
use crate::text::Lang;

/// Columns a character takes in a terminal: CJK and full-width forms take two.
fn char_width(c: char) -> usize {
    let u = c as u32;
    let wide = matches!(u,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF |
        0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 |
        0xFFE0..=0xFFE6 | 0x1F300..=0x1F64F | 0x1F900..=0x1F9FF | 0x20000..=0x3FFFD);
    if wide { 2 } else { 1 }
}

pub fn display_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// One diagnostic as rustc would print it:
///
/// ```text
/// error[E025]: …
///   --> scenarios/x.ron:42:19
///    |
/// 42 |             next: "n9",
///    |                   ^^^^
///    = hint: …
/// ```
pub fn human(d: &Diagnostic, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}[{}]: {}",
        d.severity().as_str(),
        d.code.as_str(),
        d.message(lang)
    );
    let pad = " ".repeat(d.line.max(1).to_string().len());
    let snippet = !d.source_line.trim().is_empty();
    if d.line == 0 || (!snippet && d.line <= 1 && d.column <= 1) {
        // About the whole file (it cannot be read, or is too large): no position.
        let _ = writeln!(out, "  --> {}", d.file);
    } else {
        let _ = writeln!(out, "  --> {}:{}:{}", d.file, d.line, d.column);
    }
    if snippet && d.line > 0 {
        let num = d.line.to_string();
        let line = d.source_line.replace('\t', " ");
        let before: String = line
            .chars()
            .take(d.caret_column().saturating_sub(1) as usize)
            .collect();
        let marked: String = line
            .chars()
            .skip(d.caret_column().saturating_sub(1) as usize)
            .take(d.width as usize)
            .collect();
        let carets = "^".repeat(display_width(&marked).max(1));
        let _ = writeln!(out, "{pad} |");
        let _ = writeln!(out, "{num} | {line}");
        let _ = writeln!(
            out,
            "{pad} | {}{carets}",
            " ".repeat(display_width(&before))
        );
    }
    if let Some(hint) = d.hint(lang).filter(|h| !h.trim().is_empty()) {
        let _ = writeln!(
            out,
            "{pad} = {}: {hint}",
            if lang == Lang::Ja {
                "ヒント"
            } else {
                "hint"
            }
        );
    }
    out
}

/// How many diagnostics of one code in one file are printed before the rest
/// are summed up in one line.
pub const SHOWN_PER_CODE: usize = 5;

/// Every diagnostic for people, with floods summed up: past
/// [`SHOWN_PER_CODE`] of one code in one file, one line says how many more
/// there are (the JSON form keeps them all).
pub fn human_all(diags: &[Diagnostic], lang: Lang) -> String {
    use std::collections::HashMap;
    let mut seen: HashMap<(&str, super::Code), usize> = HashMap::new();
    let mut out = String::new();
    for d in diags {
        let n = seen.entry((d.file.as_str(), d.code)).or_default();
        *n += 1;
        if *n <= SHOWN_PER_CODE {
            let _ = writeln!(out, "{}", human(d, lang));
        }
    }
    let mut more: Vec<_> = seen
        .into_iter()
        .filter(|&(_, n)| n > SHOWN_PER_CODE)
        .collect();
    // In the order the floods began, so the summary reads like the list above.
    more.sort_by_key(|((file, code), _)| {
        diags
            .iter()
            .position(|d| d.file == *file && d.code == *code)
    });
    for ((file, code), n) in more {
        let count = (n - SHOWN_PER_CODE).to_string();
        let line = crate::i18n::message(
            lang,
            "diagnostics-more",
            &vec![
                ("count", count.as_str()),
                ("severity", code.severity().as_str()),
                ("code", code.as_str()),
                ("file", file),
            ],
        );
        let _ = writeln!(out, "{line}\n");
    }
    out
}

/// The JSON form: `file`, `line`, `column`, `severity`, `code`, `message`, `hint`.
pub fn json_value(d: &Diagnostic, lang: Lang) -> serde_json::Value {
    serde_json::json!({
        "file": d.file,
        "line": d.line,
        "column": d.column,
        "severity": d.severity().as_str(),
        "code": d.code.as_str(),
        "message": d.message(lang),
        "hint": d.hint(lang),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Code;
    use crate::span::{LineIndex, Span};

    #[test]
    fn the_caret_sits_under_the_mistake_even_after_japanese_text() {
        let src = "(\n  a: \"顧客\", nxt: 1,\n)";
        let at = src.find("nxt").unwrap();
        let d = Diagnostic::new(Code::UnknownField, Span::new(at, at + 3))
            .arg("field", "nxt")
            .arg("type", "Choice")
            .arg("expected", "next")
            .arg("suggestion", "next")
            .locate("x.ron", src, &LineIndex::new(src));
        let text = human(&d, Lang::En);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("error[E012]: "), "{text}");
        assert_eq!(lines[1], "  --> x.ron:2:12");
        let src_line = lines[3];
        let caret_line = lines[4];
        let caret_col = caret_line.find('^').unwrap();
        // "  a: \"顧客\", " is 11 characters but 13 columns wide on screen.
        assert_eq!(
            display_width(&src_line[..src_line.find("nxt").unwrap()]),
            caret_col
        );
        assert!(caret_line.ends_with("^^^"));
    }

    #[test]
    fn a_mistake_in_a_huge_line_prints_a_window_around_it() {
        let src = format!(
            "(\n{}nxt: 1,{}\n)",
            "a: \"x\", ".repeat(2_000),
            " b: 2,".repeat(3_000)
        );
        let at = src.find("nxt").unwrap();
        let d = Diagnostic::new(Code::UnknownField, Span::new(at, at + 3))
            .arg("field", "nxt")
            .arg("type", "Choice")
            .arg("expected", "next")
            .suggest(Some("next"))
            .locate("x.ron", &src, &LineIndex::new(&src));
        assert_eq!((d.line, d.column), (2, 16_001));
        let text = human(&d, Lang::En);
        assert!(text.len() < 1_000, "{} bytes:\n{text}", text.len());
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[1].ends_with("x.ron:2:16001"), "{text}");
        let shown = lines[3];
        let carets = lines[4];
        // Columns, not bytes: the window starts with `…`.
        let at = carets.find('^').unwrap();
        let under: String = shown.chars().skip(at).take(3).collect();
        assert_eq!(under, "nxt", "{text}");
        assert!(carets.ends_with("^^^"));
    }

    #[test]
    fn a_file_level_error_has_no_empty_snippet() {
        let mut d = Diagnostic::new(Code::Io, Span::default())
            .arg("reason", "denied")
            .arg("kind", "not_found");
        d.file = "scenarios".into();
        d.line = 1;
        d.column = 1;
        let text = human(&d, Lang::En);
        assert!(text.contains("no such file or folder"), "{text}");
        assert!(text.contains("  --> scenarios\n"), "{text}");
        assert!(!text.contains(" | "), "{text}");
    }

    #[test]
    fn a_flood_of_one_code_shows_a_few_and_counts_the_rest() {
        let src = "x\n".repeat(2_000);
        let index = LineIndex::new(&src);
        let diags: Vec<Diagnostic> = (0..1_999)
            .map(|i| {
                Diagnostic::new(Code::NoEndingReachable, Span::new(i * 2, i * 2 + 1))
                    .arg("id", format!("n{i}"))
                    .locate("big.ron", &src, &index)
            })
            .chain(std::iter::once(
                Diagnostic::new(Code::Untagged, Span::new(0, 1))
                    .arg("id", "c")
                    .locate("big.ron", &src, &index),
            ))
            .collect();
        let text = human_all(&diags, Lang::En);
        assert_eq!(
            text.matches("error[E029]").count(),
            SHOWN_PER_CODE + 1,
            "{text}"
        );
        assert!(
            text.contains("… and 1994 more error[E029] in big.ron"),
            "{text}"
        );
        assert_eq!(text.matches("warning[W001]").count(), 1);
        assert!(text.len() < 4_000, "{}", text.len());
    }

    #[test]
    fn json_has_the_documented_fields() {
        let d = Diagnostic::new(Code::DeadEnd, Span::new(0, 1))
            .arg("id", "n1")
            .locate("f.ron", "x", &LineIndex::new("x"));
        let v = json_value(&d, Lang::Ja);
        for key in ["file", "line", "column", "severity", "code", "message"] {
            assert!(v.get(key).is_some(), "{key}");
        }
        assert_eq!(v["code"], "E027");
        assert_eq!(v["severity"], "error");
    }
}
