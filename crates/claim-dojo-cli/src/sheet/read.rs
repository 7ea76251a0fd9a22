//! Reading a CSV file as Excel saves it: UTF-8 (with or without a byte-order
//! mark, "CSV UTF-8") or Shift_JIS ("CSV" on a Japanese Windows), then split into
//! rows of cells. Row numbers are the spreadsheet's: one per record, even when a
//! cell holds line breaks.

use claim_dojo_core::diagnostic::{Code, Diagnostic};

/// A sheet: its rows of cells, in order (row 1 first).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rows {
    pub rows: Vec<Vec<String>>,
    /// The encoding the file was read in: `UTF-8` or `Shift_JIS`.
    pub encoding: &'static str,
}

impl Rows {
    /// The cell at 1-based `row` and `col`, or "" outside the sheet.
    pub fn cell(&self, row: usize, col: usize) -> &str {
        self.rows
            .get(row.wrapping_sub(1))
            .and_then(|r| r.get(col.wrapping_sub(1)))
            .map_or("", String::as_str)
    }
}

/// Decodes and splits `bytes`, read from `file`.
pub fn rows(file: &str, bytes: &[u8]) -> Result<Rows, Diagnostic> {
    let (text, encoding) = decode(file, bytes)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        match record {
            Ok(r) => rows.push(r.iter().map(str::to_string).collect()),
            // The text is valid UTF-8 by now and the reader is flexible, so
            // only an I/O failure on an in-memory buffer could end up here.
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line()) as u32;
                return Err(at_line(file, Code::SheetEncoding, line, ""));
            }
        }
    }
    Ok(Rows { rows, encoding })
}

fn decode<'b>(
    file: &str,
    bytes: &'b [u8],
) -> Result<(std::borrow::Cow<'b, str>, &'static str), Diagnostic> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF");
    if let Ok(text) = std::str::from_utf8(body.unwrap_or(bytes)) {
        return Ok((text.into(), "UTF-8"));
    }
    if let Some(body) = body {
        // A UTF-8 mark on text that is not UTF-8: say where it breaks.
        let e = std::str::from_utf8(body).unwrap_err();
        return Err(bad_byte(file, body, e.valid_up_to()));
    }
    match encoding_rs::SHIFT_JIS.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok((text, "Shift_JIS")),
        None => {
            // Neither encoding reads it. Point at the first line Shift_JIS cannot
            // read (its bytes never contain a line feed inside a character).
            let mut offset = 0;
            for line in bytes.split(|&b| b == b'\n') {
                if encoding_rs::SHIFT_JIS
                    .decode_without_bom_handling_and_without_replacement(line)
                    .is_none()
                {
                    break;
                }
                offset += line.len() + 1;
            }
            Err(bad_byte(file, bytes, offset.min(bytes.len())))
        }
    }
}

fn bad_byte(file: &str, bytes: &[u8], at: usize) -> Diagnostic {
    let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    let start = bytes[..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let shown = String::from_utf8_lossy(&bytes[start..at]).into_owned();
    let mut d = at_line(file, Code::SheetEncoding, line, &shown);
    d.column = shown.chars().count() as u32 + 1;
    d.set_snippet(&shown, d.column, 1);
    d
}

fn at_line(file: &str, code: Code, line: u32, text: &str) -> Diagnostic {
    let mut d = Diagnostic::new(code, Default::default());
    d.file = file.to_string();
    d.line = line.max(1);
    d.column = 1;
    d.set_snippet(text, 1, 1);
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_or_without_a_mark_and_shift_jis_read_alike() {
        let text = "key,ja,en\r\ntitle,返品の送料,\"Who pays, then?\"\r\n";
        let plain = rows("a.csv", text.as_bytes()).unwrap();
        let mut marked = b"\xEF\xBB\xBF".to_vec();
        marked.extend_from_slice(text.as_bytes());
        let marked = rows("a.csv", &marked).unwrap();
        let (sjis, _, unmappable) = encoding_rs::SHIFT_JIS.encode(text);
        assert!(!unmappable);
        let sjis = rows("a.csv", &sjis).unwrap();
        assert_eq!(plain.rows, marked.rows);
        assert_eq!(plain.rows, sjis.rows);
        assert_eq!(plain.encoding, "UTF-8");
        assert_eq!(sjis.encoding, "Shift_JIS");
        assert_eq!(plain.cell(2, 3), "Who pays, then?");
        assert_eq!(plain.cell(9, 9), "");
    }

    #[test]
    fn a_cell_with_line_breaks_is_one_row() {
        let r = rows("a.csv", "a,\"one\ntwo\"\nb,c\n".as_bytes()).unwrap();
        assert_eq!(r.rows.len(), 2);
        assert_eq!(r.cell(1, 2), "one\ntwo");
        assert_eq!(r.cell(2, 1), "b");
    }

    #[test]
    fn bytes_no_encoding_reads_are_an_error_at_their_line() {
        let mut bytes = "a,b\nc,d\n".as_bytes().to_vec();
        bytes.extend_from_slice(&[b'e', b',', 0x82, 0xFF, b'\n']);
        let d = rows("bad.csv", &bytes).unwrap_err();
        assert_eq!(d.code, Code::SheetEncoding);
        assert_eq!((d.line, d.column), (3, 1));
    }
}
