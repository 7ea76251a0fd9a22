//! What can go wrong with the voice, as values with a stable code (`V001`…).
//! None of them stops a call: the app then shows text only and says why once on
//! its menu; `claim-dojo voice` prints the message and exits with 1. The words
//! are in `locales/*/voice.ftl`, under `voice-` and the code.

use claim_dojo_core::{Lang, i18n};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VoiceError {
    /// V001: the synthesiser program `open_jtalk` is not installed.
    NoSynthesiser { program: String },
    /// V002: its dictionary is nowhere it is looked for.
    NoDictionary { looked: String },
    /// V003: the voice file could not be put in the cache folder.
    VoiceFile { path: String, reason: String },
    /// V004: the synthesiser failed on a line, or said nothing.
    Synthesis { text: String, reason: String },
    /// V005: a cached or written WAV file could not be read or written.
    File { path: String, reason: String },
    /// V006: no audio output device; the call goes on in text.
    NoAudioDevice { reason: String },
}

impl VoiceError {
    pub fn code(&self) -> &'static str {
        match self {
            VoiceError::NoSynthesiser { .. } => "V001",
            VoiceError::NoDictionary { .. } => "V002",
            VoiceError::VoiceFile { .. } => "V003",
            VoiceError::Synthesis { .. } => "V004",
            VoiceError::File { .. } => "V005",
            VoiceError::NoAudioDevice { .. } => "V006",
        }
    }

    /// The message's named arguments.
    pub fn args(&self) -> Vec<(&'static str, &str)> {
        match self {
            VoiceError::NoSynthesiser { program } => vec![("program", program)],
            VoiceError::NoDictionary { looked } => vec![("looked", looked)],
            VoiceError::VoiceFile { path, reason } | VoiceError::File { path, reason } => {
                vec![("path", path), ("reason", reason)]
            }
            VoiceError::Synthesis { text, reason } => vec![("text", text), ("reason", reason)],
            VoiceError::NoAudioDevice { reason } => vec![("reason", reason)],
        }
    }

    /// `V001: …` in the reader's language.
    pub fn message(&self, lang: Lang) -> String {
        let id = format!("voice-{}", self.code());
        format!(
            "{}: {}",
            self.code(),
            i18n::message(lang, &id, &self.args())
        )
    }

    /// Whether the voice cannot work at all (rather than failing on one line).
    pub fn is_missing_tool(&self) -> bool {
        matches!(
            self,
            VoiceError::NoSynthesiser { .. }
                | VoiceError::NoDictionary { .. }
                | VoiceError::VoiceFile { .. }
                | VoiceError::NoAudioDevice { .. }
        )
    }
}

impl std::fmt::Display for VoiceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.message(Lang::En))
    }
}

impl std::error::Error for VoiceError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_has_its_words_in_both_languages() {
        let all = [
            VoiceError::NoSynthesiser {
                program: "open_jtalk".into(),
            },
            VoiceError::NoDictionary {
                looked: "/x".into(),
            },
            VoiceError::VoiceFile {
                path: "/x".into(),
                reason: "r".into(),
            },
            VoiceError::Synthesis {
                text: "t".into(),
                reason: "r".into(),
            },
            VoiceError::File {
                path: "/x".into(),
                reason: "r".into(),
            },
            VoiceError::NoAudioDevice { reason: "r".into() },
        ];
        for e in all {
            for lang in Lang::ALL {
                let m = e.message(lang);
                assert!(m.starts_with(e.code()), "{m}");
                assert!(!m.contains("voice-V"), "no message for {}: {m}", e.code());
                for (_, v) in e.args() {
                    assert!(m.contains(v), "{m} lacks {v}");
                }
            }
        }
    }
}
