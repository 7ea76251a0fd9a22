//! `claim-dojo export-sheet SCENARIO`: a scenario as a spreadsheet (one row per
//! choice) that `claim-dojo import` turns back into the same scenario.

use std::path::{Path, PathBuf};

use claim_dojo_core::{Lang, i18n};

use super::sheet::{self, Encoding, export, layout};
use super::{Format, Io, load_scenario, scenario_path};

pub fn run(
    scenario: &Path,
    out: Option<PathBuf>,
    encoding: Encoding,
    force: bool,
    lang: Lang,
    io: &mut Io,
) -> u8 {
    let Some(s) = load_scenario(scenario, Format::Human, lang, io) else {
        return 1;
    };
    let path = scenario_path(scenario);
    let src = match std::fs::read_to_string(&path) {
        Ok(src) => src,
        Err(e) => {
            let d = claim_dojo_core::load::io_error(&path.display().to_string(), &e);
            super::print_diagnostics(&[d], Format::Human, lang, io.err);
            return 1;
        }
    };
    // The file loaded a moment ago, so it parses.
    let Ok(rows) = export::rows(&src) else {
        return 1;
    };
    let bytes = match sheet::to_csv(&rows, encoding) {
        Ok(b) => b,
        Err(u) => {
            let cell = format!("{}{}", layout::letters(u.col), u.row);
            let ch = u.character.to_string();
            let _ = writeln!(
                io.err,
                "{}",
                i18n::message(
                    lang,
                    "cli-export-unencodable",
                    &vec![("cell", cell.as_str()), ("character", ch.as_str())]
                )
            );
            return 1;
        }
    };
    let path = out.unwrap_or_else(|| PathBuf::from(format!("{}.csv", s.id)));
    super::write_new(&path, &bytes, force, lang, io, |shown| {
        i18n::message(
            lang,
            "cli-export-written",
            &vec![("path", shown), ("rows", &rows.len().to_string())],
        )
    })
}
