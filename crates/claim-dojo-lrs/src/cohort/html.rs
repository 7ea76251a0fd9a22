//! The cohort report as one self-contained HTML file: inline CSS and SVG, no
//! script, no network. Every text from the data (scenario ids and titles,
//! trainee names, the words said) goes through maud, which escapes it; the
//! only unescaped text is the static CSS below. Words come from Fluent
//! (`cohort-*` in `locales/*/cli.ftl`).

use claim_dojo_core::{Lang, i18n};
use jiff::Timestamp;
use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::{BINS, Cohort, STALE_DAYS};

const CSS: &str = "
body{font-family:'BIZ UDPGothic','Noto Sans CJK JP','Noto Sans JP','Hiragino Sans','Yu Gothic',sans-serif;
margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1d232a;background:#fff;line-height:1.5}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:2px solid #d0d7de}
.meta{color:#57606a}table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e5e9ee;vertical-align:middle}
th{background:#f3f5f7;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums}
svg{display:block}.id{color:#57606a;font-size:.85em}.words{max-width:28rem}
";

fn t(lang: Lang, id: &str) -> String {
    i18n::message(lang, id, &vec![])
}

fn pick(lang: Lang, pair: &(String, String)) -> &str {
    match lang {
        Lang::Ja => &pair.0,
        _ => &pair.1,
    }
}

fn day(at: Timestamp) -> String {
    at.strftime("%Y-%m-%d").to_string()
}

/// The report as of `now`, in `lang`.
pub fn render(c: &Cohort, lang: Lang, now: Timestamp) -> String {
    let html_lang = if lang == Lang::Ja { "ja" } else { "en" };
    let trainees = c.trainees.len().to_string();
    let sessions = c.sessions.to_string();
    let when = now.strftime("%Y-%m-%d %H:%M UTC").to_string();
    let meta = i18n::message(
        lang,
        "cohort-generated",
        &vec![
            ("time", when.as_str()),
            ("trainees", trainees.as_str()),
            ("sessions", sessions.as_str()),
        ],
    );
    let page = html! {
        (DOCTYPE)
        html lang=(html_lang) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (t(lang, "cohort-title")) }
                style { (PreEscaped(CSS)) }
            }
            body {
                h1 { (t(lang, "cohort-title")) }
                p.meta { (meta) }
                @if c.sessions == 0 {
                    p { (t(lang, "cohort-empty")) }
                } @else {
                    (scenarios(c, lang))
                    (rules(c, lang))
                    (trainees_table(c, lang))
                    (hardest(c, lang))
                    (stale(c, lang, now))
                }
            }
        }
    };
    page.into_string()
}

fn scenarios(c: &Cohort, lang: Lang) -> Markup {
    html! {
        h2 { (t(lang, "cohort-scenarios")) }
        table {
            tr {
                th { (t(lang, "cohort-col-scenario")) }
                th { (t(lang, "cohort-col-sessions")) }
                th { (t(lang, "cohort-col-pass")) }
                th { (t(lang, "cohort-col-scores")) }
            }
            @for (id, s) in &c.scenarios {
                @let rate = if s.sessions == 0 { 0.0 } else { s.passed as f64 / s.sessions as f64 };
                tr {
                    td {
                        @if let Some(title) = &s.title { (pick(lang, title)) br; }
                        span.id { (id) }
                    }
                    td.n { (s.sessions) }
                    td { (pass_bar(rate)) }
                    td { (histogram(&s.bins)) }
                }
            }
        }
    }
}

fn pass_bar(rate: f64) -> Markup {
    let w = (rate * 120.0).round();
    let pct = format!("{:.0}%", rate * 100.0);
    html! {
        svg width="170" height="20" role="img" aria-label=(pct) {
            rect x="0" y="3" width="120" height="14" fill="#e5e9ee" {}
            rect x="0" y="3" width=(w) height="14" fill="#2da44e" {}
            text x="126" y="15" font-size="12" fill="#1d232a" { (pct) }
        }
    }
}

fn histogram(bins: &[u64; BINS]) -> Markup {
    let most = bins.iter().copied().max().unwrap_or(0).max(1);
    html! {
        svg width=(BINS * 14 + 2) height="34" role="img" aria-label="0–100%" {
            @for (i, n) in bins.iter().enumerate() {
                @let h = (*n as f64 / most as f64 * 30.0).round();
                rect x=(i * 14 + 1) y=(32.0 - h) width="12" height=(h) fill="#0969da" {
                    title { (format!("{}–{}%: {n}", i * 10, i * 10 + 10)) }
                }
            }
            line x1="0" y1="32.5" x2=(BINS * 14 + 2) y2="32.5" stroke="#8c959f" {}
        }
    }
}

fn rules(c: &Cohort, lang: Lang) -> Markup {
    html! {
        h2 { (t(lang, "cohort-rules")) }
        table {
            tr { th { (t(lang, "cohort-col-rule")) } th { (t(lang, "cohort-col-broken")) } }
            @for (rule, n) in c.top_broken(10) {
                @let title = i18n::message(lang, rule, &vec![]);
                tr {
                    td { span.id { (rule) } " " @if title != rule { (title) } }
                    td.n { (n) }
                }
            }
        }
    }
}

fn trainees_table(c: &Cohort, lang: Lang) -> Markup {
    html! {
        h2 { (t(lang, "cohort-trainees")) }
        table {
            tr {
                th { (t(lang, "cohort-col-trainee")) }
                th { (t(lang, "cohort-col-sessions")) }
                th { (t(lang, "cohort-col-last")) }
                th { (t(lang, "cohort-col-trend")) }
            }
            @for (name, f) in &c.trainees {
                tr {
                    td { (name) }
                    td.n { (f.sessions) }
                    td { (day(f.last_at)) }
                    td { (sparkline(f.trend.iter().copied())) }
                }
            }
        }
    }
}

fn sparkline(points: impl ExactSizeIterator<Item = f64>) -> Markup {
    let n = points.len().max(2) - 1;
    let pts: Vec<String> = points
        .enumerate()
        .map(|(i, v)| {
            format!(
                "{:.1},{:.1}",
                i as f64 * 160.0 / n as f64 + 2.0,
                26.0 - v * 24.0
            )
        })
        .collect();
    let last = pts.last().cloned().unwrap_or_default();
    let (lx, ly) = last.split_once(',').unwrap_or(("0", "0"));
    html! {
        svg width="166" height="30" role="img" {
            line x1="2" y1="14" x2="162" y2="14" stroke="#e5e9ee" {}
            polyline points=(pts.join(" ")) fill="none" stroke="#8250df" stroke-width="2" {}
            circle cx=(lx) cy=(ly) r="3" fill="#8250df" {}
        }
    }
}

fn hardest(c: &Cohort, lang: Lang) -> Markup {
    let top = c.hardest(10);
    html! {
        h2 { (t(lang, "cohort-hardest")) }
        @if top.is_empty() {
            p { (t(lang, "cohort-no-moments")) }
        } @else {
            p.meta { (t(lang, "cohort-hardest-note")) }
            table {
                tr {
                    th { (t(lang, "cohort-col-node")) }
                    th { (t(lang, "cohort-col-words")) }
                    th { (t(lang, "cohort-col-rise")) }
                }
                @for ((scenario, node, _choice), m) in top {
                    tr {
                        td { (scenario) br; span.id { (node) } }
                        td.words { "「" (pick(lang, &m.words)) "」" }
                        td.n { (format!("+{:.1} / {}", m.rise_sum, m.times)) }
                    }
                }
            }
        }
    }
}

fn stale(c: &Cohort, lang: Lang, now: Timestamp) -> Markup {
    let late = c.not_lately(now);
    let days = STALE_DAYS.to_string();
    html! {
        h2 { (i18n::message(lang, "cohort-stale", &vec![("days", days.as_str())])) }
        @if late.is_empty() {
            p { (t(lang, "cohort-stale-none")) }
        } @else {
            table {
                tr { th { (t(lang, "cohort-col-trainee")) } th { (t(lang, "cohort-col-last")) } }
                @for (name, at) in late {
                    tr { td { (name) } td { (day(at)) } }
                }
            }
        }
    }
}
