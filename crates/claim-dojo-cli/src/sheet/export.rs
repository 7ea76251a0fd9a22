//! A scenario file to a sheet, read from the positioned RON tree rather than
//! the model: every value keeps the exact text it was written with, and a
//! field the sheet has no column for (one added to the format later, say) goes
//! whole into a `more` cell, so importing the sheet gives the same scenario.

use claim_dojo_core::load::tree::{self, Field, Kind, Value};

use super::layout::{self, COLUMNS, Kind as Cell};

/// Structs whose fields get rows of their own (`persona.anger`…).
const STRUCTS: &[&str] = &["persona", "handoff", "persona.reactions"];

/// The rows of the sheet for the scenario source `src`, which must be a
/// scenario the loader accepts (the caller checks).
pub fn rows(src: &str) -> Result<Vec<Vec<String>>, tree::SyntaxError> {
    let arena = tree::arena_for(src);
    let top = tree::parse(src, &arena)?;
    let mut out = Sheet {
        src,
        rows: vec![
            layout::FIELDS_HEADER
                .iter()
                .map(|s| s.to_string())
                .collect(),
        ],
    };
    let fields = struct_fields(&top).unwrap_or_default();
    out.fields(fields, "");
    // In the layout's order whatever the file's, so a sheet and the sheet of
    // its import are the same sheet.
    let order = |row: &Vec<String>| {
        layout::KEYS
            .iter()
            .position(|(k, _)| row.first().is_some_and(|c| c == k))
            .unwrap_or(usize::MAX)
    };
    out.rows[1..].sort_by_key(order);
    out.rows.push(Vec::new());
    out.rows
        .push(COLUMNS.iter().map(|c| c.name.to_string()).collect());
    if let Some(nodes) = fields.iter().find(|f| f.name.name == "nodes")
        && let Kind::List(nodes) = &nodes.value.kind
    {
        for n in nodes.iter() {
            out.node(n);
        }
    }
    Ok(out.rows)
}

struct Sheet<'s> {
    src: &'s str,
    rows: Vec<Vec<String>>,
}

fn struct_fields<'v, 'a>(v: &'v Value<'a>) -> Option<&'v [Field<'a>]> {
    match &v.kind {
        Kind::Struct { fields, .. } => Some(fields),
        Kind::Tuple { items: [], .. } => Some(&[]),
        _ => None,
    }
}

/// `Some(x)` and a bare `x` are the same value; `None` is no value.
fn some<'v, 'a>(v: &'v Value<'a>) -> Option<&'v Value<'a>> {
    match &v.kind {
        Kind::Ident("None") => None,
        Kind::Tuple {
            name: Some(n),
            items,
        } if n.name == "Some" && items.len() == 1 => Some(&items[0]),
        _ => Some(v),
    }
}

fn text(v: &Value<'_>) -> Option<(String, String)> {
    let fields = struct_fields(v)?;
    let get = |k: &str| match fields
        .iter()
        .find(|f| f.name.name == k)
        .map(|f| &f.value.kind)
    {
        Some(Kind::Str(s)) => Some(layout::guard_formula(s)),
        _ => None,
    };
    (fields.len() == 2).then_some(())?;
    Some((get("ja")?, get("en")?))
}

impl Sheet<'_> {
    fn slice(&self, from: u32, to: u32) -> String {
        self.src[from as usize..to as usize].to_string()
    }

    fn verbatim(&self, f: &Field<'_>) -> String {
        self.slice(f.name.span.start, f.value.span.end)
    }

    /// A value as one cell, when `kind` can hold it.
    fn scalar(&self, v: &Value<'_>, kind: Cell) -> Option<String> {
        match (kind, &v.kind) {
            // Cells are trimmed on import: a string that is not already trimmed
            // (or is empty) is kept whole in a `more` cell instead.
            (Cell::Str, Kind::Str(s)) => (!s.is_empty() && s.trim() == *s).then(|| s.to_string()),
            (Cell::Number, Kind::Number { .. }) => Some(self.slice(v.span.start, v.span.end)),
            (Cell::Name, Kind::Ident(n)) => Some(n.to_string()),
            (Cell::Names | Cell::Strs | Cell::Numbers, Kind::List(items)) if !items.is_empty() => {
                let each: Option<Vec<String>> = items
                    .iter()
                    .map(|i| {
                        let one = match kind {
                            Cell::Names => Cell::Name,
                            Cell::Strs => Cell::Str,
                            _ => Cell::Number,
                        };
                        self.scalar(i, one)
                            .filter(|s| layout::items(s).count() == 1 && s.trim() == s)
                    })
                    .collect();
                each.map(|e| e.join(" "))
            }
            _ => None,
        }
    }

    /// The scenario's own fields (and those of persona, handoff, reactions).
    fn fields(&mut self, fields: &[Field<'_>], prefix: &str) {
        let mut more = Vec::new();
        for f in fields {
            let key = format!("{prefix}{}", f.name.name);
            if prefix.is_empty() && key == "nodes" {
                continue;
            }
            let Some(v) = some(&f.value) else {
                // `None` is what leaving the field out gives.
                continue;
            };
            if STRUCTS.contains(&key.as_str()) {
                match struct_fields(v) {
                    Some(inner) => self.fields(inner, &format!("{key}.")),
                    None => more.push(self.verbatim(f)),
                }
                continue;
            }
            let row = match layout::key_kind(&key) {
                Some(Cell::Text) => text(v).map(|(ja, en)| vec![vec![key.clone(), ja, en]]),
                Some(Cell::TextLines) => match &v.kind {
                    Kind::List(items) => items
                        .iter()
                        .map(|i| text(i).map(|(ja, en)| vec![key.clone(), ja, en]))
                        .collect(),
                    _ => None,
                },
                Some(Cell::More) | None => None,
                Some(kind) => self.scalar(v, kind).map(|s| vec![vec![key.clone(), s]]),
            };
            match row {
                Some(rows) => self.rows.extend(rows),
                None => more.push(self.verbatim(f)),
            }
        }
        if !more.is_empty() {
            self.rows
                .push(vec![format!("{prefix}more"), more.join(", ")]);
        }
    }

    /// One node: its first row with the node's cells, then a row per further
    /// choice or waiting line.
    fn node(&mut self, n: &Value<'_>) {
        let width = COLUMNS.len();
        let index = |name: &str| COLUMNS.iter().position(|c| c.name == name).unwrap_or(0);
        let mut first = vec![String::new(); width];
        let mut waiting: Vec<(String, String)> = Vec::new();
        let mut choices: Vec<Vec<String>> = Vec::new();
        let mut more = Vec::new();
        for f in struct_fields(n).unwrap_or_default() {
            let name = f.name.name;
            let Some(v) = some(&f.value) else { continue };
            let done = match name {
                "id" => self.put(&mut first, index("node"), v, Cell::Str),
                "speaker" | "customer" | "coach" => {
                    put_text(&mut first, index(&format!("{name}.ja")), v)
                }
                "cues" => self.put(&mut first, index("cues"), v, Cell::Names) || is_empty_list(v),
                "waiting" => match &v.kind {
                    Kind::List(items) => {
                        let lines: Option<Vec<_>> = items.iter().map(text).collect();
                        lines.map(|l| waiting = l).is_some()
                    }
                    _ => false,
                },
                "ending" => self.ending(&mut first, v),
                "choices" => match &v.kind {
                    Kind::List(items) => {
                        choices = items.iter().map(|c| self.choice(c)).collect();
                        true
                    }
                    _ => false,
                },
                _ => false,
            };
            if !done {
                more.push(self.verbatim(f));
            }
        }
        if !more.is_empty() {
            first[index("node.more")] = more.join(", ");
        }
        let rows = 1.max(choices.len()).max(waiting.len());
        let (wja, wen) = (index("waiting.ja"), index("waiting.en"));
        let choice_from = index("choice");
        for r in 0..rows {
            let mut row = if r == 0 {
                first.clone()
            } else {
                vec![String::new(); width]
            };
            if let Some((ja, en)) = waiting.get(r) {
                row[wja] = ja.clone();
                row[wen] = en.clone();
            }
            if let Some(c) = choices.get(r) {
                row[choice_from..].clone_from_slice(&c[choice_from..]);
            }
            self.rows.push(row);
        }
    }

    fn put(&self, row: &mut [String], at: usize, v: &Value<'_>, kind: Cell) -> bool {
        match self.scalar(v, kind) {
            Some(s) => {
                row[at] = s;
                true
            }
            None => false,
        }
    }

    fn ending(&self, row: &mut [String], v: &Value<'_>) -> bool {
        let at = COLUMNS.iter().position(|c| c.name == "ending").unwrap_or(0);
        match &v.kind {
            Kind::Ident(name) => {
                row[at] = name.to_string();
                true
            }
            Kind::Struct {
                name: Some(name),
                fields,
            } if fields.len() == 1 && fields[0].name.name == "deadline" => {
                let deadline = COLUMNS
                    .iter()
                    .position(|c| c.name == "deadline.ja")
                    .unwrap_or(0);
                if put_text(row, deadline, &fields[0].value) {
                    row[at] = name.name.to_string();
                    true
                } else {
                    false
                }
            }
            _ => false,
        }
    }

    /// A choice's cells (a full row; only the choice columns are used).
    fn choice(&self, c: &Value<'_>) -> Vec<String> {
        let index = |name: &str| COLUMNS.iter().position(|c| c.name == name).unwrap_or(0);
        let mut row = vec![String::new(); COLUMNS.len()];
        let mut more = Vec::new();
        for f in struct_fields(c).unwrap_or_default() {
            let name = f.name.name;
            let Some(v) = some(&f.value) else { continue };
            let done = match name {
                "id" => self.put(&mut row, index("choice"), v, Cell::Str),
                "text" | "note" => put_text(&mut row, index(&format!("{name}.ja")), v),
                "next" | "if_calm" => self.put(&mut row, index(name), v, Cell::Str),
                "anger" => self.put(&mut row, index("anger"), v, Cell::Number),
                "tags" | "brief" => {
                    self.put(&mut row, index(name), v, Cell::Names) || is_empty_list(v)
                }
                "sets" | "if_set" | "unless_set" => {
                    self.put(&mut row, index(name), v, Cell::Strs) || is_empty_list(v)
                }
                // An empty `steps` list is not the same as none: keep it whole.
                "steps" => self.put(&mut row, index("steps"), v, Cell::Numbers),
                "if_angry" => match struct_fields(v) {
                    Some(b) if b.len() == 2 => {
                        let get = |k: &str| b.iter().find(|f| f.name.name == k).map(|f| &f.value);
                        match (get("at_least"), get("next")) {
                            (Some(a), Some(n)) => {
                                self.put(&mut row, index("if_angry.at_least"), a, Cell::Number)
                                    && self.put(&mut row, index("if_angry.next"), n, Cell::Str)
                            }
                            _ => false,
                        }
                    }
                    _ => false,
                },
                _ => false,
            };
            if !done {
                more.push(self.verbatim(f));
            }
        }
        if !more.is_empty() {
            row[index("choice.more")] = more.join(", ");
        }
        row
    }
}

/// A text into two cells, `ja` at `at` and `en` after it.
fn put_text(row: &mut [String], at: usize, v: &Value<'_>) -> bool {
    match text(v) {
        Some((ja, en)) => {
            row[at] = ja;
            row[at + 1] = en;
            true
        }
        None => false,
    }
}

fn is_empty_list(v: &Value<'_>) -> bool {
    matches!(&v.kind, Kind::List(items) if items.is_empty())
}
