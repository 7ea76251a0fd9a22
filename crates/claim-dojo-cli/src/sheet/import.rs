//! A sheet to a scenario: the cells are written out as RON (remembering each
//! value's cell), the RON goes through the same loader and validator as any
//! scenario file, and every diagnostic is moved back to the row and column of
//! the cell it is about.

use std::collections::HashMap;

use claim_dojo_core::diagnostic::{Code, Diagnostic, suggest};
use claim_dojo_core::{Scenario, load_str};

use super::layout::{self, COLUMNS, Column, Kind, Of};
use super::read::{self, Rows};
use super::ron_out::{Cell, Regions, RonOut, string};

/// What importing a sheet gave.
#[derive(Debug)]
pub struct Imported {
    /// The scenario file's text, when the sheet had the layout to make one.
    pub ron: Option<String>,
    /// The scenario, when it loads without errors.
    pub scenario: Option<Scenario>,
    /// Every problem, at its row and column in the sheet.
    pub diagnostics: Vec<Diagnostic>,
}

impl Imported {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Imports the CSV `bytes` read from `file`; `target` names the scenario file it
/// will be written to (by default `ID.ron`, so that the id and file name agree).
pub fn import(file: &str, bytes: &[u8], target: Option<&str>) -> Imported {
    let rows = match read::rows(file, bytes) {
        Ok(r) => r,
        Err(d) => {
            return Imported {
                ron: None,
                scenario: None,
                diagnostics: vec![d],
            };
        }
    };
    let mut b = Builder {
        file,
        rows: &rows,
        out: RonOut::new(),
        diags: Vec::new(),
        columns: HashMap::new(),
        header_row: 0,
    };
    if !b.build() {
        return Imported {
            ron: None,
            scenario: None,
            diagnostics: b.diags,
        };
    }
    let Builder {
        out,
        mut diags,
        columns,
        header_row,
        ..
    } = b;
    let (text, regions) = out.finish();
    let id = key_value(&rows, "id").unwrap_or_default();
    let target = target.map_or_else(|| format!("{id}.ron"), str::to_string);
    let loaded = load_str(&target, &text);
    let headers = Headers {
        rows: &rows,
        columns: &columns,
        header_row,
    };
    diags.extend(
        loaded
            .diagnostics
            .into_iter()
            .map(|d| relocate(d, &regions, &headers, file)),
    );
    diags.sort_by_key(|d| (d.line, d.column, d.code));
    Imported {
        ron: Some(text),
        scenario: loaded.scenario,
        diagnostics: diags,
    }
}

/// The value of a scenario key, for naming the output file.
fn key_value(rows: &Rows, key: &str) -> Option<String> {
    rows.rows
        .iter()
        .take_while(|r| r.first().map(|c| c.trim()) != Some(layout::TABLE_START))
        .find(|r| r.first().map(|c| c.trim()) == Some(key))
        .and_then(|r| r.get(1))
        .map(|v| v.trim().to_string())
}

struct Headers<'a> {
    rows: &'a Rows,
    columns: &'a HashMap<&'static str, usize>,
    header_row: usize,
}

impl Headers<'_> {
    /// What a cell is: its column's header in the table, its key above it.
    fn name(&self, cell: Cell) -> String {
        if cell.row > self.header_row {
            self.columns
                .iter()
                .find(|&(_, &c)| c == cell.col)
                .map_or_else(String::new, |(n, _)| n.to_string())
        } else {
            self.rows.cell(cell.row, 1).trim().to_string()
        }
    }
}

/// A loader diagnostic about the written RON, moved to the cell it came from.
fn relocate(d: Diagnostic, regions: &Regions, headers: &Headers, file: &str) -> Diagnostic {
    let cell = regions
        .cell_at(d.span.start as usize)
        .unwrap_or(Cell { row: 1, col: 1 });
    let mut moved = Diagnostic::new(d.code, d.span);
    moved.args = d.args;
    place(&mut moved, file, headers.rows, cell, &headers.name(cell));
    moved
}

/// Places `d` at `cell`, showing the cell as `Q12 next: confirmd`.
fn place(d: &mut Diagnostic, file: &str, rows: &Rows, cell: Cell, name: &str) {
    d.file = file.to_string();
    d.line = cell.row as u32;
    d.column = cell.col as u32;
    let value = rows.cell(cell.row, cell.col);
    let label = if name.is_empty() {
        format!("{}{} ", layout::letters(cell.col), cell.row)
    } else {
        format!("{}{} {name}: ", layout::letters(cell.col), cell.row)
    };
    let at = label.chars().count() as u32 + 1;
    let width = value.chars().count().max(1) as u32;
    d.set_snippet(&format!("{label}{value}"), at, width);
}

struct Builder<'a> {
    file: &'a str,
    rows: &'a Rows,
    out: RonOut,
    diags: Vec<Diagnostic>,
    /// Column number of each known header.
    columns: HashMap<&'static str, usize>,
    /// The row that heads the table (1-based).
    header_row: usize,
}

/// One node's rows: the first holds the node, each may hold a choice and a
/// waiting line.
struct NodeRows {
    rows: Vec<usize>,
}

impl<'a> Builder<'a> {
    fn report(&mut self, code: Code, cell: Cell, args: &[(&'static str, &str)]) {
        let mut d = Diagnostic::new(code, Default::default());
        for &(k, v) in args {
            d = d.arg(k, v);
        }
        let name = if cell.row > self.header_row && self.header_row > 0 {
            self.rows.cell(self.header_row, cell.col).trim().to_string()
        } else {
            String::new()
        };
        place(&mut d, self.file, self.rows, cell, &name);
        self.diags.push(d);
    }

    fn cell(&self, row: usize, col: usize) -> &'a str {
        self.rows.cell(row, col).trim()
    }

    /// A text cell: kept as typed (spaces included), less a formula guard.
    fn text_cell(&self, row: usize, col: usize) -> &'a str {
        let raw = self.rows.cell(row, col);
        if raw.trim().is_empty() {
            ""
        } else {
            layout::unguard_formula(raw)
        }
    }

    /// The cell of a named column on `row` (columns the sheet lacks read as "").
    fn at(&self, row: usize, column: &str) -> (&'a str, Cell) {
        let col = self.columns.get(column).copied().unwrap_or(0);
        (self.cell(row, col), Cell { row, col })
    }

    /// The text cell of a named column on `row`.
    fn at_text(&self, row: usize, column: &str) -> (&'a str, Cell) {
        let col = self.columns.get(column).copied().unwrap_or(0);
        (self.text_cell(row, col), Cell { row, col })
    }

    /// Reads the layout and writes the RON; false when the sheet has no table
    /// to read nodes from.
    fn build(&mut self) -> bool {
        let start = |r: &Vec<String>| r.first().map(|c| c.trim()) == Some(layout::TABLE_START);
        let Some(h) = self.rows.rows.iter().position(start) else {
            self.report(
                Code::SheetLayout,
                Cell { row: 1, col: 1 },
                &[("problem", "no-table"), ("column", layout::TABLE_START)],
            );
            return false;
        };
        self.header_row = h + 1;
        let headers = self.rows.rows[h].clone();
        for (i, name) in headers.iter().enumerate() {
            let name = name.trim();
            let cell = Cell {
                row: h + 1,
                col: i + 1,
            };
            if name.is_empty() {
                continue;
            }
            match layout::column(name) {
                Some(c) => {
                    if self.columns.insert(c.name, i + 1).is_some() {
                        self.report(
                            Code::SheetLayout,
                            cell,
                            &[("problem", "repeated-column"), ("column", name)],
                        );
                    }
                }
                None => {
                    let guess = suggest(name, COLUMNS.iter().map(|c| c.name));
                    self.unknown(cell, "column", name, guess);
                }
            }
        }
        let missing: Vec<&str> = layout::REQUIRED
            .iter()
            .copied()
            .filter(|r| !self.columns.contains_key(r))
            .collect();
        for m in &missing {
            self.report(
                Code::SheetLayout,
                Cell { row: h + 1, col: 1 },
                &[("problem", "missing-column"), ("column", m)],
            );
        }
        if !missing.is_empty() {
            return false;
        }
        self.out.comment(&format!(
            "Imported from {} by `claim-dojo import`.",
            std::path::Path::new(self.file)
                .file_name()
                .map_or_else(|| self.file.into(), |n| n.to_string_lossy())
        ));
        let top = self.out.open(None, "Scenario", Cell { row: 1, col: 1 });
        self.scenario_fields(h);
        self.nodes(h + 1);
        self.out.close(top);
        true
    }

    fn unknown(&mut self, cell: Cell, what: &str, name: &str, guess: Option<&str>) {
        let (suggestion, suggested) = guess.map_or(("", "no"), |g| (g, "yes"));
        self.report(
            Code::SheetUnknownColumn,
            cell,
            &[
                ("what", what),
                ("name", name),
                ("suggestion", suggestion),
                ("suggested", suggested),
            ],
        );
    }

    /// The rows above the table: `key, ja / value, en`.
    fn scenario_fields(&mut self, table: usize) {
        let mut keyed: Vec<(usize, &'static str, Kind)> = Vec::new();
        for row in 1..=table {
            let key = self.cell(row, 1).to_string();
            let rest_empty = self.rows.rows[row - 1]
                .iter()
                .skip(1)
                .all(|c| c.trim().is_empty());
            if (key.is_empty() && rest_empty)
                || key.starts_with('#')
                || key == layout::FIELDS_HEADER[0]
            {
                continue;
            }
            if key.is_empty() {
                let col = self.rows.rows[row - 1]
                    .iter()
                    .position(|c| !c.trim().is_empty())
                    .map_or(1, |c| c + 1);
                self.report(Code::SheetOrphanRow, Cell { row, col }, &[]);
                continue;
            }
            match layout::KEYS.iter().find(|(k, _)| *k == key) {
                Some(&(k, kind)) => keyed.push((row, k, kind)),
                None => {
                    let guess = suggest(&key, layout::KEYS.iter().map(|(k, _)| *k));
                    self.unknown(Cell { row, col: 1 }, "key", &key, guess);
                }
            }
        }
        let (top, rest): (Vec<_>, Vec<_>) =
            keyed.into_iter().partition(|(_, k, _)| !k.contains('.'));
        self.fields_of(&top, "");
        for group in ["persona", "handoff"] {
            let prefix = format!("{group}.");
            let mine: Vec<_> = rest
                .iter()
                .copied()
                .filter(|(_, k, _)| k.starts_with(&prefix))
                .collect();
            let Some(&(first, _, _)) = mine.first() else {
                continue;
            };
            let open = self.out.open(Some(group), "", Cell { row: first, col: 1 });
            let (own, inner): (Vec<_>, Vec<_>) = mine
                .into_iter()
                .partition(|(_, k, _)| !k[prefix.len()..].contains('.'));
            self.fields_of(&own, &prefix);
            if let Some(&(first, _, _)) = inner.first() {
                let sub = format!("{prefix}reactions.");
                let reactions = self
                    .out
                    .open(Some("reactions"), "", Cell { row: first, col: 1 });
                self.fields_of(&inner, &sub);
                self.out.close(reactions);
            }
            self.out.close(open);
        }
    }

    /// Writes keyed rows as fields; the rows of a `TextLines` key make one list.
    fn fields_of(&mut self, keyed: &[(usize, &'static str, Kind)], prefix: &str) {
        let mut listed: Vec<&str> = Vec::new();
        for &(row, key, kind) in keyed {
            let field = &key[prefix.len()..];
            let value = (self.cell(row, 2), Cell { row, col: 2 });
            let en = (self.cell(row, 3), Cell { row, col: 3 });
            let texts = (
                (self.text_cell(row, 2), Cell { row, col: 2 }),
                (self.text_cell(row, 3), Cell { row, col: 3 }),
            );
            match kind {
                Kind::TextLines => {
                    if listed.contains(&key) {
                        continue;
                    }
                    listed.push(key);
                    self.out.open_list(field);
                    for &(r, _, _) in keyed.iter().filter(|(_, k, _)| *k == key) {
                        let ja = (self.text_cell(r, 2), Cell { row: r, col: 2 });
                        let en = (self.text_cell(r, 3), Cell { row: r, col: 3 });
                        self.out.text_field(None, ja, en);
                    }
                    self.out.close_list();
                }
                Kind::Text => {
                    if !value.0.is_empty() || !en.0.is_empty() {
                        self.out.text_field(Some(field), texts.0, texts.1);
                    }
                }
                _ => {
                    if !en.0.is_empty() {
                        self.report(Code::SheetBadCell, en.1, &[("expected", "one-value")]);
                    }
                    self.scalar(field, kind, value);
                }
            }
        }
    }

    /// A field from one cell that is not a text; an empty cell writes nothing.
    fn scalar(&mut self, field: &str, kind: Kind, (value, cell): (&str, Cell)) {
        if value.is_empty() {
            return;
        }
        let bad = |b: &mut Self, expected: &str| {
            b.report(Code::SheetBadCell, cell, &[("expected", expected)]);
        };
        match kind {
            Kind::Str => self.out.field(field, &string(value), cell),
            Kind::Number => match number(value) {
                Some(n) => self.out.field(field, &n, cell),
                None => bad(self, "number"),
            },
            Kind::Name => {
                if is_name(value) {
                    self.out.field(field, value, cell);
                } else {
                    bad(self, "name");
                }
            }
            Kind::Names | Kind::Numbers | Kind::Strs => {
                let mut items = Vec::new();
                for item in layout::items(value) {
                    let ron = match kind {
                        Kind::Names => is_name(item).then(|| item.to_string()),
                        Kind::Numbers => number(item),
                        _ => Some(string(item)),
                    };
                    match ron {
                        Some(r) => items.push(r),
                        None => {
                            let expected = if kind == Kind::Names {
                                "names"
                            } else {
                                "numbers"
                            };
                            return bad(self, expected);
                        }
                    }
                }
                self.out.list_field(field, &items, cell);
            }
            Kind::More => self.out.verbatim(value, cell),
            Kind::Text | Kind::TextLines => {}
        }
    }

    /// The table: one node per row whose `node` cell is filled, with the rows
    /// below it until the next.
    fn nodes(&mut self, header_row: usize) {
        let mut nodes: Vec<NodeRows> = Vec::new();
        for row in header_row + 1..=self.rows.rows.len() {
            let cells = &self.rows.rows[row - 1];
            let Some(first) = cells.iter().position(|c| !c.trim().is_empty()) else {
                continue;
            };
            if !self.at(row, "node").0.is_empty() {
                nodes.push(NodeRows { rows: vec![row] });
            } else if let Some(n) = nodes.last_mut() {
                n.rows.push(row);
            } else {
                self.report(
                    Code::SheetOrphanRow,
                    Cell {
                        row,
                        col: first + 1,
                    },
                    &[],
                );
            }
        }
        self.out.open_list("nodes");
        for n in &nodes {
            self.node(n);
        }
        self.out.close_list();
    }

    fn text_of(&mut self, row: usize, field: &str, name: &str) {
        let ja = self.at_text(row, &format!("{name}.ja"));
        let en = self.at_text(row, &format!("{name}.en"));
        if !ja.0.is_empty() || !en.0.is_empty() {
            self.out.text_field(Some(field), ja, en);
        }
    }

    fn node(&mut self, n: &NodeRows) {
        let first = n.rows[0];
        // Node cells below the node's first row would be silently lost.
        for &row in &n.rows[1..] {
            for c in COLUMNS.iter().filter(|c| c.of == Of::Node) {
                let (v, cell) = self.at(row, c.name);
                if !v.is_empty() && cell.col > 0 {
                    self.report(Code::SheetBadCell, cell, &[("expected", "node-row")]);
                }
            }
        }
        let (id, id_cell) = self.at(first, "node");
        let open = self.out.open(None, "", id_cell);
        self.out.field("id", &string(id), id_cell);
        self.text_of(first, "speaker", "speaker");
        self.text_of(first, "customer", "customer");
        let waiting: Vec<usize> = n
            .rows
            .iter()
            .copied()
            .filter(|&r| {
                !self.at(r, "waiting.ja").0.is_empty() || !self.at(r, "waiting.en").0.is_empty()
            })
            .collect();
        if !waiting.is_empty() {
            self.out.open_list("waiting");
            for r in waiting {
                let ja = self.at_text(r, "waiting.ja");
                let en = self.at_text(r, "waiting.en");
                self.out.text_field(None, ja, en);
            }
            self.out.close_list();
        }
        let cues = self.at(first, "cues");
        self.scalar("cues", Kind::Names, cues);
        self.text_of(first, "coach", "coach");
        self.ending(first);
        let more = self.at(first, "node.more");
        self.scalar("", Kind::More, more);
        let choices: Vec<usize> = n
            .rows
            .iter()
            .copied()
            .filter(|&r| {
                COLUMNS
                    .iter()
                    .filter(|c| c.of == Of::Choice)
                    .any(|c| !self.at(r, c.name).0.is_empty())
            })
            .collect();
        if !choices.is_empty() {
            self.out.open_list("choices");
            for r in choices {
                self.choice(r);
            }
            self.out.close_list();
        }
        self.out.close(open);
    }

    fn ending(&mut self, row: usize) {
        let (name, cell) = self.at(row, "ending");
        let ja = self.at_text(row, "deadline.ja");
        let en = self.at_text(row, "deadline.en");
        let deadline = !ja.0.is_empty() || !en.0.is_empty();
        if name.is_empty() {
            if deadline {
                self.report(Code::SheetBadCell, ja.1, &[("expected", "ending")]);
            }
            return;
        }
        if !is_name(name) {
            self.report(Code::SheetBadCell, cell, &[("expected", "name")]);
            return;
        }
        if deadline {
            let open = self.out.open(Some("ending"), name, cell);
            self.out.text_field(Some("deadline"), ja, en);
            self.out.close(open);
        } else {
            self.out.field("ending", name, cell);
        }
    }

    fn choice(&mut self, row: usize) {
        let id = self.at(row, "choice");
        let open = self.out.open(None, "", id.1);
        self.out.field("id", &string(id.0), id.1);
        self.text_of(row, "text", "text");
        let next = self.at(row, "next");
        self.scalar("next", Kind::Str, next);
        let at_least = self.at(row, "if_angry.at_least");
        let angry_next = self.at(row, "if_angry.next");
        if !at_least.0.is_empty() || !angry_next.0.is_empty() {
            let branch = self.out.open(Some("if_angry"), "", at_least.1);
            self.scalar("at_least", Kind::Number, at_least);
            self.scalar("next", Kind::Str, angry_next);
            self.out.close(branch);
        }
        let columns: [(&str, &Column); 4] = [
            ("if_calm", col("if_calm")),
            ("anger", col("anger")),
            ("tags", col("tags")),
            ("steps", col("steps")),
        ];
        for (field, c) in columns {
            let v = self.at(row, c.name);
            self.scalar(field, c.kind, v);
        }
        let brief = self.at(row, "brief");
        self.scalar("brief", Kind::Names, brief);
        for flags in ["sets", "if_set", "unless_set"] {
            let v = self.at(row, flags);
            self.scalar(flags, Kind::Strs, v);
        }
        self.text_of(row, "note", "note");
        let more = self.at(row, "choice.more");
        self.scalar("", Kind::More, more);
        self.out.close(open);
    }
}

fn col(name: &str) -> &'static Column {
    layout::column(name).expect("a column of the layout")
}

/// A number cell as RON, or `None` when it is not a number. Full-width digits
/// (as a Japanese input method types them) are read as digits.
fn number(cell: &str) -> Option<String> {
    let n: String = cell
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '－' | '−' | 'ー' => '-',
            '．' => '.',
            c => c,
        })
        .collect();
    let body = n.strip_prefix('-').unwrap_or(&n);
    let (mantissa, exponent) = match body.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e.strip_prefix(['+', '-']).unwrap_or(e))),
        None => (body, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let ok = match mantissa.split_once('.') {
        Some((i, f)) => digits(i) && digits(f),
        None => digits(mantissa),
    } && exponent.is_none_or(digits);
    ok.then_some(n)
}

/// A RON identifier: a letter or `_`, then letters, digits and `_`.
fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_names_are_checked_before_they_become_ron() {
        assert_eq!(number("66").as_deref(), Some("66"));
        assert_eq!(number(" -4 ").as_deref(), Some("-4"));
        assert_eq!(number("1.1").as_deref(), Some("1.1"));
        assert_eq!(number("６６").as_deref(), Some("66"));
        assert_eq!(number("1e3").as_deref(), Some("1e3"));
        for bad in ["", "abc", "1.", ".5", "4)", "1,000", "inf", "--1", "1e"] {
            assert_eq!(number(bad), None, "{bad}");
        }
        assert!(is_name("HungUp") && is_name("R_1"));
        assert!(!is_name("Hung Up") && !is_name("1st") && !is_name("") && !is_name("X)"));
    }
}
