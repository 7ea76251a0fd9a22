//! Every `next` (anger branches included) and the `start` must name a node that exists.

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
        for (to, span) in choice.destinations() {
            if s.node(to).is_none() {
                let d = Diagnostic::new(Code::UnknownNext, span)
                    .arg("id", to)
                    .arg("choice", &choice.id)
                    .suggest(suggest(to, ids()));
                cx.report(d);
            }
        }
    }
}
