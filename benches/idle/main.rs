//! The app's idle cost against an empty bevy_egui window (`examples/empty_window.rs`),
//! measured side by side under one Xvfb with llvmpipe: time to the first frame on
//! screen, CPU over 10 idle seconds (the app on its menu, then in a call), and
//! resident memory. Prints the table of `docs/performance.md`.
//!
//! `cargo bench --bench idle --features idle-baseline` (a release build; needs xvfb, xdotool and Mesa's
//! Vulkan driver). The empty window is built with the same profile first.

mod display;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use display::Display;

const IDLE: Duration = Duration::from_secs(10);
const SETTLE: Duration = Duration::from_secs(3);
const RUNS: usize = 3;

struct Program(Child);

impl Drop for Program {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Program {
    fn start(exe: &Path, display: &Display, scenarios: &Path) -> Program {
        let child = Command::new(exe)
            .args(["--lang", "ja"])
            .env("DISPLAY", &display.name)
            .env("CLAIM_DOJO_SCENARIOS", scenarios)
            .env(
                "CLAIM_DOJO_RESULTS",
                std::env::temp_dir().join("claim-dojo-bench-results"),
            )
            .env_remove("WAYLAND_DISPLAY")
            .env("RUST_LOG", "error")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the program starts");
        Program(child)
    }

    /// Seconds of CPU (user + system) used so far.
    fn cpu_s(&self) -> f64 {
        let stat =
            std::fs::read_to_string(format!("/proc/{}/stat", self.0.id())).unwrap_or_default();
        let fields: Vec<&str> = stat
            .rsplit(')')
            .next()
            .unwrap_or("")
            .split_whitespace()
            .collect();
        let ticks: f64 = fields
            .get(11..13)
            .map(|f| f.iter().filter_map(|t| t.parse::<f64>().ok()).sum())
            .unwrap_or(0.0);
        ticks / 100.0
    }

    fn rss_mib(&self) -> f64 {
        let status =
            std::fs::read_to_string(format!("/proc/{}/status", self.0.id())).unwrap_or_default();
        let kib = status
            .lines()
            .find(|l| l.starts_with("VmRSS:"))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<f64>().ok());
        kib.unwrap_or(0.0) / 1024.0
    }

    /// Share of one core used over `span`.
    fn cpu_over(&self, span: Duration) -> f64 {
        let before = self.cpu_s();
        std::thread::sleep(span);
        (self.cpu_s() - before) / span.as_secs_f64() * 100.0
    }
}

#[derive(Default)]
struct Figures {
    first_frame_ms: Vec<f64>,
    /// The app only: until the menu's white top bar is drawn.
    menu_ms: Vec<f64>,
    idle_cpu: f64,
    call_cpu: Option<f64>,
    rss_mib: f64,
}

fn measure(exe: &Path, call: bool, fb_dir: &Path, scenarios: &Path) -> Figures {
    let mut f = Figures::default();
    for run in 0..RUNS {
        let display = Display::start(&fb_dir.join(format!("run{run}")));
        let start = Instant::now();
        let program = Program::start(exe, &display, scenarios);
        while !display.shows_something() {
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "{} showed nothing",
                exe.display()
            );
            std::thread::sleep(Duration::from_millis(5));
        }
        f.first_frame_ms
            .push(start.elapsed().as_secs_f64() * 1000.0);
        if call {
            while !display.is_white(640, 8) {
                assert!(
                    start.elapsed() < Duration::from_secs(60),
                    "the menu never appeared"
                );
                std::thread::sleep(Duration::from_millis(5));
            }
            f.menu_ms.push(start.elapsed().as_secs_f64() * 1000.0);
        }
        if run + 1 < RUNS {
            continue;
        }
        std::thread::sleep(SETTLE);
        f.idle_cpu = program.cpu_over(IDLE);
        f.rss_mib = program.rss_mib();
        if call {
            let window = display.xdotool(&["search", "--pid", &program.0.id().to_string()]);
            display.xdotool(&["windowfocus", window.lines().last().unwrap_or_default()]);
            display.xdotool(&["key", "Return"]);
            f.call_cpu = Some(program.cpu_over(IDLE));
        }
    }
    f
}

fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// The empty window, built with this bench's profile.
fn empty_window() -> PathBuf {
    let profile_dir = std::env::current_exe()
        .unwrap()
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .to_path_buf();
    let release = profile_dir.file_name().is_some_and(|n| n == "release");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut build = Command::new(cargo);
    build
        .args([
            "build",
            "--example",
            "empty_window",
            "--features",
            "idle-baseline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    if release {
        build.arg("--release");
    }
    assert!(
        build.status().expect("cargo runs").success(),
        "the empty window builds"
    );
    profile_dir.join("examples").join("empty_window")
}

fn main() {
    let base = empty_window();
    let app = PathBuf::from(env!("CARGO_BIN_EXE_claim-dojo"));
    let scenarios = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/app/scenarios");
    let fb = std::env::temp_dir().join(format!("claim-dojo-bench-{}", std::process::id()));
    let b = measure(&base, false, &fb.join("base"), &scenarios);
    let a = measure(&app, true, &fb.join("app"), &scenarios);
    let _ = std::fs::remove_dir_all(&fb);
    let (fa, fb_) = (median(&a.first_frame_ms), median(&b.first_frame_ms));
    println!("| measure | empty bevy_egui window | the app | app ÷ empty |");
    println!("|---|---|---|---|");
    println!(
        "| first frame on screen (median of {RUNS}) | {fb_:.0} ms | {fa:.0} ms | {:.2}× |",
        fa / fb_
    );
    let menu = median(&a.menu_ms);
    println!(
        "| the app: menu fully drawn (median) | — | {menu:.0} ms | {:.2}× |",
        menu / fb_
    );
    println!(
        "| idle CPU over 10 s (menu for the app) | {:.1} % | {:.1} % | {} |",
        b.idle_cpu,
        a.idle_cpu,
        ratio(a.idle_cpu, b.idle_cpu)
    );
    println!(
        "| resident memory after start | {:.0} MiB | {:.0} MiB | {:.2}× |",
        b.rss_mib,
        a.rss_mib,
        a.rss_mib / b.rss_mib
    );
    if let Some(c) = a.call_cpu {
        println!("| CPU over the first 10 s of a call | — | {c:.1} % | — |");
    }
    println!(
        "\nCPU is in % of one core. First frames of each run: empty {:?} ms, app {:?} ms.",
        round(&b.first_frame_ms),
        round(&a.first_frame_ms)
    );
}

fn ratio(a: f64, b: f64) -> String {
    if b < 0.05 {
        "— (baseline ≈ 0)".into()
    } else {
        format!("{:.2}×", a / b)
    }
}

fn round(v: &[f64]) -> Vec<u64> {
    v.iter().map(|x| x.round() as u64).collect()
}
