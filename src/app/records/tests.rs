//! The records in the running app (headless, real plugins): a call is kept for
//! the trainee practising, a what-if from the debrief is kept as a what-if of
//! it and compared, the history screen answers, a failed save (a full disk, a
//! folder read-only even for root) can be saved again or exported, a damaged
//! file is moved aside and said on the menu, the old results folder is
//! imported, and the trainee is remembered.

use bevy::prelude::*;
use claim_dojo_core::session::Phase;
use claim_dojo_records::StoreCode;

use super::{Practising, Records};
use crate::app::screens::Screen;
use crate::app::screens::call::{Call, Finished, Saved};
use crate::app::screens::debrief::what_if::Compared;
use crate::app::screens::history::HistoryView;
use crate::app::testing::*;

fn answer(app: &mut App, key: KeyCode) {
    assert!(until(app, 300, |w| w.get_resource::<Call>().is_some_and(
        |c| matches!(c.session.phase(), Phase::Silence { .. })
    )));
    press(app, key);
}

fn to_debrief(app: &mut App) {
    assert!(until(app, 600, |w| w
        .get_resource::<Call>()
        .is_some_and(|c| c.session.is_over())));
    press(app, KeyCode::Enter);
    app.update();
    assert_eq!(screen(app), Screen::Debrief);
}

/// From the menu, the first call (late-parcel) answered with 1 and 1.
fn play_first_call(app: &mut App) -> Finished {
    press(app, KeyCode::Enter);
    app.update();
    assert_eq!(screen(app), Screen::Call);
    answer(app, KeyCode::Digit1);
    answer(app, KeyCode::Digit1);
    to_debrief(app);
    app.world().resource::<Finished>().clone()
}

fn records(app: &App) -> Records {
    app.world().resource::<Records>().clone()
}

#[test]
fn a_what_if_from_the_debrief_is_kept_as_such_compared_and_listed_in_the_history() {
    let data = scratch("records-what-if");
    let mut app = app(&fixtures(), &data, japanese());
    let original = play_first_call(&mut app);
    let Saved::Kept(original_id) = original.saved else {
        panic!("{:?}", original.saved)
    };

    press(&mut app, KeyCode::KeyI);
    app.update();
    assert_eq!(screen(&app), Screen::Call);
    let last_choice = original
        .report
        .actions
        .iter()
        .rposition(|a| matches!(a.action, claim_dojo_core::Action::Choose { .. }))
        .unwrap();
    {
        let call = app.world().resource::<Call>();
        assert!(call.is_live());
        assert_eq!(call.session.actions().len(), last_choice);
        let (now, at) = (
            call.session.now_ms(),
            original.report.actions[last_choice].at_ms(),
        );
        assert!(
            (at..=at + 3 * FRAME.as_millis() as u64).contains(&now),
            "the call restarts at the moment of the last answer ({at} ms), now {now} ms"
        );
    }
    answer(&mut app, KeyCode::Digit2);
    to_debrief(&mut app);
    let what_if = app.world().resource::<Finished>().clone();
    assert_eq!(
        what_if.what_if.as_ref().unwrap().original,
        Some(original_id)
    );
    assert_ne!(
        what_if.report.actions, original.report.actions,
        "another answer"
    );
    assert_eq!(
        what_if.report.actions[..last_choice],
        original.report.actions[..last_choice],
        "the same earlier actions"
    );
    let Saved::Kept(id) = what_if.saved else {
        panic!("{:?}", what_if.saved)
    };
    let store = records(&app).store.unwrap();
    let stored = store.session(id).unwrap();
    assert_eq!(stored.what_if.unwrap().session, original_id);
    assert_eq!(stored.what_if.unwrap().at_action as usize, last_choice);
    let compared = app.world().resource::<Compared>();
    assert_eq!(compared.original.score.total, original.report.score.total);
    assert_eq!(compared.now.score.total, what_if.report.score.total);
    assert_eq!(
        compared.at_s, original.report.actions[last_choice].at_s,
        "the restart is marked where it happened"
    );

    press(&mut app, KeyCode::Escape);
    app.update();
    press(&mut app, KeyCode::KeyH);
    app.update();
    assert_eq!(screen(&app), Screen::History);
    let view = app.world().resource::<HistoryView>();
    let h = view.history.as_ref().unwrap();
    assert_eq!(h.sessions.len(), 2);
    assert_eq!(
        h.attempts("late-parcel").unwrap().attempts,
        1,
        "a what-if is no attempt"
    );
    assert_eq!(
        view.compared.iter().map(|c| c.session).collect::<Vec<_>>(),
        [original_id, id],
        "the original and its what-if are compared"
    );
    assert!(view.recommendation.is_some());
    press(&mut app, KeyCode::Escape);
    app.update();
    assert_eq!(screen(&app), Screen::Menu);
}

#[test]
fn a_full_disk_keeps_the_session_on_the_debrief_to_save_again_or_export() {
    let data = scratch("records-full");
    let mut app = app(&fixtures(), &data, japanese());
    let store = records(&app).store.unwrap();
    store.limit_pages(1).unwrap();
    let finished = play_first_call(&mut app);
    let Saved::Failed(e) = &finished.saved else {
        panic!("{:?}", finished.saved)
    };
    assert_eq!(e.code, claim_dojo_records::StoreCode::Full);
    assert_eq!(store.count_sessions().unwrap(), 0);

    press(&mut app, KeyCode::KeyX);
    app.update();
    let exported = data.join("exports");
    let files: Vec<_> = std::fs::read_dir(&exported)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1);
    assert_eq!(
        std::fs::read_to_string(&files[0]).unwrap(),
        format!("{}\n", finished.report.to_json())
    );

    store.limit_pages(1_000_000).unwrap();
    press(&mut app, KeyCode::KeyS);
    app.update();
    let saved = app.world().resource::<Finished>().saved.clone();
    assert!(matches!(saved, Saved::Kept(_)), "{saved:?}");
    assert_eq!(store.count_sessions().unwrap(), 1);
    press(&mut app, KeyCode::KeyS);
    app.update();
    assert_eq!(store.count_sessions().unwrap(), 1, "saved once");
}

#[test]
fn a_read_only_folder_is_said_and_the_session_kept_to_export_or_save_once_writable() {
    let data = scratch("records-read-only");
    std::fs::create_dir_all(data.join("exports")).unwrap();
    // Really read-only, even for root (CI): chmod, and the immutable attribute.
    let read_only = claim_dojo_records::testing::ReadOnlyFolder::new(&data);
    let mut app = app(&fixtures(), &data, japanese());
    let problem = records(&app).problem.expect("the menu says why");
    assert_eq!(problem.code, StoreCode::ReadOnly, "{problem}");
    app.update();
    assert_eq!(screen(&app), Screen::Menu, "drawn with the problem");

    let finished = play_first_call(&mut app);
    let Saved::Failed(e) = &finished.saved else {
        panic!("{:?}", finished.saved)
    };
    assert_eq!(e.code, StoreCode::ReadOnly, "the debrief says why: {e}");
    press(&mut app, KeyCode::KeyS);
    app.update();
    assert!(
        matches!(&app.world().resource::<Finished>().saved, Saved::Failed(e) if e.code == StoreCode::ReadOnly),
        "still read-only: still failed, still on the debrief"
    );
    assert_eq!(screen(&app), Screen::Debrief);

    press(&mut app, KeyCode::KeyX);
    app.update();
    let files: Vec<_> = std::fs::read_dir(data.join("exports"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "exported beside the read-only records");
    assert_eq!(
        std::fs::read_to_string(&files[0]).unwrap(),
        format!("{}\n", finished.report.to_json())
    );

    drop(read_only);
    press(&mut app, KeyCode::KeyS);
    app.update();
    let saved = app.world().resource::<Finished>().saved.clone();
    let Saved::Kept(id) = saved else {
        panic!("saved once the folder is writable: {saved:?}")
    };
    let r = records(&app);
    assert!(r.problem.is_none());
    let store = r.store.unwrap();
    assert_eq!(store.count_sessions().unwrap(), 1);
    assert_eq!(
        store.report_json(id).unwrap(),
        finished.report.to_json(),
        "the very session played"
    );
    let practising = app.world().resource::<Practising>();
    assert!(practising.trainee.is_some(), "kept for a trainee");
}

#[test]
fn a_damaged_file_is_moved_aside_and_said_old_results_imported_and_the_trainee_remembered() {
    let data = scratch("records-start");
    std::fs::write(
        data.join("records.sqlite3"),
        b"not a database at all, just words\n".repeat(64),
    )
    .unwrap();
    let results = data.join("results");
    std::fs::create_dir_all(&results).unwrap();
    let old = {
        let mut app = app(&fixtures(), &scratch("records-old"), japanese());
        play_first_call(&mut app).report.to_json()
    };
    std::fs::write(
        results.join("late-parcel-20261118-120741-7.json"),
        format!("{old}\n"),
    )
    .unwrap();

    let mut first = app(&fixtures(), &data, japanese());
    let r = records(&first);
    let notice = r.notice.clone().expect("the damaged file is said");
    assert_eq!(notice.code, claim_dojo_records::StoreCode::Damaged);
    let moved = notice.moved_to.clone().unwrap();
    assert!(moved.exists() && moved.starts_with(&data));
    assert_eq!(r.imported.as_ref().unwrap().added, 1);
    first.update();
    assert_eq!(
        screen(&first),
        Screen::Menu,
        "the menu is drawn with the notice"
    );

    let mut file = first
        .world()
        .resource::<crate::app::settings::SettingsFile>()
        .clone();
    let mut kept = records(&first);
    let mut practising = first.world().resource::<Practising>().clone();
    let ja = claim_dojo_core::Lang::Ja;
    assert!(super::trainee::switch(
        "佐藤",
        &mut kept,
        &mut practising,
        &mut file,
        ja
    ));
    assert!(!super::trainee::switch(
        "\n",
        &mut kept,
        &mut practising,
        &mut file,
        ja
    ));
    assert!(practising.problem.as_deref().unwrap().starts_with("S011"));
    assert_eq!(
        crate::app::settings::remembered_trainee(&data.join("settings.ron")).as_deref(),
        Some("佐藤")
    );
    drop(first);
    let second = app(&fixtures(), &data, japanese());
    let again = second.world().resource::<Practising>().clone();
    assert_eq!(again.trainee.unwrap().name, "佐藤");
    let r = records(&second);
    assert!(r.notice.is_none(), "the fresh file is sound");
    assert_eq!(r.imported.as_ref().unwrap().added, 0, "imported once");
    assert_eq!(r.trainees.len(), 2);
}

/// The app sending to `lrs` (the environment's setting left out).
fn app_sending_to(data: &std::path::Path, lrs: Option<claim_dojo_lrs::LrsConfig>) -> App {
    app_with(&fixtures(), data, japanese(), |app| {
        app.insert_resource(super::sending::LrsSetting(lrs));
    })
}

#[test]
fn with_sending_on_a_kept_call_is_queued_with_its_save_tried_at_once_and_the_menu_hears_why() {
    // Nothing listens on this port: the center's LRS is down.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let lrs = claim_dojo_lrs::LrsConfig::new(&format!("http://127.0.0.1:{port}/xapi"), "k", "s");
    let data = scratch("records-lrs-down");
    let mut app = app_sending_to(&data, Some(lrs));
    let finished = play_first_call(&mut app);
    assert!(
        matches!(finished.saved, Saved::Kept(_)),
        "{:?}",
        finished.saved
    );
    let counts = records(&app).store.unwrap().outbox_counts().unwrap();
    assert!(
        counts.waiting > 0,
        "the call's statements were queued in its save"
    );

    // The save woke the sending thread (its idle poll is 30 s): it tried, and
    // the menu's status says how many wait and why.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    let status = loop {
        app.update();
        let status = app
            .world()
            .resource::<super::sending::Outbox>()
            .status()
            .filter(|s| s.waiting == counts.waiting && super::sending::why(s).is_some());
        if let Some(s) = status {
            break s;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the sending thread never tried the saved call"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert!(
        matches!(status.sending, claim_dojo_lrs::Sending::Retrying { .. }),
        "{:?}",
        status.sending
    );
}

#[test]
fn with_sending_off_nothing_is_queued_and_no_thread_runs() {
    let data = scratch("records-lrs-off");
    let mut app = app_sending_to(&data, None);
    let finished = play_first_call(&mut app);
    assert!(
        matches!(finished.saved, Saved::Kept(_)),
        "{:?}",
        finished.saved
    );
    let counts = records(&app).store.unwrap().outbox_counts().unwrap();
    assert_eq!(counts.waiting, 0);
    assert!(
        app.world()
            .resource::<super::sending::Outbox>()
            .status()
            .is_none()
    );
}
