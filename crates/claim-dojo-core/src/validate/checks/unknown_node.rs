//! Every `next` and the `start` must name a node that exists.

use crate::diagnostic::{Code, Diagnostic, suggest};
use crate::validate::Cx;

pub fn check(cx: &mut Cx) {
    let s = cx.scenario;
    let ids = || s.nodes.iter().map(|n| n.id.as_str());
    if s.node(&s.start).is_none() {
        let d = Diagnostic::new(Code::UnknownStart, s.spans.start)
            .arg("id", &s.start)
            .suggest(suggest(&s.start, ids()));
        cx.report(d);
    }
    for (_, choice) in s.choices() {
        if s.node(&choice.next).is_none() {
            let d = Diagnostic::new(Code::UnknownNext, choice.spans.next)
                .arg("id", &choice.next)
                .arg("choice", &choice.id)
                .suggest(suggest(&choice.next, ids()));
            cx.report(d);
        }
    }
}
