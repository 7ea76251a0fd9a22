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
    if d.line == 0 {
        let _ = writeln!(out, "  --> {}", d.file);
    } else {
        let _ = writeln!(out, "  --> {}:{}:{}", d.file, d.line, d.column);
        let num = d.line.to_string();
        let line = d.source_line.replace('\t', " ");
        let before: String = line
            .chars()
            .take(d.column.saturating_sub(1) as usize)
            .collect();
        let marked: String = line
            .chars()
            .skip(d.column.saturating_sub(1) as usize)
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
