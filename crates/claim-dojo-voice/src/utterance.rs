//! One thing to say: the Japanese text, the voice and how long it must last.
//! Its key (a hash of all three and of the synthesis method) names its file in
//! the disk cache.

use crate::mapping::VoiceParams;

/// Changes whenever the same request would give different audio: the cache then
/// misses instead of playing something stale.
pub const METHOD: &str = "open_jtalk mei_normal two-pass fit v3";

#[derive(Debug, Clone, PartialEq)]
pub struct Utterance {
    /// What is said, in Japanese (the spoken language, whatever the UI's).
    pub text: String,
    pub voice: VoiceParams,
    /// How long the spoken words last, in milliseconds (silence trimmed off).
    pub target_ms: u64,
}

/// A cache key: 64 hexadecimal digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key(pub String);

impl Utterance {
    pub fn key(&self) -> Key {
        let v = &self.voice;
        let mut h = blake3::Hasher::new();
        for part in [
            METHOD.to_string(),
            self.text.clone(),
            format!(
                "{:.2} {:.2} {:.2} {:.2} {}",
                v.half_tones, v.all_pass, v.volume_db, v.intonation, self.target_ms
            ),
        ] {
            h.update(&(part.len() as u64).to_le_bytes());
            h.update(part.as_bytes());
        }
        Key(h.finalize().to_hex().to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mapping::params;

    #[test]
    fn the_key_changes_with_text_voice_and_duration_and_only_with_them() {
        let u = Utterance {
            text: "もしもし".into(),
            voice: params(Default::default(), 60.0),
            target_ms: 1200,
        };
        assert_eq!(u.key(), u.clone().key());
        assert_eq!(u.key().0.len(), 64);
        let mut other = u.clone();
        other.text.push('!');
        assert_ne!(u.key(), other.key());
        let mut other = u.clone();
        other.voice = params(Default::default(), 90.0);
        assert_ne!(u.key(), other.key());
        let mut other = u.clone();
        other.target_ms += 10;
        assert_ne!(u.key(), other.key());
    }
}
