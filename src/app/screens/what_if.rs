//! "What if": a saved session restarted at one of its turns, from the debrief
//! or the history. The core replays the earlier actions with the same seed
//! (`play::what_if`), the call goes on live from that moment, and the debrief
//! then lays the new curve over the original and lists the verdicts that changed.

use std::sync::Arc;

use bevy::prelude::*;
use claim_dojo_core::Scenario;
use claim_dojo_core::play::{parse_recording, what_if};
use claim_dojo_core::report::ActionReport;
use claim_dojo_core::session::Session;
use claim_dojo_records::SessionId;

use super::{CallRequest, Screen};

/// Where a what-if comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct WhatIf {
    /// The original's report, as it was saved.
    pub original_json: Arc<str>,
    /// The original in the records; a what-if of a session that was not kept
    /// is not kept either.
    pub original: Option<SessionId>,
    /// The action restarted at (an index into `actions`).
    pub at_action: usize,
    pub actions: Vec<ActionReport>,
}

impl WhatIf {
    /// The session at the turn, live. The request was checked when it was made,
    /// so a refusal here means the scenario changed since; the call then starts
    /// from the beginning rather than not at all.
    pub fn resume(&self, scenario: &Arc<Scenario>, seed: u64) -> Session {
        what_if::resume(scenario, seed, &self.actions, self.at_action).unwrap_or_else(|e| {
            warn!("what-if: the earlier actions no longer replay ({e:?})");
            Session::new(Arc::clone(scenario), seed)
        })
    }

    /// The call time of the turn restarted at, in ms.
    pub fn at_ms(&self) -> u64 {
        self.actions.get(self.at_action).map_or(0, |a| a.at_ms())
    }
}

/// The turns of a report that a what-if may restart at: its choices, as
/// (index into the action log, call time in ms, the choice's id).
pub fn choice_turns(report_json: &str) -> Vec<(usize, u64, String)> {
    parse_recording("report", report_json)
        .map(|r| {
            what_if::turns(&r.actions)
                .into_iter()
                .filter_map(|t| t.choice.map(|c| (t.index, t.at_ms, c)))
                .collect()
        })
        .unwrap_or_default()
}

/// A call restarting `original_json` at action `at_action` on `scenario`, or
/// why it cannot (another scenario, or one whose earlier turns no longer replay).
pub fn request(
    scenario: Arc<Scenario>,
    original_json: Arc<str>,
    original: Option<SessionId>,
    at_action: usize,
) -> Result<CallRequest, String> {
    let recording = parse_recording("report", &original_json)
        .map_err(|d| d.message(claim_dojo_core::Lang::En))?;
    if recording.scenario != scenario.id {
        return Err(format!("{} is not {}", recording.scenario, scenario.id));
    }
    what_if::resume(&scenario, recording.seed, &recording.actions, at_action)
        .map_err(|e| e.error.to_string())?;
    info!(
        "what-if: {} seed {} from action {at_action}",
        scenario.id, recording.seed
    );
    Ok(CallRequest {
        scenario,
        seed: recording.seed,
        replay: None,
        what_if: Some(WhatIf {
            original_json,
            original,
            at_action,
            actions: recording.actions,
        }),
    })
}

/// Starts the call of a what-if.
pub fn start(request: CallRequest, commands: &mut Commands, next: &mut NextState<Screen>) {
    next.set(Screen::Call);
    commands.insert_resource(request);
}
