//! A synthesised line: mono 16-bit samples at the voice's rate, with what the
//! tests and the player need (duration, loudness), read from and written to WAV.

use std::path::Path;

use crate::VoiceError;

/// Fade in and out over this long, so a cropped line starts and ends without a click.
const FADE_MS: u32 = 5;

#[derive(Debug, Clone, PartialEq)]
pub struct Speech {
    /// Samples per second.
    pub rate: u32,
    pub samples: Vec<i16>,
}

impl Speech {
    pub fn duration_ms(&self) -> u64 {
        (self.samples.len() as u64 * 1000) / u64::from(self.rate.max(1))
    }

    /// Root mean square, 0 (silence) to 1 (full scale).
    pub fn rms(&self) -> f64 {
        if self.samples.is_empty() {
            return 0.0;
        }
        let sum: f64 = self
            .samples
            .iter()
            .map(|&s| (f64::from(s) / 32768.0).powi(2))
            .sum();
        (sum / self.samples.len() as f64).sqrt()
    }

    /// The part between `from_ms` and `to_ms`, faded in and out.
    pub fn cropped(mut self, from_ms: f64, to_ms: f64) -> Speech {
        let at = |ms: f64| {
            ((ms.max(0.0) * f64::from(self.rate) / 1000.0) as usize).min(self.samples.len())
        };
        let (a, b) = (at(from_ms), at(to_ms));
        self.samples = self.samples[a..b.max(a)].to_vec();
        let fade = (self.rate * FADE_MS / 1000) as usize;
        let n = self.samples.len();
        for i in 0..fade.min(n / 2) {
            let k = i as f64 / fade as f64;
            self.samples[i] = (f64::from(self.samples[i]) * k) as i16;
            self.samples[n - 1 - i] = (f64::from(self.samples[n - 1 - i]) * k) as i16;
        }
        self
    }

    /// With `before_ms` of silence before and `after_ms` after.
    pub fn padded(mut self, before_ms: u64, after_ms: u64) -> Speech {
        let n = |ms: u64| (ms * u64::from(self.rate) / 1000) as usize;
        let mut samples = vec![0; n(before_ms)];
        samples.append(&mut self.samples);
        samples.resize(samples.len() + n(after_ms), 0);
        self.samples = samples;
        self
    }

    pub fn read_wav(path: &Path) -> Result<Speech, VoiceError> {
        let fail = |reason: String| VoiceError::File {
            path: path.display().to_string(),
            reason,
        };
        let mut reader = hound::WavReader::open(path).map_err(|e| fail(e.to_string()))?;
        let spec = reader.spec();
        if spec.channels != 1 || spec.bits_per_sample != 16 {
            return Err(fail(format!(
                "{} channels of {} bits, not mono 16-bit",
                spec.channels, spec.bits_per_sample
            )));
        }
        let samples = reader
            .samples::<i16>()
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| fail(e.to_string()))?;
        Ok(Speech {
            rate: spec.sample_rate,
            samples,
        })
    }

    /// Writes beside `path` and renames, so a reader never sees half a file.
    pub fn write_wav(&self, path: &Path) -> Result<(), VoiceError> {
        let fail = |reason: String| VoiceError::File {
            path: path.display().to_string(),
            reason,
        };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| fail(e.to_string()))?;
        }
        let tmp = path.with_extension(format!("{}.part", std::process::id()));
        let spec = hound::WavSpec {
            channels: 1,
            sample_rate: self.rate,
            bits_per_sample: 16,
            sample_format: hound::SampleFormat::Int,
        };
        let write = || -> Result<(), hound::Error> {
            let mut w = hound::WavWriter::create(&tmp, spec)?;
            let mut i16s = w.get_i16_writer(self.samples.len() as u32);
            for &s in &self.samples {
                i16s.write_sample(s);
            }
            i16s.flush()?;
            w.finalize()
        };
        write().map_err(|e| fail(e.to_string()))?;
        std::fs::rename(&tmp, path).map_err(|e| fail(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tone(ms: u32) -> Speech {
        let rate = 8000;
        let n = rate * ms / 1000;
        Speech {
            rate,
            samples: (0..n)
                .map(|i| ((i as f64 * 0.3).sin() * 10_000.0) as i16)
                .collect(),
        }
    }

    #[test]
    fn a_wav_comes_back_as_written() {
        let dir = std::env::temp_dir().join(format!("claim-dojo-voice-wav-{}", std::process::id()));
        let path = dir.join("tone.wav");
        let speech = tone(300);
        speech.write_wav(&path).unwrap();
        assert_eq!(Speech::read_wav(&path).unwrap(), speech);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn cropping_keeps_the_span_and_fades_its_ends() {
        let s = tone(1000).cropped(200.0, 700.0);
        assert_eq!(s.duration_ms(), 500);
        assert_eq!(s.samples[0], 0);
        assert!(s.rms() > 0.1, "{}", s.rms());
        assert_eq!(
            Speech {
                rate: 8000,
                samples: vec![0; 800]
            }
            .rms(),
            0.0
        );
        let p = tone(100).padded(50, 150);
        assert_eq!(p.duration_ms(), 300);
        assert_eq!((p.samples[0], p.samples[p.samples.len() - 1]), (0, 0));
    }
}
