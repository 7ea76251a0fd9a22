//! Open JTalk as a separate program (Debian's `open-jtalk` with
//! `open-jtalk-mecab-naist-jdic`) speaking with the shipped voice "Mei". A line
//! is fitted to the engine's duration in two passes: a cheap one at 8 kHz finds
//! how long the words take at normal speed (durations do not depend on the
//! sampling rate), the real one at 48 kHz sets the speed so they take the target;
//! the silence Open JTalk puts before and after is cut off. Running it as a
//! program keeps a crash in the synthesiser out of the app.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::{Speech, Utterance, VoiceError};

/// The HTS voice "Mei" (CC BY 3.0, see `assets/voices/`), compiled in so that
/// the program needs no files of its own beside it.
pub const VOICE: &[u8] = include_bytes!("../../../assets/voices/mei_normal.htsvoice");
/// Another `open_jtalk` program to use.
pub const PROGRAM_ENV: &str = "CLAIM_DOJO_OPEN_JTALK";
/// Another dictionary folder to use (one with `sys.dic`).
pub const DICTIONARY_ENV: &str = "CLAIM_DOJO_JTALK_DIC";
const PROGRAM: &str = "open_jtalk";
/// Where packages put the dictionary: Debian and Ubuntu first.
const DICTIONARIES: &[&str] = &[
    "/var/lib/mecab/dic/open-jtalk/naist-jdic",
    "/usr/share/open-jtalk/dic",
    "/usr/local/share/open-jtalk/dic",
    "/opt/homebrew/share/open-jtalk/dic",
];
/// Open JTalk reads one line of at most 1,024 bytes.
const MAX_TEXT_BYTES: usize = 1000;
/// The speeds Open JTalk is asked for stay in this range. Slower than 0.7× a
/// voice drawls; a line that short (a word or two under the engine's 0.8 s
/// minimum) is said at 0.7× and the rest of its time is silence.
const RATE_RANGE: (f64, f64) = (0.7, 3.5);
/// Openings that are a hesitation: the silence of a short line goes before its
/// words (「……おい。」), else after them.
const HESITATIONS: &[char] = &['…', '‥', '・', '—', '-', '、'];
/// A second fit when the first misses by more than this fraction.
const REFIT_ABOVE: f64 = 0.04;
/// How the words' span follows the speed asked for. Open JTalk spreads a speed
/// change over every state of the utterance by its variance, so pauses and long
/// vowels stretch more than the rest and the words do not take exactly
/// `natural / rate`: over the 790 first fits of the shipped pack, the span was
/// `natural / rate × SPAN_SCALE × rate^SPAN_EXPONENT` (log residual 3 %, where
/// `natural / rate` alone was off by 9 % at 0.75× and 8 % at 2×). Fitting with
/// it leaves 17 % of lines for a second pass, where the plain ratio left 38 %.
const SPAN_SCALE: f64 = 0.968;
const SPAN_EXPONENT: f64 = 0.167;

pub struct Synthesiser {
    program: PathBuf,
    dictionary: PathBuf,
    voice: PathBuf,
    scratch: PathBuf,
    /// How long each text's words take at normal speed, in ms: the first pass,
    /// done once per text however many voices it is said in.
    natural: Mutex<HashMap<String, f64>>,
    made: AtomicUsize,
    seq: AtomicUsize,
}

impl Synthesiser {
    /// Finds the program and its dictionary, and puts the voice file under `cache`.
    pub fn find(cache: &Path) -> Result<Synthesiser, VoiceError> {
        let program = find_program()?;
        let dictionary = find_dictionary()?;
        let voice = install_voice(cache)?;
        Ok(Synthesiser {
            program,
            dictionary,
            voice,
            scratch: cache.join("tmp"),
            natural: Mutex::new(HashMap::new()),
            made: AtomicUsize::new(0),
            seq: AtomicUsize::new(0),
        })
    }

    /// How many lines this synthesiser has made (the cache test counts them).
    pub fn made(&self) -> usize {
        self.made.load(Ordering::Relaxed)
    }

    /// How many times Open JTalk has run: once per new text to find its
    /// natural length, then once or twice per line to fit it.
    pub fn runs(&self) -> usize {
        self.seq.load(Ordering::Relaxed)
    }

    /// Says `u`: its words last `u.target_ms` (within a few per cent).
    pub fn speak(&self, u: &Utterance) -> Result<Speech, VoiceError> {
        let text = one_line(&u.text);
        let fail = |reason: String| VoiceError::Synthesis {
            text: text.clone(),
            reason,
        };
        if text.len() > MAX_TEXT_BYTES {
            return Err(fail(format!("longer than {MAX_TEXT_BYTES} bytes")));
        }
        let natural = match self.natural.lock().ok().and_then(|m| m.get(&text).copied()) {
            Some(ms) => ms,
            None => {
                let (_, span) = self.run(&text, &["-s", "8000", "-p", "40"], false)?;
                let ms = span.1 - span.0;
                if let Ok(mut m) = self.natural.lock() {
                    m.insert(text.clone(), ms);
                }
                ms
            }
        };
        let target = u.target_ms.max(1) as f64;
        let mut rate = speed_for(natural * SPAN_SCALE / target).clamp(RATE_RANGE.0, RATE_RANGE.1);
        let v = &u.voice;
        let attempt = |rate: f64| {
            let args = [
                "-r".to_string(),
                format!("{rate:.4}"),
                "-fm".into(),
                format!("{:.2}", v.half_tones),
                "-a".into(),
                format!("{:.3}", v.all_pass),
                "-g".into(),
                format!("{:.2}", v.volume_db),
                "-jf".into(),
                format!("{:.2}", v.intonation),
            ];
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            self.run(&text, &args, true)
        };
        let (mut speech, mut span) = attempt(rate)?;
        let miss = (span.1 - span.0) / target;
        let refit = (rate * speed_for(miss)).clamp(RATE_RANGE.0, RATE_RANGE.1);
        // At the slowest speed a line still too short is padded below, and a
        // second run at the same speed would only say it again.
        if (miss - 1.0).abs() > REFIT_ABOVE && (refit - rate).abs() > 1e-9 {
            rate = refit;
            (speech, span) = attempt(rate)?;
        }
        let speech = speech
            .ok_or_else(|| fail("no sound".into()))?
            .cropped(span.0, span.1);
        let short = u.target_ms.saturating_sub(speech.duration_ms());
        let speech = if rate > RATE_RANGE.0 || short == 0 {
            speech
        } else if text.starts_with(HESITATIONS) {
            speech.padded(short, 0)
        } else {
            speech.padded(0, short)
        };
        self.made.fetch_add(1, Ordering::Relaxed);
        Ok(speech)
    }

    /// Runs Open JTalk on one line; returns the sound (when `keep`) and the span
    /// of the words in it, in ms.
    fn run(
        &self,
        text: &str,
        args: &[&str],
        keep: bool,
    ) -> Result<(Option<Speech>, (f64, f64)), VoiceError> {
        let fail = |reason: String| VoiceError::Synthesis {
            text: text.to_string(),
            reason,
        };
        let n = self.seq.fetch_add(1, Ordering::Relaxed);
        std::fs::create_dir_all(&self.scratch).map_err(|e| VoiceError::File {
            path: self.scratch.display().to_string(),
            reason: e.to_string(),
        })?;
        let base = self.scratch.join(format!("{}-{n}", std::process::id()));
        let (wav, trace) = (base.with_extension("wav"), base.with_extension("trace"));
        let result = (|| {
            let mut child = Command::new(&self.program)
                .arg("-x")
                .arg(&self.dictionary)
                .arg("-m")
                .arg(&self.voice)
                .arg("-ow")
                .arg(&wav)
                .arg("-ot")
                .arg(&trace)
                .args(args)
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .map_err(|e| fail(e.to_string()))?;
            if let Some(mut stdin) = child.stdin.take() {
                stdin
                    .write_all(format!("{text}\n").as_bytes())
                    .map_err(|e| fail(e.to_string()))?;
            }
            let out = child.wait_with_output().map_err(|e| fail(e.to_string()))?;
            if !out.status.success() {
                let err = String::from_utf8_lossy(&out.stderr);
                return Err(fail(format!("{}: {}", out.status, err.trim())));
            }
            let labels = std::fs::read_to_string(&trace).map_err(|e| fail(e.to_string()))?;
            let span = speech_span(&labels).ok_or_else(|| fail("no words".into()))?;
            let speech = if keep {
                Some(Speech::read_wav(&wav)?)
            } else {
                None
            };
            Ok((speech, span))
        })();
        let _ = std::fs::remove_file(&wav);
        let _ = std::fs::remove_file(&trace);
        result
    }
}

/// The change of speed that scales the words' span by `1 / ratio`, given that
/// the span goes as `rate^(SPAN_EXPONENT - 1)`.
fn speed_for(ratio: f64) -> f64 {
    ratio.powf(1.0 / (1.0 - SPAN_EXPONENT))
}

/// Open JTalk says one line: breaks become pauses.
fn one_line(text: &str) -> String {
    text.split(['\n', '\r', '\t'])
        .filter(|p| !p.trim().is_empty())
        .collect::<Vec<_>>()
        .join("、")
        .trim()
        .to_string()
}

/// Where the words are in a trace (`-ot`): from the end of the leading silence
/// to the start of the trailing one, in ms. The trace lists every label as
/// `start end label`, times in units of 100 ns, after `[Output label]`.
fn speech_span(trace: &str) -> Option<(f64, f64)> {
    let labels: Vec<(u64, u64, bool)> = trace
        .split("[Output label]")
        .nth(1)?
        .lines()
        .skip_while(|l| l.trim().is_empty())
        .map_while(|l| {
            let mut parts = l.split_whitespace();
            let start = parts.next()?.parse().ok()?;
            let end = parts.next()?.parse().ok()?;
            let label = parts.next()?;
            Some((start, end, label.contains("-sil+")))
        })
        .collect();
    let first = labels.iter().find(|l| !l.2)?;
    let last = labels.iter().rev().find(|l| !l.2)?;
    Some((first.0 as f64 / 10_000.0, last.1 as f64 / 10_000.0))
}

fn find_program() -> Result<PathBuf, VoiceError> {
    if let Some(p) = std::env::var_os(PROGRAM_ENV).filter(|p| !p.is_empty()) {
        let p = PathBuf::from(p);
        return if p.is_file() {
            Ok(p)
        } else {
            Err(VoiceError::NoSynthesiser {
                program: p.display().to_string(),
            })
        };
    }
    let exe = format!("{PROGRAM}{}", std::env::consts::EXE_SUFFIX);
    std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .map(|dir| dir.join(&exe))
        .find(|p| p.is_file())
        .ok_or(VoiceError::NoSynthesiser {
            program: PROGRAM.into(),
        })
}

fn find_dictionary() -> Result<PathBuf, VoiceError> {
    let given = std::env::var_os(DICTIONARY_ENV)
        .filter(|p| !p.is_empty())
        .map(PathBuf::from);
    let candidates: Vec<PathBuf> = match given {
        Some(p) => vec![p],
        None => DICTIONARIES.iter().map(PathBuf::from).collect(),
    };
    candidates
        .iter()
        .find(|d| d.join("sys.dic").is_file())
        .cloned()
        .ok_or_else(|| VoiceError::NoDictionary {
            looked: candidates
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
        })
}

/// Writes the compiled-in voice to `cache/voices/` once (named by its hash, so a
/// new voice never meets an old file).
fn install_voice(cache: &Path) -> Result<PathBuf, VoiceError> {
    let hash = blake3::hash(VOICE).to_hex();
    let path = cache
        .join("voices")
        .join(format!("mei_normal-{}.htsvoice", &hash[..16]));
    let ok = std::fs::metadata(&path).is_ok_and(|m| m.len() == VOICE.len() as u64);
    if ok {
        return Ok(path);
    }
    let fail = |e: std::io::Error| VoiceError::VoiceFile {
        path: path.display().to_string(),
        reason: e.to_string(),
    };
    std::fs::create_dir_all(path.parent().unwrap_or(cache)).map_err(fail)?;
    let tmp = path.with_extension(format!("{}.part", std::process::id()));
    std::fs::write(&tmp, VOICE).map_err(fail)?;
    std::fs::rename(&tmp, &path).map_err(fail)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_span_of_words_leaves_out_the_silence_around_them() {
        let trace = "[Global parameter]\nx\n\n[Output label]\n\
            0 2700000 xx^xx-sil+m=o/A:xx\n\
            2700000 3300000 xx^sil-m+o=sh/A:0\n\
            3300000 4000000 sil^m-o+sh=i/A:0\n\
            4000000 9000000 o^pau-sil+xx=xx/A:xx\n\
            \n[Something else]\n1 2 3\n";
        assert_eq!(speech_span(trace), Some((270.0, 400.0)));
        assert_eq!(speech_span("no labels"), None);
    }

    #[test]
    fn a_line_is_one_line() {
        assert_eq!(one_line("もしもし\nはい "), "もしもし、はい");
    }
}
