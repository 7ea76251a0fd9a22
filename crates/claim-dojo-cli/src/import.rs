//! `claim-dojo import SHEET.csv`: a spreadsheet (one row per choice) to a
//! scenario file, with every problem at its row and column in the sheet.

use std::path::{Path, PathBuf};

use claim_dojo_core::{Lang, i18n};

use super::sheet::import::import;
use super::{Format, Io, print_diagnostics};

pub fn run(
    sheet: &Path,
    out: Option<PathBuf>,
    force: bool,
    format: Format,
    lang: Lang,
    io: &mut Io,
) -> u8 {
    let file = sheet.display().to_string();
    let bytes = match std::fs::read(sheet) {
        Ok(b) => b,
        Err(e) => {
            // The hint of a missing scenario path is about `validate`'s folder;
            // a missing sheet gets its own.
            let kind = match claim_dojo_core::load::io_kind(&e) {
                "not_found" => "sheet_not_found",
                kind => kind,
            };
            print_diagnostics(
                &[claim_dojo_core::load::io_problem(
                    &file,
                    kind,
                    &e.to_string(),
                )],
                format,
                lang,
                io.err,
            );
            return 1;
        }
    };
    let target = out.as_ref().map(|p| p.display().to_string());
    let imported = import(&file, &bytes, target.as_deref());
    if !imported.diagnostics.is_empty() {
        print_diagnostics(&imported.diagnostics, format, lang, io.err);
    }
    let (Some(ron), Some(scenario), false) = (
        imported.ron.as_ref(),
        imported.scenario.as_ref(),
        imported.has_errors(),
    ) else {
        return 1;
    };
    let path =
        out.unwrap_or_else(|| PathBuf::from("scenarios").join(format!("{}.ron", scenario.id)));
    super::write_new(&path, ron.as_bytes(), force, lang, io, |shown| {
        i18n::message(
            lang,
            "cli-import-written",
            &vec![
                ("path", shown),
                ("nodes", &scenario.nodes.len().to_string()),
                ("choices", &scenario.choices().count().to_string()),
            ],
        )
    })
}
