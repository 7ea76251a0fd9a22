//! Each scenario's attempts: how many, the best and the last score, passed or
//! not; a click lists that scenario's sessions.

use bevy_egui::egui::{self, RichText, Ui};
use claim_dojo_records::History;

use super::Clicked;
use crate::app::library::Library;
use crate::app::locale::Tr;
use crate::app::theme::{palette, widgets};

pub fn show(
    ui: &mut Ui,
    tr: &Tr,
    h: &History,
    library: &Library,
    selected: Option<&str>,
    clicked: &mut Option<Clicked>,
) {
    ui.set_width(ui.available_width());
    ui.label(widgets::section(tr.text("history-attempts")));
    if h.scenarios.is_empty() {
        ui.label(widgets::muted(tr.text("history-empty")));
        return;
    }
    egui::Grid::new("history-attempts")
        .striped(true)
        .num_columns(5)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            for head in [
                tr.text("history-col-scenario"),
                tr.text("history-col-attempts"),
                tr.text("history-col-best"),
                tr.text("history-col-last"),
                tr.text("history-col-passed"),
            ] {
                ui.label(widgets::small(head));
            }
            ui.end_row();
            for a in &h.scenarios {
                let title = library
                    .get(&a.scenario)
                    .map(|s| tr.pick(&s.title).to_string())
                    .unwrap_or_else(|| a.scenario.clone());
                let on = selected == Some(a.scenario.as_str());
                if ui.selectable_label(on, title).clicked() {
                    *clicked = Some(Clicked::Scenario((!on).then(|| a.scenario.clone())));
                }
                ui.label(a.attempts.to_string());
                ui.label(RichText::new(format!("{}", a.best)).strong());
                ui.label(format!("{}", a.last));
                let (mark, colour) = if a.passed {
                    ("✓", palette::GOOD)
                } else {
                    ("—", palette::INK_FAINT)
                };
                ui.label(RichText::new(mark).color(colour));
                ui.end_row();
            }
        });
}
