//! Synthesised lines kept on disk, one WAV file per utterance named by its key,
//! in the user's cache folder: a line is synthesised once, then read back.

use std::path::{Path, PathBuf};

use crate::{Speech, Synthesiser, Utterance, VoiceError};

/// A cache folder to use instead of the user's.
pub const CACHE_ENV: &str = "CLAIM_DOJO_CACHE";

/// Our folder in the user's cache folder: `CLAIM_DOJO_CACHE`, else
/// `$XDG_CACHE_HOME`, `%APPDATA%`, else `~/.cache` (the rule of the app's
/// `paths.rs` for its other folders).
pub fn default_dir() -> PathBuf {
    let var = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if let Some(dir) = var(CACHE_ENV) {
        return dir;
    }
    var("XDG_CACHE_HOME")
        .or_else(|| var("APPDATA"))
        .or_else(|| var("HOME").map(|h| h.join(".cache")))
        .unwrap_or_else(std::env::temp_dir)
        .join("claim-dojo")
}

#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    pub fn new(dir: &Path) -> Cache {
        Cache {
            dir: dir.to_path_buf(),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn path(&self, u: &Utterance) -> PathBuf {
        self.dir.join("speech").join(format!("{}.wav", u.key().0))
    }

    /// The utterance if it was synthesised before (an unreadable file counts as absent).
    pub fn get(&self, u: &Utterance) -> Option<Speech> {
        Speech::read_wav(&self.path(u)).ok()
    }

    /// From the cache, else synthesised and kept. `.1` tells whether it was made now.
    pub fn get_or_speak(
        &self,
        synth: &Synthesiser,
        u: &Utterance,
    ) -> Result<(Speech, bool), VoiceError> {
        if let Some(s) = self.get(u) {
            return Ok((s, false));
        }
        let speech = synth.speak(u)?;
        speech.write_wav(&self.path(u))?;
        Ok((speech, true))
    }
}
