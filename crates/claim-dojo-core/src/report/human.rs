//! The report for a terminal: the outcome, the 3-minute check, the steps, every rule
//! with its evidence, and the score breakdown, in the reader's language.

use std::fmt::Write;

use super::Report;
use crate::i18n;
use crate::rules::Status;
use crate::scenario::Outcome;
use crate::scoring::StepStatus;
use crate::text::Lang;

/// `m:ss` call time.
pub fn clock(s: f64) -> String {
    let s = s.max(0.0).round() as u64;
    format!("{}:{:02}", s / 60, s % 60)
}

fn t(lang: Lang, id: &str, args: &[(&str, &str)]) -> String {
    i18n::message(lang, id, &args.to_vec())
}

pub fn human(r: &Report, lang: Lang) -> String {
    let mut o = String::new();
    let outcome = t(lang, &format!("outcome-{}", r.outcome), &[]);
    let _ = writeln!(
        o,
        "{}",
        t(
            lang,
            "report-header",
            &[("scenario", &r.scenario), ("seed", &r.seed.to_string())]
        )
    );
    let _ = writeln!(
        o,
        "{}",
        t(
            lang,
            "report-outcome",
            &[("outcome", &outcome), ("time", &clock(r.ended_at_s))]
        )
    );
    if let Some(u) = &r.outcome_reason {
        let _ = writeln!(o, "  {}", u.detail.get(lang));
    }
    let d = &r.deescalation;
    let line = match (d.passed, d.calm_at_s) {
        _ if !d.goal => t(lang, "report-deescalation-not-goal", &[]),
        (true, Some(c)) => t(
            lang,
            "report-deescalation-passed",
            &[
                ("time", &clock(c - d.window_start_s.unwrap_or(0.0))),
                ("call", &clock(c)),
            ],
        ),
        (false, Some(c)) => t(
            lang,
            "report-deescalation-late",
            &[
                ("time", &clock(c - d.window_start_s.unwrap_or(0.0))),
                ("call", &clock(c)),
            ],
        ),
        _ => t(lang, "report-deescalation-failed", &[]),
    };
    let _ = writeln!(o, "{line}");
    // The window's calm was earned, and the call was still lost: say both, so
    // "passed" never reads as the call going well.
    if d.goal && d.passed && Outcome::from_key(r.outcome).is_some_and(Outcome::is_lost) {
        let _ = writeln!(o, "  {}", t(lang, "report-deescalation-then-lost", &[]));
    }
    let _ = writeln!(o, "\n{}", t(lang, "report-steps", &[]));
    for s in &r.steps {
        let status = t(lang, &format!("step-status-{}", s.status.key()), &[]);
        let name = t(lang, &format!("step-{}", s.step), &[]);
        let when = s.at_s.map(clock).unwrap_or_else(|| "—".into());
        let mark = match s.status {
            StepStatus::Done => "✓",
            StepStatus::OutOfOrder => "↕",
            StepStatus::Missed => "✗",
        };
        let _ = writeln!(
            o,
            "  {mark} {}. {name}: {status} ({when}) {}/{}",
            s.step,
            s.points,
            crate::scoring::STEP_POINTS
        );
    }
    let _ = writeln!(o, "\n{}", t(lang, "report-rules", &[]));
    for rule in &r.rules {
        let (mark, key) = match rule.status {
            Status::Kept => ("○", "kept"),
            Status::Broken => ("×", "broken"),
            Status::NotTested | Status::Pending => ("－", "not_tested"),
        };
        let status = t(lang, &format!("rule-status-{key}"), &[]);
        let when = rule
            .at_s
            .map(|s| format!(" {}", clock(s)))
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "  {mark} {} {} — {status}{when}",
            rule.id,
            rule.title.get(lang)
        );
        if rule.status == Status::NotTested {
            if !rule.comes_up.get(lang).is_empty() {
                let _ = writeln!(o, "      {}", rule.comes_up.get(lang));
            }
        } else if let Some(e) = &rule.evidence {
            let _ = writeln!(o, "      {}", e.detail.get(lang));
            if let Some(w) = &e.words {
                let _ = writeln!(o, "      「{}」", w.get(lang));
            }
            if rule.status == Status::Broken {
                let _ = writeln!(o, "      {}", rule.why.get(lang));
            }
        }
    }
    if !r.facts.is_empty() {
        let _ = writeln!(o, "\n{}", t(lang, "report-facts", &[]));
        for f in &r.facts {
            let mark = |s: &str| match s {
                "captured" => "○",
                "missed" => "×",
                _ => "－",
            };
            let memo = t(lang, &format!("report-fact-{}", f.memo), &[]);
            let mut line = format!(
                "  {} {}: {} {memo}",
                mark(f.memo),
                f.name.get(lang),
                t(lang, "report-fact-memo", &[])
            );
            if let Some(h) = f.handoff {
                let _ = write!(
                    line,
                    " · {} {}",
                    t(lang, "report-fact-handoff", &[]),
                    t(lang, &format!("report-fact-{h}"), &[])
                );
            }
            let _ = writeln!(o, "{line}");
        }
    }
    let _ = writeln!(
        o,
        "\n{}",
        t(
            lang,
            "report-score",
            &[
                ("total", &r.score.total.to_string()),
                ("max", &r.score.max.to_string())
            ]
        )
    );
    for p in &r.score.parts {
        let name = t(lang, &format!("score-part-{}", p.part), &[]);
        let _ = writeln!(o, "  {name}: {}/{}", p.points, p.max);
    }
    o
}
