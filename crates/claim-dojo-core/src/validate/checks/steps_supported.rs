//! A choice's `steps` may only narrow what its tags show: naming a recovery step
//! the tags do not support would hand out step points by hand (every handover
//! earning steps 3 and 4, say). The engine infers the steps; an author may only
//! say that a choice advances fewer of them.

use crate::diagnostic::{Code, Diagnostic};
use crate::rules::vocabulary::inferred_steps;
use crate::validate::Cx;

pub fn check(cx: &mut Cx) {
    for (_, c) in cx.scenario.choices() {
        let Some(steps) = &c.steps else { continue };
        let supported = inferred_steps(c);
        for &step in steps {
            if (1..=4).contains(&step) && supported & (1 << step) == 0 {
                cx.report(
                    Diagnostic::new(Code::StepsNotSupported, c.spans.steps)
                        .arg("id", &c.id)
                        .arg("step", step),
                );
            }
        }
    }
}
