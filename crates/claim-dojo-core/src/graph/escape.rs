//! Text made safe for a graph: a scenario is written by people and may hold
//! anything (`<script>`, quotes, backslashes, bidi controls). Nothing from it may
//! end the label it stands in, become markup, or turn the text around.

/// Characters that change how text around them is shown without being seen:
/// controls, bidi embeddings and isolates, zero-width characters. They are
/// shown as `[U+202E]` so a reader sees that they are there.
fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

fn visible(c: char, out: &mut String) -> bool {
    if c == '\n' || c == '\r' || c == '\t' {
        out.push(' ');
        true
    } else if is_hidden(c) {
        out.push_str(&format!("[U+{:04X}]", c as u32));
        true
    } else {
        false
    }
}

/// Inside a DOT double-quoted string. Graphviz reads `\` escapes (`\n`, `\l`,
/// `\N`…) and HTML entities (`&lt;`) in labels, so both are escaped; `<` needs
/// nothing in a quoted string, and the SVG writer escapes it.
pub fn dot(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if visible(c, &mut out) {
            continue;
        }
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    out
}

/// Inside a Mermaid `"…"` label. Mermaid renders labels as HTML and reads
/// `#name;` and `#123;` as entities, so `#` and every character of markup is
/// written as an entity.
pub fn mermaid(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if visible(c, &mut out) {
            continue;
        }
        match c {
            '#' => out.push_str("#35;"),
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '`' => out.push_str("#96;"),
            '|' => out.push_str("#124;"),
            '\\' => out.push_str("#92;"),
            '\'' => out.push_str("#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str =
        "<script>alert(\"x\")</script> \\N & #quot; `a` | \u{202E}olleh\u{2066}\n";

    #[test]
    fn dot_text_cannot_end_its_string_or_hide_itself() {
        let e = dot(HOSTILE);
        // Every quote is escaped, every backslash doubled.
        let bytes = e.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'"' {
                let slashes = bytes[..i].iter().rev().take_while(|&&c| c == b'\\').count();
                assert_eq!(slashes % 2, 1, "unescaped quote in {e}");
            }
        }
        assert!(e.contains("\\\\N") && e.contains("&amp;"));
        assert!(e.contains("[U+202E]") && e.contains("[U+2066]"));
        assert!(!e.contains('\n') && !e.contains('\u{202E}'));
    }

    #[test]
    fn mermaid_text_has_no_markup_left() {
        let e = mermaid(HOSTILE);
        for bad in ['<', '>', '"', '`', '|', '\\', '\u{202E}', '\n'] {
            assert!(!e.contains(bad), "{bad:?} in {e}");
        }
        assert!(e.starts_with("#lt;script#gt;"));
        // A `#` of the text is itself escaped, so `#quot;` shows as written.
        assert!(e.contains("#35;quot;"));
    }
}
