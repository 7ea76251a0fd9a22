//! The names a scenario declares for the pack's distinctness check (`company`,
//! `staff`) must be names the call really uses: each must appear in the
//! scenario's Japanese text (a line, a vent, an answer, a note, the summary, the
//! background or the first handler's record), or the check compares a label that
//! no trainee ever hears (E065).

use crate::diagnostic::{Code, Diagnostic};
use crate::scenario::facts::normalise;
use crate::validate::Cx;

pub fn check(cx: &mut Cx) {
    let s = cx.scenario;
    if s.company.is_none() && s.staff.is_empty() {
        return;
    }
    let said: String = s
        .japanese_texts()
        .into_iter()
        .map(normalise)
        .collect::<Vec<_>>()
        .join("\n");
    let declared = s
        .company
        .iter()
        .map(|c| (c, s.spans.company))
        .chain(s.staff.iter().zip(s.spans.staff.iter().copied()));
    for (name, span) in declared {
        let n = normalise(&name.ja);
        if n.is_empty() || !said.contains(&n) {
            cx.report(Diagnostic::new(Code::NameNeverSaid, span).arg("name", &name.ja));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Code;
    use crate::load::load_bytes;

    const FIXTURE: &str =
        include_str!("../../../../../tests/fixtures/invalid/e065_name_never_said.ron");

    fn unsaid(src: &str) -> Vec<String> {
        load_bytes("f.ron", src.as_bytes())
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::NameNeverSaid)
            .map(|d| format!("{}:{}", d.line, d.column))
            .collect()
    }

    #[test]
    fn only_the_name_the_call_never_says_is_reported() {
        assert_eq!(unsaid(FIXTURE), ["24:9"]);
        // Said by the customer at the end, and the company in katakana: the same names.
        let said = FIXTURE
            .replace("わかりました。\"", "わかりました。久保さんによろしく。\"")
            .replace("ja: \"こがね通販の検査用", "ja: \"コガネ通販の検査用");
        assert!(unsaid(&said).is_empty());
    }

    #[test]
    fn a_company_named_only_in_english_is_not_said() {
        let english_only = FIXTURE.replace("ja: \"こがね通販の検査用", "ja: \"検査用");
        assert_eq!(unsaid(&english_only), ["21:14", "24:9"]);
    }
}
