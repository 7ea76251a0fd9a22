//! Keyboard-only play through every screen, with the real plugins and no window:
//! choose on the menu, read the briefing, answer by number keys, listen, pause,
//! reach the debrief, watch it again, retry and go back.

use bevy::prelude::*;
use claim_dojo_core::session::Phase;

use super::call::{Call, Finished, Saved};
use super::menu::MenuState;
use super::{CallRequest, Screen};
use crate::app::testing::*;

fn call(app: &App) -> &Call {
    app.world().resource::<Call>()
}

/// Waits for the trainee's turn (the customer silent), then presses `key`.
fn answer(app: &mut App, key: KeyCode) {
    assert!(until(app, 200, |w| w.get_resource::<Call>().is_some_and(
        |c| matches!(c.session.phase(), Phase::Silence { .. })
    )));
    press(app, key);
}

/// Waits at most `frames` for the call to end, then goes on to the debrief with Enter.
fn to_debrief(app: &mut App, frames: usize) {
    assert!(until(app, frames, |w| w
        .resource::<Call>()
        .session
        .is_over()));
    press(app, KeyCode::Enter);
    app.update();
    assert_eq!(screen(app), Screen::Debrief);
}

fn selected(app: &App) -> Option<String> {
    app.world().resource::<MenuState>().selected.clone()
}

#[test]
fn keyboard_only_from_the_menu_through_the_briefing_and_a_call_to_the_debrief() {
    let data = scratch("keyboard");
    let mut app = app(&fixtures(), &data, japanese());
    assert_eq!(screen(&app), Screen::Menu);
    let library = app.world().resource::<crate::app::library::Library>();
    let shown = app.world().resource::<MenuState>().current(library);
    assert_eq!(
        shown.map(|s| s.id.clone()).as_deref(),
        Some("late-parcel"),
        "first line calls come first, and the first is shown"
    );
    press(&mut app, KeyCode::ArrowDown);
    assert_eq!(
        selected(&app).as_deref(),
        Some("takeover"),
        "the first ↓ moves on from the one shown"
    );
    press(&mut app, KeyCode::Enter);
    app.update();
    assert_eq!(
        screen(&app),
        Screen::Briefing,
        "a takeover starts with the handoff record"
    );
    press(&mut app, KeyCode::Escape);
    app.update();
    assert_eq!(screen(&app), Screen::Menu);
    press(&mut app, KeyCode::ArrowUp);
    press(&mut app, KeyCode::Enter);
    app.update();
    assert_eq!(screen(&app), Screen::Call);
    assert_eq!(call(&app).session.scenario().id, "late-parcel");

    press(&mut app, KeyCode::Space);
    answer(&mut app, KeyCode::Digit1);
    press(&mut app, KeyCode::KeyP);
    let paused_at = call(&app).session.now_ms();
    app.update();
    assert_eq!(call(&app).session.now_ms(), paused_at);
    press(&mut app, KeyCode::KeyP);
    answer(&mut app, KeyCode::Digit1);
    to_debrief(&mut app, 200);

    let finished = app.world().resource::<Finished>().clone();
    assert_eq!(finished.report.outcome, "follow_up");
    let said: Vec<_> = finished
        .report
        .actions
        .iter()
        .filter_map(|a| match &a.action {
            claim_dojo_core::Action::Choose { choice } => Some(choice.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(said, ["accept", "callback-dated"]);
    let Saved::Kept(id) = finished.saved.clone() else {
        panic!("{:?}", finished.saved)
    };
    let records = app
        .world()
        .resource::<crate::app::records::Records>()
        .clone();
    let store = records.store.as_ref().unwrap();
    assert_eq!(store.path(), data.join("records.sqlite3"));
    assert_eq!(
        store.report_json(id).unwrap(),
        finished.report.to_json(),
        "the report is kept whole"
    );

    press(&mut app, KeyCode::KeyW);
    app.update();
    assert_eq!(screen(&app), Screen::Call);
    assert!(!call(&app).is_live());
    assert_eq!(call(&app).session.seed(), finished.report.seed);
    press(&mut app, KeyCode::Digit2);
    to_debrief(&mut app, 400);
    assert_eq!(
        app.world().resource::<Finished>().report,
        finished.report,
        "the replay is the same call, and keys did nothing"
    );

    press(&mut app, KeyCode::KeyR);
    app.update();
    assert_eq!(screen(&app), Screen::Call);
    assert!(call(&app).is_live());
    assert_ne!(
        app.world().resource::<CallRequest>().seed,
        finished.report.seed,
        "a retry is a new call"
    );
    press(&mut app, KeyCode::Escape);
    press(&mut app, KeyCode::KeyQ);
    app.update();
    assert_eq!(screen(&app), Screen::Menu);
    assert!(app.world().get_resource::<Finished>().is_none());
    assert_eq!(
        store.count_sessions().unwrap(),
        1,
        "only the finished live call was saved"
    );
}

#[test]
fn on_a_takeover_b_shows_the_first_handlers_record_during_the_call() {
    let data = scratch("record");
    let mut app = app(&fixtures(), &data, japanese());
    press(&mut app, KeyCode::ArrowDown);
    press(&mut app, KeyCode::Enter);
    app.update();
    assert_eq!(screen(&app), Screen::Briefing);
    press(&mut app, KeyCode::Enter);
    app.update();
    assert_eq!(screen(&app), Screen::Call);
    assert!(!call(&app).show_record, "the call opens on the transcript");
    press(&mut app, KeyCode::KeyB);
    assert!(call(&app).show_record);
    assert!(
        !call(&app).paused,
        "the call goes on while the record is read"
    );
    press(&mut app, KeyCode::KeyB);
    assert!(!call(&app).show_record);
}
