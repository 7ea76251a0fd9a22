//! What to synthesise, and when. Before a call (the menu's highlighted
//! scenario, the briefing's), its opening lines at the voice the call will use,
//! then what its first answers lead to. During a call, whenever it moves (a line
//! starts, anger changes), the lines it can come to next: the ones already
//! queued first, then what each offered answer leads to at the anger the engine
//! would give it. Finished lines are kept in memory for the call. A node's lines
//! are thus made as soon as it can be reached next, on one background thread
//! (behind whatever the call needs now), and no frame ever waits for them.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

use bevy::prelude::*;
use claim_dojo_core::Scenario;
use claim_dojo_core::session::LineRef;
use claim_dojo_voice::lines::{before_the_call, heard_next, utterance};
use claim_dojo_voice::mapping::ANGER_STEP;
use claim_dojo_voice::{Ahead, Cache, Key, Speech, Synthesiser, Utterance};

use super::VoiceStatus;
use crate::app::library::Library;
use crate::app::paths::Paths;
use crate::app::screens::call::Call;
use crate::app::screens::menu::MenuState;
use crate::app::screens::{CallRequest, Screen};
use crate::app::settings::Settings;

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
    /// The call about to start whose lines were asked for: its scenario (id
    /// and which load of it) and the text speed.
    before: Option<(String, usize, u64)>,
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

    /// The call is over, or another is about to start: what was asked for and
    /// not started is dropped, what was made is let go (it stays in the disk
    /// cache) and may be asked for again.
    pub fn clear(&mut self) {
        if let Some(a) = &self.ahead {
            a.forget();
        }
        self.ready.clear();
        self.asked_at = None;
        self.before = None;
    }

    fn ahead(&mut self, synth: &Arc<Synthesiser>, paths: &Paths) -> &Ahead {
        self.ahead.get_or_insert_with(|| {
            Ahead::start(Arc::clone(synth), Cache::new(&paths.cache), THREADS)
        })
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
    settings: Res<Settings>,
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
    let moved_on = lines.asked_at.is_some_and(|(_, node, _)| node != now.1);
    let ahead = lines.ahead(synth, &paths);
    if moved_on {
        // The call reached another node: what was guessed for the last one can go.
        ahead.forget_pending();
    }
    let scale = text_speed(&settings);
    let queued: Vec<LineRef> = session.queued_lines().collect();
    for (line, anger) in heard_next(session) {
        let u = utterance(session.scenario(), line, anger, scale);
        ahead.want(u, queued.contains(&line));
    }
    lines.asked_at = Some(now);
}

/// How much faster than real time the call clock runs while the customer
/// speaks: the text speed. (The wall clock runs faster still during the
/// trainee's own words, which are not voiced.)
pub fn text_speed(settings: &Settings) -> f64 {
    f64::from(settings.speed.factor()).max(0.1)
}

/// Where the call about to start is named: the screen, the menu's highlight,
/// the scenarios, and the request a briefing reads.
type AboutToStart<'w> = (
    Res<'w, State<Screen>>,
    Res<'w, MenuState>,
    Res<'w, Library>,
    Option<Res<'w, CallRequest>>,
);

/// On the menu and the briefing: asks for the lines of the call about to start
/// (the highlighted scenario, or the one whose record is being read) at the
/// persona's starting anger and the text speed, exactly as the call will ask
/// for them, so its first words are in memory when it starts. Asked again only
/// when the scenario or the speed changes; what another scenario asked for and
/// did not start is dropped.
pub fn ahead_of_call(
    about_to_start: AboutToStart,
    settings: Res<Settings>,
    status: Res<VoiceStatus>,
    paths: Res<Paths>,
    mut lines: ResMut<Lines>,
) {
    let Some(synth) = status.synthesiser() else {
        return;
    };
    let (screen, menu, library, request) = about_to_start;
    let s = match screen.get() {
        Screen::Briefing => request.map(|r| Arc::clone(&r.scenario)),
        _ => menu.current(&library),
    };
    let Some(s) = s else { return };
    let scale = text_speed(&settings);
    let about = (s.id.clone(), Arc::as_ptr(&s) as usize, scale.to_bits());
    if lines.before.as_ref() == Some(&about) {
        return;
    }
    lines.clear();
    let ahead = lines.ahead(synth, &paths);
    for (line, anger) in before_the_call(&s) {
        ahead.want(utterance(&s, line, anger, scale), false);
    }
    lines.before = Some(about);
}
