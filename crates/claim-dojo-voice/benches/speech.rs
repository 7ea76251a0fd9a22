//! The voice's figures for `docs/performance.md`, on the shipped pack:
//!
//! 1. Synthesis time per second of speech: every distinct customer line at the
//!    persona's starting anger, made one after another on one thread (as the
//!    app does) from an empty cache. The baseline is the speech itself: 1 s of
//!    speech takes 1 s to hear.
//! 2. Lead time before each line: calls played by simulated trainees (the
//!    core's `plausible` and `random` policies, seed 1) are walked through in
//!    call time, frame by frame (50 ms), each from an empty cache. Wherever the
//!    app would ask for lines (queued lines first, pending guesses dropped when
//!    the node changes), the request joins one worker's queue; each job takes
//!    the time its real synthesis took on this machine (measured here, once per
//!    utterance). A line's lead is its start on the call clock minus the moment
//!    its sound (or a stand-in within 5 % of its length, as the app allows) was
//!    ready; negative is late. Two schedules, in the same run on the same costs:
//!    - before: what the app asked for until issue 15's follow-up, the lines
//!      guessed at the anger of the moment (`lines::guessed_next`), nothing
//!      before the call;
//!    - now: `lines::heard_next` (what each offered answer leads to at the
//!      anger the engine gives it, then the guesses), and before the call
//!      `lines::before_the_call` for the time the trainee spends on the menu
//!      (and, for a takeover, the briefing): `MENU_MS` and `BRIEFING_MS`, and
//!      once more with no time at all before the call (Enter pressed the
//!      instant the scenario is highlighted, a takeover's record skipped).
//!
//! `cargo bench -p claim-dojo-voice --bench speech`. Needs open_jtalk.

use std::collections::{HashMap, VecDeque};
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use claim_dojo_core::Scenario;
use claim_dojo_core::play::policy::{self, Policy};
use claim_dojo_core::scenario::Role;
use claim_dojo_core::session::{Action, LineRef, Session, Speaker};
use claim_dojo_voice::lines::{before_the_call, every_line, guessed_next, heard_next, utterance};
use claim_dojo_voice::mapping::ANGER_STEP;
use claim_dojo_voice::{Key, Synthesiser, Utterance};

const FRAME_MS: u64 = 50;
/// The least time a trainee spends on the menu with the scenario highlighted
/// before pressing Enter: its title, role, difficulty and summary are read (a
/// few dozen characters). Someone who starts the first scenario the instant the
/// app opens has less: the "no time" row.
const MENU_MS: f64 = 3_000.0;
/// The least time a supervisor spends on the first handler's record before
/// taking a call over: five headed parts, 150 to 300 characters of Japanese,
/// which take 15 s and more at a fast 10-20 characters a second; 10 s is below
/// any careful reading.
const BRIEFING_MS: f64 = 10_000.0;

/// What the app asks for, and how long before the call it may start.
#[derive(Clone, Copy)]
enum Schedule {
    Before,
    Now { menu_ms: f64, briefing_ms: f64 },
}

/// Real synthesis costs, measured once per utterance.
struct Costs {
    synth: Synthesiser,
    ms: HashMap<Key, f64>,
    speech_ms: HashMap<Key, u64>,
    /// How many times Open JTalk ran for each utterance (a probe for a new
    /// text, then one or two fits).
    runs: HashMap<Key, usize>,
}

impl Costs {
    fn of(&mut self, u: &Utterance) -> f64 {
        let key = u.key();
        if let Some(ms) = self.ms.get(&key) {
            return *ms;
        }
        let (t, runs) = (Instant::now(), self.synth.runs());
        let speech = self.synth.speak(u).expect("synthesis");
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        self.runs.insert(key.clone(), self.synth.runs() - runs);
        self.ms.insert(key.clone(), ms);
        self.speech_ms.insert(key, speech.duration_ms());
        ms
    }
}

/// One worker, its queue, and when each key was (or will be) ready, in call ms.
#[derive(Default)]
struct Worker {
    queue: VecDeque<Utterance>,
    free_at: f64,
    ready: HashMap<Key, f64>,
}

impl Worker {
    fn run_until(&mut self, t: f64, costs: &mut Costs) {
        while self.free_at <= t {
            let Some(u) = self.queue.pop_front() else {
                self.free_at = t;
                return;
            };
            self.free_at += costs.of(&u);
            self.ready.insert(u.key(), self.free_at);
        }
    }

    fn want(&mut self, u: Utterance, urgent: bool) {
        let key = u.key();
        if self.ready.contains_key(&key) {
            return;
        }
        if let Some(at) = self.queue.iter().position(|q| q.key() == key) {
            if urgent && let Some(u) = self.queue.remove(at) {
                self.queue.push_front(u);
            }
            return;
        }
        if urgent {
            self.queue.push_front(u);
        } else {
            self.queue.push_back(u);
        }
    }
}

fn pack() -> Vec<Arc<Scenario>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scenarios");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| Arc::new(claim_dojo_core::load_file(f).scenario.unwrap()))
        .collect()
}

fn percentile(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    v[((v.len() - 1) as f64 * p).round() as usize]
}

/// A customer line's lead (ms), with its scenario, text and cache key, so
/// the latest line can be named.
struct Lead {
    ms: f64,
    scenario: String,
    text: String,
    key: Key,
}

/// The leads of every customer line of one simulated call.
fn leads(
    s: &Arc<Scenario>,
    policy: Policy,
    seed: u64,
    schedule: Schedule,
    costs: &mut Costs,
) -> Vec<Lead> {
    let mut played = Session::new(Arc::clone(s), seed).without_events();
    policy::run(&mut played, policy, seed);
    let actions: Vec<_> = played.actions().to_vec();
    let mut session = Session::new(Arc::clone(s), seed);
    let (mut worker, mut leads) = (Worker::default(), Vec::new());
    if let Schedule::Now {
        menu_ms,
        briefing_ms,
    } = schedule
    {
        // The call starts at 0: the worker began when the scenario was highlighted.
        let reading = if s.role == Role::Secondary {
            briefing_ms
        } else {
            0.0
        };
        worker.free_at = -(menu_ms + reading);
        for (line, anger) in before_the_call(s) {
            worker.want(utterance(s, line, anger, 1.0), false);
        }
    }
    let next: fn(&Session) -> Vec<(LineRef, f64)> = match schedule {
        Schedule::Before => guessed_next,
        Schedule::Now { .. } => heard_next,
    };
    let (mut seen, mut asked_at, mut next_action) = (0, None, 0);
    loop {
        let t = session.now_ms() as f64;
        worker.run_until(t, costs);
        let transcript = session.transcript();
        for line in &transcript[seen..] {
            if line.who == Speaker::Trainee {
                continue;
            }
            let exact = utterance(s, line.what, line.anger, 1.0);
            let ready = [0.0, 1.0, -1.0, 2.0, -2.0]
                .iter()
                .filter_map(|k| {
                    let u = utterance(s, line.what, line.anger + k * ANGER_STEP, 1.0);
                    let off = (u.target_ms as f64 / exact.target_ms as f64 - 1.0).abs();
                    (off <= 0.05)
                        .then(|| worker.ready.get(&u.key()).copied())
                        .flatten()
                })
                .fold(f64::INFINITY, f64::min);
            let ready = if ready <= line.start_ms as f64 {
                ready
            } else if ready.is_finite() {
                // Being made as the line starts: it joins when done.
                ready
            } else {
                // Not ready: the app asks for it first; the worker takes it
                // after the job it is on.
                worker.queue.retain(|q| q.key() != exact.key());
                let done = worker.free_at.max(t) + costs.of(&exact);
                worker.free_at = done;
                worker.ready.insert(exact.key(), done);
                done.min(ready)
            };
            leads.push(Lead {
                ms: line.start_ms as f64 - ready,
                scenario: s.id.clone(),
                text: exact.text.chars().take(24).collect(),
                key: exact.key(),
            });
        }
        seen = transcript.len();
        let state = (seen, session.current_node(), session.anger().to_bits());
        if asked_at != Some(state) {
            if asked_at.is_some_and(|(_, n, _)| n != state.1) {
                worker.queue.clear();
            }
            let queued: Vec<_> = session.queued_lines().collect();
            for (line, anger) in next(&session) {
                worker.want(utterance(s, line, anger, 1.0), queued.contains(&line));
            }
            asked_at = Some(state);
        }
        if session.is_over() {
            return leads;
        }
        let step = session.now_ms() + FRAME_MS;
        while let Some(a) = actions.get(next_action).filter(|a| a.at_ms <= step) {
            session.advance_to(a.at_ms);
            let _ = session.act(a.action.clone());
            next_action += 1;
            if matches!(a.action, Action::Choose { .. } | Action::Listen) {
                break;
            }
        }
        session.advance_to(step.max(session.now_ms()));
    }
}

fn main() {
    let dir = std::env::temp_dir().join(format!("claim-dojo-voice-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut costs = Costs {
        synth: Synthesiser::find(&dir).expect("open_jtalk is installed"),
        ms: HashMap::new(),
        speech_ms: HashMap::new(),
        runs: HashMap::new(),
    };
    let pack = pack();
    let started = Instant::now();
    let (mut synth_ms, mut per_line) = (0.0, Vec::new());
    let mut seen = std::collections::HashSet::new();
    for s in &pack {
        for line in every_line(s) {
            let u = utterance(s, line.what, s.persona.anger, 1.0);
            if !seen.insert(u.key()) {
                continue;
            }
            let ms = costs.of(&u);
            synth_ms += ms;
            per_line.push(ms / costs.speech_ms[&u.key()] as f64);
        }
    }
    let speech_ms: u64 = costs.speech_ms.values().sum();
    println!("## Synthesis ({} distinct lines, one thread)", seen.len());
    println!("| measure | value |\n|---|---|");
    println!("| speech made | {:.1} s |", speech_ms as f64 / 1000.0);
    println!(
        "| synthesis time | {:.1} s (wall {:.1} s) |",
        synth_ms / 1000.0,
        started.elapsed().as_secs_f64()
    );
    println!(
        "| per second of speech | {:.3} s |",
        synth_ms / speech_ms as f64
    );
    println!(
        "| per line, median / 90th / worst | {:.3} / {:.3} / {:.3} s per s |",
        percentile(&mut per_line, 0.5),
        percentile(&mut per_line, 0.9),
        percentile(&mut per_line, 1.0)
    );

    let schedules = [
        (
            "before (guesses at the anger of now, nothing before the call)",
            Schedule::Before,
        ),
        (
            "now, no time before the call",
            Schedule::Now {
                menu_ms: 0.0,
                briefing_ms: 0.0,
            },
        ),
        (
            "now, 3 s on the menu, 10 s on a takeover's briefing",
            Schedule::Now {
                menu_ms: MENU_MS,
                briefing_ms: BRIEFING_MS,
            },
        ),
    ];
    println!(
        "\n## Lead time before each customer line ({} simulated calls)",
        pack.len() * 2
    );
    println!(
        "| schedule | lines | median | 10th percentile | worst | not ready at start | > 100 ms late |"
    );
    println!("|---|---|---|---|---|---|---|");
    let mut latest = Vec::new();
    for (name, schedule) in schedules {
        let mut lines = Vec::new();
        for s in &pack {
            for policy in [Policy::Plausible, Policy::Random] {
                lines.extend(leads(s, policy, 1, schedule, &mut costs));
            }
        }
        if let Some(l) = lines.iter().min_by(|a, b| a.ms.total_cmp(&b.ms)) {
            latest.push(format!(
                "- {name}: {:+.2} s, {} 「{}…」, made in {:.0} ms by {} runs of Open JTalk",
                l.ms / 1000.0,
                l.scenario,
                l.text,
                costs.ms.get(&l.key).copied().unwrap_or(f64::NAN),
                costs.runs.get(&l.key).copied().unwrap_or(0),
            ));
        }
        let mut all: Vec<f64> = lines.iter().map(|l| l.ms).collect();
        let late = all.iter().filter(|l| **l < 0.0).count();
        let late_100 = all.iter().filter(|l| **l < -100.0).count();
        println!(
            "| {name} | {} | {:+.2} s | {:+.2} s | {:+.2} s | {late} ({:.1} %) | {late_100} ({:.1} %) |",
            all.len(),
            percentile(&mut all, 0.5) / 1000.0,
            percentile(&mut all, 0.1) / 1000.0,
            percentile(&mut all, 0.0) / 1000.0,
            100.0 * late as f64 / all.len() as f64,
            100.0 * late_100 as f64 / all.len() as f64,
        );
    }
    println!("\nThe latest line of each schedule:\n{}", latest.join("\n"));
    println!("\nutterances synthesised in all: {}", costs.ms.len());
    let _ = std::fs::remove_dir_all(&dir);
}
