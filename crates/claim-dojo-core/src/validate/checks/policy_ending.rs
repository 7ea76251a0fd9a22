//! Ending a call by policy (R23) is something the trainee says: a choice that leads
//! to an `EndedByPolicy` ending must carry `EndsByPolicy`, and a choice that says
//! it ends the call must lead straight to such an ending.

use crate::diagnostic::{Code, Diagnostic};
use crate::scenario::{Ending, Tag};
use crate::validate::Cx;

pub fn check(cx: &mut Cx) {
    let s = cx.scenario;
    let by_policy = |id: &str| {
        s.node(id)
            .is_some_and(|n| matches!(n.ending, Some(Ending::EndedByPolicy)))
    };
    for (_, choice) in s.choices() {
        let ends = choice.has(Tag::EndsByPolicy);
        if !ends && let Some((to, _)) = choice.destinations().find(|(to, _)| by_policy(to)) {
            cx.report(
                Diagnostic::new(Code::PolicyEndingUnsaid, choice.spans.id)
                    .arg("id", &choice.id)
                    .arg("node", to),
            );
        }
        if ends && !by_policy(&choice.next) {
            cx.report(
                Diagnostic::new(Code::PolicyEndingMissing, choice.spans.next)
                    .arg("id", &choice.id)
                    .arg("node", &choice.next),
            );
        }
    }
}
