//! The analysis for a terminal, in the reader's language.

use std::fmt::Write;

use super::{Analysis, PathReport};
use crate::i18n;
use crate::report::human::clock;
use crate::scenario::Outcome;
use crate::text::Lang;

fn t(lang: Lang, id: &str, args: &[(&str, &str)]) -> String {
    i18n::message(lang, id, &args.to_vec())
}

fn path(o: &mut String, lang: Lang, title: &str, p: &PathReport) {
    let outcome = t(lang, &format!("outcome-{}", p.outcome), &[]);
    let calm = p.calm_at_s.map(clock).unwrap_or_else(|| "—".into());
    // Both clocks, labelled: `play` counts from the window's opening.
    let into = p
        .calm_at_s
        .map(|c| clock(c - p.report.deescalation.window_start_s.unwrap_or(0.0)))
        .unwrap_or_else(|| "—".into());
    let _ = writeln!(
        o,
        "{title}: {} ({}) — {}",
        p.score,
        outcome,
        t(
            lang,
            match (p.deescalation_passed, p.outcome) {
                // Calm in the window, then lost: never "passing" (the best
                // passing path leaves these endings out).
                (true, o) if Outcome::from_key(o).is_some_and(Outcome::is_lost) => {
                    "analyze-passes-then-lost"
                }
                (true, _) => "analyze-passes",
                (false, _) => "analyze-fails",
            },
            &[("calm", &calm), ("into", &into)]
        )
    );
    let _ = writeln!(o, "    {}", p.choices.join(" → "));
    let ids = |v: &[crate::rules::RuleId]| {
        v.iter()
            .map(|r| r.to_string())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let _ = writeln!(o, "    {}: {}", t(lang, "analyze-kept", &[]), ids(&p.kept));
    let _ = writeln!(
        o,
        "    {}: {}",
        t(lang, "analyze-broken", &[]),
        if p.broken.is_empty() {
            "—".into()
        } else {
            ids(&p.broken)
        }
    );
}

pub fn human(a: &Analysis, lang: Lang) -> String {
    let mut o = String::new();
    let g = &a.graph;
    let paths = g
        .paths
        .map(|p| p.to_string())
        .unwrap_or_else(|| t(lang, "analyze-paths-cyclic", &[]));
    let _ = writeln!(
        o,
        "{}",
        t(
            lang,
            "analyze-header",
            &[
                ("scenario", &a.scenario),
                ("nodes", &g.nodes.to_string()),
                ("choices", &g.choices.to_string()),
                ("paths", &paths)
            ]
        )
    );
    let outcomes: Vec<String> = a
        .reachable_outcomes
        .iter()
        .map(|k| t(lang, &format!("outcome-{k}"), &[]))
        .collect();
    let _ = writeln!(
        o,
        "{}: {}",
        t(lang, "analyze-endings", &[]),
        outcomes.join(", ")
    );
    let search_key = match a.search {
        "exhaustive" => "analyze-exhaustive",
        "pruned" => "analyze-pruned",
        _ => "analyze-bounded",
    };
    let _ = writeln!(
        o,
        "{}",
        t(
            lang,
            search_key,
            &[
                ("paths", &a.paths_explored.to_string()),
                ("steps", &a.steps_simulated.to_string()),
                ("budget", &a.step_budget.to_string()),
                ("merged", &a.states_merged.to_string()),
                ("pruned", &a.states_pruned.to_string())
            ]
        )
    );
    let _ = writeln!(o);
    if let Some(p) = &a.best {
        path(&mut o, lang, &t(lang, "analyze-best", &[]), p);
    }
    if let Some(p) = &a.worst {
        path(&mut o, lang, &t(lang, "analyze-worst", &[]), p);
    }
    match &a.passing {
        Some(p) => path(&mut o, lang, &t(lang, "analyze-passing", &[]), p),
        None => {
            let _ = writeln!(o, "{}", t(lang, "analyze-no-passing", &[]));
        }
    }
    let simulated = a.counted.over == "simulated";
    let calls = a.counted.calls.to_string();
    let (rules_key, rule_line, flags_key, flag_line) = if simulated {
        (
            "analyze-rules-simulated",
            "analyze-rule-line-simulated",
            "analyze-flags-simulated",
            "analyze-flag-line-simulated",
        )
    } else {
        (
            "analyze-rules",
            "analyze-rule-line",
            "analyze-flags",
            "analyze-flag-line",
        )
    };
    let _ = writeln!(o, "\n{}", t(lang, rules_key, &[("calls", &calls)]));
    for r in &a.rules {
        if r.kept_on + r.broken_on == 0 && !r.listed {
            continue;
        }
        let mark = if r.listed { "*" } else { " " };
        let _ = writeln!(
            o,
            "  {mark}{} {}",
            r.id,
            t(
                lang,
                rule_line,
                &[
                    ("kept", &r.kept_on.to_string()),
                    ("broken", &r.broken_on.to_string()),
                    ("calls", &calls)
                ]
            )
        );
    }
    if !a.flags.is_empty() {
        let _ = writeln!(o, "\n{}", t(lang, flags_key, &[("calls", &calls)]));
        for f in &a.flags {
            let _ = writeln!(
                o,
                "  {} {}",
                f.flag,
                t(
                    lang,
                    flag_line,
                    &[("set", &f.set_on.to_string()), ("paths", &calls)]
                )
            );
        }
    }
    if !a.listed_but_unexercised.is_empty() {
        let ids: Vec<String> = a
            .listed_but_unexercised
            .iter()
            .map(|r| r.to_string())
            .collect();
        let _ = writeln!(
            o,
            "{}",
            t(lang, "analyze-unexercised", &[("rules", &ids.join(" "))])
        );
    }
    if !a.listed_never_kept.is_empty() {
        let ids: Vec<String> = a.listed_never_kept.iter().map(|r| r.to_string()).collect();
        let _ = writeln!(
            o,
            "{}",
            t(lang, "analyze-never-kept", &[("rules", &ids.join(" "))])
        );
    }
    if !a.unreached_nodes.is_empty() {
        let _ = writeln!(
            o,
            "{}",
            t(
                lang,
                "analyze-unreached",
                &[("nodes", &a.unreached_nodes.join(", "))]
            )
        );
    }
    let d = &a.difficulty;
    let _ = writeln!(
        o,
        "\n{}",
        t(
            lang,
            "analyze-difficulty",
            &[
                ("sessions", &d.sessions.to_string()),
                ("seed", &d.seed.to_string())
            ]
        )
    );
    for (key, s) in [
        ("analyze-random", &d.random),
        ("analyze-plausible", &d.plausible),
    ] {
        let pct = format!("{:.1}", s.pass_rate * 100.0);
        let _ = writeln!(
            o,
            "  {}",
            t(
                lang,
                key,
                &[("pass", &pct), ("score", &format!("{:.1}", s.mean_score))]
            )
        );
    }
    let g = &a.gaming;
    let best = g.best.map(|b| b.to_string()).unwrap_or_else(|| "—".into());
    let _ = writeln!(
        o,
        "\n{}",
        t(
            lang,
            "analyze-gaming",
            &[("seeds", &g.seeds.to_string()), ("best", &best)]
        )
    );
    for f in &g.policies {
        let _ = writeln!(
            o,
            "  {:<9} {}",
            f.policy,
            t(
                lang,
                "analyze-gaming-line",
                &[
                    ("mean", &format!("{:.1}", f.mean)),
                    ("max", &f.max.to_string()),
                    ("passed", &f.passed.to_string()),
                    ("sessions", &f.sessions.to_string())
                ]
            )
        );
    }
    if let (Some(l), Some(s)) = (g.best_longest_share, g.best_shortest_share) {
        let _ = writeln!(
            o,
            "  {}",
            t(
                lang,
                "analyze-gaming-lengths",
                &[
                    ("longest", &format!("{:.0}", l * 100.0)),
                    ("shortest", &format!("{:.0}", s * 100.0))
                ]
            )
        );
    }
    o
}
