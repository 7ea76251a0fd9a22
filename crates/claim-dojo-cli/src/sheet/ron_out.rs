//! Writing RON from cells while remembering which cell every value came from,
//! so that whatever the loader finds wrong in the result can be shown at its
//! row and column in the sheet.

use claim_dojo_core::span::Span;

/// A cell: 1-based row and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub row: usize,
    pub col: usize,
}

/// RON text being written, with the cell of each value in it.
#[derive(Debug, Default)]
pub struct RonOut {
    pub text: String,
    indent: usize,
    /// Spans of the text and the cell they came from; structs as well as values.
    regions: Vec<(Span, Cell)>,
}

/// A struct being written: where it opened and the cell it stands for.
pub struct Open {
    start: usize,
    cell: Cell,
}

impl RonOut {
    pub fn new() -> RonOut {
        RonOut::default()
    }

    fn line(&mut self) {
        self.text.push('\n');
        for _ in 0..self.indent {
            self.text.push_str("    ");
        }
    }

    /// `name: Type(` on a new line (`Type(` alone at the top, `(` in a list);
    /// close with [`RonOut::close`].
    pub fn open(&mut self, field: Option<&str>, type_name: &str, cell: Cell) -> Open {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.line();
        }
        if let Some(f) = field {
            self.text.push_str(f);
            self.text.push_str(": ");
        }
        let start = self.text.len();
        self.text.push_str(type_name);
        self.text.push('(');
        self.indent += 1;
        Open { start, cell }
    }

    pub fn close(&mut self, open: Open) {
        self.indent -= 1;
        self.line();
        self.text.push(')');
        let span = Span::new(open.start, self.text.len());
        self.regions.push((span, open.cell));
        if self.indent > 0 {
            self.text.push(',');
        } else {
            self.text.push('\n');
        }
    }

    /// `name: [` on a new line; close with [`RonOut::close_list`].
    pub fn open_list(&mut self, field: &str) {
        self.line();
        self.text.push_str(field);
        self.text.push_str(": [");
        self.indent += 1;
    }

    pub fn close_list(&mut self) {
        self.indent -= 1;
        self.line();
        self.text.push_str("],");
    }

    /// `name: value,` with `value` already RON, from `cell`.
    pub fn field(&mut self, field: &str, value: &str, cell: Cell) {
        self.line();
        self.text.push_str(field);
        self.text.push_str(": ");
        self.value(value, cell);
        self.text.push(',');
    }

    /// A RON value from `cell`, written where the text stands.
    pub fn value(&mut self, value: &str, cell: Cell) {
        let start = self.text.len();
        self.text.push_str(value);
        self.regions.push((Span::new(start, self.text.len()), cell));
    }

    /// `name: [a, b, c],` where each item is RON, all from `cell`.
    pub fn list_field(&mut self, field: &str, items: &[String], cell: Cell) {
        self.line();
        self.text.push_str(field);
        self.text.push_str(": [");
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.text.push_str(", ");
            }
            self.value(item, cell);
        }
        self.text.push_str("],");
    }

    /// `name: (ja: "…", en: "…"),` from two cells.
    pub fn text_field(&mut self, field: Option<&str>, ja: (&str, Cell), en: (&str, Cell)) {
        self.line();
        if let Some(f) = field {
            self.text.push_str(f);
            self.text.push_str(": ");
        }
        let start = self.text.len();
        self.text.push_str("(ja: ");
        self.value(&string(ja.0), ja.1);
        self.text.push_str(", en: ");
        self.value(&string(en.0), en.1);
        self.text.push(')');
        self.regions.push((Span::new(start, self.text.len()), ja.1));
        self.text.push(',');
    }

    /// Fields written as they stand in a `more` cell.
    pub fn verbatim(&mut self, fields: &str, cell: Cell) {
        self.line();
        let fields = fields.trim().trim_end_matches(',');
        self.value(fields, cell);
        self.text.push(',');
    }

    pub fn comment(&mut self, text: &str) {
        for l in text.lines() {
            self.text.push_str("// ");
            self.text.push_str(l);
            self.text.push('\n');
        }
    }

    fn sorted_regions(&self) -> Vec<(Span, Cell)> {
        let mut v = self.regions.clone();
        // Outer before inner where both start at the same place.
        v.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
        v
    }

    /// Every region sorted once, for looking many offsets up.
    pub fn finish(self) -> (String, Regions) {
        let regions = Regions(self.sorted_regions());
        (self.text, regions)
    }
}

/// The regions of a finished text, sorted for lookups.
pub struct Regions(Vec<(Span, Cell)>);

impl Regions {
    /// The cell a byte offset of the text came from: the innermost value or
    /// struct around it.
    pub fn cell_at(&self, offset: usize) -> Option<Cell> {
        let after = self.0.partition_point(|(s, _)| s.start as usize <= offset);
        self.0[..after]
            .iter()
            .rev()
            .find(|(s, _)| offset <= s.end as usize)
            .map(|&(_, c)| c)
    }
}

/// A RON string literal: quotes, backslashes and control characters escaped,
/// everything else (Japanese, bidi controls, `<script>`) kept as it is.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_come_back_as_they_were_written() {
        let s = "「だから」\"quoted\" \\ back\nnew\tline \u{202E}rtl\u{1}";
        let src = format!("Text(ja: {}, en: \"x\")", string(s));
        let arena = claim_dojo_core::load::tree::arena_for(&src);
        let v = claim_dojo_core::load::tree::parse(&src, &arena).unwrap();
        let claim_dojo_core::load::tree::Kind::Struct { fields, .. } = &v.kind else {
            panic!("{v:?}")
        };
        assert_eq!(
            fields[0].value.kind,
            claim_dojo_core::load::tree::Kind::Str(s)
        );
    }

    #[test]
    fn an_offset_maps_to_the_innermost_cell() {
        let mut out = RonOut::new();
        let top = out.open(None, "Scenario", Cell { row: 1, col: 1 });
        out.field("id", "\"x\"", Cell { row: 2, col: 2 });
        let node = out.open(Some("persona"), "", Cell { row: 3, col: 1 });
        out.field("anger", "66", Cell { row: 3, col: 2 });
        out.close(node);
        out.close(top);
        let (text, regions) = out.finish();
        let at = |needle: &str| text.find(needle).unwrap();
        assert_eq!(regions.cell_at(at("\"x\"")), Some(Cell { row: 2, col: 2 }));
        assert_eq!(regions.cell_at(at("66")), Some(Cell { row: 3, col: 2 }));
        assert_eq!(regions.cell_at(at("anger")), Some(Cell { row: 3, col: 1 }));
        assert_eq!(regions.cell_at(0), Some(Cell { row: 1, col: 1 }));
    }
}
