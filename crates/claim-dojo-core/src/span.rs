//! Byte ranges in a source file, and the line index that turns them into line:column.

/// A byte range in one source file. `Span::default()` means "no position known".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end.max(start) as u32,
        }
    }

    pub fn point(at: usize) -> Span {
        Span::new(at, at)
    }

    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    pub fn is_known(self) -> bool {
        self != Span::default()
    }
}

/// A 1-based line and column; the column counts characters, as editors do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct LineCol {
    pub line: u32,
    pub column: u32,
}

/// Start offsets of every line of a source, for turning byte offsets into line:column.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(src: &str) -> LineIndex {
        let mut starts = vec![0];
        // A single-character search runs on memchr: a 2 MB file is indexed at
        // memory speed rather than byte by byte.
        starts.extend(src.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    pub fn line_col(&self, src: &str, offset: usize) -> LineCol {
        let offset = clamp_to_char_boundary(src, offset);
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let column = src[self.starts[line]..offset].chars().count() + 1;
        LineCol {
            line: line as u32 + 1,
            column: column as u32,
        }
    }

    /// The text of a 1-based line, without its line break.
    pub fn line_text<'a>(&self, src: &'a str, line: u32) -> &'a str {
        let i = (line as usize).saturating_sub(1);
        let Some(&start) = self.starts.get(i) else {
            return "";
        };
        let end = self.starts.get(i + 1).copied().unwrap_or(src.len());
        src[start..end].trim_end_matches(['\n', '\r'])
    }
}

fn clamp_to_char_boundary(src: &str, offset: usize) -> usize {
    let mut o = offset.min(src.len());
    while !src.is_char_boundary(o) {
        o -= 1;
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters_not_bytes() {
        let src = "ab\nお客様: x\n";
        let idx = LineIndex::new(src);
        assert_eq!(idx.line_col(src, 0), LineCol { line: 1, column: 1 });
        let x = src.find('x').unwrap();
        assert_eq!(idx.line_col(src, x), LineCol { line: 2, column: 6 });
        assert_eq!(idx.line_text(src, 2), "お客様: x");
        assert_eq!(idx.line_col(src, src.len()).line, 3);
    }

    #[test]
    fn an_offset_inside_a_character_is_moved_back_to_its_start() {
        let src = "あい";
        let idx = LineIndex::new(src);
        assert_eq!(idx.line_col(src, 4), LineCol { line: 1, column: 2 });
    }
}
