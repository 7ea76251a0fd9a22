//! `claim-dojo voice`, run in-process: one WAV file per customer line, named by
//! node, each lasting the engine's time; an angrier customer is faster and
//! louder; bad input is refused with the usual exit codes. Needs Debian's
//! `open-jtalk` and `open-jtalk-mecab-naist-jdic` (fails without them).

mod common;

use std::path::{Path, PathBuf};

use claim_dojo_core::session::transcript::interrupted_count;
use claim_dojo_core::session::{LineRef, spoken_ms};
use claim_dojo_voice::Speech;
use common::{Run, root, run};

const SCENARIO: &str = "tests/fixtures/app/scenarios/late-parcel.ron";

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("cli-voice-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn voice(out: &Path, cache: &Path, anger: Option<&str>) -> Run {
    let scenario = root().join(SCENARIO).display().to_string();
    let (out, cache) = (out.display().to_string(), cache.display().to_string());
    let mut args = vec![
        "--lang", "en", "voice", &scenario, "--out", &out, "--cache", &cache,
    ];
    if let Some(a) = anger {
        args.extend(["--anger", a]);
    }
    run(&args)
}

#[test]
fn every_customer_line_is_written_named_by_node_and_lasts_the_engines_time() {
    let (out, cache) = (scratch("out"), scratch("cache"));
    let Run {
        code,
        out: stdout,
        err: stderr,
    } = voice(&out, &cache, None);
    assert_eq!(code, 0, "{stderr}");
    let s = claim_dojo_core::load_file(&root().join(SCENARIO))
        .scenario
        .unwrap();
    let mut expected = vec![];
    for (n, node) in s.nodes.iter().enumerate() {
        expected.push((format!("{}.wav", node.id), LineRef::Node(n as u16)));
        for k in 0..node.waiting.len() {
            expected.push((
                format!("{}.waiting-{}.wav", node.id, k + 1),
                LineRef::Waiting(n as u16, k as u16),
            ));
        }
    }
    for k in 0..interrupted_count(&s) {
        expected.push((
            format!("interrupted-{}.wav", k + 1),
            LineRef::Interrupted(k as u16),
        ));
    }
    expected.push(("hang-up-1.wav".into(), LineRef::HangUp(0)));
    for (file, line) in &expected {
        let speech = Speech::read_wav(&out.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let engine = spoken_ms(&s, *line, s.persona.anger) as f64;
        let ratio = speech.duration_ms() as f64 / engine;
        assert!(
            (0.9..=1.1).contains(&ratio),
            "{file}: {ratio:.2}× the engine's time"
        );
        assert!(speech.rms() > 0.01, "{file} is silent");
        assert!(stdout.contains(file.as_str()), "{stdout}");
    }
    assert!(
        stdout.contains(&format!("Wrote {} lines", expected.len()) as &str),
        "{stdout}"
    );
    let Run {
        code, out: again, ..
    } = voice(&out, &cache, None);
    assert_eq!(code, 0);
    assert!(
        again.contains("(0 synthesised now"),
        "the second run reads the cache: {again}"
    );
    let _ = std::fs::remove_dir_all(&out);
    let _ = std::fs::remove_dir_all(&cache);
}

#[test]
fn an_angrier_customer_is_faster_and_louder() {
    let cache = scratch("anger-cache");
    let (calm, furious) = (scratch("calm"), scratch("furious"));
    assert_eq!(voice(&calm, &cache, Some("20")).code, 0);
    assert_eq!(voice(&furious, &cache, Some("90")).code, 0);
    let read = |dir: &Path| Speech::read_wav(&dir.join("open.wav")).unwrap();
    let (c, f) = (read(&calm), read(&furious));
    assert!(
        f.duration_ms() < c.duration_ms(),
        "{} vs {} ms",
        f.duration_ms(),
        c.duration_ms()
    );
    assert!(
        f.rms() > c.rms() * 1.5,
        "RMS {:.3} vs {:.3}",
        f.rms(),
        c.rms()
    );
    for d in [cache, calm, furious] {
        let _ = std::fs::remove_dir_all(d);
    }
}

#[test]
fn a_bad_anger_is_bad_usage_and_a_missing_scenario_a_failure() {
    let (out, cache) = (scratch("bad"), scratch("bad-cache"));
    let Run { code, err, .. } = voice(&out, &cache, Some("140"));
    assert_eq!(code, 2);
    assert!(err.contains("--anger"), "{err}");
    let Run { code, .. } = run(&[
        "voice",
        "no-such-scenario.ron",
        "--out",
        &out.display().to_string(),
    ]);
    assert_eq!(code, 1);
    assert_eq!(run(&["voice", "x.ron"]).code, 2, "--out is required");
}
