//! Scenarios as spreadsheets, for trainers who write scripts in Excel:
//! `claim-dojo import calls.csv` and `claim-dojo export-sheet SCENARIO`. The
//! layout (one row per choice) is in `layout.rs` and docs/spreadsheet.md.

pub mod export;
pub mod import;
pub mod layout;
pub mod read;
mod ron_out;

/// How `export-sheet` encodes the file.
#[derive(Copy, Clone, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Encoding {
    /// UTF-8 with a byte-order mark: Excel (2016 and later) opens it as UTF-8.
    #[value(name = "utf-8")]
    Utf8,
    /// Shift_JIS, what Excel on a Japanese Windows writes as plain "CSV".
    #[value(name = "shift_jis")]
    ShiftJis,
}

/// A cell Shift_JIS cannot hold, by its 1-based row and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unencodable {
    pub row: usize,
    pub col: usize,
    pub character: char,
}

/// The rows as a CSV file, lines ended as Excel ends them (CRLF).
pub fn to_csv(rows: &[Vec<String>], encoding: Encoding) -> Result<Vec<u8>, Unencodable> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(Vec::new());
    for row in rows {
        // Trailing empty cells say nothing; leaving them out keeps the file small.
        let used = row.iter().rposition(|c| !c.is_empty()).map_or(0, |i| i + 1);
        let cells = if used == 0 {
            &row[..1.min(row.len())]
        } else {
            &row[..used]
        };
        if cells.is_empty() {
            let _ = w.write_record([""]);
        } else {
            let _ = w.write_record(cells);
        }
    }
    let text = w.into_inner().unwrap_or_default();
    match encoding {
        Encoding::Utf8 => {
            let mut out = b"\xEF\xBB\xBF".to_vec();
            out.extend_from_slice(&text);
            Ok(out)
        }
        Encoding::ShiftJis => {
            let text = String::from_utf8(text).unwrap_or_default();
            let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&text);
            // Some characters encode but come back as others (U+FF5E `～`
            // returns as U+301C `〜`): only a file that reads back the same is kept.
            if !unmappable && encoding_rs::SHIFT_JIS.decode_without_bom_handling(&bytes).0 == text {
                return Ok(bytes.into_owned());
            }
            Err(first_unencodable(rows))
        }
    }
}

fn first_unencodable(rows: &[Vec<String>]) -> Unencodable {
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            for ch in cell.chars() {
                let mut buf = [0u8; 4];
                let one: &str = ch.encode_utf8(&mut buf);
                let (bytes, _, bad) = encoding_rs::SHIFT_JIS.encode(one);
                if bad || encoding_rs::SHIFT_JIS.decode_without_bom_handling(&bytes).0 != one {
                    return Unencodable {
                        row: r + 1,
                        col: c + 1,
                        character: ch,
                    };
                }
            }
        }
    }
    Unencodable {
        row: 1,
        col: 1,
        character: '?',
    }
}
