//! Claim Dojo's core: everything that is not drawing. The scenario model, its
//! loader and validator, the session engine with its anger model, the rule catalog
//! R01–R23, scoring, headless play and the trainer's analysis tools.
//!
//! Architecture invariant: no Bevy and no I/O beyond reading the files it is asked
//! to read. Time is always explicit, randomness always seeded, so every result
//! can be replayed exactly.

pub mod analyze;
pub mod diagnostic;
pub mod graph;
pub mod i18n;
pub mod load;
pub mod play;
pub mod report;
pub mod rules;
pub mod scaffold;
pub mod scenario;
pub mod scoring;
pub mod session;
pub mod span;
pub mod text;
mod validate;

pub use diagnostic::{Code, Diagnostic, Severity};
pub use load::{Loaded, load_file, load_str};
pub use scenario::Scenario;
pub use session::{Action, Session};
pub use text::{Lang, Text};
