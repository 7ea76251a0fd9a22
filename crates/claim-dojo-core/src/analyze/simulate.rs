//! Difficulty by simulation: many seeded random and plausible trainees.

use std::sync::Arc;

use serde::Serialize;

use crate::play::{self, Policy};
use crate::rules::{RuleId, Status};
use crate::scenario::{Outcome, Scenario};

#[derive(Debug, Clone, Serialize)]
pub struct TraineeStats {
    /// Share of sessions that passed the 3-minute check.
    pub pass_rate: f64,
    pub mean_score: f64,
    /// Share of sessions per outcome, in `Outcome::ALL` order.
    pub outcomes: Vec<(&'static str, f64)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Difficulty {
    pub sessions: usize,
    pub seed: u64,
    pub random: TraineeStats,
    pub plausible: TraineeStats,
}

/// What the simulated calls kept, broke and set, over all of them.
#[derive(Debug, Clone)]
pub struct Coverage {
    pub calls: usize,
    /// Per rule, in catalog order: calls on which it was kept, and broken.
    pub rules: [(usize, usize); RuleId::COUNT],
    /// Per flag (`ScenarioIndex::flags`, in order): calls that ended with it set.
    pub flags: Vec<usize>,
}

fn stats(
    scenario: &Arc<Scenario>,
    policy: Policy,
    n: usize,
    seed: u64,
    cov: &mut Coverage,
) -> TraineeStats {
    let mut passed = 0usize;
    let mut total = 0u64;
    let mut outcomes = [0usize; Outcome::ALL.len()];
    for i in 0..n as u64 {
        let session_seed = seed.wrapping_add(i);
        let mut s = play::session(scenario, session_seed).without_events();
        play::policy::run(&mut s, policy, session_seed);
        for (k, count) in cov.flags.iter_mut().enumerate() {
            *count += usize::from(s.flags() & (1 << k) != 0);
        }
        let card = s.finish();
        cov.calls += 1;
        for (id, j) in &card.rules {
            match j.status {
                Status::Kept => cov.rules[id.index()].0 += 1,
                Status::Broken => cov.rules[id.index()].1 += 1,
                _ => {}
            }
        }
        passed += usize::from(card.deescalation.passed);
        total += u64::from(card.score.total);
        outcomes[Outcome::ALL
            .iter()
            .position(|o| *o == card.outcome)
            .unwrap_or(0)] += 1;
    }
    let share = |k: usize| {
        if n == 0 {
            0.0
        } else {
            (k as f64 / n as f64 * 1000.0).round() / 1000.0
        }
    };
    TraineeStats {
        pass_rate: share(passed),
        mean_score: if n == 0 {
            0.0
        } else {
            (total as f64 / n as f64 * 10.0).round() / 10.0
        },
        outcomes: Outcome::ALL
            .iter()
            .zip(outcomes)
            .map(|(o, k)| (o.key(), share(k)))
            .collect(),
    }
}

/// The difficulty, and what the simulated calls kept, broke and set.
pub fn difficulty(scenario: &Arc<Scenario>, n: usize, seed: u64) -> (Difficulty, Coverage) {
    let mut cov = Coverage {
        calls: 0,
        rules: [(0, 0); RuleId::COUNT],
        flags: vec![0; scenario.index.flags.len().min(crate::scenario::MAX_FLAGS)],
    };
    let difficulty = Difficulty {
        sessions: n,
        seed,
        random: stats(scenario, Policy::Random, n, seed, &mut cov),
        plausible: stats(scenario, Policy::Plausible, n, seed, &mut cov),
    };
    (difficulty, cov)
}
