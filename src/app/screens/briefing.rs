//! The handoff briefing of a `Secondary` scenario: the first handler's record,
//! read before taking the call over (and again during the call, key B). Every
//! part of a brief is listed; a part the operator left out is shown as missing,
//! since noticing it is the skill. Each part is a heading over its text, which
//! wraps to the window, so the longest part reads whole at 1024×640 in either
//! language; a record longer than the window scrolls.
//! Keyboard: Enter takes the call, Esc goes back.

use bevy::prelude::*;
use bevy_egui::egui::{self, Panel, RichText};
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use claim_dojo_core::{Scenario, Text};

use super::{CallRequest, Screen};
use crate::app::locale::{Texts, Tr};
use crate::app::settings::Settings;
use crate::app::theme::{palette, widgets};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, keys.run_if(in_state(Screen::Briefing)))
        .add_systems(
            EguiPrimaryContextPass,
            draw.run_if(in_state(Screen::Briefing).and_then(crate::app::theme::ready)),
        );
}

fn keys(
    keys: Res<ButtonInput<KeyCode>>,
    wants: Option<Res<EguiWantsInput>>,
    mut next: ResMut<NextState<Screen>>,
) {
    if wants.is_some_and(|w| w.wants_keyboard_input()) {
        return;
    }
    if keys.just_pressed(KeyCode::Enter) {
        next.set(Screen::Call);
    } else if keys.just_pressed(KeyCode::Escape) {
        next.set(Screen::Menu);
    }
}

fn draw(
    mut contexts: EguiContexts,
    texts: Res<Texts>,
    settings: Res<Settings>,
    request: Option<Res<CallRequest>>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let tr = texts.tr(settings.lang);
    let Some(request) = request else {
        next.set(Screen::Menu);
        return Ok(());
    };
    if let Some(to) = page(ctx, &tr, &request.scenario) {
        next.set(to);
    }
    Ok(())
}

/// The whole screen; returns where the trainee asked to go.
pub fn page(ctx: &egui::Context, tr: &Tr, s: &Scenario) -> Option<Screen> {
    let mut ui = widgets::root(ctx);
    let mut to = None;
    Panel::top("briefing-top")
        .frame(widgets::top_bar())
        .show(&mut ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(widgets::title(tr.text("briefing-title")));
                ui.label(widgets::muted(tr.pick(&s.title)));
            });
        });
    Panel::bottom("briefing-actions")
        .frame(widgets::top_bar())
        .show(&mut ui, |ui| {
            ui.horizontal(|ui| {
                if ui
                    .add(widgets::primary_button(
                        tr.text("briefing-take-over"),
                        "Enter",
                    ))
                    .clicked()
                {
                    to = Some(Screen::Call);
                }
                ui.add_space(16.0);
                if ui
                    .add(widgets::secondary_button(tr.text("back-to-menu"), "Esc"))
                    .clicked()
                {
                    to = Some(Screen::Menu);
                }
            });
        });
    egui::CentralPanel::default()
        .frame(widgets::page())
        .show(&mut ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("briefing-page")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.set_max_width(ui.available_width().min(900.0));
                    ui.label(widgets::muted(tr.text("briefing-intro")));
                    ui.add_space(8.0);
                    widgets::card().show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        record(ui, tr, s);
                    });
                });
        });
    to
}

/// The record itself: who handled the call first, then each part of the brief
/// as a heading over its wrapped text, then the operator's notes.
pub fn record(ui: &mut egui::Ui, tr: &Tr, s: &Scenario) {
    let Some(h) = &s.handoff else {
        ui.label(RichText::new(tr.text("briefing-no-record")).color(palette::BAD));
        return;
    };
    ui.label(widgets::small(tr.text("briefing-operator")));
    ui.label(widgets::section(tr.pick(&h.operator)));
    ui.add_space(8.0);
    let rows: [(&str, Option<&Text>); 5] = [
        ("brief-customer", h.customer.as_ref()),
        ("brief-request", h.request.as_ref()),
        ("brief-reason", h.reason.as_ref()),
        ("brief-state", h.state.as_ref()),
        ("brief-wants", h.wants.as_ref()),
    ];
    for (i, (id, value)) in rows.into_iter().enumerate() {
        part(ui, i, &label(tr, id), |ui| match value {
            Some(t) => {
                ui.add(egui::Label::new(tr.pick(t)).wrap());
            }
            None => missing(ui, tr),
        });
    }
    part(ui, rows.len(), &tr.text("briefing-notes"), |ui| {
        if h.notes.is_empty() {
            missing(ui, tr);
        }
        for note in &h.notes {
            ui.add(egui::Label::new(format!("・{}", tr.pick(note))).wrap());
        }
    });
}

/// One part of the record, on a band that alternates like a striped table.
fn part(ui: &mut egui::Ui, i: usize, heading: &str, body: impl FnOnce(&mut egui::Ui)) {
    let fill = if i.is_multiple_of(2) {
        palette::SURFACE_SUNKEN
    } else {
        palette::SURFACE
    };
    egui::Frame::new()
        .fill(fill)
        .corner_radius(4)
        .inner_margin(egui::Margin::symmetric(8, 6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(widgets::section(heading));
            body(ui);
        });
}

fn missing(ui: &mut egui::Ui, tr: &Tr) {
    ui.label(
        RichText::new(tr.text("briefing-missing"))
            .italics()
            .color(palette::BAD),
    );
}

/// The label of a brief part; shared with the call's handoff form.
pub fn label(tr: &Tr, id: &str) -> String {
    match id {
        "brief-customer" => tr.text("brief-customer"),
        "brief-request" => tr.text("brief-request"),
        "brief-reason" => tr.text("brief-reason"),
        "brief-state" => tr.text("brief-state"),
        _ => tr.text("brief-wants"),
    }
}

#[cfg(test)]
mod tests {
    use claim_dojo_core::Lang;
    use claim_dojo_core::load::load_file;

    use super::page;
    use crate::app::locale::Texts;
    use crate::app::testing::{draw_at, fixtures};

    #[test]
    fn the_record_reads_whole_at_1024_by_640_in_both_languages() {
        let s = load_file(&fixtures().join("takeover.ron"))
            .scenario
            .expect("the fixture loads");
        let reason = s.handoff.as_ref().and_then(|h| h.reason.clone()).unwrap();
        let texts = Texts::load();
        for lang in Lang::ALL {
            let tr = texts.tr(lang);
            let drawn = draw_at([1024.0, 640.0], false, |ctx| {
                page(ctx, &tr, &s);
            });
            assert!(drawn.facts.texts > 10, "{lang:?}: drawn");
            assert!(
                drawn.facts.cut.is_empty(),
                "{lang:?}: text cut at the right: {:#?}",
                drawn.facts.cut
            );
            // The reason wraps over several rows of one text, every word drawn.
            assert!(
                drawn.texts.iter().any(|t| t == reason.get(lang)),
                "{lang:?}: the whole reason"
            );
            assert!(drawn.has(&tr.text("brief-reason")));
            assert!(
                drawn.has(&tr.text("briefing-missing")),
                "two parts are missing"
            );
        }
    }

    /// egui builds an AccessKit tree of the screen: a screen reader gets the
    /// record's headings and the button by name (see docs/ime.md on AccessKit).
    #[test]
    fn the_record_reaches_a_screen_reader_through_accesskit() {
        let s = load_file(&fixtures().join("takeover.ron"))
            .scenario
            .unwrap();
        let texts = Texts::load();
        let tr = texts.tr(Lang::En);
        let drawn = draw_at([1280.0, 720.0], true, |ctx| {
            page(ctx, &tr, &s);
        });
        let tree = drawn.accesskit.expect("an AccessKit update");
        let labels: Vec<String> = tree
            .nodes
            .iter()
            .filter_map(|(_, n)| {
                n.label()
                    .map(str::to_string)
                    .or(n.value().map(str::to_string))
            })
            .collect();
        for want in [tr.text("briefing-take-over"), tr.text("brief-reason")] {
            assert!(
                labels.iter().any(|l| l.contains(&want)),
                "{want:?} not in {labels:?}"
            );
        }
    }
}
