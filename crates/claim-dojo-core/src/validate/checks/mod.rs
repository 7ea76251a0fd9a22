//! One semantic check per file, named for what it finds.

mod authored_anger;
mod duplicate_ids;
mod endings;
mod facts;
mod file_name;
pub(crate) mod flags;
mod handoff;
mod long_lines;
mod names;
mod persona;
pub(super) mod placeholders;
mod policy_ending;
pub(crate) mod reachability;
mod rules_exercised;
mod steps_supported;
mod tags;
mod unknown_node;

use super::{Cx, Shape};

pub(super) fn run(cx: &mut Cx, shape: Shape) {
    duplicate_ids::check(cx);
    endings::check(cx);
    persona::check(cx);
    handoff::check(cx);
    file_name::check(cx);
    long_lines::check(cx);
    // With part of the scenario lost to a shape error, the graph and the smells
    // would only report the consequences of that error again.
    if shape.graph_complete {
        unknown_node::check(cx);
        reachability::check(cx);
        if flags::check_names(cx) {
            flags::check_offers(cx, shape.clean);
        }
    }
    if shape.clean {
        tags::check(cx);
        policy_ending::check(cx);
        rules_exercised::check(cx);
        authored_anger::check(cx);
        steps_supported::check(cx);
        facts::check(cx);
        names::check(cx);
        flags::check_unread(cx);
    }
}
