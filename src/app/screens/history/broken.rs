//! The rules broken most often, with how often; a click lists the sessions
//! that broke the rule.

use bevy_egui::egui::{RichText, Ui};
use claim_dojo_records::History;

use super::Clicked;
use crate::app::locale::Tr;
use crate::app::theme::{palette, widgets};

/// Rules shown before "more".
const SHOWN: usize = 8;

pub fn show(
    ui: &mut Ui,
    tr: &Tr,
    h: &History,
    selected: Option<&str>,
    clicked: &mut Option<Clicked>,
) {
    ui.set_width(ui.available_width());
    ui.label(widgets::section(tr.text("history-broken")));
    if h.broken.is_empty() {
        ui.label(widgets::muted(tr.text("history-broken-none")));
        return;
    }
    for b in h.broken.iter().take(SHOWN) {
        let on = selected == Some(b.rule.as_str());
        ui.horizontal(|ui| {
            ui.label(RichText::new(&b.rule).monospace().color(palette::ACCENT));
            let label = tr.args(
                "history-broken-rule",
                &[("rule", &tr.key(&b.rule)), ("count", &b.count.to_string())],
            );
            if ui.selectable_label(on, label).clicked() {
                *clicked = Some(Clicked::Rule((!on).then(|| b.rule.clone())));
            }
        });
    }
}
