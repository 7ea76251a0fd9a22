//! The shipped pack, said aloud: every customer line of every scenario in
//! `scenarios/` (node lines, waiting lines, protests and hang-ups) is synthesised
//! at the persona's starting anger, lasts the engine's duration for it within
//! ±10 % and is not silent. And the disk cache: a second run synthesises nothing.
//!
//! Needs Debian's `open-jtalk` and `open-jtalk-mecab-naist-jdic`; without them
//! these tests fail, they never pass silently.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use claim_dojo_core::Scenario;
use claim_dojo_core::session::spoken_ms;
use claim_dojo_voice::lines::{every_line, utterance};
use claim_dojo_voice::{Ahead, Cache, Synthesiser};

/// Quietest a line may be: −40 dB below full scale.
const RMS_FLOOR: f64 = 0.01;
const TOLERANCE: f64 = 0.10;

fn fresh(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn synthesiser(cache: &Path) -> Synthesiser {
    Synthesiser::find(cache).unwrap_or_else(|e| {
        panic!("{e}\n(Debian: apt-get install open-jtalk open-jtalk-mecab-naist-jdic)")
    })
}

fn pack() -> Vec<Arc<Scenario>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scenarios");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    let pack: Vec<_> = files
        .iter()
        .map(|f| {
            let loaded = claim_dojo_core::load_file(f);
            Arc::new(
                loaded
                    .scenario
                    .unwrap_or_else(|| panic!("{} loads", f.display())),
            )
        })
        .collect();
    assert!(pack.len() >= 10, "the shipped pack is there");
    pack
}

#[test]
fn every_customer_line_of_the_pack_lasts_the_engines_time_and_is_heard() {
    let dir = fresh("voice-pack");
    let synth = Arc::new(synthesiser(&dir));
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let ahead = Ahead::start(Arc::clone(&synth), Cache::new(&dir), threads);
    let mut expected = std::collections::HashMap::new();
    for s in pack() {
        for line in every_line(&s) {
            let u = utterance(&s, line.what, s.persona.anger, 1.0);
            let engine = spoken_ms(&s, line.what, s.persona.anger);
            let name = format!("{}/{}", s.id, line.name);
            expected
                .entry(u.key())
                .or_insert_with(Vec::new)
                .push((name, engine, u.text.clone()));
            ahead.want(u, false);
        }
    }
    let started = Instant::now();
    let (mut failures, mut heard, mut speech_ms) = (Vec::new(), 0, 0);
    let mut left = expected.len();
    while left > 0 {
        let done = ahead
            .wait_for(Duration::from_secs(60))
            .expect("the synthesis threads answer");
        left -= 1;
        let speech = done.result.unwrap_or_else(|e| panic!("{e}"));
        for (name, engine, text) in &expected[&done.key] {
            heard += 1;
            let ms = speech.duration_ms();
            speech_ms += ms;
            let ratio = ms as f64 / *engine as f64;
            if (ratio - 1.0).abs() > TOLERANCE {
                failures.push(format!(
                    "{name}: {ms} ms, the engine {engine} ms ({ratio:.2}×): {text}"
                ));
            }
            if speech.rms() < RMS_FLOOR {
                failures.push(format!("{name}: silent (RMS {:.4})", speech.rms()));
            }
        }
    }
    let took = started.elapsed();
    eprintln!(
        "{heard} lines ({} distinct), {:.1} s of speech, synthesised in {:.1} s on {threads} threads ({:.3} s of wall time per second of speech)",
        expected.len(),
        speech_ms as f64 / 1000.0,
        took.as_secs_f64(),
        took.as_secs_f64() / (speech_ms as f64 / 1000.0),
    );
    assert!(heard > 400, "only {heard} lines");
    assert!(
        failures.is_empty(),
        "{} lines off:\n{}",
        failures.len(),
        failures.join("\n")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_line_said_once_is_read_back_from_the_cache_not_synthesised_again() {
    let dir = fresh("voice-cache");
    let s = &pack()[0];
    let lines: Vec<_> = every_line(s)
        .into_iter()
        .take(3)
        .map(|l| utterance(s, l.what, s.persona.anger, 1.0))
        .collect();
    let first = synthesiser(&dir);
    let cache = Cache::new(&dir);
    let said: Vec<_> = lines
        .iter()
        .map(|u| cache.get_or_speak(&first, u).unwrap())
        .collect();
    assert!(said.iter().all(|(_, made)| *made));
    assert_eq!(first.made(), 3);
    let second = synthesiser(&dir);
    for (u, (speech, _)) in lines.iter().zip(&said) {
        let (again, made) = cache.get_or_speak(&second, u).unwrap();
        assert!(!made);
        assert_eq!(&again, speech, "the cached sound is the one synthesised");
    }
    assert_eq!(second.made(), 0, "the second run synthesised nothing");
    let mut louder = lines[0].clone();
    louder.voice.volume_db += 3.0;
    assert!(
        cache.get(&louder).is_none(),
        "another voice is another entry"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_line_too_short_for_the_slowest_speed_is_said_once_and_padded_to_its_time() {
    let dir = fresh("voice-short");
    let synth = synthesiser(&dir);
    let s = &pack()[0];
    let mut u = utterance(s, every_line(s)[0].what, s.persona.anger, 1.0);
    u.text = "はい。".into();
    u.target_ms = 3_000;
    let speech = synth.speak(&u).unwrap();
    assert_eq!(
        synth.runs(),
        2,
        "one run for the natural length, one at the slowest speed, no second fit"
    );
    let ms = speech.duration_ms();
    assert!((2_970..=3_030).contains(&ms), "{ms} ms, not 3,000");
    assert!(speech.rms() >= RMS_FLOOR, "the word is heard");
    let _ = std::fs::remove_dir_all(&dir);
}
