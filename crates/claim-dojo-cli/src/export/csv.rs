//! `--format csv`: one row per session with a header row; the columns are
//! documented in `docs/records.md`. Quoting by the `csv` crate (RFC 4180).

use std::io::Write;

use super::{Exporter, Row, time};

pub struct Csv;

pub const COLUMNS: [&str; 17] = [
    "session",
    "trainee",
    "scenario",
    "scenario_hash",
    "seed",
    "started_at",
    "ended_at",
    "call_s",
    "outcome",
    "deescalation_passed",
    "passed",
    "score",
    "score_max",
    "parts",
    "broken",
    "what_if_of",
    "what_if_at",
];

fn write_record(w: &mut dyn Write, fields: &[String]) -> std::io::Result<()> {
    let mut out = csv::WriterBuilder::new().from_writer(Vec::new());
    out.write_record(fields).map_err(std::io::Error::other)?;
    let bytes = out
        .into_inner()
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    w.write_all(&bytes)
}

impl Exporter for Csv {
    fn begin(&mut self, w: &mut dyn Write) -> std::io::Result<()> {
        write_record(w, &COLUMNS.map(String::from))
    }

    fn session(&mut self, w: &mut dyn Write, row: &Row) -> std::io::Result<()> {
        let s = row.session;
        let d = row.digest;
        let parts: Vec<String> = d
            .score
            .parts
            .iter()
            .map(|p| format!("{}={}/{}", p.part, p.points, p.max))
            .collect();
        let broken: Vec<&str> = d
            .rules
            .iter()
            .filter(|v| v.status == "broken")
            .map(|v| v.id.as_str())
            .collect();
        let opt = |v: Option<String>| v.unwrap_or_default();
        write_record(
            w,
            &[
                s.id.0.to_string(),
                row.trainee.to_string(),
                s.scenario.clone(),
                opt(s.scenario_hash.clone()),
                s.seed.to_string(),
                time(s.started_at),
                time(s.ended_at),
                format!("{:.3}", s.call_ms as f64 / 1000.0),
                s.outcome.clone(),
                s.deescalation_passed.to_string(),
                s.passed().to_string(),
                s.score.to_string(),
                s.score_max.to_string(),
                parts.join(" "),
                broken.join(" "),
                opt(s.what_if.map(|w| w.session.0.to_string())),
                opt(s.what_if.map(|w| w.at_action.to_string())),
            ],
        )
    }
}
