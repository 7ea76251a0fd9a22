//! `claim-dojo export --format jsonl|csv|xapi`: one line or row per session
//! (or its xAPI statements), for trainers, spreadsheets and LMSs; from the
//! records file, or with `--results DIR` from a folder of session reports. Each format is one file here implementing
//! [`Exporter`]; adding a format is a new file and a new [`ExportFormat`] value.
//! Written to standard output, or with `--out FILE` atomically to a file.

mod csv;
mod jsonl;
mod xapi;

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
    /// The xAPI 1.0.3 statements of every session, as one JSON array.
    Xapi,
}

/// One session as the exporters see it.
pub struct Row<'a> {
    pub trainee: &'a str,
    /// The store's uid of the session (xAPI ids derive from it).
    pub uid: &'a str,
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
    fn end(&mut self, _w: &mut dyn Write) -> std::io::Result<()> {
        Ok(())
    }
}

fn exporter(format: ExportFormat) -> Box<dyn Exporter> {
    match format {
        ExportFormat::Jsonl => Box::new(jsonl::Jsonl),
        ExportFormat::Csv => Box::new(csv::Csv),
        ExportFormat::Xapi => Box::new(xapi::Xapi::new(profile())),
    }
}

/// The xAPI profile's settings: the home page from the environment, the
/// scenario titles from `scenarios/` when it is there.
fn profile() -> claim_dojo_lrs::Profile {
    let mut p = claim_dojo_lrs::Profile::default();
    if let Ok(home) = std::env::var(claim_dojo_lrs::config::HOME_PAGE_ENV) {
        p.home_page = home;
    }
    p.titles = claim_dojo_lrs::statement::titles_in(Path::new("scenarios"));
    p
}

/// RFC 3339 in UTC, to the millisecond.
pub fn time(t: jiff::Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

pub fn run(
    records: Option<&Path>,
    results: Option<&Path>,
    trainee: Option<&str>,
    format: ExportFormat,
    out: Option<&Path>,
    lang: Lang,
    io: &mut Io,
) -> u8 {
    let store = match results {
        Some(dir) => from_results(dir, trainee, lang, io.err),
        None => super::records::open(records, lang, io.err),
    };
    let Some(store) = store else {
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
    let walked = store.each_session_with_uid(one, |name, uid, session, json| {
        let digest = match Digest::read(&format!("session {}", session.id.0), &json) {
            Ok(d) => d,
            Err(e) => {
                problem = Some(e);
                return false;
            }
        };
        let row = Row {
            trainee: name,
            uid,
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
    if written.is_ok() {
        written = exporter.end(&mut buffer);
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

/// A folder of session reports (the results folder of old versions) read
/// into a store in memory, as the trainee named (or `trainee`): the same
/// sessions, uids and statement ids an import into the records file gives.
pub(crate) fn from_results(
    dir: &Path,
    trainee: Option<&str>,
    lang: Lang,
    err: &mut dyn Write,
) -> Option<claim_dojo_records::Store> {
    let mut read = || -> claim_dojo_records::Result<claim_dojo_records::Store> {
        if !dir.is_dir() {
            return Err(
                claim_dojo_records::StoreError::new(claim_dojo_records::StoreCode::Import)
                    .path(dir)
                    .detail("not a folder".to_string()),
            );
        }
        let store = claim_dojo_records::Store::in_memory()?;
        let who = store.trainee(trainee.unwrap_or("trainee"))?;
        let summary = claim_dojo_records::import::import_json_results(&store, dir, &who)?;
        for skipped in summary.skipped {
            let _ = writeln!(err, "{}", skipped.message(lang));
        }
        Ok(store)
    };
    match read() {
        Ok(store) => Some(store),
        Err(e) => {
            let _ = writeln!(err, "{}", e.message(lang));
            None
        }
    }
}
