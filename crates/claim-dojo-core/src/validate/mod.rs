//! The validator: semantic checks on a decoded scenario, one file per check in
//! `checks/`, each named for what it finds. Every check runs; none stops the others.

mod checks;
pub(crate) use checks::reachability::successors;

use crate::diagnostic::Diagnostic;
use crate::scenario::Scenario;
use crate::span::{LineIndex, Span};

/// What a check sees, and where it reports.
pub struct Cx<'a> {
    pub scenario: &'a Scenario,
    /// The file's name without extension, which should match the scenario id.
    pub file_stem: Option<&'a str>,
    src: &'a str,
    index: &'a LineIndex,
    diags: Vec<Diagnostic>,
}

impl Cx<'_> {
    pub fn report(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// The 1-based line a span starts on, for messages that name a second place.
    pub fn line_of(&self, span: Span) -> u32 {
        self.index.line_col(self.src, span.start as usize).line
    }
}

/// How much of the scenario decoded, which decides the checks that can run.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// No shape errors at all.
    pub clean: bool,
    /// Every node and choice decoded, so the call graph is whole.
    pub graph_complete: bool,
}

/// Runs every check that the decoded shape allows. Graph checks need every node
/// and choice (a lost node would make its referrers look broken); smells need a
/// clean shape (a dropped tag would look like an untagged choice).
pub fn check(
    scenario: &Scenario,
    file_stem: Option<&str>,
    shape: Shape,
    src: &str,
    index: &LineIndex,
) -> Vec<Diagnostic> {
    let mut cx = Cx {
        scenario,
        file_stem,
        src,
        index,
        diags: Vec::new(),
    };
    checks::run(&mut cx, shape);
    cx.diags
}

/// The checks that read the positioned tree rather than the model (placeholder
/// text); like the other smells, run only on a scenario whose shape is clean.
pub fn tree_checks(value: &crate::load::tree::Value<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    checks::placeholders::check(value, &mut out);
    out
}
