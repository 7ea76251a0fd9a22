//! The debrief's "what if": every answer of the call with a button that
//! restarts the call at that moment (I: at the last answer); and after a
//! what-if, the comparison: the original curve and the new one on one plot,
//! the scores, and the verdicts that changed.

use std::sync::Arc;

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText, Ui};
use bevy_egui::input::EguiWantsInput;
use claim_dojo_core::report::human::clock;
use claim_dojo_core::scenario::Persona;
use claim_dojo_records::Digest;
use claim_dojo_records::compare::{ChangedVerdict, changed_verdicts};
use egui_plot::{Legend, Line, LineStyle, Plot, VLine};

use super::steps::words;
use crate::app::locale::Tr;
use crate::app::screens::Screen;
use crate::app::screens::call::{Finished, Saved};
use crate::app::screens::what_if;
use crate::app::theme::{palette, widgets};

/// A what-if's debrief against its original, computed once when it opens.
#[derive(Resource, Debug, Clone)]
pub struct Compared {
    pub original: Digest,
    pub now: Digest,
    pub changed: Vec<ChangedVerdict>,
    /// The moment the call was restarted, in seconds.
    pub at_s: f64,
}

pub fn compare(finished: Option<Res<Finished>>, mut commands: Commands) {
    commands.remove_resource::<Compared>();
    let Some(f) = finished else { return };
    let Some(w) = &f.what_if else { return };
    let (Ok(original), Ok(now)) = (
        Digest::read("original", &w.original_json),
        Digest::read("what-if", &f.report.to_json()),
    ) else {
        return;
    };
    commands.insert_resource(Compared {
        changed: changed_verdicts(&original, &now),
        original,
        now,
        at_s: w.at_ms() as f64 / 1000.0,
    });
}

/// Restarts the debrief's call at action `at` of its log.
pub fn restart(
    at: usize,
    finished: &Finished,
    commands: &mut Commands,
    next: &mut NextState<Screen>,
) {
    let original = match finished.saved {
        Saved::Kept(id) => Some(id),
        _ => None,
    };
    let json: Arc<str> = finished.report.to_json().into();
    match what_if::request(finished.scenario.clone(), json, original, at) {
        Ok(request) => what_if::start(request, commands, next),
        Err(e) => warn!("what-if refused: {e}"),
    }
}

/// The answers to restart at, for the left column.
pub fn turns(ui: &mut Ui, tr: &Tr, finished: &Finished, start: &mut Option<usize>) {
    ui.label(widgets::section(tr.text("debrief-what-if")));
    ui.label(widgets::small(tr.text("debrief-what-if-hint")));
    ui.add_space(4.0);
    let actions = &finished.report.actions;
    let mut n = 0;
    for (i, a) in actions.iter().enumerate() {
        let claim_dojo_core::Action::Choose { choice } = &a.action else {
            continue;
        };
        n += 1;
        let said = words(&finished.scenario, choice)
            .map(|w| format!("「{}」", tr.pick(w)))
            .unwrap_or_default();
        ui.horizontal_top(|ui| {
            let last = actions[i + 1..]
                .iter()
                .all(|a| !matches!(a.action, claim_dojo_core::Action::Choose { .. }));
            let button = widgets::secondary_button(
                tr.args("debrief-what-if-here", &[("n", &n.to_string())]),
                if last { "I" } else { "" },
            );
            if ui.add(button).clicked() {
                *start = Some(i);
            }
            ui.label(
                RichText::new(clock(a.at_s))
                    .monospace()
                    .color(palette::INK_MUTED),
            );
            ui.add(egui::Label::new(said).wrap());
        });
    }
    if n == 0 {
        ui.label(widgets::muted(tr.text("debrief-said-nothing")));
    }
}

/// The original and the what-if side by side.
pub fn comparison(ui: &mut Ui, tr: &Tr, c: &Compared, persona: &Persona) {
    ui.label(widgets::section(
        tr.args("debrief-what-if-compared", &[("at", &clock(c.at_s))]),
    ));
    ui.label(tr.args(
        "debrief-what-if-score",
        &[
            ("before", &c.original.score.total.to_string()),
            ("after", &c.now.score.total.to_string()),
            ("max", &c.now.score.max.to_string()),
        ],
    ));
    overlay(
        ui,
        tr,
        "debrief-what-if-plot",
        (tr.text("debrief-what-if-before"), &c.original.anger_curve),
        (tr.text("debrief-what-if-after"), &c.now.anger_curve),
        Some(c.at_s),
        persona.hang_up_at,
    );
    ui.add_space(6.0);
    if c.changed.is_empty() {
        ui.label(widgets::muted(tr.text("debrief-what-if-same")));
        return;
    }
    ui.label(widgets::small(tr.text("debrief-what-if-changed")));
    for v in &c.changed {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&v.rule).monospace().color(palette::ACCENT));
            ui.label(tr.key(&v.rule));
            let status = |s: &Option<String>| status_text(tr, s.as_deref());
            let better =
                v.after.as_deref() == Some("kept") || v.before.as_deref() == Some("broken");
            ui.label(
                RichText::new(format!("{} → {}", status(&v.before), status(&v.after)))
                    .strong()
                    .color(if better { palette::GOOD } else { palette::BAD }),
            );
        });
    }
}

/// A rule status key in words (a key this version does not know is shown as it is).
pub fn status_text(tr: &Tr, key: Option<&str>) -> String {
    match key {
        Some("kept") => tr.key("rule-status-kept"),
        Some("broken") => tr.key("rule-status-broken"),
        Some("not_applicable") => tr.key("rule-status-na"),
        Some(other) => other.replace('_', " "),
        None => "—".into(),
    }
}

/// Two anger curves on one plot, each with its legend label: `before` muted
/// and dashed, `after` in colour; `mark` draws the moment of a restart.
pub fn overlay(
    ui: &mut Ui,
    tr: &Tr,
    id: &str,
    (before_label, before): (String, &[[f64; 2]]),
    (after_label, after): (String, &[[f64; 2]]),
    mark: Option<f64>,
    hang_up_at: f64,
) {
    let end = before.iter().chain(after).map(|p| p[0]).fold(0.0, f64::max) + 5.0;
    Plot::new(id.to_string())
        .height(220.0)
        .include_x(0.0)
        .include_x(end)
        .include_y(0.0)
        .include_y(100.0)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .legend(Legend::default())
        .x_axis_formatter(|m, _| clock(m.value))
        .show(ui, |plot| {
            plot.add(
                egui_plot::HLine::new(tr.text("debrief-hang-up-line"), hang_up_at)
                    .color(palette::BAD)
                    .style(LineStyle::dashed_loose()),
            );
            if let Some(at) = mark {
                plot.add(
                    VLine::new(tr.text("debrief-what-if-restart"), at).color(palette::INK_FAINT),
                );
            }
            plot.add(
                Line::new(before_label, before.to_vec())
                    .color(palette::INK_FAINT)
                    .width(2.0)
                    .style(LineStyle::dashed_dense()),
            );
            plot.add(
                Line::new(after_label, after.to_vec())
                    .color(palette::ANGER_ANGRY)
                    .width(2.5),
            );
        });
}

/// I restarts at the last answer.
pub fn keys(
    keys: Res<ButtonInput<KeyCode>>,
    wants: Option<Res<EguiWantsInput>>,
    finished: Option<Res<Finished>>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) {
    if wants.is_some_and(|w| w.wants_keyboard_input()) || !keys.just_pressed(KeyCode::KeyI) {
        return;
    }
    let Some(f) = finished else { return };
    let last = f
        .report
        .actions
        .iter()
        .rposition(|a| matches!(a.action, claim_dojo_core::Action::Choose { .. }));
    if let Some(at) = last {
        restart(at, &f, &mut commands, &mut next);
    }
}
