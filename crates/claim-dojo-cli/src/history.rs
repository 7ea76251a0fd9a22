//! `claim-dojo history [--trainee NAME]`: each trainee's attempts per scenario
//! with the best and last score, the trend of scores and 3-minute passes, the
//! rules broken most often with the sessions that broke them, and the
//! recommended next call among the scenarios folder's calls.

use std::io::Write;
use std::path::Path;

use claim_dojo_core::load::{load_file, scenario_files};
use claim_dojo_core::{Lang, i18n};
use claim_dojo_records::{History, Playable, Reason, Recommendation};
use serde::Serialize;

use super::{Format, Io};

/// How many of the latest sessions the human trend shows.
const TREND_SHOWN: usize = 10;
/// How many rules a reason names (the most broken).
const RULES_SHOWN: usize = 3;

#[derive(Serialize)]
struct Entry<'a> {
    #[serde(flatten)]
    history: &'a History,
    recommendation: Option<Recommendation>,
}

pub fn run(
    records: Option<&Path>,
    trainee: Option<&str>,
    scenarios: &Path,
    format: Format,
    lang: Lang,
    io: &mut Io,
) -> u8 {
    let Some(store) = super::records::open(records, lang, io.err) else {
        return 1;
    };
    let Some(trainees) = super::records::trainees(&store, trainee, lang, io.err) else {
        return 1;
    };
    let playable = playable(scenarios);
    let mut entries = Vec::new();
    for t in &trainees {
        match store.history(t) {
            Ok(h) => entries.push(h),
            Err(e) => {
                let _ = writeln!(io.err, "{}", e.message(lang));
                return 1;
            }
        }
    }
    let _ = match format {
        Format::Json => {
            let v: Vec<_> = entries
                .iter()
                .map(|h| Entry {
                    history: h,
                    recommendation: h.recommend(&playable),
                })
                .collect();
            writeln!(
                io.out,
                "{}",
                serde_json::to_string_pretty(&v).unwrap_or_default()
            )
        }
        Format::Human => entries
            .iter()
            .try_for_each(|h| human(h, h.recommend(&playable), lang, io.out)),
    };
    0
}

/// The scenarios that load cleanly, for the recommendation.
fn playable(dir: &Path) -> Vec<Playable> {
    scenario_files(dir)
        .unwrap_or_default()
        .iter()
        .filter_map(|f| load_file(f).scenario)
        .map(|s| Playable {
            id: s.id.clone(),
            rules: s.rules.iter().map(|r| r.to_string()).collect(),
            difficulty: s.difficulty,
        })
        .collect()
}

fn human(
    h: &History,
    recommendation: Option<Recommendation>,
    lang: Lang,
    w: &mut dyn Write,
) -> std::io::Result<()> {
    let tr = |id: &str, args: &[(&str, &str)]| i18n::message(lang, id, &args.to_vec());
    let n = h.sessions.len().to_string();
    writeln!(
        w,
        "{}",
        tr(
            "cli-history-trainee",
            &[("name", &h.trainee.name), ("sessions", &n)]
        )
    )?;
    if h.sessions.is_empty() {
        return writeln!(w);
    }
    writeln!(w, "  {}", tr("cli-history-scenarios", &[]))?;
    for a in &h.scenarios {
        let passed = if a.passed { "✓" } else { "·" };
        writeln!(
            w,
            "    {passed} {:<28} {}",
            a.scenario,
            tr(
                "cli-history-attempts",
                &[
                    ("attempts", &a.attempts.to_string()),
                    ("best", &a.best.to_string()),
                    ("last", &a.last.to_string()),
                    ("max", &a.max.to_string())
                ]
            )
        )?;
    }
    let shown: Vec<String> = h
        .trend
        .iter()
        .rev()
        .take(TREND_SHOWN)
        .rev()
        .map(|p| {
            format!(
                "{}{}",
                p.score,
                if p.deescalation_passed { "✓" } else { "✗" }
            )
        })
        .collect();
    let rate = h
        .trend
        .last()
        .map(|p| format!("{:.0}", p.pass_rate * 100.0))
        .unwrap_or_default();
    writeln!(
        w,
        "  {}",
        tr(
            "cli-history-trend",
            &[("scores", &shown.join(" ")), ("rate", &rate)]
        )
    )?;
    if !h.broken.is_empty() {
        writeln!(w, "  {}", tr("cli-history-broken", &[]))?;
        for b in h.broken.iter().take(5) {
            let sessions: Vec<String> = b.sessions.iter().map(|s| s.0.to_string()).collect();
            let title = i18n::message(lang, &b.rule, &vec![]);
            writeln!(
                w,
                "    {} {title} ×{}  ({})",
                b.rule,
                b.count,
                tr("cli-history-sessions", &[("ids", &sessions.join(", "))])
            )?;
        }
    }
    if let Some(r) = recommendation {
        let why = match &r.reason {
            Reason::BrokenRules { rules } => {
                let rules: Vec<String> = rules
                    .iter()
                    .take(RULES_SHOWN)
                    .map(|(r, n)| format!("{r} ×{n}"))
                    .collect();
                tr("cli-history-why-broken", &[("rules", &rules.join(", "))])
            }
            Reason::NotTried => tr("cli-history-why-new", &[]),
            Reason::NotPassed { attempts } => tr(
                "cli-history-why-not-passed",
                &[("attempts", &attempts.to_string())],
            ),
        };
        writeln!(
            w,
            "  {}",
            tr(
                "cli-history-next",
                &[("scenario", &r.scenario), ("why", &why)]
            )
        )?;
    }
    writeln!(w)
}
