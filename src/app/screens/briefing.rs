//! The handoff briefing of a `Secondary` scenario: the first handler's record,
//! read before taking the call over. Every part of a brief is listed; a part the
//! operator left out is shown as missing, since noticing it is the skill.
//! Keyboard: Enter takes the call, Esc goes back.

use bevy::prelude::*;
use bevy_egui::egui::{self, Panel, RichText};
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use claim_dojo_core::Text;

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
    let mut ui = widgets::root(ctx);
    let Some(request) = request else {
        next.set(Screen::Menu);
        return Ok(());
    };
    let s = &request.scenario;
    Panel::top("briefing-top")
        .frame(widgets::top_bar())
        .show(&mut ui, |ui| {
            ui.horizontal(|ui| {
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
                    next.set(Screen::Call);
                }
                ui.add_space(16.0);
                if ui
                    .add(widgets::secondary_button(tr.text("back-to-menu"), "Esc"))
                    .clicked()
                {
                    next.set(Screen::Menu);
                }
            });
        });
    egui::CentralPanel::default()
        .frame(widgets::page())
        .show(&mut ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.set_max_width(900.0);
                ui.label(widgets::muted(tr.text("briefing-intro")));
                ui.add_space(8.0);
                widgets::card().show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    record(ui, &tr, s);
                });
            });
        });
    Ok(())
}

fn record(ui: &mut egui::Ui, tr: &Tr, s: &claim_dojo_core::Scenario) {
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
    egui::Grid::new("briefing-record")
        .num_columns(2)
        .spacing([16.0, 10.0])
        .striped(true)
        .show(ui, |ui| {
            for (id, value) in rows {
                ui.label(widgets::section(label(tr, id)));
                match value {
                    Some(t) => ui.label(tr.pick(t)),
                    None => ui.label(
                        RichText::new(tr.text("briefing-missing"))
                            .italics()
                            .color(palette::BAD),
                    ),
                };
                ui.end_row();
            }
            ui.label(widgets::section(tr.text("briefing-notes")));
            ui.vertical(|ui| {
                if h.notes.is_empty() {
                    ui.label(
                        RichText::new(tr.text("briefing-missing"))
                            .italics()
                            .color(palette::BAD),
                    );
                }
                for note in &h.notes {
                    ui.label(format!("・{}", tr.pick(note)));
                }
            });
            ui.end_row();
        });
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
