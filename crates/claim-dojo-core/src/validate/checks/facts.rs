//! The facts a scenario declares for the memo and the handoff brief: each must be
//! said by the customer somewhere (a line, a vent, a waiting line) or stand in
//! the first handler's record, or no trainee could ever capture it; ids are
//! unique; every fact has forms that survive normalisation. A scenario with no
//! facts cannot judge a memo or a brief on content (W011).

use crate::diagnostic::{Code, Diagnostic};
use crate::scenario::MAX_FACTS;
use crate::validate::Cx;

pub fn check(cx: &mut Cx) {
    let s = cx.scenario;
    if s.facts.is_empty() {
        if s.nodes.iter().any(|n| !n.choices.is_empty()) {
            cx.report(Diagnostic::new(Code::NoFacts, s.spans.id).arg("id", &s.id));
        }
        return;
    }
    let ix = &s.index;
    let said = ix.line_facts.iter().fold(ix.record_facts, |a, b| a | b)
        | ix.vent_facts.iter().flatten().fold(0, |a, b| a | b)
        | ix.waiting_facts.iter().flatten().fold(0, |a, b| a | b);
    for (i, f) in s.facts.iter().enumerate() {
        if let Some(first) = s.facts[..i].iter().find(|g| g.id == f.id) {
            cx.report(
                Diagnostic::new(Code::DuplicateFact, f.spans.id)
                    .arg("id", &f.id)
                    .arg("first", cx.line_of(first.spans.id)),
            );
            continue;
        }
        let usable = ix
            .fact_forms
            .get(i)
            .is_some_and(|fs| fs.iter().any(|x| !x.is_empty()));
        if i >= MAX_FACTS || !usable {
            cx.report(
                Diagnostic::new(Code::FactWithoutForms, f.spans.forms)
                    .arg("id", &f.id)
                    .arg("max", MAX_FACTS),
            );
        } else if said & (1 << i) == 0 {
            cx.report(Diagnostic::new(Code::FactNeverSaid, f.spans.forms).arg("id", &f.id));
        }
    }
}
