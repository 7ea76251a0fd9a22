//! Runs the session on `Time<Virtual>`: the text speed is its relative speed and
//! pausing pauses it, so call time (what is scored) never depends on either.
//! The trainee's own words play faster against the wall clock: they take their
//! call time as the engine says, but nobody needs to sit through their own
//! sentence at speaking speed. Also asks for frames only as often as the call
//! needs them.

use std::time::Duration;

use bevy::prelude::*;
use claim_dojo_core::session::{Event, Phase, Session, TRAINEE_CHARS_PER_S};

use super::{Call, CallRequest};
use crate::app::frugal::Pace;
use crate::app::screens::Screen;
use crate::app::settings::Settings;

/// Frames while the thermometer moves after a jump.
pub const MOVING_TICK: Duration = Duration::from_millis(66);
/// Fewest frames a running call gets: the customer may change state at any time.
pub const LONGEST_TICK: Duration = Duration::from_secs(1);
/// The longest frame whose time counts in full: frames come up to a second
/// apart while the customer waits, and Bevy's default (250 ms) would slow the
/// call clock down to a quarter of real time.
pub const MAX_FRAME: Duration = Duration::from_secs(3);
/// Most frames the typewriter gets.
pub const SHORTEST_TICK: Duration = Duration::from_millis(100);
/// How much faster than spoken the trainee's own words run on the wall clock.
pub const OWN_LINE_SPEEDUP: f32 = 4.0;

/// The relative speed of virtual time now: the text speed, and the trainee's
/// own words sped up. Call time is the engine's either way.
pub fn wall_speed(session: &Session, text_speed: f32) -> f32 {
    match session.phase() {
        Phase::Trainee { .. } => text_speed * OWN_LINE_SPEEDUP,
        _ => text_speed,
    }
}

/// How long until the call screen shows something new: the next character of
/// the customer's line, else the next second on the clock or the next change of
/// turn, whichever comes first (in call time, converted by the text speed).
pub fn next_change(session: &Session, speed: f32) -> Duration {
    let now = session.now_ms();
    let speed = f64::from(speed.max(0.1));
    let due = match session.phase() {
        Phase::Speaking { .. } => {
            let per_char = 1.0 / (session.scenario().persona.chars_per_s * speed);
            return Duration::from_secs_f64(per_char).clamp(SHORTEST_TICK, LONGEST_TICK);
        }
        Phase::Trainee { end } => {
            // The typewriter of the trainee's words, and a frame as they end, when
            // the wall clock slows down again.
            let per_char = 1.0 / (TRAINEE_CHARS_PER_S * speed);
            let until_end = (end.saturating_sub(now) + 5) as f64 / 1000.0 / speed;
            return Duration::from_secs_f64(
                per_char.max(SHORTEST_TICK.as_secs_f64()).min(until_end),
            )
            .clamp(Duration::from_millis(20), LONGEST_TICK);
        }
        Phase::Gap { end } => end,
        Phase::Silence { since, patience } => since + patience,
        Phase::Climb => now + 250,
        Phase::Ended => now + 1_000,
    };
    let next_second = (now / 1000 + 1) * 1000;
    let wait_ms = (due.min(next_second).saturating_sub(now) + 5) as f64 / speed;
    Duration::from_secs_f64(wait_ms / 1000.0).clamp(Duration::from_millis(20), LONGEST_TICK)
}

pub fn enter(
    request: Option<Res<CallRequest>>,
    settings: Res<Settings>,
    mut time: ResMut<Time<Virtual>>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) {
    let Some(request) = request else {
        next.set(Screen::Menu);
        return;
    };
    let call = Call::new(&request, &settings);
    info!(
        "call: {} seed {}{}",
        request.scenario.id,
        request.seed,
        if call.is_live() { "" } else { " (replay)" }
    );
    commands.insert_resource(call);
    time.set_relative_speed(settings.speed.factor());
    time.set_max_delta(MAX_FRAME);
    time.unpause();
}

pub fn exit(mut time: ResMut<Time<Virtual>>, mut pace: ResMut<Pace>, mut commands: Commands) {
    commands.remove_resource::<Call>();
    time.set_relative_speed(1.0);
    time.set_max_delta(Time::<Virtual>::default().max_delta());
    time.unpause();
    *pace = Pace(None);
}

pub fn advance(
    mut time: ResMut<Time<Virtual>>,
    settings: Res<Settings>,
    call: Option<ResMut<Call>>,
) {
    let Some(mut call) = call else { return };
    let call = &mut *call;
    if std::mem::take(&mut call.fresh) {
        return;
    }
    let dt = time.delta();
    if dt.is_zero() {
        return;
    }
    let before = call.session.is_over();
    match &mut call.replay {
        Some(feed) => feed.advance(&mut call.session, dt),
        None => call.session.advance(dt),
    }
    let events = call.session.take_events();
    let finished_line = events
        .iter()
        .any(|e| matches!(e, Event::LineFinished { .. }));
    if finished_line && matches!(call.session.phase(), Phase::Silence { .. }) {
        let offered: Vec<&str> = call
            .session
            .offered()
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        debug!(
            "turn: the customer waits for an answer at {} ms; keys 1-{}: {}",
            call.session.now_ms(),
            offered.len(),
            offered.join(" ")
        );
    }
    call.gauge
        .follow(&events, call.session.anger(), call.session.now_ms(), dt);
    let speed = wall_speed(&call.session, settings.speed.factor());
    if time.relative_speed() != speed {
        time.set_relative_speed(speed);
    }
    if !before && call.session.is_over() {
        info!(
            "call ended: {:?} at {} ms",
            call.session.outcome(),
            call.session.now_ms()
        );
    }
}

pub fn pace(call: Option<Res<Call>>, settings: Res<Settings>, mut pace: ResMut<Pace>) {
    let want = match call {
        Some(c) if !c.paused && !c.session.is_over() => {
            let next = next_change(&c.session, wall_speed(&c.session, settings.speed.factor()));
            Pace(Some(if c.shows_thermometer && c.gauge.is_moving() {
                next.min(MOVING_TICK)
            } else {
                next
            }))
        }
        Some(c) if !c.paused && c.shows_thermometer && c.gauge.is_moving() => {
            Pace(Some(MOVING_TICK))
        }
        _ => Pace(None),
    };
    if *pace != want {
        *pace = want;
    }
}
