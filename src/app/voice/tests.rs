//! The voice with the real plugins, no window and an output that records what
//! it is told, in real time (the synthesiser runs on its own thread): a call
//! opens the output, speaks its opening line in step with the call clock, stops
//! a line the trainee cuts mid-word, voices the protest that follows, and closes
//! the output when the call is left. With the voice off nothing is said. On
//! the menu the highlighted call's opening is made before it starts, so the
//! call speaks from its first frame, a second call too.
//! Needs Debian's `open-jtalk` and `open-jtalk-mecab-naist-jdic`.

use std::path::Path;
use std::sync::mpsc::Receiver;
use std::time::Duration;

use bevy::input::InputPlugin;
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::time::TimeUpdateStrategy;
use claim_dojo_core::load::load_file;
use claim_dojo_core::session::LineRef;
use claim_dojo_voice::lines::{opening, utterance};
use claim_dojo_voice::{Cache, Synthesiser};

use super::Lines;
use super::output::{AudioOut, Command};
use crate::app::library::Library;
use crate::app::locale::Texts;
use crate::app::paths::Paths;
use crate::app::screens::Screen;
use crate::app::screens::menu::MenuState;
use crate::app::settings::Settings;
use crate::app::testing::*;

/// The app on its menu, with a recording output, frames of `FRAME` call time.
fn app(data: &Path, settings: Settings) -> (App, Receiver<Command>) {
    let (out, said) = AudioOut::recorder();
    let mut app = App::new();
    app.insert_resource(out)
        .add_plugins((MinimalPlugins, StatesPlugin, InputPlugin))
        .insert_resource(TimeUpdateStrategy::ManualDuration(FRAME))
        .add_plugins(crate::app::plugin(
            settings,
            Paths::under(data, &fixtures()),
            Texts::load(),
        ));
    app.update();
    app.update();
    (app, said)
}

/// One frame, taking about as long as it stands for, so the synthesis thread
/// keeps up as it would in the app.
fn frame(app: &mut App) {
    std::thread::sleep(FRAME);
    app.update();
}

/// Frames until `pick` finds something the output was told; the commands seen.
fn until_told(
    app: &mut App,
    said: &Receiver<Command>,
    frames: usize,
    pick: impl Fn(&Command) -> bool,
) -> Vec<Command> {
    let mut seen = Vec::new();
    for _ in 0..frames {
        frame(app);
        seen.extend(said.try_iter());
        if seen.iter().any(&pick) {
            return seen;
        }
    }
    panic!("never told; told {seen:?}");
}

/// The opening line of the app's fixture, made before the call, as the
/// synthesis ahead would have made it.
fn warm_opening_line(data: &Path) {
    let s = load_file(&fixtures().join("late-parcel.ron"))
        .scenario
        .unwrap();
    let cache = data.join("cache");
    let synth = Synthesiser::find(&cache).expect("open_jtalk is installed");
    let u = utterance(&s, LineRef::Node(0), s.persona.anger, 1.0);
    Cache::new(&cache).get_or_speak(&synth, &u).unwrap();
}

#[test]
fn a_call_speaks_in_step_cuts_mid_word_voices_the_protest_and_closes() {
    let data = scratch("voice-call");
    warm_opening_line(&data);
    let (mut app, said) = app(&data, japanese());
    press(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Call);
    let told = until_told(&mut app, &said, 20, |c| matches!(c, Command::Play { .. }));
    assert!(matches!(told[0], Command::Open), "{told:?}");
    let Some(Command::Play { speech, skip }) =
        told.iter().find(|c| matches!(c, Command::Play { .. }))
    else {
        unreachable!()
    };
    assert!(
        *skip < Duration::from_millis(500),
        "plays from where the call is: {skip:?}"
    );
    assert!(speech.duration_ms() > 1_000);

    press(&mut app, KeyCode::Digit1);
    let after: Vec<Command> = said.try_iter().collect();
    assert!(
        after.iter().any(|c| matches!(c, Command::Stop)),
        "the cut line stops at once: {after:?}"
    );
    until_told(&mut app, &said, 80, |c| matches!(c, Command::Play { .. }));

    press(&mut app, KeyCode::Escape);
    press(&mut app, KeyCode::KeyQ);
    let left: Vec<Command> = said.try_iter().collect();
    assert_ne!(screen(&app), Screen::Call);
    assert!(left.iter().any(|c| matches!(c, Command::Close)), "{left:?}");
}

#[test]
fn with_the_voice_off_a_call_says_nothing_and_v_turns_it_on() {
    let data = scratch("voice-off");
    let mut settings = japanese();
    settings.voice = false;
    let (mut app, said) = app(&data, settings);
    press(&mut app, KeyCode::Enter);
    for _ in 0..10 {
        frame(&mut app);
    }
    let told: Vec<Command> = said.try_iter().collect();
    assert!(
        !told.iter().any(|c| matches!(c, Command::Play { .. })),
        "{told:?}"
    );
    press(&mut app, KeyCode::Escape);
    press(&mut app, KeyCode::KeyQ);
    assert_eq!(screen(&app), Screen::Menu);
    press(&mut app, KeyCode::KeyV);
    assert!(app.world().resource::<Settings>().voice);
}

/// Frames until the menu's highlighted scenario has its first line in memory,
/// at the voice and length its call will ask for; its id.
fn until_opening_is_held(app: &mut App, frames: usize) -> String {
    for _ in 0..frames {
        frame(app);
        let world = app.world();
        let s = world
            .resource::<MenuState>()
            .current(world.resource::<Library>())
            .unwrap();
        let (line, anger) = opening(&s)[0];
        let lines = world.resource::<Lines>();
        if lines.find(&s, line, anger, 1.0).is_some() {
            return s.id.clone();
        }
    }
    panic!("the highlighted scenario's opening line was never made");
}

#[test]
fn the_menu_makes_the_highlighted_calls_opening_so_the_call_speaks_at_once() {
    let data = scratch("voice-menu");
    let (mut app, said) = app(&data, japanese());
    assert_eq!(until_opening_is_held(&mut app, 300), "late-parcel");
    press(&mut app, KeyCode::ArrowDown);
    assert_eq!(until_opening_is_held(&mut app, 300), "takeover");
    press(&mut app, KeyCode::ArrowUp);
    assert_eq!(until_opening_is_held(&mut app, 300), "late-parcel");
    let on_menu: Vec<Command> = said.try_iter().collect();
    assert!(
        !on_menu
            .iter()
            .any(|c| matches!(c, Command::Open | Command::Play { .. })),
        "the output stays closed on the menu: {on_menu:?}"
    );
    for call in ["first", "second"] {
        press(&mut app, KeyCode::Enter);
        assert_eq!(screen(&app), Screen::Call);
        frame(&mut app);
        let told: Vec<Command> = said.try_iter().collect();
        assert!(
            told.iter().any(|c| matches!(c, Command::Play { .. })),
            "the {call} call's first line plays on its first frames: {told:?}"
        );
        press(&mut app, KeyCode::Escape);
        press(&mut app, KeyCode::KeyQ);
        assert_eq!(screen(&app), Screen::Menu);
        // Leaving the call let its lines go; the menu asks for them again.
        until_opening_is_held(&mut app, 300);
    }
}
