//! The source line a diagnostic shows, cut to a window around its column when the
//! line is long: a mistake inside a 38,000-character line prints a few dozen
//! characters and a caret, not the whole line and thousands of spaces.

/// Lines up to this many characters are shown whole.
pub const WHOLE_LINE_CHARS: usize = 140;
/// Characters kept on each side of the span in a cut line.
const CONTEXT_CHARS: usize = 40;
/// The longest span a caret underlines in a cut line.
const SPAN_CHARS: usize = 60;
/// Marks the side where a cut line goes on.
const CUT: char = '…';

/// A line as shown, with where the caret starts (1-based characters) and how
/// many characters it underlines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub column: u32,
    pub width: u32,
}

/// `line` with its span at character `column` (1-based), `width` characters
/// long; cut to a window when the line is long.
pub fn window(line: &str, column: u32, width: u32) -> Snippet {
    let chars = line.chars().count();
    let width = width.max(1);
    if chars <= WHOLE_LINE_CHARS {
        return Snippet {
            text: line.to_string(),
            column: column.max(1),
            width,
        };
    }
    let at = (column.max(1) as usize - 1).min(chars);
    let span = (width as usize).min(SPAN_CHARS);
    let from = at.saturating_sub(CONTEXT_CHARS);
    let to = (at + span + CONTEXT_CHARS).min(chars);
    let mut text = String::new();
    if from > 0 {
        text.push(CUT);
    }
    text.extend(line.chars().skip(from).take(to - from));
    if to < chars {
        text.push(CUT);
    }
    Snippet {
        text,
        column: (at - from + 1 + usize::from(from > 0)) as u32,
        width: span as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_line_is_kept_whole() {
        let s = window("    next: \"n9\",", 11, 4);
        assert_eq!(s.text, "    next: \"n9\",");
        assert_eq!((s.column, s.width), (11, 4));
    }

    #[test]
    fn a_long_line_is_cut_around_the_column_and_the_caret_moves_with_it() {
        let line = format!("{}next: \"n9\"{}", "x".repeat(20_000), "y".repeat(18_000));
        let column = 20_001;
        let s = window(&line, column, 4);
        assert!(s.text.chars().count() <= 2 * CONTEXT_CHARS + SPAN_CHARS + 2);
        assert!(s.text.starts_with(CUT) && s.text.ends_with(CUT));
        let under: String = s
            .text
            .chars()
            .skip(s.column as usize - 1)
            .take(s.width as usize)
            .collect();
        assert_eq!(under, "next");
    }

    #[test]
    fn a_span_at_either_end_of_a_long_line_is_cut_on_one_side_only() {
        let line = "あ".repeat(1000);
        let start = window(&line, 1, 1);
        assert!(!start.text.starts_with(CUT) && start.text.ends_with(CUT));
        assert_eq!(start.column, 1);
        let end = window(&line, 1000, 1);
        assert!(end.text.starts_with(CUT) && !end.text.ends_with(CUT));
        assert_eq!(end.text.chars().nth(end.column as usize - 1), Some('あ'));
    }

    #[test]
    fn a_huge_span_is_underlined_only_in_part() {
        let line = "z".repeat(50_000);
        let s = window(&line, 10, 40_000);
        assert_eq!(s.width as usize, SPAN_CHARS);
        assert!(s.text.chars().count() < 200);
    }
}
