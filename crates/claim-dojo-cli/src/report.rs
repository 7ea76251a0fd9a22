//! `claim-dojo report (--db FILE… | --results DIR | --lrs URL) --out FILE`:
//! the whole class's report as one self-contained HTML file. Sessions are
//! folded one at a time (`claim_dojo_lrs::cohort`): from records files (their
//! columns, verdicts and rises, not the report JSON), a folder of session
//! reports (imported into a records file first), or an LRS's statements read
//! page by page (`more` links), so memory stays bounded whatever the number
//! of sessions.

use std::path::{Path, PathBuf};

use claim_dojo_core::{Lang, i18n};
use claim_dojo_lrs::cohort::{self, Cohort};
use claim_dojo_lrs::{LrsConfig, Profile};
use claim_dojo_records::{Store, atomic};

use super::Io;

pub struct Sources<'a> {
    pub db: &'a [PathBuf],
    pub results: Option<&'a Path>,
    pub lrs: Option<&'a str>,
}

pub fn run(src: Sources, out: &Path, lang: Lang, io: &mut Io) -> u8 {
    let given = usize::from(!src.db.is_empty())
        + usize::from(src.results.is_some())
        + usize::from(src.lrs.is_some());
    if given != 1 {
        let _ = writeln!(
            io.err,
            "{}",
            i18n::message(lang, "cli-report-source", &vec![])
        );
        return 2;
    }
    let pass = Profile::default().pass_scaled;
    let mut cohort = Cohort::default();
    if let Some(url) = src.lrs {
        if let Err(detail) = from_lrs(url, &mut cohort) {
            let _ = writeln!(
                io.err,
                "{}",
                i18n::message(
                    lang,
                    "cli-report-lrs",
                    &vec![("url", url), ("detail", &detail)]
                )
            );
            return 1;
        }
    } else {
        let stores: Vec<Store> = match src.results {
            Some(dir) => match super::export::from_results(dir, None, lang, io.err) {
                Some(s) => vec![s],
                None => return 1,
            },
            None => {
                let mut v = Vec::new();
                for db in src.db {
                    match super::records::open(Some(db), lang, io.err) {
                        Some(s) => v.push(s),
                        None => return 1,
                    }
                }
                v
            }
        };
        for store in &stores {
            if let Err(e) = cohort::add_from_store(store, pass, &mut cohort) {
                let _ = writeln!(io.err, "{}", e.message(lang));
                return 1;
            }
        }
    }
    let html = cohort::render(&cohort, lang, jiff::Timestamp::now());
    if let Err(e) = atomic::write(out, html.as_bytes()) {
        let path = out.display().to_string();
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
    let path = out.display().to_string();
    let n = cohort.sessions.to_string();
    let _ = writeln!(
        io.out,
        "{}",
        i18n::message(
            lang,
            "cli-report-written",
            &vec![("path", &path), ("sessions", &n)]
        )
    );
    0
}

/// The LRS's `completed` statements; the key and secret come from
/// `CLAIM_DOJO_LRS_KEY` and `CLAIM_DOJO_LRS_SECRET`.
fn from_lrs(url: &str, cohort: &mut Cohort) -> Result<(), String> {
    let var = |n| std::env::var(n).unwrap_or_default();
    let config = LrsConfig::new(
        url,
        &var(claim_dojo_lrs::config::KEY_ENV),
        &var(claim_dojo_lrs::config::SECRET_ENV),
    );
    cohort::add_from_lrs(&claim_dojo_lrs::client::Lrs::new(&config), 100, cohort)
}
