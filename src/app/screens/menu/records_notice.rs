//! What the menu says about the records: a file that was not Claim Dojo's
//! records and was moved aside (with both paths), records that cannot be used
//! this run (with why), and old results imported at start.

use bevy_egui::egui::{RichText, Ui};

use crate::app::locale::Tr;
use crate::app::records::Records;
use crate::app::theme::{palette, widgets};

pub fn show(ui: &mut Ui, tr: &Tr, records: &Records) {
    let problems: Vec<String> = records
        .notice
        .iter()
        .chain(&records.problem)
        .map(|e| e.message(tr.lang))
        .collect();
    if !problems.is_empty() {
        ui.add_space(12.0);
        widgets::callout(palette::BAD_SOFT, palette::BAD).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(widgets::section(tr.text("menu-records-problem")).color(palette::BAD));
            for p in problems {
                ui.label(RichText::new(p).color(palette::INK));
            }
        });
    }
    if let Some(i) = records
        .imported
        .as_ref()
        .filter(|i| i.added > 0 || !i.skipped.is_empty())
    {
        ui.add_space(12.0);
        widgets::callout(palette::SURFACE_SUNKEN, palette::BORDER).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(widgets::small(tr.args(
                "menu-records-imported",
                &[
                    ("added", &i.added.to_string()),
                    ("skipped", &i.skipped.len().to_string()),
                ],
            )));
            for s in &i.skipped {
                ui.label(widgets::small(s.message(tr.lang)));
            }
        });
    }
}
