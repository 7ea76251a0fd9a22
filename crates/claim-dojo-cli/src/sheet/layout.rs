//! The spreadsheet layout (docs/spreadsheet.md): the scenario's own fields as
//! `key, ja / value, en` rows, then a table with one row per choice. Import and
//! export share these names, so what one writes the other reads.

/// How a cell (or a pair of cells) becomes RON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A text in both languages: the `ja` cell and the `en` cell.
    Text,
    /// A string, such as an id.
    Str,
    /// A number, written as it stands.
    Number,
    /// A name such as `Primary` or `HungUp`.
    Name,
    /// Names separated by spaces or commas: tags, cues, brief items.
    Names,
    /// Strings separated by spaces or commas: rule ids.
    Strs,
    /// Numbers separated by spaces or commas: steps.
    Numbers,
    /// One text per row, the rows making a list (persona reactions, notes).
    TextLines,
    /// RON fields written as they stand (`field: value, …`): anything the
    /// sheet has no column for, so that a round trip loses nothing.
    More,
}

/// The scenario's own fields, one row each (a `TextLines` key may repeat).
/// The part before the first `.` is the struct a field belongs to.
pub const KEYS: &[(&str, Kind)] = &[
    ("format", Kind::Number),
    ("id", Kind::Str),
    ("title", Kind::Text),
    ("summary", Kind::Text),
    ("role", Kind::Name),
    ("difficulty", Kind::Number),
    ("minutes", Kind::Number),
    ("rules", Kind::Strs),
    ("thermometer", Kind::Name),
    ("customer_kind", Kind::Name),
    ("start", Kind::Str),
    ("more", Kind::More),
    ("persona.name", Kind::Text),
    ("persona.background", Kind::Text),
    ("persona.anger", Kind::Number),
    ("persona.calm_below", Kind::Number),
    ("persona.hang_up_at", Kind::Number),
    ("persona.volatility", Kind::Number),
    ("persona.patience_s", Kind::Number),
    ("persona.chars_per_s", Kind::Number),
    ("persona.reactions.interrupted", Kind::TextLines),
    ("persona.reactions.hang_up", Kind::TextLines),
    ("persona.reactions.more", Kind::More),
    ("persona.more", Kind::More),
    ("handoff.operator", Kind::Text),
    ("handoff.customer", Kind::Text),
    ("handoff.request", Kind::Text),
    ("handoff.reason", Kind::Text),
    ("handoff.state", Kind::Text),
    ("handoff.wants", Kind::Text),
    ("handoff.notes", Kind::TextLines),
    ("handoff.more", Kind::More),
];

/// The first cell of the row that heads the table of nodes and choices.
pub const TABLE_START: &str = "node";
/// The first cell of the optional row that heads the scenario's fields.
pub const FIELDS_HEADER: [&str; 3] = ["field", "ja / value", "en"];

/// A column of the table: its header, the field it fills and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub kind: Kind,
    /// Whether it belongs to the node (first row of the node only) or the choice.
    pub of: Of,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Of {
    Node,
    /// Waiting lines: the k-th row of a node holds its k-th line.
    Waiting,
    Choice,
}

const fn col(name: &'static str, kind: Kind, of: Of) -> Column {
    Column { name, kind, of }
}

/// Every column, in the order `export-sheet` writes them. A text is two
/// columns, `….ja` and `….en`; import finds columns by name, in any order.
pub const COLUMNS: &[Column] = &[
    col("node", Kind::Str, Of::Node),
    col("speaker.ja", Kind::Text, Of::Node),
    col("speaker.en", Kind::Text, Of::Node),
    col("customer.ja", Kind::Text, Of::Node),
    col("customer.en", Kind::Text, Of::Node),
    col("waiting.ja", Kind::Text, Of::Waiting),
    col("waiting.en", Kind::Text, Of::Waiting),
    col("cues", Kind::Names, Of::Node),
    col("coach.ja", Kind::Text, Of::Node),
    col("coach.en", Kind::Text, Of::Node),
    col("ending", Kind::Name, Of::Node),
    col("deadline.ja", Kind::Text, Of::Node),
    col("deadline.en", Kind::Text, Of::Node),
    col("node.more", Kind::More, Of::Node),
    col("choice", Kind::Str, Of::Choice),
    col("text.ja", Kind::Text, Of::Choice),
    col("text.en", Kind::Text, Of::Choice),
    col("next", Kind::Str, Of::Choice),
    col("anger", Kind::Number, Of::Choice),
    col("tags", Kind::Names, Of::Choice),
    col("if_angry.at_least", Kind::Number, Of::Choice),
    col("if_angry.next", Kind::Str, Of::Choice),
    col("if_calm", Kind::Str, Of::Choice),
    col("steps", Kind::Numbers, Of::Choice),
    col("brief", Kind::Names, Of::Choice),
    col("sets", Kind::Strs, Of::Choice),
    col("if_set", Kind::Strs, Of::Choice),
    col("unless_set", Kind::Strs, Of::Choice),
    col("note.ja", Kind::Text, Of::Choice),
    col("note.en", Kind::Text, Of::Choice),
    col("choice.more", Kind::More, Of::Choice),
];

/// Columns a table must have: without them no node or choice can be read.
pub const REQUIRED: &[&str] = &[
    "node",
    "customer.ja",
    "customer.en",
    "choice",
    "text.ja",
    "text.en",
    "next",
];

pub fn key_kind(key: &str) -> Option<Kind> {
    KEYS.iter().find(|(k, _)| *k == key).map(|&(_, kind)| kind)
}

pub fn column(name: &str) -> Option<&'static Column> {
    COLUMNS.iter().find(|c| c.name == name)
}

/// `A`, `B`, … `Z`, `AA`… for a 1-based column number, as spreadsheets name them.
pub fn letters(mut col: usize) -> String {
    let mut out = Vec::new();
    while col > 0 {
        let rem = (col - 1) % 26;
        out.push(b'A' + rem as u8);
        col = (col - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Splits a list cell on spaces and commas (ASCII and Japanese).
pub fn items(cell: &str) -> impl Iterator<Item = &str> {
    cell.split([' ', ',', '、', '，', '\u{3000}', '\t', '\n', '\r'])
        .filter(|s| !s.is_empty())
}

/// A text cell that a spreadsheet would take for a formula (`=…`, `+…`, `-…`,
/// `@…`) gets a leading `'`, as one types it in Excel; so does one that already
/// starts with `'`, so that [`unguard_formula`] gives back exactly the text.
pub fn guard_formula(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\'']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The text of a cell written by [`guard_formula`].
pub fn unguard_formula(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\'']) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_guards_come_off_exactly() {
        for t in [
            "=HYPERLINK(\"x\")",
            "+1",
            "-と言われ",
            "@a",
            "'quoted'",
            "''",
            "普通の文",
            "a=b",
        ] {
            assert_eq!(unguard_formula(&guard_formula(t)), t);
        }
        assert_eq!(guard_formula("=1+1"), "'=1+1");
        assert_eq!(guard_formula("ふつう"), "ふつう");
    }

    #[test]
    fn columns_are_named_as_spreadsheets_name_them() {
        assert_eq!(letters(1), "A");
        assert_eq!(letters(17), "Q");
        assert_eq!(letters(26), "Z");
        assert_eq!(letters(27), "AA");
        assert_eq!(letters(28), "AB");
    }

    #[test]
    fn every_required_column_exists_and_names_are_unique() {
        for r in REQUIRED {
            assert!(column(r).is_some(), "{r}");
        }
        for (i, c) in COLUMNS.iter().enumerate() {
            assert!(!COLUMNS[..i].iter().any(|d| d.name == c.name), "{}", c.name);
        }
        assert_eq!(
            items("R01 R05,R06、 R12").collect::<Vec<_>>(),
            ["R01", "R05", "R06", "R12"]
        );
    }
}
