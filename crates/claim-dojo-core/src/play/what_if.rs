//! "What if": a saved session restarted at one of the trainee's actions. The
//! actions before it are replayed on a fresh session with the same seed, time
//! runs on to the moment the trainee took that action, and the session is
//! handed back live, so the trainee can say something else and finish the call.
//! Same scenario, seed and earlier timed actions give the same call up to that
//! moment, to the millisecond (tested in `tests/what_if.rs`).

use std::sync::Arc;

use crate::report::ActionReport;
use crate::scenario::Scenario;
use crate::session::{Action, Session};
use crate::span::Span;

use super::{Refused, act};

/// The moments a what-if may start from: one per action of the log, in order,
/// as (index into the log, call time in ms, whether it was a choice).
pub fn turns(actions: &[ActionReport]) -> Vec<Turn> {
    actions
        .iter()
        .enumerate()
        .map(|(index, a)| Turn {
            index,
            at_ms: a.at_ms(),
            choice: match &a.action {
                Action::Choose { choice } => Some(choice.clone()),
                _ => None,
            },
        })
        .collect()
}

/// One action of a saved session, as a place to restart from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    /// Index of the action in the log: the replay stops before it.
    pub index: usize,
    pub at_ms: u64,
    /// The choice said there, if it was a choice (not a back-channel or a memo).
    pub choice: Option<String>,
}

/// A session replayed from `actions[..at]` and then run on to the moment of
/// `actions[at]` (or left after the last action when `at` is past the end),
/// live and ready for a different action. Refused when a replayed action is no
/// longer accepted (the scenario changed since the session was played).
pub fn resume(
    scenario: &Arc<Scenario>,
    seed: u64,
    actions: &[ActionReport],
    at: usize,
) -> Result<Session, Refused> {
    let mut session = Session::new(Arc::clone(scenario), seed);
    for (index, a) in actions.iter().take(at).enumerate() {
        session.advance_to(a.at_ms());
        act(&mut session, a.action.clone(), Span::default(), index)?;
    }
    if let Some(next) = actions.get(at) {
        session.advance_to(next.at_ms());
    }
    // The replay's events are history: a view starts from the session as it is.
    session.take_events();
    Ok(session)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Report;
    use crate::rules::testing::*;
    use crate::scenario::Tag::*;

    #[test]
    fn the_turns_are_every_logged_action_with_its_time() {
        let p = Call::primary()
            .say("c1", &[FeelingsApology])
            .say("c2", &[Excuse])
            .play();
        let r = Report::build(&p.session, &p.card);
        let t = turns(&r.actions);
        assert_eq!(t.len(), r.actions.len());
        assert_eq!(t[0].choice.as_deref(), Some("c1"));
        assert_eq!(t[1].choice.as_deref(), Some("c2"));
        assert!(t[0].at_ms < t[1].at_ms);
    }

    #[test]
    fn a_resumed_session_is_live_at_the_moment_of_the_turn() {
        let p = Call::primary()
            .say("c1", &[FeelingsApology])
            .say("c2", &[Excuse])
            .play();
        let r = Report::build(&p.session, &p.card);
        let s = resume(p.session.scenario(), r.seed, &r.actions, 1).unwrap();
        assert_eq!(s.now_ms(), r.actions[1].at_ms());
        assert!(!s.is_over());
        assert_eq!(s.actions().len(), 1);
        assert!(
            s.offered().iter().any(|c| c.id == "c2"),
            "the choice said there is offered again"
        );
    }
}
