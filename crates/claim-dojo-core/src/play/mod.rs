//! Headless play: drives a session with a script, a list of choices, a simulated
//! trainee or a recorded result, exactly as the app would with real input, and
//! restarts a recorded session at one of its turns (`what_if`).

pub mod policy;
pub mod script;
pub mod what_if;

use std::sync::Arc;

use serde::Deserialize;

use crate::diagnostic::{Code, Diagnostic};
use crate::report::ActionReport;
use crate::scenario::Scenario;
use crate::scoring::Scorecard;
use crate::session::{ActError, Action, Session};
use crate::span::Span;

pub use policy::Policy;
pub use script::{Expect, Script, Step, TURN_PAUSE_MS, parse_script};

/// An action the session refused, with where the script asked for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Refused {
    /// Position in the script file, when there is one.
    pub span: Span,
    /// Index of the action (for `--choices` and replays).
    pub index: usize,
    /// The action as a script writes it, e.g. `Listen` or `Choose("apology")`.
    pub action: String,
    pub error: ActError,
}

impl Refused {
    /// A diagnostic at the script position (call `locate` to place it in a file).
    pub fn diagnostic(&self) -> Diagnostic {
        match &self.error {
            ActError::NotOffered { choice, offered } if !offered.is_empty() => {
                Diagnostic::new(Code::UnknownChoice, self.span)
                    .arg("choice", choice)
                    .arg("offered", offered.join(", "))
            }
            other => Diagnostic::new(Code::ActionRefused, self.span)
                .arg("action", &self.action)
                .arg("reason", other.key()),
        }
    }
}

fn act(session: &mut Session, action: Action, span: Span, index: usize) -> Result<(), Refused> {
    let refused = |action: String, error| Refused {
        span,
        index,
        action,
        error,
    };
    // The action's name is only wanted on a refusal; choices, the common case,
    // are said by id so that a simulated session never builds it.
    match action {
        Action::Choose { choice } => session
            .choose(&choice)
            .map_err(|e| refused(Action::Choose { choice }.name(), e)),
        other => {
            let name = other.name();
            session.act(other).map_err(|e| refused(name, e))
        }
    }
}

/// Lets time pass until the trainee can answer; refuses when no answer will come.
fn wait_turn(session: &mut Session, span: Span, index: usize, choice: &str) -> Result<(), Refused> {
    match session.time_to_turn() {
        Some(ms) => {
            session.advance_ms(ms);
            Ok(())
        }
        None => Err(Refused {
            span,
            index,
            action: format!("Answer(\"{choice}\")"),
            error: if session.is_over() {
                ActError::CallOver
            } else {
                ActError::NotYourTurn
            },
        }),
    }
}

pub fn run_script(session: &mut Session, script: &Script) -> Result<(), Refused> {
    for (index, s) in script.steps.iter().enumerate() {
        match &s.step {
            Step::Wait(ms) => session.advance_ms(*ms),
            Step::WaitTurn => {
                if let Some(ms) = session.time_to_turn() {
                    session.advance_ms(ms);
                }
            }
            Step::Choose(id) => act(
                session,
                Action::Choose { choice: id.clone() },
                s.span,
                index,
            )?,
            Step::Answer(id) => {
                wait_turn(session, s.span, index, id)?;
                session.advance_ms(TURN_PAUSE_MS);
                act(
                    session,
                    Action::Choose { choice: id.clone() },
                    s.span,
                    index,
                )?;
            }
            Step::Listen => act(session, Action::Listen, s.span, index)?,
            Step::Memo(m) => act(session, Action::Memo(m.clone()), s.span, index)?,
            Step::Handoff(h) => act(session, Action::Handoff(h.clone()), s.span, index)?,
        }
    }
    Ok(())
}

/// `--choices a,b,c`: each said one natural pause after the customer stops.
pub fn run_choices(session: &mut Session, choices: &[String]) -> Result<(), Refused> {
    for (index, id) in choices.iter().enumerate() {
        wait_turn(session, Span::default(), index, id)?;
        session.advance_ms(TURN_PAUSE_MS);
        act(
            session,
            Action::Choose { choice: id.clone() },
            Span::default(),
            index,
        )?;
    }
    Ok(())
}

/// What a replay needs from a result file; everything else in it is ignored.
#[derive(Debug, Clone, Deserialize)]
pub struct Recording {
    pub scenario: String,
    pub seed: u64,
    pub actions: Vec<ActionReport>,
}

/// Reads a result file written by `play --format json` (or the app).
pub fn parse_recording(file: &str, src: &str) -> Result<Recording, Diagnostic> {
    serde_json::from_str(src).map_err(|e| {
        let mut d = Diagnostic::new(Code::BadJson, Span::default()).arg("message", e.to_string());
        d.file = file.to_string();
        d.line = e.line() as u32;
        d.column = e.column() as u32;
        d.source_line = src
            .lines()
            .nth(e.line().saturating_sub(1))
            .unwrap_or("")
            .to_string();
        d
    })
}

pub fn run_recording(session: &mut Session, rec: &Recording) -> Result<(), Refused> {
    for (index, a) in rec.actions.iter().enumerate() {
        session.advance_to(a.at_ms());
        act(session, a.action.clone(), Span::default(), index)?;
    }
    Ok(())
}

/// Checks a finished session against a playthrough's expectations; each unmet
/// expectation is one sentence.
pub fn unmet(card: &Scorecard, e: &Expect) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(o) = e.outcome
        && o != card.outcome
    {
        out.push(format!("outcome {:?}, expected {o:?}", card.outcome));
    }
    if let Some(d) = e.deescalation
        && d != card.deescalation.passed
    {
        out.push(format!(
            "3-minute de-escalation passed = {}, expected {d}",
            card.deescalation.passed
        ));
    }
    if let Some(s) = e.steps_in_order
        && s != card.steps_in_order()
    {
        let st: Vec<_> = card.steps.iter().map(|s| s.status.key()).collect();
        out.push(format!("steps {st:?}, expected in order = {s}"));
    }
    if let Some(broken) = &e.broken {
        let mut want = broken.clone();
        want.sort();
        let got: Vec<_> = card.broken().collect();
        if got != want {
            let show = |v: &[crate::rules::RuleId]| {
                v.iter()
                    .map(|r| r.to_string())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            out.push(format!(
                "broken [{}], expected [{}]",
                show(&got),
                show(&want)
            ));
        }
    }
    for k in &e.kept {
        let status = card.rules[k.index()].1.status;
        if status != crate::rules::Status::Kept {
            out.push(format!("{k} is {}, expected kept", status.key()));
        }
    }
    out
}

/// A fresh session for `scenario`.
pub fn session(scenario: &Arc<Scenario>, seed: u64) -> Session {
    Session::new(Arc::clone(scenario), seed)
}
