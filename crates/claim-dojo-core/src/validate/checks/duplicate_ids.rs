//! Node ids, and choice ids across the whole scenario, must be unique: scripts,
//! reports and `--choices` name choices by id alone.

use std::collections::HashMap;

use crate::diagnostic::{Code, Diagnostic};
use crate::validate::Cx;

pub fn check(cx: &mut Cx) {
    let mut nodes = HashMap::new();
    let mut choices = HashMap::new();
    let mut found = Vec::new();
    for node in &cx.scenario.nodes {
        if let Some(first) = nodes.insert(node.id.as_str(), node.spans.id) {
            found.push((Code::DuplicateNode, node.id.as_str(), node.spans.id, first));
            nodes.insert(node.id.as_str(), first);
        }
        for choice in &node.choices {
            if let Some(first) = choices.insert(choice.id.as_str(), choice.spans.id) {
                found.push((
                    Code::DuplicateChoice,
                    choice.id.as_str(),
                    choice.spans.id,
                    first,
                ));
                choices.insert(choice.id.as_str(), first);
            }
        }
    }
    for (code, id, span, first) in found {
        let line = cx.line_of(first);
        cx.report(
            Diagnostic::new(code, span)
                .arg("id", id)
                .arg("first_line", line),
        );
    }
}
