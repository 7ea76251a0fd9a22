//! `claim-dojo new ID --role primary|secondary`: a commented skeleton that
//! validates clean, written to scenarios/ID.ron (never over an existing file
//! unless `--force`).

use std::path::PathBuf;

use claim_dojo_core::scaffold::skeleton;
use claim_dojo_core::scenario::Role;
use claim_dojo_core::{Lang, i18n};

use super::{Io, RoleArg};

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
    let path = out.unwrap_or_else(|| PathBuf::from("scenarios").join(format!("{id}.ron")));
    let shown = path.display().to_string();
    if path.exists() && !force {
        let _ = writeln!(io.err, "{}", say("cli-new-exists", &[("path", &shown)]));
        return 1;
    }
    let role = match role {
        RoleArg::Primary => Role::Primary,
        RoleArg::Secondary => Role::Secondary,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = std::fs::create_dir_all(dir);
    }
    match std::fs::write(&path, skeleton(id, role)) {
        Ok(()) => {
            let _ = writeln!(io.out, "{}", say("cli-new-written", &[("path", &shown)]));
            0
        }
        Err(e) => {
            let _ = writeln!(
                io.err,
                "{}",
                say(
                    "cli-new-failed",
                    &[("path", &shown), ("reason", &e.to_string())]
                )
            );
            1
        }
    }
}
