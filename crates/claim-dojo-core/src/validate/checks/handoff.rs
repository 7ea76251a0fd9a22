//! A supervisor's call needs the first handler's record to read before taking
//! over; an operator's call has none to read.

use crate::diagnostic::{Code, Diagnostic};
use crate::scenario::Role;
use crate::span::Span;
use crate::validate::Cx;

pub fn check(cx: &mut Cx) {
    let s = cx.scenario;
    match (s.role, &s.handoff) {
        (Role::Secondary, None) => {
            let at = Span::new(
                s.spans.whole.start as usize,
                s.spans.whole.start as usize + 1,
            );
            cx.report(Diagnostic::new(Code::MissingHandoff, at));
        }
        (Role::Primary, Some(_)) => {
            cx.report(Diagnostic::new(Code::HandoffIgnored, s.spans.handoff))
        }
        _ => {}
    }
}
