//! A node either ends the call or offers the trainee something to say, never both
//! and never neither.

use crate::diagnostic::{Code, Diagnostic};
use crate::validate::Cx;

pub fn check(cx: &mut Cx) {
    for node in &cx.scenario.nodes {
        let d = match (node.ending.is_some(), node.choices.is_empty()) {
            (false, true) => Diagnostic::new(Code::DeadEnd, node.spans.id),
            (true, false) => Diagnostic::new(Code::EndingWithChoices, node.spans.id),
            _ => continue,
        };
        cx.report(d.arg("id", &node.id));
    }
}
