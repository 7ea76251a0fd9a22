//! Playing the lines on the call clock: a customer line (or the node's other
//! speaker's) starts playing the frame the engine starts it, from as far into
//! it as the call already is, so voice and typewriter stay in step; a line that
//! is cut stops mid-word; pausing the call pauses the voice. A line whose sound
//! is not ready yet is asked for first and joins in, in step, when it comes.

use std::time::{Duration, Instant};

use bevy::prelude::*;
use claim_dojo_core::session::Speaker;
use claim_dojo_voice::lines::utterance;

use super::VoiceStatus;
use super::ahead::Lines;
use super::output::{AudioOut, Command};
use crate::app::screens::call::Call;
use crate::app::settings::Settings;

/// Where the voice is in the call's transcript.
#[derive(Resource, Default)]
pub struct Voiced {
    /// Transcript lines already looked at.
    seen: usize,
    /// The line being played.
    playing: Option<usize>,
    /// A line started whose sound was not ready.
    awaiting: Option<usize>,
    paused: bool,
    volume: Option<f32>,
}

pub fn enter(
    out: Option<Res<AudioOut>>,
    settings: Res<Settings>,
    status: Option<Res<VoiceStatus>>,
    mut voiced: ResMut<Voiced>,
) {
    *voiced = Voiced::default();
    if let Some(out) = out
        && super::can_speak(&settings, status.as_deref())
    {
        out.send(Command::Open);
    }
}

pub fn exit(out: Option<Res<AudioOut>>, mut lines: ResMut<Lines>) {
    if let Some(out) = out {
        out.send(Command::Stop);
        out.send(Command::Close);
    }
    lines.clear();
}

pub fn follow(
    call: Option<Res<Call>>,
    settings: Res<Settings>,
    out: Option<Res<AudioOut>>,
    mut lines: ResMut<Lines>,
    mut voiced: ResMut<Voiced>,
) {
    let (Some(call), Some(out)) = (call, out) else {
        return;
    };
    let session = &call.session;
    let (s, transcript, now) = (session.scenario(), session.transcript(), session.now_ms());
    // The customer's lines run at the text speed (the wall clock runs faster
    // only during the trainee's own words).
    let scale = super::ahead::text_speed(&settings);
    if voiced.volume != Some(settings.voice_volume) {
        voiced.volume = Some(settings.voice_volume);
        out.send(Command::Volume(settings.voice_volume));
    }
    if call.paused != voiced.paused {
        voiced.paused = call.paused;
        out.send(Command::Pause(call.paused));
    }
    // The customer's newest line since the last frame is the one to voice.
    if let Some(i) = (voiced.seen..transcript.len())
        .rev()
        .find(|&i| transcript[i].who != Speaker::Trainee)
    {
        voiced.playing = None;
        voiced.awaiting = Some(i);
    }
    voiced.seen = transcript.len();
    if let Some(i) = voiced.playing
        && transcript[i].cut
    {
        out.send(Command::Stop);
        voiced.playing = None;
    }
    let Some(i) = voiced.awaiting else { return };
    let line = &transcript[i];
    if line.cut || now >= line.end_ms {
        voiced.awaiting = None;
        return;
    }
    let Some((speech, ready)) = lines.find(s, line.what, line.anger, scale) else {
        lines.urgent(utterance(s, line.what, line.anger, scale));
        return;
    };
    let into = Duration::from_secs_f64(now.saturating_sub(line.start_ms) as f64 / 1000.0 / scale);
    // How long before the line's start on the call clock its sound was ready
    // (negative: after).
    let started = Instant::now().checked_sub(into).unwrap_or(ready);
    let lead = started.saturating_duration_since(ready).as_millis() as i64
        - ready.saturating_duration_since(started).as_millis() as i64;
    debug!(
        "voice: line {i} plays {} ms in, ready {lead} ms before its start",
        into.as_millis()
    );
    out.send(Command::Play { speech, skip: into });
    voiced.playing = Some(i);
    voiced.awaiting = None;
}
