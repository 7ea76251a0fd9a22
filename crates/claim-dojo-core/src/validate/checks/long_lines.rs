//! Lines that eat the 3-minute window: a customer line or an answer that takes
//! longer than a quarter of the window to say leaves the trainee little time to
//! calm the customer in, and usually means a paragraph pasted where a line
//! belongs. The time is the engine's (characters ÷ speaking rate).

use crate::diagnostic::{Code, Diagnostic};
use crate::session::{MIN_LINE_MS, TRAINEE_CHARS_PER_S, WINDOW_MS};
use crate::text::Text;
use crate::validate::Cx;

/// A line longer than this to say gets W015: a quarter of the 3-minute window.
pub const LONG_LINE_MS: u64 = WINDOW_MS / 4;

/// How long the engine takes to say `text` at `chars_per_s`.
fn line_ms(text: &Text, chars_per_s: f64) -> u64 {
    ((text.spoken_chars() as f64 / chars_per_s * 1000.0).round() as u64).max(MIN_LINE_MS)
}

pub fn check(cx: &mut Cx) {
    let s = cx.scenario;
    let rate = s.persona.chars_per_s;
    let mut found = Vec::new();
    for n in &s.nodes {
        if rate > 0.0 {
            found.push((line_ms(&n.customer, rate), n.spans.customer));
        }
        for c in &n.choices {
            found.push((line_ms(&c.text, TRAINEE_CHARS_PER_S), c.spans.whole));
        }
    }
    for (ms, at) in found {
        if ms > LONG_LINE_MS {
            cx.report(
                Diagnostic::new(Code::LongLine, at)
                    .arg("seconds", ms.div_ceil(1000))
                    .arg("percent", ms * 100 / WINDOW_MS),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Code;

    #[test]
    fn a_line_that_eats_the_window_is_warned_about_where_it_stands() {
        let src = include_str!("../../../../../scenarios/tutorial-first-call.ron");
        let clean = crate::load_str("tutorial-first-call.ron", src);
        assert!(clean.diagnostics.iter().all(|d| d.code != Code::LongLine));
        // The first customer line, made 10,000 characters long.
        let at = src.find("customer:").expect("a customer line");
        let first = at + src[at..].find("ja: \"").expect("its Japanese") + "ja: \"".len();
        let long = format!("{}{}{}", &src[..first], "あ".repeat(10_000), &src[first..]);
        let loaded = crate::load_str("tutorial-first-call.ron", &long);
        let w: Vec<_> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::LongLine)
            .collect();
        assert_eq!(w.len(), 1, "{:?}", loaded.diagnostics);
        // At the `customer` field, on the line of `customer:`.
        let line = src[..at].matches('\n').count() as u32 + 1;
        assert_eq!(w[0].line, line, "{:?}", w[0]);
        assert!(
            w[0].args
                .iter()
                .any(|(k, v)| *k == "percent" && v.parse::<u64>().unwrap() > 100)
        );
    }
}
