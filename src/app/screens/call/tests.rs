//! The call with the real plugins and no window: keys and virtual time drive the
//! session, and a replay gives back exactly the call that was played.

use std::sync::Arc;
use std::time::Duration;

use bevy::prelude::*;
use claim_dojo_core::Scenario;
use claim_dojo_core::load::load_file;
use claim_dojo_core::play::{parse_recording, run_recording};
use claim_dojo_core::report::Report;
use claim_dojo_core::session::{Phase, Session};

use super::wrapup::{Saved, finish};
use super::{Call, CallRequest};
use crate::app::settings::TextSpeed;
use crate::app::testing::*;

fn parcel() -> Arc<Scenario> {
    Arc::new(
        load_file(&fixtures().join("late-parcel.ron"))
            .scenario
            .expect("the fixture loads"),
    )
}

fn run(call: &mut Call, ms: u64, frame: Duration) {
    for _ in 0..ms / frame.as_millis() as u64 {
        match &mut call.replay {
            Some(feed) => feed.advance(&mut call.session, frame),
            None => call.session.advance(frame),
        }
    }
}

fn until_turn(call: &mut Call) {
    for _ in 0..1000 {
        if matches!(call.session.phase(), Phase::Silence { .. }) {
            return;
        }
        run(call, 37, Duration::from_millis(37));
    }
    panic!("the customer never stopped speaking");
}

#[test]
fn a_replay_and_the_cli_give_back_exactly_the_call_that_was_played() {
    let request = CallRequest {
        scenario: parcel(),
        seed: 7,
        replay: None,
        what_if: None,
    };
    let mut live = Call::new(&request, &japanese());
    run(&mut live, 1_110, Duration::from_millis(37));
    assert!(live.listen(), "a back-channel while the customer speaks");
    until_turn(&mut live);
    run(&mut live, 1_221, Duration::from_millis(37));
    assert!(live.say(0));
    live.memo.draft.when = "昨日 11月20日".into();
    assert!(live.memo.flush(&mut live.session));
    until_turn(&mut live);
    assert!(live.say(0));
    live.memo.draft.cause = "配送の遅れ".into();
    run(&mut live, 20_000, Duration::from_millis(37));
    assert!(live.session.is_over());
    let played = finish(&mut live);
    assert_eq!(played.saved, Saved::Pending, "a live call is to be kept");
    assert_eq!(
        played.report.memo.as_ref().map(|m| m.cause.as_str()),
        Some("配送の遅れ"),
        "the memo is sent once more at the end"
    );

    let src = played.report.to_json();
    let recording = parse_recording("saved.json", &src).unwrap();
    let mut replay = Call::new(
        &CallRequest {
            scenario: parcel(),
            seed: recording.seed,
            replay: Some(recording.clone()),
            what_if: None,
        },
        &japanese(),
    );
    run(&mut replay, 30_000, Duration::from_millis(53));
    assert!(replay.session.is_over() && replay.replay.as_ref().unwrap().is_done());
    assert!(
        !replay.say(0) && !replay.listen(),
        "a replay takes no input"
    );
    let watched = finish(&mut replay);
    assert_eq!(watched.saved, Saved::NotKept);
    assert_eq!(watched.report.to_json(), played.report.to_json());

    let mut cli = Session::new(parcel(), recording.seed);
    run_recording(&mut cli, &recording).unwrap();
    let card = cli.finish();
    assert_eq!(
        Report::build(&cli, &card).to_json(),
        played.report.to_json()
    );
}

fn now(app: &App) -> u64 {
    app.world().resource::<Call>().session.now_ms()
}

#[test]
fn text_speed_scales_call_time_and_pause_stops_it() {
    let data = scratch("speed");
    let mut settings = japanese();
    settings.speed = TextSpeed::Slow;
    let mut app = app(&fixtures(), &data, settings);
    start_call(&mut app);
    let t0 = now(&app);
    for _ in 0..4 {
        app.update();
    }
    assert_eq!(
        now(&app) - t0,
        4 * 75,
        "0.75× speed: 100 ms of real time is 75 ms of call time"
    );
    app.insert_resource(bevy::time::TimeUpdateStrategy::ManualDuration(
        Duration::from_millis(1_000),
    ));
    let t = now(&app);
    app.update();
    app.update();
    assert_eq!(
        now(&app) - t,
        2 * 750,
        "frames a second apart (a waiting customer) keep full time"
    );
    app.insert_resource(bevy::time::TimeUpdateStrategy::ManualDuration(FRAME));
    press(&mut app, KeyCode::KeyP);
    assert!(app.world().resource::<Call>().paused);
    let t1 = now(&app);
    for _ in 0..5 {
        app.update();
    }
    assert_eq!(now(&app), t1, "paused: the call clock stands still");
    press(&mut app, KeyCode::Escape);
    app.update();
    assert!(now(&app) > t1, "resumed");
}

#[test]
fn a_number_key_while_the_customer_speaks_interrupts_and_space_listens() {
    let data = scratch("interrupt");
    let mut app = app(&fixtures(), &data, japanese());
    start_call(&mut app);
    app.update();
    press(&mut app, KeyCode::Space);
    press(&mut app, KeyCode::Digit1);
    let call = app.world().resource::<Call>();
    let lines = call.session.transcript();
    assert!(lines[0].cut, "the customer's line was cut");
    let choice = call
        .session
        .anger_changes()
        .iter()
        .find(|c| matches!(c.cause, claim_dojo_core::session::AngerCause::Choice(_)))
        .unwrap();
    assert!(
        choice
            .effects
            .iter()
            .any(|(r, d)| r.to_string() == "R02" && d > 0.0),
        "the engine punished the interruption"
    );
    assert!(
        call.session
            .actions()
            .iter()
            .any(|a| a.action == claim_dojo_core::Action::Listen)
    );
}

/// Says the offered choice `id` by its number key, at the trainee's turn.
fn say_by_key(app: &mut App, id: &str) {
    assert!(until(app, 300, |w| matches!(
        w.resource::<Call>().session.phase(),
        Phase::Silence { .. }
    )));
    let i = app
        .world()
        .resource::<Call>()
        .session
        .offered()
        .iter()
        .position(|c| c.id == id)
        .unwrap_or_else(|| panic!("{id} is offered"));
    let keys = [
        KeyCode::Digit1,
        KeyCode::Digit2,
        KeyCode::Digit3,
        KeyCode::Digit4,
    ];
    press(app, keys[i]);
}

#[test]
fn the_trainees_own_words_take_their_call_time_four_times_faster() {
    let data = scratch("own-line");
    let mut app = app(&fixtures(), &data, japanese());
    start_call(&mut app);
    say_by_key(&mut app, "accept");
    let Phase::Trainee { end } = app.world().resource::<Call>().session.phase() else {
        panic!("the trainee speaks")
    };
    app.update();
    let mut steps = Vec::new();
    while let Phase::Trainee { .. } = app.world().resource::<Call>().session.phase() {
        let t = now(&app);
        app.update();
        steps.push(now(&app) - t);
    }
    assert!(steps.len() > 3, "{steps:?}");
    assert!(
        steps[..steps.len() - 1].iter().all(|ms| *ms == 400),
        "100 ms of the wall clock is 400 ms of call time: {steps:?}"
    );
    assert!(now(&app) >= end, "the words took their whole call time");
    app.update();
    let t = now(&app);
    app.update();
    assert_eq!(now(&app) - t, 100, "then the customer at speaking speed");
}

#[test]
fn memo_and_handoff_form_are_both_on_screen_at_1280_by_720_and_reached_by_keys() {
    use bevy::input::keyboard::Key;
    use bevy_egui::EguiContext;
    use bevy_egui::egui;

    let data = scratch("forms");
    let (mut app, window) = egui_app(&fixtures(), &data, japanese(), true);
    start_call(&mut app);
    say_by_key(&mut app, "accept");
    say_by_key(&mut app, "escalate");
    assert!(until(&mut app, 50, |w| w
        .resource::<Call>()
        .session
        .has_handed_over()));
    for _ in 0..3 {
        app.update();
    }
    let mut rects = Vec::new();
    {
        let mut contexts = app.world_mut().query::<&mut EguiContext>();
        let mut ctx = contexts.single_mut(app.world_mut()).unwrap();
        let ctx = ctx.get_mut();
        for id in [
            "handoff-customer",
            "handoff-request",
            "handoff-reason",
            "handoff-state",
            "handoff-wants",
            "memo-when",
            "memo-what",
            "memo-cause",
        ] {
            let r = ctx
                .read_response(egui::Id::new(id))
                .unwrap_or_else(|| panic!("{id} was drawn"));
            rects.push((id, r.rect));
        }
    }
    for (id, rect) in &rects {
        assert!(
            rect.bottom() <= 720.0 && rect.right() <= 1280.0 && rect.top() >= 0.0,
            "{id} is off screen at 1280×720: {rect:?}"
        );
    }
    let focused = |app: &mut App| {
        let mut contexts = app.world_mut().query::<&mut EguiContext>();
        let mut ctx = contexts.single_mut(app.world_mut()).unwrap();
        ctx.get_mut().memory(|m| m.focused())
    };
    press_in(&mut app, window, KeyCode::KeyF, Key::Character("f".into()));
    app.update();
    assert_eq!(focused(&mut app), Some(egui::Id::new("handoff-customer")));
    press_in(&mut app, window, KeyCode::Enter, Key::Enter);
    app.update();
    assert_eq!(
        focused(&mut app),
        Some(egui::Id::new("handoff-request")),
        "Enter goes on to the next field"
    );
    press_in(&mut app, window, KeyCode::Escape, Key::Escape);
    press_in(&mut app, window, KeyCode::KeyM, Key::Character("m".into()));
    app.update();
    assert_eq!(focused(&mut app), Some(egui::Id::new("memo-when")));
}
