//! Author mode (F2), for trainers writing scenarios: node ids, each choice's
//! tags and anger (authored, the engine's change if said now, and after the fact),
//! every anger change with its parts, and a jump to any node to try a branch.
//! Shown apart from the call in the author's colour: it is never part of it.

mod panel;

use bevy::prelude::*;
use bevy_egui::egui::{RichText, Ui};
use claim_dojo_core::scenario::Choice;
use claim_dojo_core::session::AngerCause;

pub use panel::call_panel;

use crate::app::locale::Tr;
use crate::app::screens::call::Call;
use crate::app::theme::palette;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<AuthorMode>()
        .add_systems(Update, toggle);
}

#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct AuthorMode {
    pub on: bool,
}

fn toggle(keys: Res<ButtonInput<KeyCode>>, mut mode: ResMut<AuthorMode>) {
    if keys.just_pressed(KeyCode::F2) {
        mode.on = !mode.on;
        info!("author mode: {}", if mode.on { "on" } else { "off" });
    }
}

/// A choice's anger as authored, what the engine would make of it if said now,
/// and what it did if it was already said.
pub fn choice_note(ui: &mut Ui, tr: &Tr, call: &Call, choice: &Choice) {
    let tags: Vec<_> = choice.tags.iter().map(|t| t.name()).collect();
    let probe = preview(call, &choice.id);
    let preview = probe
        .as_ref()
        .map_or_else(|| "—".to_string(), |(d, _)| format!("{d:+.1}"));
    let authored = format!("{:+.1}", choice.anger);
    let args = [
        ("id", choice.id.as_str()),
        ("tags", &tags.join(", ")),
        ("authored", &authored),
        ("preview", &preview),
    ];
    let mut text = tr.args("author-choice", &args);
    text.push_str(&tr.args("author-leads", &[("next", choice.next.as_str())]));
    if let Some(b) = &choice.if_angry {
        let at_least = format!("{}", b.at_least);
        let args = [("at_least", at_least.as_str()), ("next", b.next.as_str())];
        text.push_str(&tr.args("author-if-angry", &args));
    }
    if let Some(to) = &choice.if_calm {
        text.push_str(&tr.args("author-if-calm", &[("next", to.as_str())]));
    }
    if (choice.if_angry.is_some() || choice.if_calm.is_some())
        && let Some((_, Some(now))) = &probe
    {
        text.push_str(&tr.args("author-leads-now", &[("next", now.as_str())]));
    }
    if let Some(done) = effective(call, &choice.id) {
        text.push_str(&format!(
            " · {}",
            tr.args("author-effective", &[("delta", &format!("{done:+.1}"))])
        ));
    }
    ui.label(
        RichText::new(text)
            .monospace()
            .size(14.0)
            .color(palette::AUTHOR),
    );
}

/// The engine's change if the choice were said now: the session is cloned
/// (same seed, same draws) and the choice said on the copy, so the preview is
/// exactly what saying it would do, interruption and pauses included.
/// The node it would lead to comes from the same copy, anger branches decided.
fn preview(call: &Call, id: &str) -> Option<(f64, Option<String>)> {
    let mut probe = call.session.clone().without_events();
    let before = probe.anger_changes().len();
    probe
        .act(claim_dojo_core::Action::Choose {
            choice: id.to_string(),
        })
        .ok()?;
    let delta = probe.anger_changes().get(before).map(|c| c.to - c.from)?;
    let next = probe
        .upcoming_node()
        .map(|i| probe.scenario().nodes[i].id.clone());
    Some((delta, next))
}

/// The engine's change for the last time this choice was said, if it was.
fn effective(call: &Call, id: &str) -> Option<f64> {
    let s = call.session.scenario();
    call.session
        .anger_changes()
        .iter()
        .rev()
        .find_map(|c| match c.cause {
            AngerCause::Choice(r)
                if s.nodes[usize::from(r.node)].choices[usize::from(r.choice)].id == id =>
            {
                Some(c.to - c.from)
            }
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use claim_dojo_core::load::load_file;
    use claim_dojo_core::session::Phase;

    use super::*;
    use crate::app::screens::CallRequest;
    use crate::app::testing::{fixtures, japanese};

    #[test]
    fn the_preview_is_what_saying_the_choice_does() {
        let scenario = Arc::new(
            load_file(&fixtures().join("late-parcel.ron"))
                .scenario
                .unwrap(),
        );
        let mut call = Call::new(
            &CallRequest {
                scenario,
                seed: 11,
                replay: None,
                what_if: None,
            },
            &japanese(),
        );
        call.session.advance_ms(1_000);
        let interrupting = preview(&call, "accept").unwrap().0;
        while !matches!(call.session.phase(), Phase::Silence { .. }) {
            call.session.advance_ms(100);
        }
        call.session.advance_ms(1_200);
        let (waited, leads_to) = preview(&call, "accept").unwrap();
        let accept = &call.session.scenario().nodes[call.session.current_node()].choices[0];
        assert_eq!(accept.id, "accept");
        assert_eq!(leads_to.as_deref(), Some(accept.next.as_str()));
        assert!(
            interrupting > waited,
            "cutting in costs more than answering after a pause"
        );
        assert!(call.say(0));
        let said = call.session.anger_changes().last().unwrap();
        assert_eq!(said.to - said.from, waited);
        assert_eq!(effective(&call, "accept"), Some(waited));
        assert_eq!(
            preview(&call, "excuse"),
            None,
            "not offered while the trainee speaks"
        );
    }
}
