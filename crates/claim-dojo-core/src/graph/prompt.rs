//! The number on an arrow: the anger change the engine applies when a choice is
//! said promptly, found by playing the scenario on the real session engine.
//!
//! Each node is reached by the shortest route of prompt answers from the start
//! (every answer said one second after the customer stops, exactly as
//! `claim-dojo play --choices` says them, seed 1), and each of its choices is
//! said from there. The number is `volatility × (authored + rule effects)`:
//! what `play --format json` reports for that answer on that route, without the
//! seeded noise of at most ±1 × volatility. Words said to a speaker (a colleague
//! on the internal line) change no anger, so they have no number.

use std::collections::VecDeque;
use std::sync::Arc;

use crate::play::{self, TURN_PAUSE_MS};
use crate::scenario::Scenario;
use crate::session::{AngerCause, Session};

/// The seed the numbers are played with (`play`'s default).
pub const SEED: u64 = 1;

/// What saying one choice promptly does, on the shortest prompt route to its node.
#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceEffect {
    /// The anger change without noise; `None` when the customer does not hear
    /// the words (they are said to a speaker).
    pub change: Option<f64>,
    /// The customer hangs up on these words.
    pub hangs_up: bool,
    /// Where the call went after the words (anger branches decided).
    pub lands: Option<usize>,
}

/// Per node, per choice: the effect of saying it promptly, `None` for the
/// choices of a node no prompt route reaches. Also, per node, the route of
/// choice ids that reaches it.
#[derive(Debug, Clone, Default)]
pub struct PromptEffects {
    pub choices: Vec<Option<Vec<ChoiceEffect>>>,
    pub routes: Vec<Option<Vec<String>>>,
}

/// Plays every choice of every node that prompt answers reach.
pub fn effects(s: &Arc<Scenario>) -> PromptEffects {
    let n = s.nodes.len();
    let mut out = PromptEffects {
        choices: vec![None; n],
        routes: vec![None; n],
    };
    let Some(start) = s.node_index(&s.start) else {
        return out;
    };
    let mut at: Vec<Option<Session>> = vec![None; n];
    at[start] = Some(play::session(s, SEED).without_events());
    out.routes[start] = Some(Vec::new());
    let mut queue = VecDeque::from([start]);
    while let Some(i) = queue.pop_front() {
        let Some(mut here) = at[i].take() else {
            continue;
        };
        // Let the customer finish the line, then wait the natural pause.
        let Some(ms) = here.time_to_turn() else {
            continue;
        };
        here.advance_ms(ms + TURN_PAUSE_MS);
        let route = out.routes[i].clone().unwrap_or_default();
        let mut effects = Vec::with_capacity(s.nodes[i].choices.len());
        for c in &s.nodes[i].choices {
            let mut x = here.clone();
            let before = x.anger_changes().len();
            if x.choose(&c.id).is_err() {
                effects.push(ChoiceEffect {
                    change: None,
                    hangs_up: false,
                    lands: None,
                });
                continue;
            }
            let change = x.anger_changes()[before..]
                .iter()
                .find(|a| matches!(a.cause, AngerCause::Choice(_)))
                .map(|a| s.persona.volatility * (a.authored + a.effects.total()));
            // A hang-up clears the lines still to come: nothing is queued.
            let lands = x.upcoming_node();
            let hangs_up = lands.is_none();
            if let Some(j) = lands
                && out.routes[j].is_none()
            {
                let mut r = route.clone();
                r.push(c.id.clone());
                out.routes[j] = Some(r);
                at[j] = Some(x);
                queue.push_back(j);
            }
            effects.push(ChoiceEffect {
                change,
                hangs_up,
                lands,
            });
        }
        out.choices[i] = Some(effects);
    }
    out
}
