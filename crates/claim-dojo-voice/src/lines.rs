//! The lines there are to say: every one of a scenario (for `claim-dojo voice`
//! and the tests), and the ones a running call can come to next (to synthesise
//! ahead). A line's voice and duration come from the anger it starts at.

use claim_dojo_core::Scenario;
use claim_dojo_core::session::transcript::{hang_up_count, interrupted_count};
use claim_dojo_core::session::{LineRef, Session, spoken_ms};

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
/// a hang-up, the node's next waiting line, a protest at an interruption, and
/// the line of every node the offered answers can lead to.
pub fn heard_next(session: &Session) -> Vec<(LineRef, f64)> {
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
    use std::sync::Arc;

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
}
