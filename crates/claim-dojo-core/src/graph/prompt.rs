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

use std::collections::{HashSet, VecDeque};
use std::sync::Arc;

use crate::play::{self, TURN_PAUSE_MS};
use crate::scenario::Scenario;
use crate::session::AngerCause;

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
    /// The prompt route to the node it was said on: the node's own route,
    /// unless the choice needs flags that route does not set. `None` when no
    /// prompt route offers it.
    pub route: Option<Vec<String>>,
}

/// Per node, per choice: the effect of saying it promptly, `None` for the
/// choices of a node no prompt route reaches. Also, per node, the route of
/// choice ids that reaches it.
#[derive(Debug, Clone, Default)]
pub struct PromptEffects {
    pub choices: Vec<Option<Vec<ChoiceEffect>>>,
    pub routes: Vec<Option<Vec<String>>>,
}

/// Plays every choice of every node that prompt answers reach. A choice that
/// needs flags (`if_set`, `unless_set`) is played on the shortest route that
/// offers it: the walk goes by node and flags, so a node reached first without
/// a flag is reached again with it when some route sets it.
pub fn effects(s: &Arc<Scenario>) -> PromptEffects {
    let n = s.nodes.len();
    let mut out = PromptEffects {
        choices: vec![None; n],
        routes: vec![None; n],
    };
    let Some(start) = s.node_index(&s.start) else {
        return out;
    };
    let mut seen = HashSet::from([(start, 0)]);
    let mut said: Vec<Vec<bool>> = s
        .nodes
        .iter()
        .map(|n| vec![false; n.choices.len()])
        .collect();
    let mut queue = VecDeque::from([(play::session(s, SEED).without_events(), Vec::new())]);
    out.routes[start] = Some(Vec::new());
    while let Some((mut here, route)) = queue.pop_front() {
        // Let the customer finish the line, then wait the natural pause.
        let Some(ms) = here.time_to_turn() else {
            continue;
        };
        here.advance_ms(ms + TURN_PAUSE_MS);
        let i = here.current_node();
        let effects = out.choices[i].get_or_insert_with(|| {
            vec![
                ChoiceEffect {
                    change: None,
                    hangs_up: false,
                    lands: None,
                    route: None,
                };
                s.nodes[i].choices.len()
            ]
        });
        let mut played = Vec::new();
        for (k, c) in s.nodes[i].choices.iter().enumerate() {
            let mut x = here.clone();
            let before = x.anger_changes().len();
            if x.choose(&c.id).is_err() {
                continue;
            }
            let change = x.anger_changes()[before..]
                .iter()
                .find(|a| matches!(a.cause, AngerCause::Choice(_)))
                .map(|a| s.persona.volatility * (a.authored + a.effects.total()));
            // A hang-up clears the lines still to come: nothing is queued.
            let lands = x.upcoming_node();
            let effect = ChoiceEffect {
                change,
                hangs_up: lands.is_none(),
                lands,
                route: Some(route.clone()),
            };
            // The first route that offers a choice gives its number.
            if !said[i][k] {
                said[i][k] = true;
                effects[k] = effect;
            }
            if let Some(j) = lands
                && seen.insert((j, x.flags()))
            {
                let mut r = route.clone();
                r.push(c.id.clone());
                if out.routes[j].is_none() {
                    out.routes[j] = Some(r.clone());
                }
                played.push((x, r));
            }
        }
        queue.extend(played);
    }
    out
}
