//! The highlighted scenario: what the call is about, the button that starts it
//! with the call's settings, who calls, and the rules it teaches.

use std::sync::Arc;

use bevy_egui::egui::{self, RichText, Ui};
use claim_dojo_core::Scenario;
use claim_dojo_core::scenario::Role;

use super::header;
use crate::app::locale::Tr;
use crate::app::settings::Settings;
use crate::app::theme::{palette, widgets};

pub fn show(
    ui: &mut Ui,
    tr: &Tr,
    s: &Arc<Scenario>,
    settings: &mut Settings,
    voice: Option<&crate::app::voice::VoiceStatus>,
    start: &mut Option<Arc<Scenario>>,
) {
    widgets::card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(widgets::title(tr.pick(&s.title)).size(22.0));
        ui.add_space(4.0);
        ui.label(tr.pick(&s.summary));
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            let label = match s.role {
                Role::Primary => tr.text("menu-start-call"),
                Role::Secondary => tr.text("menu-start-briefing"),
            };
            if ui
                .add(widgets::primary_button(label, "Enter").min_size(egui::vec2(200.0, 36.0)))
                .clicked()
            {
                *start = Some(Arc::clone(s));
            }
            ui.add_space(16.0);
            let shows = settings.thermometer.shows(s);
            let thermometer = if shows {
                tr.text("menu-thermometer-on")
            } else {
                tr.text("menu-thermometer-off")
            };
            ui.label(widgets::small(thermometer));
        });
        ui.add_space(8.0);
        header::call_settings(ui, tr, settings);
        crate::app::voice::menu::settings(ui, tr, settings, voice);
    });
    ui.add_space(8.0);
    widgets::card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(widgets::small(tr.text("menu-caller")));
        ui.label(widgets::section(tr.pick(&s.persona.name)));
        ui.label(tr.pick(&s.persona.background));
        ui.add_space(10.0);
        ui.label(widgets::small(tr.text("menu-rules")));
        let half = s.rules.len().div_ceil(2);
        ui.columns(2, |cols| {
            for (col, rules) in cols.iter_mut().zip(s.rules.chunks(half.max(1))) {
                for rule in rules {
                    col.horizontal_top(|ui| {
                        ui.label(
                            RichText::new(rule.to_string())
                                .monospace()
                                .color(palette::ACCENT),
                        );
                        ui.add(egui::Label::new(tr.key(&rule.to_string())).wrap());
                    });
                }
            }
        });
    });
}
