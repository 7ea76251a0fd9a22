//! Analysing a scenario before a trainee plays it: which endings can be reached,
//! the best and the worst path with their curves and verdicts, whether the
//! 3-minute check can be passed at all, which rules the paths keep and break, and
//! how hard the call is for simulated trainees.
//!
//! Paths are explored depth-first on the real session engine, each choice said one
//! natural pause after the customer stops (as `play --choices` does). Every prefix
//! is simulated once and shared by all its extensions (the session is cloned at
//! each branch), and a session state already explored is not explored again.
//! The search is exhaustive when it fits the step budget; otherwise it stops at
//! the budget and says so, with the number of paths the graph holds.

pub mod gaming;
mod graph_facts;
mod search;
mod simulate;

use std::sync::Arc;

use serde::Serialize;

use crate::report::Report;
use crate::rules::{RuleId, Status};
use crate::scenario::Scenario;

pub use gaming::Gaming;
pub use graph_facts::GraphFacts;
pub use search::{EndedPath, PathResult, Search};
pub use simulate::Difficulty;

/// Choices simulated at most, over the whole search (deterministic, unlike a timer).
pub const DEFAULT_STEP_BUDGET: usize = 200_000;

#[derive(Debug, Clone)]
pub struct Options {
    pub step_budget: usize,
    pub seed: u64,
    /// Simulated sessions per kind of trainee.
    pub trainees: usize,
    /// Seeds each degenerate policy of the gaming check plays.
    pub gaming_seeds: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            step_budget: DEFAULT_STEP_BUDGET,
            seed: 1,
            trainees: 1_000,
            gaming_seeds: gaming::GAMING_SEEDS,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct RuleCoverage {
    pub id: RuleId,
    /// Paths on which the rule is kept / broken.
    pub kept_on: usize,
    pub broken_on: usize,
    pub listed: bool,
}

/// What the call remembers, over the paths played.
#[derive(Debug, Clone, Serialize)]
pub struct FlagCoverage {
    pub flag: String,
    /// Paths that ended with the flag set.
    pub set_on: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct PathReport {
    pub choices: Vec<String>,
    pub score: u32,
    pub outcome: &'static str,
    pub deescalation_passed: bool,
    pub calm_at_s: Option<f64>,
    pub kept: Vec<RuleId>,
    pub broken: Vec<RuleId>,
    /// The full session report: curve, steps, every verdict with evidence.
    pub report: Report,
}

#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    pub scenario: String,
    pub graph: GraphFacts,
    /// `exhaustive` or `bounded`.
    pub search: &'static str,
    pub paths_explored: usize,
    pub steps_simulated: usize,
    pub step_budget: usize,
    pub states_merged: usize,
    pub reachable_outcomes: Vec<&'static str>,
    pub best: Option<PathReport>,
    pub worst: Option<PathReport>,
    /// The best path that passes the 3-minute check and does not end in a
    /// hang-up or a secondary complaint, when one exists.
    pub passing: Option<PathReport>,
    pub deescalation_possible: bool,
    pub rules: Vec<RuleCoverage>,
    /// Each flag the choices set or test, with the paths that set it.
    pub flags: Vec<FlagCoverage>,
    /// Rules the metadata lists that no explored path keeps or breaks.
    pub listed_but_unexercised: Vec<RuleId>,
    /// Rules the metadata lists that some path breaks and none keeps, when the
    /// search was exhaustive: no trainee answering promptly can show them kept.
    /// R20 (the memo, which no searched path writes) is left out.
    pub listed_never_kept: Vec<RuleId>,
    /// Nodes no explored path reaches, when the search was exhaustive. Paths
    /// answer promptly, so these are the nodes that only other timing reaches
    /// (a customer kept waiting or interrupted is angrier, and `if_angry` and
    /// `if_calm` branch on anger), or none at all.
    pub unreached_nodes: Vec<String>,
    pub difficulty: Difficulty,
    /// Whether a trainee who plays the test instead of the call scores well.
    pub gaming: Gaming,
}

pub fn analyze(scenario: &Arc<Scenario>, options: &Options) -> Analysis {
    let graph = GraphFacts::of(scenario);
    let search = Search::run(scenario, options.step_budget, options.seed);
    let mut rules: Vec<RuleCoverage> = RuleId::ALL
        .iter()
        .map(|&id| RuleCoverage {
            id,
            kept_on: 0,
            broken_on: 0,
            listed: scenario.rules.contains(&id),
        })
        .collect();
    for (r, &(kept, broken)) in rules.iter_mut().zip(&search.rules) {
        r.kept_on = kept;
        r.broken_on = broken;
    }
    let report = |p: &PathResult| path_report(scenario, p, options.seed);
    let best = search.best().map(report);
    let worst = search.worst().map(report);
    let passing = search.best_passing().map(report);
    let listed_but_unexercised = rules
        .iter()
        .filter(|r| r.listed && r.kept_on + r.broken_on == 0)
        .map(|r| r.id)
        .collect();
    let listed_never_kept = rules
        .iter()
        // R20 is judged on the memo the trainee types, which no searched path
        // writes: "never kept" would say nothing about the scenario.
        .filter(|r| r.id.number() != 20)
        .filter(|r| search.exhaustive && r.listed && r.kept_on == 0 && r.broken_on > 0)
        .map(|r| r.id)
        .collect();
    Analysis {
        scenario: scenario.id.clone(),
        graph,
        search: if search.exhaustive {
            "exhaustive"
        } else {
            "bounded"
        },
        paths_explored: search.paths,
        steps_simulated: search.steps,
        step_budget: options.step_budget,
        states_merged: search.merged,
        reachable_outcomes: search.outcomes.clone(),
        deescalation_possible: passing.is_some(),
        best,
        worst,
        passing,
        rules,
        flags: scenario
            .index
            .flags
            .iter()
            .zip(&search.flags)
            .map(|(f, &n)| FlagCoverage {
                flag: f.clone(),
                set_on: n,
            })
            .collect(),
        listed_but_unexercised,
        listed_never_kept,
        unreached_nodes: if search.exhaustive {
            scenario
                .nodes
                .iter()
                .zip(&search.visited)
                .filter(|(_, seen)| !**seen)
                .map(|(n, _)| n.id.clone())
                .collect()
        } else {
            Vec::new()
        },
        difficulty: simulate::difficulty(scenario, options.trainees, options.seed),
        gaming: gaming::check(
            scenario,
            search
                .best()
                .map(|p| (p.choices.as_slice(), p.card.score.total)),
            options.gaming_seeds,
            &[],
        ),
    }
}

fn path_report(scenario: &Arc<Scenario>, p: &PathResult, seed: u64) -> PathReport {
    // Replaying the path gives the full report (transcript, curve, evidence).
    let mut s = crate::play::session(scenario, seed);
    let _ = crate::play::run_choices(&mut s, &p.choices);
    let card = s.finish();
    let by = |st: Status| {
        card.rules
            .iter()
            .filter(|(_, j)| j.status == st)
            .map(|(id, _)| *id)
            .collect()
    };
    PathReport {
        choices: p.choices.clone(),
        score: card.score.total,
        outcome: card.outcome.key(),
        deescalation_passed: card.deescalation.passed,
        calm_at_s: card.deescalation.calm_at_ms.map(crate::report::seconds),
        kept: by(Status::Kept),
        broken: by(Status::Broken),
        report: Report::build(&s, &card),
    }
}

pub use human::human;
mod human;
