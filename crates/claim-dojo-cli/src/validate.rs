//! `claim-dojo validate [PATH…]`: every diagnostic of every scenario file.

use std::path::PathBuf;

use claim_dojo_core::diagnostic::render;
use claim_dojo_core::load::{load_file, scenario_files};
use claim_dojo_core::{Diagnostic, Lang, i18n};

use super::{Format, Io};

pub fn run(paths: &[PathBuf], format: Format, lang: Lang, io: &mut Io) -> u8 {
    let paths = if paths.is_empty() {
        vec![PathBuf::from("scenarios")]
    } else {
        paths.to_vec()
    };
    let mut diags: Vec<Diagnostic> = Vec::new();
    let mut files = 0usize;
    for path in &paths {
        match scenario_files(path) {
            Ok(list) => {
                for file in list {
                    files += 1;
                    diags.extend(load_file(&file).diagnostics);
                }
            }
            Err(d) => diags.push(d),
        }
    }
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    match format {
        Format::Human => {
            let _ = write!(io.out, "{}", render::human_all(&diags, lang));
            let summary = i18n::message(
                lang,
                "cli-validate-summary",
                &vec![
                    ("files", &files.to_string()),
                    ("errors", &errors.to_string()),
                    ("warnings", &warnings.to_string()),
                ],
            );
            let _ = writeln!(io.out, "{summary}");
        }
        Format::Json => {
            let v: Vec<_> = diags.iter().map(|d| render::json_value(d, lang)).collect();
            let _ = writeln!(
                io.out,
                "{}",
                serde_json::to_string_pretty(&v).unwrap_or_default()
            );
        }
    }
    u8::from(errors > 0)
}
