//! The cohort report's numbers: sessions (from records files, report folders
//! or an LRS's statements) folded one at a time into a [`Cohort`] whose size
//! depends on the number of trainees, scenarios and choices, never on the
//! number of sessions: pass rates and score histograms per scenario, rule
//! breaks, each trainee's last scores, and the choices where anger rose most.
//! The HTML is `html.rs`.
//!
//! From records, [`add_from_store`] reads each session's indexed columns,
//! broken verdicts and rises ([`Store::each_brief`]), never its report JSON
//! (28–31 KB each, 90 % of it rule texts the report does not show): parsing
//! those was what the 100,000-session report cost (docs/performance.md).
//! [`from_report`] reads the same figures from a report's JSON: the reference
//! the tests hold the records' fold to.

mod html;

use std::collections::{BTreeMap, HashMap, VecDeque};

use claim_dojo_records::{SessionBrief, Store};
use jiff::Timestamp;
use serde::Deserialize;
use serde_json::Value;

pub use html::render;

/// Scores kept per trainee for the trend line.
pub const TREND_LEN: usize = 20;
/// Histogram bins of the score (tenths of the maximum).
pub const BINS: usize = 10;
/// A trainee whose last session is older than this (before the report's
/// time) has "not practised lately".
pub const STALE_DAYS: i64 = 14;

/// One session as the report needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct CohortSession {
    pub trainee: String,
    pub scenario: String,
    /// (ja, en) when known (statements carry it; reports only the id).
    pub title: Option<(String, String)>,
    pub started_at: Timestamp,
    pub score: u32,
    pub max: u32,
    pub passed: bool,
    pub broken: Vec<String>,
    pub moments: Vec<Moment>,
}

/// A trainee's choice after which anger rose.
#[derive(Debug, Clone, PartialEq)]
pub struct Moment {
    pub node: String,
    pub choice: String,
    pub rise: f64,
    /// The words said (ja, en).
    pub words: (String, String),
}

#[derive(Debug, Clone, Default)]
pub struct ScenarioFigures {
    pub title: Option<(String, String)>,
    pub sessions: u64,
    pub passed: u64,
    pub bins: [u64; BINS],
}

#[derive(Debug, Clone)]
pub struct TraineeFigures {
    pub sessions: u64,
    pub last_at: Timestamp,
    /// The last [`TREND_LEN`] scores as shares of the maximum, oldest first.
    pub trend: VecDeque<f64>,
}

#[derive(Debug, Clone, Default)]
pub struct MomentFigures {
    pub times: u64,
    pub rise_sum: f64,
    pub words: (String, String),
}

/// Everything the report shows, folded from sessions in any order.
#[derive(Debug, Clone, Default)]
pub struct Cohort {
    pub sessions: u64,
    pub scenarios: BTreeMap<String, ScenarioFigures>,
    pub broken: HashMap<String, u64>,
    pub trainees: BTreeMap<String, TraineeFigures>,
    /// By (scenario, node, choice).
    pub moments: HashMap<(String, String, String), MomentFigures>,
    pub newest: Option<Timestamp>,
}

impl Cohort {
    pub fn add(&mut self, s: CohortSession) {
        self.sessions += 1;
        let share = if s.max == 0 {
            0.0
        } else {
            (f64::from(s.score) / f64::from(s.max)).clamp(0.0, 1.0)
        };
        let sc = self.scenarios.entry(s.scenario.clone()).or_default();
        sc.sessions += 1;
        sc.passed += u64::from(s.passed);
        sc.bins[((share * BINS as f64) as usize).min(BINS - 1)] += 1;
        if sc.title.is_none() {
            sc.title = s.title;
        }
        for rule in s.broken {
            *self.broken.entry(rule).or_default() += 1;
        }
        let t = self
            .trainees
            .entry(s.trainee)
            .or_insert_with(|| TraineeFigures {
                sessions: 0,
                last_at: s.started_at,
                trend: VecDeque::new(),
            });
        t.sessions += 1;
        // Sessions may come in any order (several files, an LRS's pages
        // newest first): the trend is kept in time order by insertion.
        if s.started_at >= t.last_at {
            t.last_at = s.started_at;
            t.trend.push_back(share);
            if t.trend.len() > TREND_LEN {
                t.trend.pop_front();
            }
        } else if t.trend.len() < TREND_LEN {
            t.trend.push_front(share);
        }
        for m in s.moments {
            let f = self
                .moments
                .entry((s.scenario.clone(), m.node, m.choice))
                .or_default();
            f.times += 1;
            f.rise_sum += m.rise;
            if f.words.0.is_empty() {
                f.words = m.words;
            }
        }
        self.newest = self.newest.max(Some(s.started_at));
    }

    /// Rules broken most, with how often: most first, then by id.
    pub fn top_broken(&self, n: usize) -> Vec<(&str, u64)> {
        let mut v: Vec<_> = self.broken.iter().map(|(r, c)| (r.as_str(), *c)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v.truncate(n);
        v
    }

    /// The choices where anger rose most in total: (scenario, node, figures).
    pub fn hardest(&self, n: usize) -> Vec<(&(String, String, String), &MomentFigures)> {
        let mut v: Vec<_> = self.moments.iter().collect();
        v.sort_by(|a, b| {
            b.1.rise_sum
                .total_cmp(&a.1.rise_sum)
                .then_with(|| a.0.cmp(b.0))
        });
        v.truncate(n);
        v
    }

    /// Trainees whose last session is more than [`STALE_DAYS`] before `now`,
    /// longest ago first.
    pub fn not_lately(&self, now: Timestamp) -> Vec<(&str, Timestamp)> {
        let limit = now - jiff::SignedDuration::from_hours(24 * STALE_DAYS);
        let mut v: Vec<_> = self
            .trainees
            .iter()
            .filter(|(_, t)| t.last_at < limit)
            .map(|(n, t)| (n.as_str(), t.last_at))
            .collect();
        v.sort_by_key(|(n, at)| (*at, n.to_string()));
        v
    }
}

/// What the cohort reads of a session report (lenient: unknown fields ignored).
#[derive(Deserialize)]
struct ReportView {
    scenario: String,
    outcome: String,
    deescalation: Deesc,
    score: Score,
    #[serde(default)]
    rules: Vec<Rule>,
    #[serde(default)]
    marks: Vec<Mark>,
    #[serde(default)]
    transcript: Vec<Line>,
}
#[derive(Deserialize)]
struct Deesc {
    passed: bool,
}
#[derive(Deserialize)]
struct Score {
    total: u32,
    max: u32,
}
#[derive(Deserialize)]
struct Rule {
    id: String,
    status: String,
}
#[derive(Deserialize)]
struct Mark {
    #[serde(default)]
    choice: Option<String>,
    from: f64,
    to: f64,
}
#[derive(Deserialize)]
struct Line {
    kind: String,
    #[serde(default)]
    node: Option<String>,
    #[serde(default)]
    choice: Option<String>,
    #[serde(default)]
    text: Option<Words>,
}
#[derive(Deserialize)]
struct Words {
    #[serde(default)]
    ja: String,
    #[serde(default)]
    en: String,
}

/// A session from its stored report; passed as in the statements (the
/// 3-minute check, the outcome and `pass_scaled`).
pub fn from_report(
    trainee: &str,
    started_at: Timestamp,
    report_json: &str,
    pass_scaled: f64,
) -> Result<CohortSession, serde_json::Error> {
    let r: ReportView = serde_json::from_str(report_json)?;
    let moments = r
        .marks
        .iter()
        .filter(|m| m.to > m.from)
        .filter_map(|m| {
            let choice = m.choice.as_ref()?;
            let line = r
                .transcript
                .iter()
                .find(|l| l.kind == "choice" && l.choice.as_ref() == Some(choice))?;
            let words = line
                .text
                .as_ref()
                .map(|t| (t.ja.clone(), t.en.clone()))
                .unwrap_or_default();
            Some(Moment {
                node: line.node.clone().unwrap_or_default(),
                choice: choice.clone(),
                rise: m.to - m.from,
                words,
            })
        })
        .collect();
    Ok(CohortSession {
        trainee: trainee.to_string(),
        title: None,
        started_at,
        score: r.score.total,
        max: r.score.max,
        passed: passed(
            r.deescalation.passed,
            &r.outcome,
            r.score.total,
            r.score.max,
            pass_scaled,
        ),
        broken: r
            .rules
            .into_iter()
            .filter(|v| v.status == "broken")
            .map(|v| v.id)
            .collect(),
        moments,
        scenario: r.scenario,
    })
}

/// Whether a session passed, as its `completed` statement says: the 3-minute
/// check made, the customer neither hung up nor complained again, and the
/// score's share at least `pass_scaled`.
fn passed(deescalation: bool, outcome: &str, score: u32, max: u32, pass_scaled: f64) -> bool {
    let scaled = if max == 0 {
        0.0
    } else {
        f64::from(score) / f64::from(max)
    };
    claim_dojo_records::digest::passed(deescalation, outcome) && scaled + 1e-9 >= pass_scaled
}

/// A session from the records' columns, verdicts and rises (no report JSON).
pub fn from_brief(b: SessionBrief, pass_scaled: f64) -> CohortSession {
    CohortSession {
        passed: passed(
            b.deescalation_passed,
            &b.outcome,
            b.score,
            b.score_max,
            pass_scaled,
        ),
        trainee: b.trainee,
        scenario: b.scenario,
        title: None,
        started_at: b.started_at,
        score: b.score,
        max: b.score_max,
        broken: b.broken,
        moments: b
            .rises
            .into_iter()
            .map(|r| Moment {
                node: r.node,
                choice: r.choice,
                rise: r.rise,
                words: r.words,
            })
            .collect(),
    }
}

/// Adds every session of the records, oldest first, one at a time.
pub fn add_from_store(
    store: &Store,
    pass_scaled: f64,
    cohort: &mut Cohort,
) -> claim_dojo_records::Result<()> {
    store.each_brief(|b| {
        cohort.add(from_brief(b, pass_scaled));
        true
    })
}

/// A session from its `completed` statement (other statements: `None`).
/// Statements carry no transcript, so an LRS gives no hardest moments.
pub fn from_statement(s: &Value) -> Option<CohortSession> {
    if s["verb"]["id"] != "http://adlnet.gov/expapi/verbs/completed" {
        return None;
    }
    let trainee = s["actor"]["account"]["name"]
        .as_str()
        .or_else(|| s["actor"]["name"].as_str())?;
    let object = s["object"]["id"].as_str()?;
    let scenario = object.rsplit('/').next().unwrap_or(object);
    let name = &s["object"]["definition"]["name"];
    let title = match (name["ja-JP"].as_str(), name["en-US"].as_str()) {
        (Some(ja), Some(en)) => Some((ja.to_string(), en.to_string())),
        _ => None,
    };
    let result = &s["result"];
    let broken = result["extensions"][crate::statement::EXT_RULES]["broken"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|r| r.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    Some(CohortSession {
        trainee: trainee.to_string(),
        scenario: percent_decode(scenario),
        title,
        started_at: s["timestamp"].as_str()?.parse().ok()?,
        score: result["score"]["raw"].as_f64().unwrap_or(0.0).max(0.0) as u32,
        max: result["score"]["max"].as_f64().unwrap_or(0.0).max(0.0) as u32,
        passed: result["success"].as_bool().unwrap_or(false),
        broken,
        moments: Vec::new(),
    })
}

/// Adds every `completed` statement of the LRS, reading `page` statements at
/// a time and following the `more` links: one page in memory at once. The
/// verb is picked here rather than with the API's `verb` parameter, which
/// Ralph 5.1's `fs` backend answers with no statements at all.
pub fn add_from_lrs(
    lrs: &crate::client::Lrs,
    page: usize,
    cohort: &mut Cohort,
) -> Result<(), String> {
    let query = format!("limit={}", page.max(1));
    let mut more: Option<String> = None;
    loop {
        let (statements, next) = lrs.page(&query, more.as_deref())?;
        for s in &statements {
            if let Some(c) = from_statement(s) {
                cohort.add(c);
            }
        }
        match next {
            Some(n) if !statements.is_empty() => more = Some(n),
            _ => return Ok(()),
        }
    }
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && let Some(v) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
