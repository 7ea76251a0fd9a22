//! The `claim-dojo` binary: no command opens the app; commands run headless.

use std::process::ExitCode;

use claim_dojo_cli::{Dispatch, dispatch_env};

fn main() -> ExitCode {
    match dispatch_env() {
        Dispatch::App(launch) => claim_dojo::app::run(launch),
        Dispatch::Exit(code) => ExitCode::from(code),
    }
}
