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
