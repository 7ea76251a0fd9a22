//! Diagnostics: every mistake a trainer can make, as plain data with a stable code.
//!
//! A diagnostic knows its file, line, column and the source line it points at, so it
//! can be rendered anywhere (terminal, JSON, the app's overlay) without the source.
//! Rendering lives in `render`; it never changes what was found.

mod code;
pub mod render;
pub mod snippet;

pub use code::{Code, Severity};

use crate::i18n::{self, Args};
use crate::span::{LineIndex, Span};
use crate::text::Lang;

#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub code: Code,
    pub file: String,
    pub span: Span,
    /// 1-based line and character column of the span's start.
    pub line: u32,
    pub column: u32,
    /// Characters the span covers on its first line (at least 1), for the caret.
    pub width: u32,
    /// The line of source the diagnostic points at; a long line is cut to a
    /// window around the column (see [`snippet`]), so `…` may stand at either end.
    pub source_line: String,
    /// 1-based character column in `source_line` where the caret starts (the
    /// shown line may be cut, or not the file's: a spreadsheet cell is shown as
    /// `B7 difficulty: 9`); 0 until a snippet is set, meaning "as `column`".
    pub snippet_column: u32,
    /// Named values the message and hint are written with.
    pub args: Vec<(&'static str, String)>,
}

impl Diagnostic {
    /// A diagnostic not yet placed in a file; `Located::locate` fills in the rest.
    pub fn new(code: Code, span: Span) -> Diagnostic {
        Diagnostic {
            code,
            file: String::new(),
            span,
            line: 0,
            column: 0,
            width: 1,
            source_line: String::new(),
            snippet_column: 0,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Diagnostic {
        self.args.push((name, value.to_string()));
        self
    }

    /// Adds a "did you mean" candidate; messages test `$suggested` (yes / no).
    pub fn suggest(self, candidate: Option<&str>) -> Diagnostic {
        match candidate {
            Some(c) => self.arg("suggestion", c).arg("suggested", "yes"),
            None => self.arg("suggestion", "").arg("suggested", "no"),
        }
    }

    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }

    pub fn message(&self, lang: Lang) -> String {
        i18n::message(lang, self.code.as_str(), &self.fluent_args())
    }

    pub fn hint(&self, lang: Lang) -> Option<String> {
        i18n::attribute(lang, self.code.as_str(), "hint", &self.fluent_args())
    }

    fn fluent_args(&self) -> Args<'_> {
        self.args.iter().map(|(k, v)| (*k, v.as_str())).collect()
    }

    /// Places the diagnostic in `file`, whose text is `src`.
    pub fn locate(mut self, file: &str, src: &str, index: &LineIndex) -> Diagnostic {
        self.file = file.to_string();
        let start = index.line_col(src, self.span.start as usize);
        self.line = start.line;
        self.column = start.column;
        let text = index.line_text(src, start.line);
        let end = index.line_col(src, self.span.end as usize);
        let width = if end.line == start.line {
            (end.column - start.column).max(1)
        } else {
            (text.chars().count() as u32 + 1)
                .saturating_sub(start.column)
                .max(1)
        };
        self.set_snippet(text, start.column, width);
        self
    }

    /// Keeps `line` as the snippet, the span at character `column` and `width`
    /// characters long; a long line is kept only as a window around the span.
    pub fn set_snippet(&mut self, line: &str, column: u32, width: u32) {
        let s = snippet::window(line, column, width);
        self.source_line = s.text;
        self.snippet_column = s.column;
        self.width = s.width;
    }

    /// Where the caret starts in `source_line` (1-based characters).
    pub fn caret_column(&self) -> u32 {
        if self.snippet_column == 0 {
            self.column
        } else {
            self.snippet_column
        }
    }
}

/// Levenshtein distance on characters; small and only used for "did you mean".
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(!ca.eq_ignore_ascii_case(&cb));
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The closest of `candidates` to `word`, if it is close enough to be a typo.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1) + 1;
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_find_typos_but_not_strangers() {
        assert_eq!(
            suggest("custmer", ["customer", "choices"]),
            Some("customer")
        );
        assert_eq!(suggest("nodez", ["nodes", "next"]), Some("nodes"));
        assert_eq!(suggest("banana", ["customer", "choices"]), None);
    }

    #[test]
    fn locating_measures_the_caret_in_characters() {
        let src = "(\n  名前: \"x\",\n)";
        let index = LineIndex::new(src);
        let at = src.find('名').unwrap();
        let d = Diagnostic::new(Code::UnknownField, Span::new(at, at + "名前".len()))
            .locate("f.ron", src, &index);
        assert_eq!((d.line, d.column, d.width), (2, 3, 2));
        assert_eq!(d.source_line, "  名前: \"x\",");
    }
}
