//! `claim-dojo new ID --role primary|secondary`: a commented skeleton with no
//! errors, written to scenarios/ID.ron (never over an existing file unless
//! `--force`). Its placeholders are warned about until they are replaced.

use std::path::PathBuf;

use claim_dojo_core::scaffold::skeleton;
use claim_dojo_core::scenario::Role;
use claim_dojo_core::{Lang, i18n};

use super::{Io, RoleArg, write_new};

pub fn run(
    id: &str,
    role: RoleArg,
    out: Option<PathBuf>,
    force: bool,
    lang: Lang,
    io: &mut Io,
) -> u8 {
    let say = |key: &str, args: &[(&str, &str)]| i18n::message(lang, key, &args.to_vec());
    let valid = !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if !valid {
        let _ = writeln!(io.err, "{}", say("cli-new-bad-id", &[("id", id)]));
        return 2;
    }
    let file = format!("{id}.ron");
    let path = match out {
        None => PathBuf::from("scenarios").join(&file),
        // A folder (one that exists, or a path ending in `/`) gets ID.ron inside.
        Some(p) if p.is_dir() || p.as_os_str().to_string_lossy().ends_with(['/', '\\']) => {
            p.join(&file)
        }
        Some(p) => {
            // Scenarios are found by file name: ID.ron and nothing else (W004).
            if p.file_stem().is_some_and(|s| s != id) || p.extension().is_none_or(|e| e != "ron") {
                let shown = p.display().to_string();
                let _ = writeln!(
                    io.err,
                    "{}",
                    say("cli-new-bad-out", &[("path", &shown), ("file", &file)])
                );
                return 2;
            }
            p
        }
    };
    let role = match role {
        RoleArg::Primary => Role::Primary,
        RoleArg::Secondary => Role::Secondary,
    };
    write_new(
        &path,
        skeleton(id, role).as_bytes(),
        force,
        lang,
        io,
        |shown| say("cli-new-written", &[("path", shown)]),
    )
}
