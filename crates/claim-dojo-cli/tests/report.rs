//! `claim-dojo report`: the cohort report from records files with a hostile
//! session in them (scenario, trainee and words holding `<script>`, `"'<>&`
//! and `</style>`), checked as text and in a real browser: headless Chromium
//! (Debian `chromium`, with `fonts-noto-cjk`) loads it with no console
//! errors, its screenshot is not blank and shows Japanese glyphs, and the
//! hostile script never runs. Without Chromium the browser test fails.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use claim_dojo_core::play::{self, Policy};
use claim_dojo_core::report::Report;
use claim_dojo_records::{NewSession, Source, Store};
use common::{Run, root, run};
use serde_json::Value;

const HOSTILE: &str =
    "<script>document.title='PWNED';document.body.innerHTML='PWNED'</script>\"'<>&</style>";

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claim-dojo-report-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Two records files: real sessions of three trainees, and one hostile session.
fn records(dir: &Path) -> (PathBuf, PathBuf) {
    let scenario = Arc::new(
        claim_dojo_core::load_file(&root().join("scenarios/double-charge.ron"))
            .scenario
            .unwrap(),
    );
    let play = |seed: u64, policy| {
        let mut s = play::session(&scenario, seed);
        play::policy::run(&mut s, policy, seed);
        let card = s.finish();
        Report::build(&s, &card).to_json()
    };
    let save = |store: &Store, who: &str, json: &str, hour: i64| {
        let t = store.trainee(who).unwrap();
        let at = jiff::Timestamp::from_second(1_795_000_000 + hour * 3600).unwrap();
        store
            .save_session(&NewSession {
                trainee: t.id,
                report_json: json,
                scenario_hash: None,
                started_at: at,
                ended_at: at,
                what_if: None,
                source: Source::App,
            })
            .unwrap();
    };
    let a = dir.join("a.sqlite3");
    let store = Store::open(&a).unwrap().store;
    let policies = [
        Policy::Plausible,
        Policy::Random,
        Policy::First,
        Policy::Longest,
    ];
    for i in 0..12u64 {
        let who = ["佐藤", "Suzuki", "高橋"][i as usize % 3];
        save(
            &store,
            who,
            &play(i + 1, policies[i as usize % 4]),
            i as i64,
        );
    }
    // The hostile session: a scenario id, a trainee and words said that hold markup.
    let mut v: Value = serde_json::from_str(&play(3, Policy::Random)).unwrap();
    v["scenario"] = Value::from(HOSTILE);
    let mut rose = None;
    for m in v["marks"].as_array_mut().unwrap() {
        m["to"] = Value::from(m["from"].as_f64().unwrap() + 50.0);
        rose = rose.or(m["choice"].as_str().map(str::to_string));
    }
    for line in v["transcript"].as_array_mut().unwrap() {
        line["node"] = Value::from(HOSTILE);
        line["text"]["ja"] = Value::from(format!("申し訳ございません{HOSTILE}"));
        line["text"]["en"] = Value::from(format!("Sorry {HOSTILE}"));
    }
    assert!(rose.is_some(), "the fixture has a choice that raised anger");
    let b = dir.join("b.sqlite3");
    let store = Store::open(&b).unwrap().store;
    save(
        &store,
        "<img src=x onerror=alert(1)>\"'&</style>",
        &v.to_string(),
        20,
    );
    (a, b)
}

fn write_report(dir: &Path, lang: &str) -> PathBuf {
    let (a, b) = records(dir);
    let out = dir.join(format!("cohort-{lang}.html"));
    let Run {
        code,
        out: stdout,
        err,
    } = run(&[
        "report",
        "--db",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--lang",
        lang,
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("13"), "{stdout}");
    out
}

#[test]
fn the_report_is_self_contained_and_every_text_from_the_data_is_escaped() {
    let dir = temp("text");
    let html = std::fs::read_to_string(write_report(&dir, "en")).unwrap();
    assert!(!html.contains("<script"), "no script element at all");
    assert!(!html.contains("<img"));
    assert_eq!(
        html.matches("</style>").count(),
        1,
        "only the report's own style ends"
    );
    assert!(html.contains("&lt;script&gt;document.title="));
    assert!(html.contains("&quot;'&lt;&gt;&amp;&lt;/style&gt;"));
    // Nothing is fetched: no links, sources or imports of any kind.
    for needle in [
        "src=\"", "href=\"", "@import", "url(", "http://", "https://",
    ] {
        assert!(!html.contains(needle), "{needle} in the report");
    }
    for section in [
        "Pass rate and score distribution per scenario",
        "Rules broken most across the class",
        "Each trainee's trend",
        "The hardest moments",
        "Not practised lately",
    ] {
        assert!(html.contains(section), "{section}");
    }
    // The hostile session's raised anger makes it the hardest moment, with its words.
    let hardest = &html[html.find("The hardest moments").unwrap()..];
    assert!(hardest.contains("Sorry &lt;script&gt;"));
    // All five sessions of 2026-11 are older than 14 days "now" (the test runs later).
    assert!(html.contains("佐藤") && html.contains("Suzuki"));

    let ja = std::fs::read_to_string(write_report(&dir, "ja")).unwrap();
    assert!(ja.contains("クラスの成績レポート") && ja.contains("<html lang=\"ja\">"));
    assert!(ja.contains("申し訳ございません&lt;script&gt;"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_report_needs_exactly_one_source() {
    let Run { code, err, .. } = run(&["report", "--out", "x.html", "--lang", "en"]);
    assert_eq!(code, 2);
    assert!(err.contains("--db"), "{err}");
}

fn chromium() -> PathBuf {
    let bin = std::env::var_os("CLAIM_DOJO_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    assert!(
        bin.is_file(),
        "Chromium is needed for the browser check: apt-get install chromium fonts-noto-cjk \
         (or set CLAIM_DOJO_CHROMIUM)"
    );
    bin
}

/// Runs headless Chromium on `page` with `what` (`--dump-dom` or
/// `--screenshot=…`); returns (stdout, stderr).
fn browse(page: &Path, profile: &Path, what: &[&str]) -> (String, String) {
    let out = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(what)
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Console messages Chromium logged (errors, warnings, logs of the page).
fn console_lines(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.contains("CONSOLE") || l.contains("Uncaught"))
        .collect()
}

fn read_png(path: &Path) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    // To grey, one byte per pixel.
    let grey = buf[..info.buffer_size()]
        .chunks(channels)
        .map(|p| {
            ((u32::from(p[0]) + u32::from(p[1 % channels]) + u32::from(p[2 % channels])) / 3) as u8
        })
        .collect();
    (info.width, info.height, grey)
}

/// The glyph shapes of the first line of ink (the report's title): each run of
/// inked columns cut out as a bitmap. Missing glyphs (tofu) would all be the
/// same box; real Japanese glyphs differ from each other.
fn first_line_glyphs(w: u32, h: u32, px: &[u8]) -> Vec<Vec<bool>> {
    let ink = |x: u32, y: u32| px[(y * w + x) as usize] < 128;
    let row_inked = |y: u32| (0..w).any(|x| ink(x, y));
    let top = (0..h).find(|&y| row_inked(y)).expect("some ink");
    let bottom = (top..h).find(|&y| !row_inked(y)).unwrap_or(h);
    let col_inked = |x: u32| (top..bottom).any(|y| ink(x, y));
    let mut glyphs = Vec::new();
    let mut x = 0;
    while x < w {
        if col_inked(x) {
            let start = x;
            while x < w && col_inked(x) {
                x += 1;
            }
            let mut bits = Vec::new();
            for y in top..bottom {
                for gx in start..x {
                    bits.push(ink(gx, y));
                }
            }
            bits.push(false);
            bits.extend(std::iter::repeat_n(true, (x - start) as usize));
            glyphs.push(bits);
        }
        x += 1;
    }
    glyphs
}

#[test]
fn the_report_loads_in_chromium_without_errors_shows_japanese_and_runs_no_script() {
    let dir = temp("browser");
    let page = write_report(&dir, "ja");
    let profile = dir.join("chromium-profile");

    // The check sees console errors: a page with a failing script is caught.
    let broken = dir.join("broken.html");
    std::fs::write(
        &broken,
        "<!DOCTYPE html><title>x</title><script>console.error('boom'); undefinedCall();</script>",
    )
    .unwrap();
    let (_, stderr) = browse(&broken, &profile, &["--dump-dom"]);
    assert!(
        !console_lines(&stderr).is_empty(),
        "the console check works: {stderr}"
    );

    // The report: no console output, the hostile script never ran.
    let (dom, stderr) = browse(&page, &profile, &["--dump-dom"]);
    assert!(
        console_lines(&stderr).is_empty(),
        "console: {:?}",
        console_lines(&stderr)
    );
    assert!(
        dom.contains("<title>クラスの成績レポート</title>"),
        "{}",
        &dom[..dom.len().min(500)]
    );
    assert!(!dom.contains("PWNED</"), "the hostile script ran");
    assert!(dom.contains("&lt;script&gt;document.title='PWNED'"));
    assert!(dom.contains("<h1>クラスの成績レポート</h1>"));

    // The screenshot: not blank, and the title is drawn in Japanese glyphs.
    let shot = dir.join("cohort.png");
    let (_, stderr) = browse(
        &page,
        &profile,
        &[
            "--window-size=1200,1600",
            &format!("--screenshot={}", shot.display()),
        ],
    );
    assert!(shot.is_file(), "no screenshot: {stderr}");
    let (w, h, px) = read_png(&shot);
    let mut shades = [0u64; 256];
    for p in &px {
        shades[*p as usize] += 1;
    }
    let dark = px.iter().filter(|p| **p < 200).count() as f64 / px.len() as f64;
    assert!(
        shades.iter().filter(|n| **n > 0).count() > 40,
        "varied shades"
    );
    assert!(dark > 0.01, "ink on the page: {dark}");
    let glyphs = first_line_glyphs(w, h, &px);
    let mut distinct = glyphs.clone();
    distinct.sort();
    distinct.dedup();
    // クラスの成績レポート: 10 glyphs, 9 different shapes (レ and ト differ; no repeats but ー).
    assert!(
        glyphs.len() >= 8 && distinct.len() >= 8,
        "title glyphs: {} cut out, {} distinct (tofu would be one box repeated)",
        glyphs.len(),
        distinct.len()
    );
    let _ = std::fs::remove_dir_all(&dir);
}
