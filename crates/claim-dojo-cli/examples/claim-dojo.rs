//! The headless commands without the app, for quick work on scenarios:
//! `cargo run -p claim-dojo-cli --example claim-dojo -- validate scenarios`.
//! Builds in seconds because it does not link Bevy.

fn main() -> std::process::ExitCode {
    match claim_dojo_cli::dispatch_env() {
        claim_dojo_cli::Dispatch::Exit(code) => std::process::ExitCode::from(code),
        claim_dojo_cli::Dispatch::App(_) => {
            eprintln!("this example has no app: run `cargo run --release` at the workspace root");
            std::process::ExitCode::from(2)
        }
    }
}
