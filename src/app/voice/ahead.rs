//! What to synthesise during a call: whenever the call moves (a line starts,
//! anger changes), the lines it can come to next are asked for, the ones
//! already queued first; finished lines are kept in memory for the call. A
//! node's lines are thus made as soon as it can be reached next, on one
//! background thread, and no frame ever waits for them.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

use bevy::prelude::*;
use claim_dojo_core::Scenario;
use claim_dojo_core::session::LineRef;
use claim_dojo_voice::lines::{heard_next, utterance};
use claim_dojo_voice::mapping::ANGER_STEP;
use claim_dojo_voice::{Ahead, Cache, Key, Speech, Utterance};

use super::VoiceStatus;
use crate::app::paths::Paths;
use crate::app::screens::call::Call;

/// One thread: the other core draws the call.
const THREADS: usize = 1;
/// A line voiced at a nearby anger step may stand in for the exact one when
/// its length differs by at most this fraction (the engine's differs by under
/// 1 % a step).
const STAND_IN: f64 = 0.05;

/// The lines of this call: asked for, made, and when each was ready.
#[derive(Resource, Default)]
pub struct Lines {
    ahead: Option<Ahead>,
    ready: HashMap<Key, (Arc<Speech>, Instant)>,
    /// What the call looked like when lines were last asked for.
    asked_at: Option<(usize, usize, u64)>,
}

impl Lines {
    /// The sound of `line` starting at `anger`, or a stand-in from a nearby
    /// anger step; with when it was ready.
    pub fn find(
        &self,
        s: &Scenario,
        line: LineRef,
        anger: f64,
        scale: f64,
    ) -> Option<(Arc<Speech>, Instant)> {
        let exact = utterance(s, line, anger, scale);
        [0.0, 1.0, -1.0, 2.0, -2.0].iter().find_map(|steps| {
            let u = utterance(s, line, anger + steps * ANGER_STEP, scale);
            let off = (u.target_ms as f64 / exact.target_ms.max(1) as f64 - 1.0).abs();
            (off <= STAND_IN)
                .then(|| self.ready.get(&u.key()).cloned())
                .flatten()
        })
    }

    /// Asks for `u` before anything else.
    pub fn urgent(&mut self, u: Utterance) {
        if let Some(a) = &self.ahead {
            a.want(u, true);
        }
    }

    /// The call is over: what it asked for and did not start is dropped, and
    /// what was made is let go (it stays in the disk cache).
    pub fn clear(&mut self) {
        if let Some(a) = &self.ahead {
            a.forget_pending();
        }
        self.ready.clear();
        self.asked_at = None;
    }
}

/// Takes the lines the thread finished.
pub fn collect(mut lines: ResMut<Lines>) {
    let Some(ahead) = &lines.ahead else { return };
    let finished = ahead.finished();
    for done in finished {
        match done.result {
            Ok(speech) => {
                debug!(
                    "voice: ready in {} ms{}",
                    done.took.as_millis(),
                    if done.made { "" } else { " (cache)" }
                );
                lines.ready.insert(done.key, (speech, Instant::now()));
            }
            Err(e) => warn!("voice: {e}"),
        }
    }
}

/// Asks for what the call can come to next, when the call has moved.
pub fn ask(
    call: Option<Res<Call>>,
    status: Res<VoiceStatus>,
    paths: Res<Paths>,
    time: Res<Time<Virtual>>,
    mut lines: ResMut<Lines>,
) {
    let (Some(call), Some(synth)) = (call, status.synthesiser()) else {
        return;
    };
    let lines = &mut *lines;
    let session = &call.session;
    let now = (
        session.transcript().len(),
        session.current_node(),
        session.anger().to_bits(),
    );
    if lines.asked_at == Some(now) {
        return;
    }
    let ahead = lines
        .ahead
        .get_or_insert_with(|| Ahead::start(Arc::clone(synth), Cache::new(&paths.cache), THREADS));
    if lines.asked_at.is_some_and(|(_, node, _)| node != now.1) {
        // The call reached another node: what was guessed for the last one can go.
        ahead.forget_pending();
    }
    let scale = f64::from(time.relative_speed());
    let queued: Vec<LineRef> = session.queued_lines().collect();
    for (line, anger) in heard_next(session) {
        let u = utterance(session.scenario(), line, anger, scale);
        ahead.want(u, queued.contains(&line));
    }
    lines.asked_at = Some(now);
}
