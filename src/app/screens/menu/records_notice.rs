//! What the menu says about the records: a file that was not Claim Dojo's
//! records and was moved aside (with both paths), records that cannot be used
//! this run (with why), old results imported at start, and the statements
//! waiting for the learning record store when sending is on.

use bevy_egui::egui::{RichText, Ui};

use claim_dojo_lrs::OutboxStatus;

use crate::app::locale::Tr;
use crate::app::records::{Records, sending};
use crate::app::theme::{palette, widgets};

pub fn show(ui: &mut Ui, tr: &Tr, records: &Records, outbox: Option<&OutboxStatus>) {
    if let Some(status) = outbox {
        lrs(ui, tr, status);
    }
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

/// How many statements wait for the learning record store, how many it refused
/// for good, and why none are going out, when that is so.
fn lrs(ui: &mut Ui, tr: &Tr, status: &OutboxStatus) {
    ui.add_space(12.0);
    let waiting = status.waiting.to_string();
    let rejected = status.rejected.to_string();
    ui.label(widgets::small(tr.args(
        "menu-lrs",
        &[("waiting", &waiting), ("rejected", &rejected)],
    )));
    if let Some(why) = sending::why(status) {
        ui.label(RichText::new(tr.args("menu-lrs-why", &[("why", why)])).color(palette::CAUTION));
    }
}
