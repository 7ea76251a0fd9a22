//! The debrief of real sessions: drawn in a plain egui context it shows the
//! trainer's note and the better answer and cuts no text at 1024×640 in either
//! language; in the app it scrolls by keyboard and opens at its top.

use std::sync::Arc;

use bevy::prelude::*;
use claim_dojo_core::load::load_file;
use claim_dojo_core::report::Report;
use claim_dojo_core::{Lang, Scenario, play};

use super::{ModelCalls, PageScroll, model, page};
use crate::app::locale::Texts;
use crate::app::screens::Screen;
use crate::app::screens::call::{Call, Finished, Saved};
use crate::app::testing::*;

fn scenario(name: &str) -> Arc<Scenario> {
    Arc::new(
        load_file(&fixtures().join(name))
            .scenario
            .expect("the fixture loads"),
    )
}

fn finished(choices: &[&str]) -> Finished {
    let scenario = scenario("late-parcel.ron");
    let mut s = play::session(&scenario, 4);
    let ids: Vec<String> = choices.iter().map(|c| c.to_string()).collect();
    play::run_choices(&mut s, &ids).expect("offered");
    let card = s.finish();
    Finished {
        report: Report::build(&s, &card),
        scenario,
        saved: Saved::NotKept,
        started_at: jiff::Timestamp::UNIX_EPOCH,
        ended_at: jiff::Timestamp::UNIX_EPOCH,
        what_if: None,
    }
}

#[test]
fn an_excuse_is_coached_with_the_trainers_note_and_the_better_answer_in_both_languages() {
    let f = finished(&["excuse"]);
    let model = model::model_call(&f.scenario).expect("a best path");
    let texts = Texts::load();
    for lang in Lang::ALL {
        let tr = texts.tr(lang);
        // Tall enough that the whole page is drawn at once.
        let drawn = draw_at([1024.0, 4000.0], false, |ctx| {
            page(
                ctx,
                &tr,
                &f,
                model::Shown::Found(&model),
                &mut PageScroll::default(),
                None,
            );
        });
        let note = f.report.coaching[0].said.note.as_ref().unwrap();
        assert!(drawn.has(tr.pick(note)), "{lang:?}: the trainer's note");
        assert!(drawn.has(&tr.text("debrief-coach-better")), "{lang:?}");
        let accept = &f.report.coaching[0].better[0];
        assert_eq!(accept.choice, "accept");
        assert!(
            drawn.has(tr.pick(&accept.words)),
            "{lang:?}: the better words"
        );
        assert!(
            drawn.has(&tr.text("debrief-model")),
            "{lang:?}: the model call"
        );
        let quoted = crate::app::theme::widgets::quote(lang, tr.pick(&accept.words));
        assert!(
            drawn.has(&quoted),
            "{lang:?}: quoted as the language quotes"
        );
        assert!(
            drawn.facts.cut.is_empty(),
            "{lang:?} at 1024 wide: {:#?}",
            drawn.facts.cut
        );
    }
}

#[test]
fn no_text_is_cut_at_the_smallest_window_or_the_usual_one() {
    let f = finished(&["accept", "callback-vague"]);
    let texts = Texts::load();
    for (lang, size) in [
        (Lang::Ja, [1024.0, 640.0]),
        (Lang::En, [1024.0, 640.0]),
        (Lang::En, [1280.0, 720.0]),
        (Lang::Ja, [1280.0, 720.0]),
    ] {
        let tr = texts.tr(lang);
        let drawn = draw_at(size, false, |ctx| {
            page(
                ctx,
                &tr,
                &f,
                model::Shown::Searching,
                &mut PageScroll::default(),
                None,
            );
        });
        assert!(
            drawn.facts.texts > 30,
            "{lang:?} {size:?}: the page was drawn"
        );
        assert!(
            drawn.facts.cut.is_empty(),
            "{lang:?} {size:?}: {:#?}",
            drawn.facts.cut
        );
    }
}

fn scroll(app: &App) -> PageScroll {
    app.world().resource::<PageScroll>().clone()
}

#[test]
fn the_debrief_scrolls_by_keyboard_and_opens_at_its_top() {
    let data = scratch("debrief-scroll");
    let (mut app, _) = egui_app(&fixtures(), &data, japanese(), true);
    start_call(&mut app);
    assert!(until(&mut app, 300, |w| w
        .resource::<Call>()
        .session
        .offered()
        .len()
        > 1
        && matches!(
            w.resource::<Call>().session.phase(),
            claim_dojo_core::session::Phase::Silence { .. }
        )));
    let excuse = app
        .world()
        .resource::<Call>()
        .session
        .offered()
        .iter()
        .position(|c| c.id == "excuse")
        .unwrap();
    press(
        &mut app,
        [KeyCode::Digit1, KeyCode::Digit2, KeyCode::Digit3][excuse],
    );
    assert!(until(&mut app, 400, |w| w
        .resource::<Call>()
        .session
        .is_over()));
    press(&mut app, KeyCode::Enter);
    app.update();
    assert_eq!(screen(&app), Screen::Debrief);
    app.update();
    let s = scroll(&app);
    assert!(
        s.content > s.viewport + 100.0,
        "the page is longer than the window: {s:?}"
    );
    assert_eq!(s.offset, 0.0);
    press(&mut app, KeyCode::PageDown);
    app.update();
    let down = scroll(&app).offset;
    assert!(down > s.viewport * 0.5, "PageDown moved {down}");
    press(&mut app, KeyCode::End);
    app.update();
    let end = scroll(&app);
    assert!(
        (end.offset - (end.content - end.viewport)).abs() < 1.0,
        "{end:?}"
    );
    press(&mut app, KeyCode::PageUp);
    app.update();
    assert!(scroll(&app).offset < end.offset);
    // Watch it again and come back: the debrief opens at its top.
    press(&mut app, KeyCode::KeyW);
    app.update();
    assert_eq!(screen(&app), Screen::Call);
    press(&mut app, KeyCode::Escape);
    press(&mut app, KeyCode::KeyQ);
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Debrief);
    assert_eq!(scroll(&app).offset, 0.0);
    assert!(app.world().get_resource::<ModelCalls>().is_some());
}
