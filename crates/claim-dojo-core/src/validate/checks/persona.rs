//! The persona's thresholds must make a call possible: the calm band below the
//! hang-up point, and a customer who has not already hung up at the start.

use crate::diagnostic::{Code, Diagnostic};
use crate::load::decode::fmt_num;
use crate::validate::Cx;

pub fn check(cx: &mut Cx) {
    let p = &cx.scenario.persona;
    let at = cx.scenario.spans.persona;
    if p.calm_below >= p.hang_up_at {
        let d = Diagnostic::new(Code::Thresholds, at)
            .arg("what", "calm_below")
            .arg("value", fmt_num(p.calm_below))
            .arg("limit", fmt_num(p.hang_up_at));
        cx.report(d);
    }
    if p.anger >= p.hang_up_at {
        let d = Diagnostic::new(Code::Thresholds, at)
            .arg("what", "anger")
            .arg("value", fmt_num(p.anger))
            .arg("limit", fmt_num(p.hang_up_at));
        cx.report(d);
    } else if p.anger < p.calm_below {
        let d = Diagnostic::new(Code::StartsCalm, at)
            .arg("anger", fmt_num(p.anger))
            .arg("calm", fmt_num(p.calm_below));
        cx.report(d);
    }
}
