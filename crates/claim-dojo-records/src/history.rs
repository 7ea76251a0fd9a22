//! The answers the history screen and the CLI ask for: a trainee's sessions,
//! each scenario's attempts with the best and last score, the trend of score
//! and 3-minute passes, the rules broken most often with the sessions that
//! broke them, and the recommended next call. Built from the store's indexed
//! columns only; reports are read one at a time, for curves.

use std::collections::HashMap;

use jiff::Timestamp;
use serde::Serialize;

use crate::{SessionId, Trainee};

/// Sessions counted in the trend's running pass rate.
pub const PASS_RATE_WINDOW: usize = 5;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TraineeSummary {
    pub trainee: Trainee,
    pub sessions: u32,
    pub last_at: Option<Timestamp>,
}

/// A what-if's origin: the session restarted and the action it restarted at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct WhatIfOf {
    pub session: SessionId,
    /// Index into the original's action log.
    pub at_action: u32,
}

/// One session as the history lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionSummary {
    pub id: SessionId,
    pub scenario: String,
    pub scenario_hash: Option<String>,
    pub seed: u64,
    pub started_at: Timestamp,
    pub ended_at: Timestamp,
    pub call_ms: u64,
    pub outcome: String,
    pub deescalation_passed: bool,
    pub score: u32,
    pub score_max: u32,
    pub what_if: Option<WhatIfOf>,
}

impl SessionSummary {
    /// See [`crate::digest::passed`].
    pub fn passed(&self) -> bool {
        crate::digest::passed(self.deescalation_passed, &self.outcome)
    }
}

/// One session as the cohort report folds it ([`crate::Store::each_brief`]):
/// its indexed columns, its broken rules (from its verdicts) and its rises,
/// without its report.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionBrief {
    pub id: SessionId,
    pub trainee: String,
    pub scenario: String,
    pub started_at: Timestamp,
    pub outcome: String,
    pub deescalation_passed: bool,
    pub score: u32,
    pub score_max: u32,
    /// The rules whose verdict is `broken`.
    pub broken: Vec<String>,
    /// In the order of the report's marks.
    pub rises: Vec<crate::digest::Rise>,
}

impl SessionBrief {
    /// See [`crate::digest::passed`].
    pub fn passed(&self) -> bool {
        crate::digest::passed(self.deescalation_passed, &self.outcome)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioAttempts {
    pub scenario: String,
    pub attempts: u32,
    pub best: u32,
    pub last: u32,
    pub max: u32,
    pub passed: bool,
    pub last_at: Timestamp,
    /// Newest first.
    pub sessions: Vec<SessionId>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendPoint {
    pub session: SessionId,
    pub at: Timestamp,
    pub score: u32,
    pub max: u32,
    pub deescalation_passed: bool,
    /// Share of 3-minute passes over this and the sessions just before it
    /// ([`PASS_RATE_WINDOW`]), 0–1.
    pub pass_rate: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BrokenRule {
    /// `R01`…
    pub rule: String,
    pub count: u32,
    /// The sessions that broke it, newest first.
    pub sessions: Vec<SessionId>,
}

/// Everything the history screen shows for one trainee. What-ifs are listed
/// with the sessions but counted nowhere else: they are not attempts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct History {
    pub trainee: Trainee,
    /// Oldest first.
    pub sessions: Vec<SessionSummary>,
    /// By scenario id.
    pub scenarios: Vec<ScenarioAttempts>,
    pub trend: Vec<TrendPoint>,
    /// Most broken first.
    pub broken: Vec<BrokenRule>,
}

/// A scenario that can be played now, as the recommendation sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Playable {
    pub id: String,
    /// The rules it exercises (`R01`…).
    pub rules: Vec<String>,
    pub difficulty: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendation {
    pub scenario: String,
    pub reason: Reason,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    /// It exercises these rules you broke, with how often, most first.
    BrokenRules { rules: Vec<(String, u32)> },
    /// Not tried yet, and the gentlest such call.
    NotTried,
    /// Tried but never passed.
    NotPassed { attempts: u32 },
}

/// The broken verdicts, grouped by rule in the order they are read (newest
/// session first).
#[derive(Debug, Default)]
pub(crate) struct BrokenTally {
    rules: Vec<BrokenRule>,
}

impl BrokenTally {
    pub(crate) fn add(&mut self, rule: &str, session: SessionId) {
        // A trainee breaks a handful of rules over tens of thousands of rows:
        // a short search, and no string made per row.
        match self.rules.iter_mut().find(|b| b.rule == rule) {
            Some(b) => {
                b.count += 1;
                b.sessions.push(session);
            }
            None => self.rules.push(BrokenRule {
                rule: rule.to_string(),
                count: 1,
                sessions: vec![session],
            }),
        }
    }
}

impl History {
    pub(crate) fn build(
        trainee: Trainee,
        sessions: Vec<SessionSummary>,
        broken: BrokenTally,
    ) -> History {
        let own = || sessions.iter().filter(|s| s.what_if.is_none());
        let mut scenarios: Vec<ScenarioAttempts> = Vec::new();
        let mut at: HashMap<&str, usize> = HashMap::new();
        for s in own() {
            let i = *at.entry(&s.scenario).or_insert_with(|| {
                scenarios.push(ScenarioAttempts {
                    scenario: s.scenario.clone(),
                    attempts: 0,
                    best: 0,
                    last: 0,
                    max: s.score_max,
                    passed: false,
                    last_at: s.started_at,
                    sessions: Vec::new(),
                });
                scenarios.len() - 1
            });
            let a = &mut scenarios[i];
            a.attempts += 1;
            a.best = a.best.max(s.score);
            a.last = s.score;
            a.max = s.score_max;
            a.passed |= s.passed();
            a.last_at = s.started_at;
            a.sessions.push(s.id);
        }
        for a in &mut scenarios {
            // Pushed oldest first; listed newest first.
            a.sessions.reverse();
        }
        scenarios.sort_by(|a, b| a.scenario.cmp(&b.scenario));

        let mut trend = Vec::new();
        let mut recent = std::collections::VecDeque::new();
        for s in own() {
            recent.push_back(s.deescalation_passed);
            if recent.len() > PASS_RATE_WINDOW {
                recent.pop_front();
            }
            let passes = recent.iter().filter(|p| **p).count();
            trend.push(TrendPoint {
                session: s.id,
                at: s.started_at,
                score: s.score,
                max: s.score_max,
                deescalation_passed: s.deescalation_passed,
                pass_rate: passes as f64 / recent.len() as f64,
            });
        }

        let mut by_rule = broken.rules;
        by_rule.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.rule.cmp(&b.rule)));

        History {
            trainee,
            sessions,
            scenarios,
            trend,
            broken: by_rule,
        }
    }

    pub fn attempts(&self, scenario: &str) -> Option<&ScenarioAttempts> {
        self.scenarios.iter().find(|a| a.scenario == scenario)
    }

    pub fn session(&self, id: SessionId) -> Option<&SessionSummary> {
        self.sessions.iter().find(|s| s.id == id)
    }

    /// The next call to practise, from `playable`: one not passed yet that
    /// exercises the rules this trainee broke most (weighted by how often);
    /// with nothing broken yet, the gentlest call not tried; else the call
    /// not passed with the fewest attempts. `None` when every call is passed.
    pub fn recommend(&self, playable: &[Playable]) -> Option<Recommendation> {
        let broken: HashMap<&str, u32> = self
            .broken
            .iter()
            .map(|b| (b.rule.as_str(), b.count))
            .collect();
        let open: Vec<(&Playable, u32)> = playable
            .iter()
            .map(|p| (p, self.attempts(&p.id)))
            .filter(|(_, a)| !a.is_some_and(|a| a.passed))
            .map(|(p, a)| (p, a.map_or(0, |a| a.attempts)))
            .collect();
        let weighed = open.iter().filter_map(|(p, attempts)| {
            let mut rules: Vec<(String, u32)> = p
                .rules
                .iter()
                .filter_map(|r| broken.get(r.as_str()).map(|n| (r.clone(), *n)))
                .collect();
            rules.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            let weight: u32 = rules.iter().map(|r| r.1).sum();
            (weight > 0).then_some((weight, *p, *attempts, rules))
        });
        if let Some((_, p, _, rules)) = weighed.min_by(|a, b| {
            b.0.cmp(&a.0)
                .then(a.2.cmp(&b.2))
                .then(a.1.difficulty.cmp(&b.1.difficulty))
                .then_with(|| a.1.id.cmp(&b.1.id))
        }) {
            return Some(Recommendation {
                scenario: p.id.clone(),
                reason: Reason::BrokenRules { rules },
            });
        }
        open.iter()
            .min_by(|a, b| {
                a.1.cmp(&b.1)
                    .then(a.0.difficulty.cmp(&b.0.difficulty))
                    .then_with(|| a.0.id.cmp(&b.0.id))
            })
            .map(|(p, attempts)| Recommendation {
                scenario: p.id.clone(),
                reason: if *attempts == 0 {
                    Reason::NotTried
                } else {
                    Reason::NotPassed {
                        attempts: *attempts,
                    }
                },
            })
    }
}

/// One session's anger curve, for compare.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Curve {
    pub session: SessionId,
    pub scenario: String,
    pub started_at: Timestamp,
    pub score: u32,
    /// `[t_seconds, anger]`.
    pub points: Vec<[f64; 2]>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TraineeId;

    fn s(id: i64, scenario: &str, score: u32, passed: bool, what_if: bool) -> SessionSummary {
        SessionSummary {
            id: SessionId(id),
            scenario: scenario.into(),
            scenario_hash: None,
            seed: 1,
            started_at: Timestamp::from_second(1_800_000_000 + id * 600).unwrap(),
            ended_at: Timestamp::from_second(1_800_000_000 + id * 600 + 200).unwrap(),
            call_ms: 200_000,
            outcome: if passed { "resolved" } else { "hung_up" }.into(),
            deescalation_passed: passed,
            score,
            score_max: 100,
            what_if: what_if.then_some(WhatIfOf {
                session: SessionId(1),
                at_action: 0,
            }),
        }
    }

    fn tally(broken: Vec<(&str, SessionId)>) -> BrokenTally {
        let mut t = BrokenTally::default();
        for (rule, session) in broken {
            t.add(rule, session);
        }
        t
    }

    fn trainee() -> Trainee {
        Trainee {
            id: TraineeId(1),
            name: "佐藤".into(),
        }
    }

    fn playable(id: &str, rules: &[&str], difficulty: u8) -> Playable {
        Playable {
            id: id.into(),
            rules: rules.iter().map(|r| r.to_string()).collect(),
            difficulty,
        }
    }

    #[test]
    fn attempts_best_last_trend_and_broken_rules_leave_what_ifs_out() {
        let sessions = vec![
            s(1, "a", 40, false, false),
            s(2, "a", 90, true, false),
            s(3, "b", 30, false, false),
            s(4, "a", 70, true, true),
            s(5, "a", 60, false, false),
        ];
        let broken = vec![
            ("R06", SessionId(5)),
            ("R06", SessionId(3)),
            ("R02", SessionId(3)),
            ("R06", SessionId(1)),
        ];
        let h = History::build(trainee(), sessions, tally(broken));
        let a = h.attempts("a").unwrap();
        assert_eq!((a.attempts, a.best, a.last, a.passed), (3, 90, 60, true));
        assert_eq!(a.sessions, [SessionId(5), SessionId(2), SessionId(1)]);
        assert_eq!(h.trend.len(), 4);
        assert_eq!(h.trend[1].pass_rate, 0.5);
        assert_eq!(h.trend[3].pass_rate, 0.25);
        assert_eq!(h.broken[0].rule, "R06");
        assert_eq!(h.broken[0].count, 3);
        assert_eq!(
            h.broken[0].sessions,
            [SessionId(5), SessionId(3), SessionId(1)]
        );
        assert_eq!(h.broken[1].rule, "R02");
    }

    #[test]
    fn the_recommendation_exercises_the_most_broken_rules_among_calls_not_passed() {
        let sessions = vec![s(1, "a", 90, true, false), s(2, "b", 30, false, false)];
        let broken = vec![
            ("R06", SessionId(2)),
            ("R06", SessionId(1)),
            ("R02", SessionId(2)),
        ];
        let h = History::build(trainee(), sessions, tally(broken));
        let catalog = [
            playable("a", &["R06", "R02"], 1),
            playable("b", &["R02"], 1),
            playable("c", &["R06"], 3),
            playable("d", &["R10"], 1),
        ];
        let r = h.recommend(&catalog).unwrap();
        assert_eq!(
            r.scenario, "c",
            "a is passed; c covers R06 (2) over b's R02 (1)"
        );
        assert_eq!(
            r.reason,
            Reason::BrokenRules {
                rules: vec![("R06".into(), 2)]
            }
        );
    }

    #[test]
    fn with_nothing_broken_the_gentlest_untried_call_then_the_least_tried() {
        let h = History::build(trainee(), vec![s(1, "a", 50, false, false)], tally(vec![]));
        let catalog = [
            playable("a", &["R06"], 1),
            playable("z", &["R01"], 2),
            playable("y", &["R01"], 4),
        ];
        assert_eq!(
            h.recommend(&catalog),
            Some(Recommendation {
                scenario: "z".into(),
                reason: Reason::NotTried
            })
        );
        assert_eq!(
            h.recommend(&catalog[..1]).unwrap().reason,
            Reason::NotPassed { attempts: 1 }
        );
        let passed = History::build(trainee(), vec![s(1, "a", 90, true, false)], tally(vec![]));
        assert_eq!(passed.recommend(&catalog[..1]), None);
    }
}
