//! `claim-dojo export --format jsonl|csv`: one line or row per session, for
//! trainers and spreadsheets. Each format is one file here implementing
//! [`Exporter`]; adding a format is a new file and a new [`ExportFormat`] value.
//! Written to standard output, or with `--out FILE` atomically to a file.

mod csv;
mod jsonl;

use std::io::Write;
use std::path::Path;

use claim_dojo_core::{Lang, i18n};
use claim_dojo_records::{Digest, SessionSummary, atomic};
use clap::ValueEnum;

use super::Io;

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One JSON object per line, with the whole report.
    Jsonl,
    /// One row per session, with a header row.
    Csv,
}

/// One session as the exporters see it.
pub struct Row<'a> {
    pub trainee: &'a str,
    pub session: &'a SessionSummary,
    /// The report, as saved.
    pub report_json: &'a str,
    /// What the store indexes of it.
    pub digest: &'a Digest,
}

/// A format: something before the first session, then one record per session.
pub trait Exporter {
    fn begin(&mut self, _w: &mut dyn Write) -> std::io::Result<()> {
        Ok(())
    }
    fn session(&mut self, w: &mut dyn Write, row: &Row) -> std::io::Result<()>;
}

fn exporter(format: ExportFormat) -> Box<dyn Exporter> {
    match format {
        ExportFormat::Jsonl => Box::new(jsonl::Jsonl),
        ExportFormat::Csv => Box::new(csv::Csv),
    }
}

/// RFC 3339 in UTC, to the millisecond.
pub fn time(t: jiff::Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

pub fn run(
    records: Option<&Path>,
    trainee: Option<&str>,
    format: ExportFormat,
    out: Option<&Path>,
    lang: Lang,
    io: &mut Io,
) -> u8 {
    let Some(store) = super::records::open(records, lang, io.err) else {
        return 1;
    };
    let Some(trainees) = super::records::trainees(&store, trainee, lang, io.err) else {
        return 1;
    };
    let one = (trainee.is_some()).then(|| trainees.first()).flatten();
    let mut buffer: Vec<u8> = Vec::new();
    let mut exporter = exporter(format);
    let mut written = exporter.begin(&mut buffer);
    let mut problem = None;
    let walked = store.each_session(one, |name, session, json| {
        let digest = match Digest::read(&format!("session {}", session.id.0), &json) {
            Ok(d) => d,
            Err(e) => {
                problem = Some(e);
                return false;
            }
        };
        let row = Row {
            trainee: name,
            session: &session,
            report_json: &json,
            digest: &digest,
        };
        if written.is_ok() {
            written = exporter.session(&mut buffer, &row);
        }
        written.is_ok()
    });
    if let Some(e) = walked.err().or(problem) {
        let _ = writeln!(io.err, "{}", e.message(lang));
        return 1;
    }
    let result = match (written, out) {
        (Err(e), _) => Err(e),
        (Ok(()), None) => io.out.write_all(&buffer),
        (Ok(()), Some(path)) => atomic::write(path, &buffer),
    };
    if let Err(e) = result {
        let path = out.map(|p| p.display().to_string()).unwrap_or("-".into());
        let _ = writeln!(
            io.err,
            "{}",
            i18n::message(
                lang,
                "records-s010",
                &vec![("path", &path), ("detail", &e.to_string()), ("moved", "")]
            )
        );
        return 1;
    }
    0
}
