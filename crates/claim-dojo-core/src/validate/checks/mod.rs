//! One semantic check per file, named for what it finds.

mod duplicate_ids;
mod endings;
mod file_name;
mod handoff;
mod long_lines;
mod persona;
pub(super) mod placeholders;
mod reachability;
mod rules_exercised;
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
    }
    if shape.clean {
        tags::check(cx);
        rules_exercised::check(cx);
    }
}
