//! The lines there are to say: every one of a scenario (for `claim-dojo voice`
//! and the tests), the ones a call opens with (to synthesise before it starts)
//! and the ones a running call can come to next (to synthesise ahead). A line's
//! voice and duration come from the anger it starts at.

use std::sync::Arc;

use claim_dojo_core::Scenario;
use claim_dojo_core::session::transcript::{hang_up_count, interrupted_count};
use claim_dojo_core::session::{LineRef, Session, Speaker, TranscriptLine, spoken_ms};

use crate::Utterance;
use crate::mapping::{OTHER_ANGER, OTHER_VOICE, anger_step, params};

/// What interrupting adds to anger before the customer protests (R02), times
/// the persona's volatility: where the protest is expected to be voiced.
const INTERRUPTION_ANGER: f64 = 10.0;

/// A line of a scenario and the name of its file.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub what: LineRef,
    /// The node's id; `id.waiting-K` for its K-th waiting line; `interrupted-K`
    /// and `hang-up-K` for the customer's reactions (K from 1).
    pub name: String,
}

/// Every line the customer (or a node's speaker) can say, in scenario order,
/// then the reactions to being interrupted and the hang-ups.
pub fn every_line(s: &Scenario) -> Vec<Line> {
    let mut lines = Vec::new();
    for (n, node) in s.nodes.iter().enumerate() {
        let n = n as u16;
        lines.push(Line {
            what: LineRef::Node(n),
            name: node.id.clone(),
        });
        for k in 0..node.waiting.len() {
            lines.push(Line {
                what: LineRef::Waiting(n, k as u16),
                name: format!("{}.waiting-{}", node.id, k + 1),
            });
        }
    }
    for k in 0..interrupted_count(s) {
        lines.push(Line {
            what: LineRef::Interrupted(k as u16),
            name: format!("interrupted-{}", k + 1),
        });
    }
    for k in 0..hang_up_count(s) {
        lines.push(Line {
            what: LineRef::HangUp(k as u16),
            name: format!("hang-up-{}", k + 1),
        });
    }
    lines
}

/// Whether someone other than the customer says `line` (a node with a `speaker`).
pub fn is_other(s: &Scenario, line: LineRef) -> bool {
    matches!(line, LineRef::Node(n) if s.nodes[usize::from(n)].speaker.is_some())
}

/// What to synthesise for `line` starting at `anger`, while the call runs
/// `time_scale` times as fast as real time (the app's text speed): the engine's
/// duration at the anger's step, in real time, to the nearest 10 ms.
pub fn utterance(s: &Scenario, line: LineRef, anger: f64, time_scale: f64) -> Utterance {
    let step = anger_step(anger);
    let voice = if is_other(s, line) {
        params(OTHER_VOICE, OTHER_ANGER)
    } else {
        params(s.persona.voice, step)
    };
    let ms = spoken_ms(s, line, step) as f64 / time_scale.max(0.1);
    Utterance {
        text: line.text(s).ja.clone(),
        voice,
        target_ms: ((ms / 10.0).round() as u64 * 10).max(10),
    }
}

/// The lines the call can come to next, most urgent first, each with the anger
/// it is expected to start at: what is queued (after an answer, where it led),
/// then what each offered answer leads to at the anger the engine would give it
/// (`after_each_answer`), then the guesses of `guessed_next`.
pub fn heard_next(session: &Session) -> Vec<(LineRef, f64)> {
    let anger = session.anger();
    let mut next: Vec<(LineRef, f64)> = session.queued_lines().map(|l| (l, anger)).collect();
    next.extend(after_each_answer(session));
    next.extend(guessed_next(session));
    dedup(next)
}

/// The lines the call can come to next guessed at the anger of now (a
/// hang-up at the persona's limit, a protest at what interrupting adds): what
/// is queued, a hang-up, the node's next waiting line, a protest at an
/// interruption, and the line of every node the offered answers can lead to.
/// On its own, what the app asked for before answers were played ahead.
pub fn guessed_next(session: &Session) -> Vec<(LineRef, f64)> {
    let s = session.scenario();
    let anger = session.anger();
    let mut next: Vec<(LineRef, f64)> = session.queued_lines().map(|l| (l, anger)).collect();
    if session.is_over() {
        return next;
    }
    let persona = &s.persona;
    next.push((
        LineRef::HangUp(session.interruptions() % hang_up_count(s) as u16),
        anger.max(persona.hang_up_at),
    ));
    let node = &s.nodes[session.current_node()];
    let n = session.current_node() as u16;
    if usize::from(session.waiting_said()) < node.waiting.len() {
        next.push((LineRef::Waiting(n, session.waiting_said()), anger));
    }
    next.push((
        LineRef::Interrupted(session.interruptions() % interrupted_count(s) as u16),
        anger + INTERRUPTION_ANGER * persona.volatility,
    ));
    for choice in &node.choices {
        for (id, _) in choice.destinations() {
            if let Some(i) = s.node_index(id) {
                next.push((LineRef::Node(i as u16), anger));
            }
        }
    }
    dedup(next)
}

/// What each answer offered at the trainee's next turn leads to: the answer is
/// played on a copy of the call at that turn (now, if it has come), and the copy
/// runs on until the customer has said all that comes before the turn after
/// (or the call ends). Each line comes with the anger it starts at, so what the
/// engine adds or takes for the answer, its tags and its seeded noise are all
/// in. Exact when the trainee answers at the turn; a later answer finds anger
/// moved by the silence, and a stand-in or the guesses cover it. The call
/// itself is not touched.
pub fn after_each_answer(session: &Session) -> Vec<(LineRef, f64)> {
    let Some(wait) = session.time_to_turn().filter(|_| !session.is_over()) else {
        return Vec::new();
    };
    let mut at_turn = session.clone().without_events();
    at_turn.advance_ms(wait);
    let offered: Vec<String> = at_turn.offered().iter().map(|c| c.id.clone()).collect();
    let mut per_answer = Vec::new();
    for id in offered {
        let mut answered = at_turn.clone();
        let said = answered.transcript().len();
        if answered.choose(&id).is_err() {
            continue;
        }
        match answered.time_to_turn() {
            Some(ms) => answered.advance_ms(ms),
            None => answered.run_out(),
        }
        per_answer.push(customer_lines(&answered.transcript()[said..]).collect::<Vec<_>>());
    }
    // Rank by rank: every answer's first line before any answer's second. The
    // second line (a vent, a follow-on) starts a whole line later than the
    // first, so it has that much more time to be made; made answer by answer,
    // the third answer's first line waited for the first answer's vents.
    let longest = per_answer.iter().map(Vec::len).max().unwrap_or(0);
    (0..longest)
        .flat_map(|rank| per_answer.iter().filter_map(move |lines| lines.get(rank)))
        .copied()
        .collect()
}

/// The lines a call of `s` opens with, each at the anger it starts at: what a
/// new session says before the trainee can first answer (the start node's line
/// and its vents), exactly as a call says them. No answer has been drawn yet, so
/// any seed gives the same.
pub fn opening(s: &Arc<Scenario>) -> Vec<(LineRef, f64)> {
    let mut session = Session::new(Arc::clone(s), 0).without_events();
    match session.time_to_turn() {
        Some(ms) => session.advance_ms(ms),
        None => session.run_out(),
    }
    customer_lines(session.transcript()).collect()
}

/// What to make while a call of `s` is about to start (the menu, the
/// briefing), most urgent first: its opening lines, then what the call can come
/// to from its first turn (what each first answer leads to first).
pub fn before_the_call(s: &Arc<Scenario>) -> Vec<(LineRef, f64)> {
    let mut first = Session::new(Arc::clone(s), 0).without_events();
    let mut next = opening(s);
    if let Some(ms) = first.time_to_turn() {
        first.advance_ms(ms);
        next.extend(heard_next(&first));
    }
    dedup(next)
}

fn customer_lines(lines: &[TranscriptLine]) -> impl Iterator<Item = (LineRef, f64)> + '_ {
    lines
        .iter()
        .filter(|l| l.who != Speaker::Trainee)
        .map(|l| (l.what, l.anger))
}

/// The first of each line at each anger step, in order.
fn dedup(mut next: Vec<(LineRef, f64)>) -> Vec<(LineRef, f64)> {
    let mut seen = Vec::new();
    next.retain(|&(l, a)| {
        let key = (l, anger_step(a) as u32);
        let fresh = !seen.contains(&key);
        seen.push(key);
        fresh
    });
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mapping::ANGER_STEP;

    fn late_parcel() -> Arc<Scenario> {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/app/scenarios/late-parcel.ron"
        );
        Arc::new(
            claim_dojo_core::load_file(std::path::Path::new(path))
                .scenario
                .unwrap(),
        )
    }

    #[test]
    fn every_node_waiting_line_and_reaction_is_named_once() {
        let s = late_parcel();
        let lines = every_line(&s);
        let mut names: Vec<_> = lines.iter().map(|l| l.name.as_str()).collect();
        assert!(names.contains(&"open"));
        assert!(names.iter().any(|n| n.starts_with("interrupted-")));
        assert!(names.contains(&"hang-up-1"));
        let waiting: usize = s.nodes.iter().map(|n| n.waiting.len()).sum();
        assert_eq!(
            lines.len(),
            s.nodes.len() + waiting + interrupted_count(&s) + hang_up_count(&s)
        );
        names.sort();
        names.dedup();
        assert_eq!(names.len(), lines.len(), "names are unique");
    }

    #[test]
    fn the_target_is_the_engines_duration_in_real_time() {
        let s = late_parcel();
        let line = LineRef::Node(0);
        let u = utterance(&s, line, s.persona.anger, 1.0);
        let engine = spoken_ms(&s, line, s.persona.anger) as f64;
        assert!((u.target_ms as f64 - engine).abs() <= 0.01 * engine + 10.0);
        let slow = utterance(&s, line, s.persona.anger, 0.75);
        assert!((slow.target_ms as f64 - engine / 0.75).abs() <= 0.01 * engine + 10.0);
        assert_eq!(u.text, s.nodes[0].customer.ja);
    }

    #[test]
    fn after_an_answer_the_line_it_leads_to_comes_first() {
        let s = late_parcel();
        let mut session = Session::new(Arc::clone(&s), 1);
        let first = heard_next(&session);
        assert!(first.iter().any(|(l, _)| matches!(l, LineRef::HangUp(_))));
        let offered: Vec<_> = s.nodes[0].choices.iter().map(|c| c.next.clone()).collect();
        for id in &offered {
            let i = s.node_index(id).unwrap() as u16;
            assert!(first.iter().any(|(l, _)| *l == LineRef::Node(i)), "{id}");
        }
        session.run_out();
        let mut session = Session::new(Arc::clone(&s), 1);
        session.advance_ms(session.time_to_turn().unwrap_or(0));
        let choice = session.offered()[0].id.clone();
        session.choose(&choice).unwrap();
        let (line, anger) = heard_next(&session)[0];
        assert_eq!(Some(line), session.queued_lines().next());
        assert_eq!(anger, session.anger());
    }

    /// The customer's lines of a new call with `seed` answered with `id` at its
    /// first turn, until the turn after: what the engine says.
    fn answered_at_first_turn(s: &Arc<Scenario>, seed: u64, id: &str) -> Vec<(LineRef, f64)> {
        let mut call = Session::new(Arc::clone(s), seed);
        call.advance_ms(call.time_to_turn().unwrap());
        let said = call.transcript().len();
        call.choose(id).unwrap();
        match call.time_to_turn() {
            Some(ms) => call.advance_ms(ms),
            None => call.run_out(),
        }
        customer_lines(&call.transcript()[said..]).collect()
    }

    #[test]
    fn the_opening_is_what_every_call_says_before_its_first_turn() {
        let s = late_parcel();
        let opening = opening(&s);
        let start = s.node_index(&s.start).unwrap() as u16;
        assert_eq!(opening[0], (LineRef::Node(start), s.persona.anger));
        for seed in [1, 7, 12_345] {
            let mut call = Session::new(Arc::clone(&s), seed);
            call.advance_ms(call.time_to_turn().unwrap());
            let said: Vec<_> = customer_lines(call.transcript()).collect();
            assert_eq!(said, opening, "seed {seed}");
        }
        let before = before_the_call(&s);
        assert_eq!(
            before[..opening.len()],
            opening[..],
            "the opening comes first"
        );
        let first = Session::new(Arc::clone(&s), 0);
        let id = first.scenario().nodes[usize::from(start)].choices[0]
            .id
            .clone();
        for line in answered_at_first_turn(&s, 0, &id) {
            assert!(
                before.contains(&line),
                "{line:?}: the first answer's lines too"
            );
        }
    }

    #[test]
    fn every_answers_first_line_is_asked_for_before_any_answers_second() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scenarios");
        let mut longer = 0;
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let Some(s) = claim_dojo_core::load_file(&entry.path()).scenario else {
                continue;
            };
            let s = Arc::new(s);
            let call = Session::new(Arc::clone(&s), 3);
            let asked = after_each_answer(&call);
            let mut at_turn = call.clone();
            at_turn.advance_ms(at_turn.time_to_turn().unwrap());
            let ids: Vec<String> = at_turn.offered().iter().map(|c| c.id.clone()).collect();
            let answers: Vec<_> = ids
                .iter()
                .map(|id| answered_at_first_turn(&s, 3, id))
                .collect();
            let firsts: Vec<_> = answers.iter().filter_map(|a| a.first()).collect();
            let last_first = firsts
                .iter()
                .map(|f| asked.iter().position(|x| x == *f).unwrap())
                .max()
                .unwrap();
            for later in answers.iter().flat_map(|a| a.iter().skip(1)) {
                if firsts.contains(&later) {
                    continue;
                }
                longer += 1;
                let at = asked.iter().position(|x| x == later).unwrap();
                assert!(at > last_first, "{}: {later:?} before a first line", s.id);
            }
        }
        assert!(
            longer > 0,
            "some answer of the pack leads to more than one line"
        );
    }

    #[test]
    fn what_each_answer_leads_to_is_asked_for_at_the_anger_the_engine_gives_it() {
        let s = late_parcel();
        let step = |a: f64| anger_step(a) as i64;
        let mut moved = 0;
        for seed in 1..=5 {
            // Asked while the opening line is still being said.
            let call = Session::new(Arc::clone(&s), seed);
            let asked = heard_next(&call);
            let guesses = asked
                .iter()
                .position(|(l, _)| matches!(l, LineRef::HangUp(_)))
                .unwrap();
            let mut at_turn = call.clone();
            at_turn.advance_ms(at_turn.time_to_turn().unwrap());
            let ids: Vec<String> = at_turn.offered().iter().map(|c| c.id.clone()).collect();
            for id in ids {
                for (line, anger) in answered_at_first_turn(&s, seed, &id) {
                    let at = asked
                        .iter()
                        .position(|&(l, a)| l == line && step(a) == step(anger));
                    let at = at.unwrap_or_else(|| panic!("{id}: {line:?} at {anger} not asked"));
                    assert!(at < guesses, "{id}: asked before the guesses");
                    if (step(anger) - step(call.anger())).abs() > 2 * ANGER_STEP as i64 {
                        moved += 1;
                    }
                }
            }
        }
        assert!(moved > 0, "some answer moves anger by more than two steps");
    }
}
