//! What the CLI's integration tests share: the workspace root, and running
//! the `claim-dojo` command in-process exactly as the binary dispatches it.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use claim_dojo_cli::{Dispatch, Io, dispatch};

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A command's exit code and what it printed.
pub struct Run {
    pub code: u8,
    pub out: String,
    pub err: String,
}

/// `claim-dojo ARGS…`; a call that would open the app exits with 255.
pub fn run(args: &[&str]) -> Run {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let argv = std::iter::once("claim-dojo")
        .chain(args.iter().copied())
        .map(String::from)
        .collect();
    let code = match dispatch(
        argv,
        &mut Io {
            out: &mut out,
            err: &mut err,
        },
    ) {
        Dispatch::Exit(c) => c,
        Dispatch::App(_) => 255,
    };
    Run {
        code,
        out: String::from_utf8(out).unwrap(),
        err: String::from_utf8(err).unwrap(),
    }
}
