//! The customer's voice: every customer line said aloud in Japanese, offline,
//! sounding angrier as the temperature rises. Open JTalk synthesises
//! (`synth`), the anger at a line's start sets the voice (`mapping`), each line
//! is fitted to the duration the session engine gives it (the engine stays the
//! only clock), lines are synthesised ahead on background threads (`ahead`) and
//! kept in a disk cache (`cache`). No Bevy: the app's `voice` plugin plays what
//! this crate makes, and `claim-dojo voice` writes it to WAV files.
//! Why Open JTalk, and every number: `docs/voice.md`.

pub mod ahead;
pub mod cache;
mod error;
pub mod lines;
pub mod mapping;
mod speech;
pub mod synth;
mod utterance;

pub use ahead::Ahead;
pub use cache::Cache;
pub use error::VoiceError;
pub use mapping::VoiceParams;
pub use speech::Speech;
pub use synth::Synthesiser;
pub use utterance::{Key, Utterance};
