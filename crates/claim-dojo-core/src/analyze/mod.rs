//! Analysing a scenario before a trainee plays it: which endings can be reached,
//! the best and the worst path with their curves and verdicts, whether the
//! 3-minute check can be passed at all, which rules the paths keep and break, and
//! how hard the call is for simulated trainees.
//!
//! Paths are explored depth-first on the real session engine, each choice said one
//! natural pause after the customer stops (as `play --choices` does). Every prefix
//! is simulated once and shared by all its extensions (the session is cloned at
//! each branch), and a session state already explored is not explored again.
//!
//! By default the search also skips every state from which nothing it reports
//! could change (`bound.rs`): the best, worst and best passing paths, the endings
//! and nodes reached, and which listed rules some path keeps come out as the
//! exhaustive search finds them, from a fraction of the paths. The counts per
//! rule and flag are then over the simulated trainees' calls, which mean the same
//! with or without loops in the graph; `exhaustive` counts them over every
//! distinct way through the call instead. Either search stops at the step budget
//! and says so.

mod bound;
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
pub use search::{EndedPath, Mode, PathResult, Search};
pub use simulate::Difficulty;

/// Choices simulated at most, over the whole search (deterministic, unlike a timer).
pub const DEFAULT_STEP_BUDGET: usize = 200_000;

/// The budget of the exhaustive search when none is given: enough for every
/// distinct path of the largest shipped call (takeover-after-argument, about two
/// seconds).
pub const EXHAUSTIVE_STEP_BUDGET: usize = 2_000_000;

#[derive(Debug, Clone)]
pub struct Options {
    pub step_budget: usize,
    pub seed: u64,
    /// Simulated sessions per kind of trainee.
    pub trainees: usize,
    /// Seeds each degenerate policy of the gaming check plays.
    pub gaming_seeds: usize,
    /// Every distinct state explored, with rule and flag counts over those paths
    /// (slower; the default search finds the same best, worst and endings).
    pub exhaustive: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            step_budget: DEFAULT_STEP_BUDGET,
            seed: 1,
            trainees: 1_000,
            gaming_seeds: gaming::GAMING_SEEDS,
            exhaustive: false,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct RuleCoverage {
    pub id: RuleId,
    /// Calls on which the rule is kept / broken, out of [`Analysis::counted`].
    pub kept_on: usize,
    pub broken_on: usize,
    pub listed: bool,
}

/// What the call remembers, over the calls counted.
#[derive(Debug, Clone, Serialize)]
pub struct FlagCoverage {
    pub flag: String,
    /// Calls that ended with the flag set, out of [`Analysis::counted`].
    pub set_on: usize,
}

/// Which calls the rule and flag counts are over.
#[derive(Debug, Clone, Serialize)]
pub struct Counted {
    /// `simulated` (the simulated trainees' calls, random and plausible) or
    /// `paths` (every distinct way through the call: the exhaustive search).
    pub over: &'static str,
    pub calls: usize,
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
    /// `pruned` (the default: complete, skipping what could change nothing),
    /// `exhaustive` (every distinct state), or `bounded` (stopped at the budget).
    pub search: &'static str,
    pub paths_explored: usize,
    pub steps_simulated: usize,
    pub step_budget: usize,
    pub states_merged: usize,
    /// States skipped because no way on from them could change the results.
    pub states_pruned: usize,
    pub reachable_outcomes: Vec<&'static str>,
    pub best: Option<PathReport>,
    pub worst: Option<PathReport>,
    /// The best path that passes the 3-minute check and does not end in a
    /// hang-up or a secondary complaint, when one exists.
    pub passing: Option<PathReport>,
    pub deescalation_possible: bool,
    /// Which calls the rule and flag counts are over.
    pub counted: Counted,
    pub rules: Vec<RuleCoverage>,
    /// Each flag the choices set or test, with the paths that set it.
    pub flags: Vec<FlagCoverage>,
    /// Rules the metadata lists that no call counted and no searched path keeps
    /// or breaks.
    pub listed_but_unexercised: Vec<RuleId>,
    /// Rules the metadata lists that some path breaks and none keeps, when the
    /// search was complete: no trainee answering promptly can show them kept.
    /// Rules judged on what the trainee writes (R20's memo, R17's handoff form)
    /// are left out: no searched path writes.
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
    let search = if options.exhaustive {
        Search::exhaustive(scenario, options.step_budget, options.seed)
    } else {
        Search::run(scenario, options.step_budget, options.seed)
    };
    let (difficulty, simulated) = simulate::difficulty(scenario, options.trainees, options.seed);
    // The pruned search's own counts are over whichever paths it happened to
    // need: they mean nothing, so the simulated calls are counted instead.
    let (counted, rule_counts, flag_counts) = if options.exhaustive {
        (
            Counted {
                over: "paths",
                calls: search.paths,
            },
            search.rules,
            search.flags.clone(),
        )
    } else {
        (
            Counted {
                over: "simulated",
                calls: simulated.calls,
            },
            simulated.rules,
            simulated.flags.clone(),
        )
    };
    let rules: Vec<RuleCoverage> = RuleId::ALL
        .iter()
        .zip(&rule_counts)
        .map(|(&id, &(kept, broken))| RuleCoverage {
            id,
            kept_on: kept,
            broken_on: broken,
            listed: scenario.rules.contains(&id),
        })
        .collect();
    // Seen kept / broken anywhere: on a call counted or a path searched.
    let seen = |id: RuleId| {
        let (k, b) = search.rules[id.index()];
        let (sk, sb) = simulated.rules[id.index()];
        (k + sk > 0, b + sb > 0)
    };
    let report = |p: &PathResult| path_report(scenario, p, options.seed);
    let best = search.best().map(report);
    let worst = search.worst().map(report);
    let passing = search.best_passing().map(report);
    let listed_but_unexercised = rules
        .iter()
        .filter(|r| r.listed && seen(r.id) == (false, false))
        .map(|r| r.id)
        .collect();
    // Exact in both searches: the pruned one goes on until each listed rule is
    // kept on some path or broken on every state left (search.rs).
    let listed_never_kept = rules
        .iter()
        .filter(|r| !search::judged_on_what_is_written(scenario, r.id))
        .filter(|r| {
            let (k, b) = search.rules[r.id.index()];
            search.exhaustive && r.listed && k == 0 && b > 0
        })
        .map(|r| r.id)
        .collect();
    Analysis {
        scenario: scenario.id.clone(),
        graph,
        search: match (search.exhaustive, options.exhaustive) {
            (false, _) => "bounded",
            (true, true) => "exhaustive",
            (true, false) => "pruned",
        },
        paths_explored: search.paths,
        steps_simulated: search.steps,
        step_budget: options.step_budget,
        states_merged: search.merged,
        states_pruned: search.pruned,
        reachable_outcomes: search.outcomes.clone(),
        deescalation_possible: passing.is_some(),
        best,
        worst,
        passing,
        counted,
        rules,
        flags: scenario
            .index
            .flags
            .iter()
            .zip(&flag_counts)
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
        difficulty,
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
