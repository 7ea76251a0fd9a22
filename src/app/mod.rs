//! The desktop app (Bevy + egui). Filled in by the app issue.

use std::process::ExitCode;

use claim_dojo_core::Lang;

pub fn run(_lang: Lang) -> ExitCode {
    ExitCode::SUCCESS
}
