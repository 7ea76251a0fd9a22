//! One semantic check per file, named for what it finds.

mod duplicate_ids;
mod endings;
mod file_name;
mod handoff;
mod persona;
mod reachability;
mod rules_exercised;
mod tags;
mod unknown_node;

use super::Cx;

pub(super) fn run(cx: &mut Cx, shape_ok: bool) {
    duplicate_ids::check(cx);
    unknown_node::check(cx, shape_ok);
    endings::check(cx);
    persona::check(cx);
    handoff::check(cx);
    tags::check(cx);
    rules_exercised::check(cx);
    file_name::check(cx);
    if shape_ok {
        reachability::check(cx);
    }
}
