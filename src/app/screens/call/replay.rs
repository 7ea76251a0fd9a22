//! Watching a finished session again: its recorded actions are fed to a fresh
//! session with the same seed at their call times, as `play::run_recording` does,
//! but a frame at a time. Same seed and same timed actions give the same call.

use std::collections::VecDeque;
use std::time::Duration;

use bevy::log::warn;
use claim_dojo_core::play::Recording;
use claim_dojo_core::session::{Action, Session};

#[derive(Debug, Clone)]
pub struct Feed {
    pending: VecDeque<(u64, Action)>,
    carry_ns: u128,
}

impl Feed {
    pub fn new(recording: &Recording) -> Feed {
        Feed {
            pending: recording
                .actions
                .iter()
                .map(|a| (a.at_ms(), a.action.clone()))
                .collect(),
            carry_ns: 0,
        }
    }

    /// Lets `dt` of call time pass, taking every recorded action that falls in it.
    pub fn advance(&mut self, session: &mut Session, dt: Duration) {
        self.carry_ns += dt.as_nanos();
        let ms = (self.carry_ns / 1_000_000) as u64;
        self.carry_ns %= 1_000_000;
        self.run_until(session, session.now_ms().saturating_add(ms));
    }

    pub fn run_until(&mut self, session: &mut Session, t: u64) {
        while let Some((at, _)) = self.pending.front()
            && *at <= t
        {
            let Some((at, action)) = self.pending.pop_front() else {
                break;
            };
            session.advance_to(at);
            if let Err(e) = session.act(action) {
                warn!("replay: an action was refused at {at} ms: {e}");
            }
        }
        session.advance_to(t);
    }

    /// Every recorded action has been taken.
    pub fn is_done(&self) -> bool {
        self.pending.is_empty()
    }
}
