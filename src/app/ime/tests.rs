//! The key and IME messages Windows produces while MS-IME composes, fed to the
//! real app with bevy_egui's input systems and no window: the memo field keeps
//! its focus and the text, and no call key fires. Without the filter the same
//! messages end the field at the first Enter and then answer the customer,
//! which shows the test feeds the path the bug takes.

use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;
use bevy::window::Ime;
use bevy_egui::EguiContext;
use bevy_egui::egui;
use claim_dojo_core::Action;

use crate::app::screens::call::Call;
use crate::app::testing::*;

/// One message of the sequence.
enum Input {
    /// A key the IME consumed: `NamedKey::Process`, the physical key kept.
    Processed(KeyCode),
    /// The release of a key, with its own logical key (Windows sends these as is).
    Released(KeyCode, Key),
    FromIme(fn(Entity) -> Ime),
}

fn key(window: Entity, code: KeyCode, logical: Key, state: ButtonState) -> KeyboardInput {
    KeyboardInput {
        key_code: code,
        logical_key: logical,
        state,
        text: None,
        repeat: false,
        window,
    }
}

fn preedit(window: Entity, value: &str) -> Ime {
    let n = value.len();
    Ime::Preedit {
        window,
        value: value.into(),
        cursor: (!value.is_empty()).then_some((n, n)),
    }
}

fn feed(app: &mut App, window: Entity, inputs: &[Input]) {
    for input in inputs {
        match input {
            Input::Processed(code) => {
                app.world_mut().write_message(key(
                    window,
                    *code,
                    Key::Process,
                    ButtonState::Pressed,
                ));
            }
            Input::Released(code, logical) => {
                app.world_mut().write_message(key(
                    window,
                    *code,
                    logical.clone(),
                    ButtonState::Released,
                ));
            }
            Input::FromIme(make) => {
                app.world_mut().write_message(make(window));
            }
        }
        app.update();
    }
}

/// What MS-IME sends for 「あい」 typed as `a`, `i` and confirmed with Enter,
/// then 「１」 typed (the digit key), converted with Space, cancelled with Esc.
fn windows_ime_sequence() -> Vec<Input> {
    use Input::*;
    let ch = |c: &str| Key::Character(c.into());
    vec![
        FromIme(|w| Ime::Enabled { window: w }),
        Processed(KeyCode::KeyA),
        FromIme(|w| preedit(w, "あ")),
        Released(KeyCode::KeyA, ch("a")),
        Processed(KeyCode::KeyI),
        FromIme(|w| preedit(w, "あい")),
        Released(KeyCode::KeyI, ch("i")),
        Processed(KeyCode::Enter),
        FromIme(|w| preedit(w, "")),
        FromIme(|w| Ime::Commit {
            window: w,
            value: "あい".into(),
        }),
        Released(KeyCode::Enter, Key::Enter),
        Processed(KeyCode::Digit1),
        FromIme(|w| preedit(w, "１")),
        Released(KeyCode::Digit1, ch("1")),
        Processed(KeyCode::Space),
        FromIme(|w| preedit(w, "一")),
        Released(KeyCode::Space, Key::Space),
        Processed(KeyCode::Escape),
        FromIme(|w| preedit(w, "")),
        Released(KeyCode::Escape, Key::Escape),
        Processed(KeyCode::Digit2),
        FromIme(|w| preedit(w, "２")),
        Released(KeyCode::Digit2, ch("2")),
        Processed(KeyCode::Enter),
        FromIme(|w| preedit(w, "")),
        FromIme(|w| Ime::Commit {
            window: w,
            value: "２".into(),
        }),
        Released(KeyCode::Enter, Key::Enter),
    ]
}

fn memo_has_focus(app: &mut App) -> bool {
    let mut contexts = app.world_mut().query::<&mut EguiContext>();
    let mut ctx = contexts
        .single_mut(app.world_mut())
        .expect("one egui context");
    ctx.get_mut()
        .memory(|m| m.has_focus(egui::Id::new("memo-when")))
}

/// The call on screen with the memo's first field focused by its key, M.
fn typing_in_the_memo(with_filter: bool) -> (App, Entity) {
    let data = scratch(if with_filter { "ime" } else { "ime-unfiltered" });
    let (mut app, window) = egui_app(&fixtures(), &data, japanese(), with_filter);
    start_call(&mut app);
    press_in(&mut app, window, KeyCode::KeyM, Key::Character("m".into()));
    app.update();
    assert!(memo_has_focus(&mut app), "M puts the memo in focus");
    (app, window)
}

#[test]
fn a_conversion_confirmed_with_enter_keeps_the_field_its_text_and_no_call_key_fires() {
    let (mut app, window) = typing_in_the_memo(true);
    feed(&mut app, window, &windows_ime_sequence());
    let call = app.world().resource::<Call>();
    assert_eq!(call.memo.draft.when, "あい２", "both commits, in order");
    assert!(
        !call
            .session
            .actions()
            .iter()
            .any(|a| matches!(a.action, Action::Choose { .. } | Action::Listen)),
        "no digit answered and no Space said はい: {:?}",
        call.session.actions()
    );
    assert!(
        !call.paused,
        "the Esc that cancelled a conversion did not pause"
    );
    assert!(memo_has_focus(&mut app), "the field kept its focus");
}

#[test]
fn without_the_filter_the_same_keys_end_the_field_and_answer_the_customer() {
    let (mut app, window) = typing_in_the_memo(false);
    feed(&mut app, window, &windows_ime_sequence());
    let call = app.world().resource::<Call>();
    assert!(
        call.session
            .actions()
            .iter()
            .any(|a| matches!(a.action, Action::Choose { .. })),
        "the digit typed for the IME answered the customer"
    );
    assert!(!memo_has_focus(&mut app));
}
