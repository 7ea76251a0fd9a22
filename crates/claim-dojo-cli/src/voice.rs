//! `claim-dojo voice SCENARIO --out DIR [--anger N]`: every customer line of a
//! scenario (node lines, waiting lines, protests and hang-ups) as a WAV file
//! named by node, so a trainer can hear a new scenario without playing it, and a
//! test can measure it. Lines come from the same disk cache as the app's.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use claim_dojo_core::session::spoken_ms;
use claim_dojo_core::{Lang, i18n};
use claim_dojo_voice::lines::{every_line, utterance};
use claim_dojo_voice::{Ahead, Cache, Synthesiser, VoiceError, cache};

use super::{Format, Io, VoiceArgs, load_scenario};

/// Longest wait for one line before the command gives up.
const LINE_TIMEOUT: Duration = Duration::from_secs(120);

pub fn run(args: &VoiceArgs, lang: Lang, io: &mut Io) -> u8 {
    let Some(s) = load_scenario(&args.scenario, Format::Human, lang, io) else {
        return 1;
    };
    if let Some(a) = args.anger
        && !(0.0..=100.0).contains(&a)
    {
        let value = a.to_string();
        let msg = i18n::message(lang, "cli-voice-bad-anger", &vec![("value", &value)]);
        let _ = writeln!(io.err, "{msg}");
        return 2;
    }
    let anger = args.anger.unwrap_or(s.persona.anger);
    let dir = args.cache.clone().unwrap_or_else(cache::default_dir);
    let fail = |e: VoiceError, io: &mut Io| {
        let _ = writeln!(io.err, "{}", e.message(lang));
        1
    };
    let synth = match Synthesiser::find(&dir) {
        Ok(s) => Arc::new(s),
        Err(e) => return fail(e, io),
    };
    if let Err(e) = std::fs::create_dir_all(&args.out) {
        let e = VoiceError::File {
            path: args.out.display().to_string(),
            reason: e.to_string(),
        };
        return fail(e, io);
    }
    let lines = every_line(&s);
    let said: Vec<_> = lines
        .iter()
        .map(|l| utterance(&s, l.what, anger, 1.0))
        .collect();
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let ahead = Ahead::start(Arc::clone(&synth), Cache::new(&dir), threads);
    let mut keys: Vec<_> = said.iter().map(|u| u.key()).collect();
    for u in &said {
        ahead.want(u.clone(), false);
    }
    keys.sort();
    keys.dedup();
    let mut ready = std::collections::HashMap::new();
    while ready.len() < keys.len() {
        let Some(done) = ahead.wait_for(LINE_TIMEOUT) else {
            let e = VoiceError::Synthesis {
                text: String::new(),
                reason: format!("no answer in {} s", LINE_TIMEOUT.as_secs()),
            };
            return fail(e, io);
        };
        match done.result {
            Ok(speech) => ready.insert(done.key, speech),
            Err(e) => return fail(e, io),
        };
    }
    for (line, u) in lines.iter().zip(&said) {
        let speech = &ready[&u.key()];
        let file: PathBuf = args.out.join(format!("{}.wav", line.name));
        if let Err(e) = speech.write_wav(&file) {
            return fail(e, io);
        }
        let seconds = format!("{:.2}", speech.duration_ms() as f64 / 1000.0);
        let engine = format!("{:.2}", spoken_ms(&s, line.what, anger) as f64 / 1000.0);
        let name = file.display().to_string();
        let args = vec![
            ("file", name.as_str()),
            ("seconds", &seconds),
            ("engine", &engine),
        ];
        let _ = writeln!(io.out, "{}", i18n::message(lang, "cli-voice-line", &args));
    }
    let (n, made, out) = (
        lines.len().to_string(),
        synth.made().to_string(),
        args.out.display().to_string(),
    );
    let args = vec![("lines", n.as_str()), ("made", &made), ("dir", &out)];
    let _ = writeln!(io.out, "{}", i18n::message(lang, "cli-voice-done", &args));
    0
}
