//! The gaming check: would a test-wise trainee score well without handling the
//! call? Each degenerate policy (`first`, `last`, `longest`, `shortest`,
//! `silent`, `instant`) plays the scenario over several seeds; their mean and
//! best scores stand beside the best path's. It warns when a policy comes within
//! [`GAMING_MARGIN`] points of the best path (W008) or passes the 3-minute check
//! (W009), when the best path's answer is the longest one at more than half of
//! its nodes (W010), and when answers ending in 「……」 are never on the best path
//! (W012): the tells a trainee learns instead of the lesson.

use std::sync::Arc;

use serde::Serialize;

use crate::diagnostic::{Code, Diagnostic};
use crate::play::{self, Policy, TURN_PAUSE_MS};
use crate::scenario::{Choice, Scenario};

/// Seeds each policy plays by default.
pub const GAMING_SEEDS: usize = 20;
/// A degenerate policy this close to the best path means the scenario can be gamed.
pub const GAMING_MARGIN: f64 = 30.0;
/// The share of the best path's nodes where its answer may be the longest.
pub const LONGEST_SHARE_MAX: f64 = 0.5;

#[derive(Debug, Clone, Serialize)]
pub struct PolicyFigures {
    pub policy: &'static str,
    pub sessions: usize,
    pub mean: f64,
    pub max: u32,
    /// Sessions that passed the 3-minute check.
    pub passed: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Gaming {
    pub seeds: usize,
    /// The best path's score, when a path was found.
    pub best: Option<u32>,
    /// The degenerate policies, then the simulated trainees for comparison.
    pub policies: Vec<PolicyFigures>,
    /// Along the best path: the share of nodes where its answer is the longest
    /// offered, and where it is the shortest.
    pub best_longest_share: Option<f64>,
    pub best_shortest_share: Option<f64>,
    /// Choices ending in 「……」: on the best path, and elsewhere.
    pub trailing_off: (usize, usize),
    /// W008, W009, W010, W012, in the reader's language once placed and rendered.
    #[serde(skip)]
    pub warnings: Vec<Diagnostic>,
}

/// Plays `policy` over `seeds` seeds (1…), and what it scored.
pub fn figures(scenario: &Arc<Scenario>, policy: Policy, seeds: usize) -> PolicyFigures {
    let mut total = 0u64;
    let mut max = 0;
    let mut passed = 0;
    for seed in 1..=seeds as u64 {
        let mut s = play::session(scenario, seed).without_events();
        play::policy::run(&mut s, policy, seed);
        let card = s.finish();
        total += u64::from(card.score.total);
        max = max.max(card.score.total);
        passed += usize::from(card.deescalation.passed);
    }
    PolicyFigures {
        policy: policy.name(),
        sessions: seeds,
        mean: if seeds == 0 {
            0.0
        } else {
            (total as f64 / seeds as f64 * 10.0).round() / 10.0
        },
        max,
        passed,
    }
}

/// Whether `choice` is the longest (or, `shortest`, the shortest) of the
/// choices shown with it, by spoken Japanese characters; ties count for it.
pub fn is_extreme(choices: &[&Choice], choice: &Choice, shortest: bool) -> bool {
    let len = |c: &Choice| c.text.spoken_chars();
    choices.len() > 1
        && choices.iter().all(|c| {
            if shortest {
                len(choice) <= len(c)
            } else {
                len(choice) >= len(c)
            }
        })
}

/// The share of `path`'s choices that are the longest (`shortest`: shortest) of
/// those offered with them, counting only answers that had an alternative (a
/// choice whose flags did not hold was not there to compare with).
pub fn extreme_share(scenario: &Arc<Scenario>, path: &[String], shortest: bool) -> Option<f64> {
    let mut s = play::session(scenario, 1).without_events();
    let (mut nodes, mut extreme) = (0usize, 0usize);
    for id in path {
        match s.time_to_turn() {
            Some(ms) => s.advance_ms(ms + TURN_PAUSE_MS),
            None => break,
        }
        let shown = s.offered();
        if let Some(c) = shown.iter().find(|c| c.id == *id)
            && shown.len() > 1
        {
            nodes += 1;
            extreme += usize::from(is_extreme(&shown, c, shortest));
        }
        if s.choose(id).is_err() {
            break;
        }
    }
    (nodes > 0).then(|| (extreme as f64 / nodes as f64 * 1000.0).round() / 1000.0)
}

fn trails_off(c: &Choice) -> bool {
    let t = c.text.ja.trim_end();
    t.ends_with("……") || t.ends_with('…')
}

pub fn check(
    scenario: &Arc<Scenario>,
    best: Option<(&[String], u32)>,
    seeds: usize,
    trainees: &[(Policy, usize)],
) -> Gaming {
    let mut policies: Vec<PolicyFigures> = Policy::DEGENERATE
        .iter()
        .map(|&p| figures(scenario, p, seeds))
        .collect();
    for &(p, n) in trainees {
        policies.push(figures(scenario, p, n));
    }
    let at = scenario.spans.id;
    let mut warnings = Vec::new();
    for f in policies
        .iter()
        .filter(|f| Policy::parse(f.policy).is_some_and(|p| Policy::DEGENERATE.contains(&p)))
    {
        if let Some((_, b)) = best
            && f.mean + GAMING_MARGIN >= f64::from(b)
        {
            warnings.push(
                Diagnostic::new(Code::GamedByPolicy, at)
                    .arg("policy", f.policy)
                    .arg("mean", f.mean)
                    .arg("max", f.max)
                    .arg("best", b)
                    .arg("margin", GAMING_MARGIN),
            );
        }
        if f.passed > 0 {
            warnings.push(
                Diagnostic::new(Code::PolicyPasses, at)
                    .arg("policy", f.policy)
                    .arg("passed", f.passed)
                    .arg("sessions", f.sessions),
            );
        }
    }
    let path = best.map(|(p, _)| p);
    let longest = path.and_then(|p| extreme_share(scenario, p, false));
    let shortest = path.and_then(|p| extreme_share(scenario, p, true));
    if let Some(share) = longest.filter(|s| *s > LONGEST_SHARE_MAX) {
        warnings.push(
            Diagnostic::new(Code::LongestIsRight, at).arg("share", format!("{:.0}", share * 100.0)),
        );
    }
    let on_path = |c: &Choice| path.is_some_and(|p| p.contains(&c.id));
    let trailing_off =
        scenario
            .choices()
            .filter(|(_, c)| trails_off(c))
            .fold((0, 0), |(on, off), (_, c)| {
                if on_path(c) {
                    (on + 1, off)
                } else {
                    (on, off + 1)
                }
            });
    if path.is_some() && trailing_off.0 == 0 && trailing_off.1 > 0 {
        warnings.push(Diagnostic::new(Code::EllipsisTell, at).arg("count", trailing_off.1));
    }
    Gaming {
        seeds,
        best: best.map(|(_, b)| b),
        policies,
        best_longest_share: longest,
        best_shortest_share: shortest,
        trailing_off,
        warnings,
    }
}
