//! End to end: the real `claim-dojo` binary in a real window under its own
//! Xvfb, played with real key presses (xdotool, through XTEST) from the menu to
//! the debrief: a back-channel, a memo typed with digits, two answers by number
//! keys, the debrief, a replay and back to the menu. It checks the saved report
//! (and that `claim-dojo play --replay` reproduces it byte for byte) and saves
//! screenshots taken by the app (F12) as `target/screenshots/{menu,call,debrief}.png`.
//!
//! The customer's voice is on (the default): on a machine without a sound card
//! (CI) the app says so once and the call runs in text, without any other voice
//! error; with one, the lines are synthesised and played.
//!
//! Without Xvfb or xdotool the test fails: it never passes without a window.
//! Debian packages: xvfb, xdotool, mesa-vulkan-drivers, libvulkan1, open-jtalk,
//! open-jtalk-mecab-naist-jdic.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_claim-dojo");

/// A child process killed when the test ends, however it ends.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/app/scenarios")
}

fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target/tmp has a parent")
        .to_path_buf()
}

/// Starts Xvfb on a free display number.
fn xvfb() -> (Killed, String) {
    for n in 0..40 {
        let number = 140 + (std::process::id() as usize + n) % 400;
        if Path::new(&format!("/tmp/.X11-unix/X{number}")).exists()
            || Path::new(&format!("/tmp/.X{number}-lock")).exists()
        {
            continue;
        }
        let display = format!(":{number}");
        let child = Command::new("Xvfb")
            .args([
                display.as_str(),
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start Xvfb ({e}): install the Debian package xvfb"));
        let guard = Killed(child);
        let socket = format!("/tmp/.X11-unix/X{number}");
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if Path::new(&socket).exists() {
                return (guard, display);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    panic!("no display could be made with Xvfb");
}

struct App {
    _process: Killed,
    pid: u32,
    log: Arc<Mutex<Vec<String>>>,
    display: String,
}

impl App {
    fn start(display: &str, data: &Path) -> App {
        let mut child = Command::new(BIN)
            .args(["--lang", "ja"])
            .env("DISPLAY", display)
            .env("CLAIM_DOJO_SCENARIOS", fixtures())
            .env("CLAIM_DOJO_RESULTS", data.join("results"))
            .env("CLAIM_DOJO_SCREENSHOTS", data.join("shots"))
            .env("CLAIM_DOJO_SETTINGS", data.join("settings.ron"))
            .env("CLAIM_DOJO_CACHE", data.join("cache"))
            .env("RUST_LOG", "info,claim_dojo=debug,wgpu=error,naga=warn,bevy_render=warn,bevy_egui=error,winit=error")
            .env_remove("WAYLAND_DISPLAY")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the claim-dojo binary starts");
        let pid = child.id();
        let log = Arc::new(Mutex::new(Vec::new()));
        let stderr = child.stderr.take().unwrap();
        let sink = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                sink.lock().unwrap().push(line);
            }
        });
        App {
            _process: Killed(child),
            pid,
            log,
            display: display.to_string(),
        }
    }

    fn lines(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }

    /// Waits until the log has `count` lines containing `text`; returns the last.
    fn wait_for_nth(&self, text: &str, count: usize, secs: u64) -> String {
        let start = Instant::now();
        loop {
            let found: Vec<_> = self
                .lines()
                .into_iter()
                .filter(|l| l.contains(text))
                .collect();
            if found.len() >= count {
                return found[count - 1].clone();
            }
            assert!(
                start.elapsed() < Duration::from_secs(secs),
                "waited {secs} s for {text:?}; log:\n{}",
                self.lines().join("\n")
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn count(&self, text: &str) -> usize {
        self.lines().iter().filter(|l| l.contains(text)).count()
    }

    fn xdotool(&self, args: &[&str]) -> String {
        let out = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.display)
            .output()
            .unwrap_or_else(|e| {
                panic!("cannot run xdotool ({e}): install the Debian package xdotool")
            });
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Gives the window the keyboard (there is no window manager under Xvfb).
    fn focus(&self) {
        let start = Instant::now();
        let window = loop {
            let found = self.xdotool(&["search", "--pid", &self.pid.to_string()]);
            if let Some(w) = found.lines().last().filter(|w| !w.is_empty()) {
                break w.to_string();
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "the app opened no window"
            );
            std::thread::sleep(Duration::from_millis(100));
        };
        self.xdotool(&["mousemove", "1275", "795"]);
        self.xdotool(&["windowfocus", &window]);
    }

    fn key(&self, key: &str) {
        self.xdotool(&["key", "--delay", "60", key]);
        std::thread::sleep(Duration::from_millis(250));
    }

    fn type_text(&self, text: &str) {
        self.xdotool(&["type", "--delay", "25", text]);
        std::thread::sleep(Duration::from_millis(250));
    }

    /// F12, then the app's screenshot is copied to `target/screenshots/<name>.png`.
    fn screenshot(&self, name: &str) -> PathBuf {
        let before = self.count("screenshot saved: ");
        self.key("F12");
        let line = self.wait_for_nth("screenshot saved: ", before + 1, 20);
        let from = line
            .rsplit("screenshot saved: ")
            .next()
            .unwrap()
            .trim()
            .to_string();
        let dir = target_dir().join("screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let to = dir.join(format!("{name}.png"));
        std::fs::copy(strip_ansi(&from), &to).expect("the screenshot exists");
        to
    }
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A real picture of the window: a PNG of 1280×720 that is not blank.
fn assert_window_picture(path: &Path) {
    let bytes = std::fs::read(path).unwrap();
    assert_eq!(&bytes[1..4], b"PNG", "{} is a PNG", path.display());
    let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    assert_eq!((width, height), (1280, 720), "{}", path.display());
    assert!(
        bytes.len() > 30_000,
        "{} looks blank ({} bytes)",
        path.display(),
        bytes.len()
    );
}

#[test]
fn a_trainee_plays_a_call_by_keyboard_from_the_menu_to_the_debrief() {
    let (_xvfb, display) = xvfb();
    let data =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("app-e2e-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    let app = App::start(&display, &data);
    app.wait_for_nth("screen: menu", 1, 60);
    app.focus();
    std::thread::sleep(Duration::from_millis(500));
    assert_window_picture(&app.screenshot("menu"));

    app.key("Return");
    app.wait_for_nth("screen: call", 1, 20);
    std::thread::sleep(Duration::from_millis(600));
    app.key("space");
    app.wait_for_nth("turn: the customer waits", 1, 30);
    app.key("m");
    app.type_text("2026-11-20 order 4417");
    app.key("Tab");
    app.type_text("parcel late (2nd call)");
    app.key("Tab");
    app.type_text("depot delay 3 days");
    app.key("Escape");
    app.key("1");
    std::thread::sleep(Duration::from_millis(1_500));
    assert_window_picture(&app.screenshot("call"));
    app.wait_for_nth("turn: the customer waits", 2, 30);
    app.key("1");
    app.wait_for_nth("call ended", 1, 30);
    app.key("Return");
    app.wait_for_nth("screen: debrief", 1, 20);
    let saved = app.wait_for_nth("report saved: ", 1, 10);
    let report_path = PathBuf::from(strip_ansi(
        saved.rsplit("report saved: ").next().unwrap().trim(),
    ));
    std::thread::sleep(Duration::from_millis(800));
    assert_window_picture(&app.screenshot("debrief"));

    let src = std::fs::read_to_string(&report_path).expect("the report is saved");
    let report: serde_json::Value = serde_json::from_str(&src).unwrap();
    assert_eq!(report["scenario"], "late-parcel");
    assert_eq!(report["outcome"], "follow_up");
    assert!(report["seed"].as_u64().is_some(), "the seed is recorded");
    let said: Vec<&str> = report["actions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["type"] == "choose")
        .map(|a| a["choice"].as_str().unwrap())
        .collect();
    assert_eq!(
        said,
        ["accept", "callback-dated"],
        "digits typed in the memo did not choose anything"
    );
    assert!(
        report["actions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["type"] == "listen")
    );
    assert_eq!(report["memo"]["when"], "2026-11-20 order 4417");
    assert_eq!(report["memo"]["cause"], "depot delay 3 days");
    let r20 = report["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "R20")
        .unwrap();
    assert_eq!(
        r20["status"], "kept",
        "the engine judged the memo the trainee typed"
    );
    assert!(report["deescalation"]["passed"].is_boolean());
    assert_eq!(report["rules"].as_array().unwrap().len(), 23);
    assert_eq!(
        report["steps"][0]["status"], "done",
        "step 1: the burden was acknowledged"
    );

    let replayed = Command::new(BIN)
        .args([
            "play",
            fixtures().join("late-parcel.ron").to_str().unwrap(),
            "--replay",
            report_path.to_str().unwrap(),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(
        replayed.status.success(),
        "{}",
        String::from_utf8_lossy(&replayed.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&replayed.stdout),
        src,
        "`play --replay` reproduces the saved report exactly"
    );

    app.key("w");
    app.wait_for_nth("(replay)", 1, 20);
    app.key("Escape");
    app.key("q");
    app.wait_for_nth("screen: debrief", 2, 20);
    app.key("Escape");
    app.wait_for_nth("screen: menu", 2, 20);
    let panics: Vec<_> = app
        .lines()
        .into_iter()
        .filter(|l| l.contains("panicked"))
        .collect();
    assert!(panics.is_empty(), "{panics:?}");
    let device = app.wait_for_nth("voice: ", 1, 5);
    assert!(
        device.contains("V006") || device.contains("audio device ready"),
        "the audio device was tried and reported: {device}"
    );
    let voice_errors: Vec<_> = app
        .lines()
        .into_iter()
        .filter(|l| l.contains("voice: V") && !l.contains("V006"))
        .collect();
    assert!(
        voice_errors.is_empty(),
        "the synthesiser works, whatever the sound card: {voice_errors:?}"
    );
}
