//! The validator: semantic checks on a decoded scenario, one file per check in
//! `checks/`, each named for what it finds. Every check runs; none stops the others.

mod checks;

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

/// Runs every check. Graph checks (reachability, endings) need a complete graph, so
/// they run only when the shape decoded without errors (`shape_ok`); otherwise a
/// node whose id failed to decode would make its referrers look broken too.
pub fn check(scenario: &Scenario, file_stem: Option<&str>, shape_ok: bool, src: &str, index: &LineIndex) -> Vec<Diagnostic> {
    let mut cx = Cx {
        scenario,
        file_stem,
        src,
        index,
        diags: Vec::new(),
    };
    checks::run(&mut cx, shape_ok);
    cx.diags
}
