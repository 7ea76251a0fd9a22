//! The rules a scenario lists in its metadata should each be exercised by
//! something in it; otherwise the scenario promises a lesson it cannot give.

use crate::diagnostic::{Code, Diagnostic};
use crate::rules;
use crate::validate::Cx;

pub fn check(cx: &mut Cx) {
    let s = cx.scenario;
    for (i, &rule) in s.rules.iter().enumerate() {
        if !rules::exercised(rule, s) {
            let at = s.spans.rules.get(i).copied().unwrap_or(s.spans.id);
            cx.report(Diagnostic::new(Code::RuleNotExercised, at).arg("rule", rule));
        }
    }
}
