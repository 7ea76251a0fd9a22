//! The `claim-dojo` binary: no command opens the app; commands run headless.
//! Built without the `app` feature (`--no-default-features`) it has no app and
//! says so when run without a command.

use std::process::ExitCode;

use claim_dojo_cli::{Dispatch, dispatch_env};

fn main() -> ExitCode {
    match dispatch_env() {
        Dispatch::App(launch) => open_app(launch),
        Dispatch::Exit(code) => ExitCode::from(code),
    }
}

#[cfg(feature = "app")]
fn open_app(launch: claim_dojo_cli::AppLaunch) -> ExitCode {
    claim_dojo::app::run(launch)
}

#[cfg(not(feature = "app"))]
fn open_app(launch: claim_dojo_cli::AppLaunch) -> ExitCode {
    let text = claim_dojo_core::i18n::message(launch.lang, "cli-no-app", &vec![]);
    eprintln!("{text}");
    ExitCode::from(2)
}
