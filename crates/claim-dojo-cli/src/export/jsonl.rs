//! `--format jsonl`: one JSON object per session and line, with the indexed
//! fields first and the whole report last (`docs/records.md`).

use std::io::Write;

use serde_json::{Value, json};

use super::{Exporter, Row, time};

pub struct Jsonl;

impl Exporter for Jsonl {
    fn session(&mut self, w: &mut dyn Write, row: &Row) -> std::io::Result<()> {
        let s = row.session;
        let report: Value = serde_json::from_str(row.report_json).unwrap_or(Value::Null);
        let broken: Vec<&str> = row
            .digest
            .rules
            .iter()
            .filter(|v| v.status == "broken")
            .map(|v| v.id.as_str())
            .collect();
        let line = json!({
            "session": s.id.0,
            "trainee": row.trainee,
            "scenario": s.scenario,
            "scenario_hash": s.scenario_hash,
            "seed": s.seed,
            "started_at": time(s.started_at),
            "ended_at": time(s.ended_at),
            "call_s": s.call_ms as f64 / 1000.0,
            "outcome": s.outcome,
            "deescalation_passed": s.deescalation_passed,
            "passed": s.passed(),
            "score": s.score,
            "score_max": s.score_max,
            "parts": row.digest.score.parts.iter().map(|p| json!({"part": p.part, "points": p.points, "max": p.max})).collect::<Vec<_>>(),
            "broken": broken,
            "what_if_of": s.what_if.map(|w| w.session.0),
            "what_if_at": s.what_if.map(|w| w.at_action),
            "report": report,
        });
        writeln!(w, "{line}")
    }
}
