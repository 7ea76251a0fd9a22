//! What the trainee said, numbered as on the curve, with the anger change each
//! answer caused; and the whole transcript, folded away.

use bevy_egui::egui::{self, RichText, Ui};
use claim_dojo_core::Scenario;
use claim_dojo_core::report::Report;
use claim_dojo_core::report::human::clock;

use super::steps::words;
use crate::app::locale::Tr;
use crate::app::theme::{palette, widgets};

pub fn show(ui: &mut Ui, tr: &Tr, report: &Report, scenario: &Scenario) {
    ui.label(widgets::section(tr.text("debrief-said")));
    let mut n = 0;
    for m in &report.marks {
        let (label, text) = match (m.cause, m.choice.as_deref()) {
            ("choice", Some(id)) => {
                n += 1;
                let words = words(scenario, id).map(|w| format!("「{}」", tr.pick(w)));
                (n.to_string(), words.unwrap_or_default())
            }
            ("listen", _) => ("·".into(), tr.text("debrief-listen")),
            _ => ("·".into(), tr.text("debrief-waiting")),
        };
        let delta = m.to - m.from;
        let colour = if delta > 0.0 {
            palette::BAD
        } else {
            palette::GOOD
        };
        ui.horizontal_top(|ui| {
            ui.add_sized(
                [18.0, 18.0],
                egui::Label::new(RichText::new(label).strong().color(palette::ACCENT)),
            );
            ui.label(
                RichText::new(clock(m.at_s))
                    .monospace()
                    .color(palette::INK_MUTED),
            );
            let change = format!("{delta:+6.1} → {:>3.0}", m.to);
            ui.add_sized(
                [110.0, 18.0],
                egui::Label::new(RichText::new(change).monospace().color(colour)),
            );
            ui.add(egui::Label::new(text).wrap());
        });
    }
    if n == 0 {
        ui.label(widgets::muted(tr.text("debrief-said-nothing")));
    }
    ui.add_space(6.0);
    egui::CollapsingHeader::new(tr.text("debrief-transcript"))
        .id_salt("debrief-transcript")
        .show(ui, |ui| {
            for line in &report.transcript {
                let who = match line.speaker {
                    claim_dojo_core::session::Speaker::Trainee => tr.text("call-you"),
                    _ => tr.pick(&scenario.persona.name).to_string(),
                };
                let cut = if line.cut {
                    format!(" {}", tr.text("call-cut"))
                } else {
                    String::new()
                };
                ui.label(format!(
                    "{} {who}: {}{cut}",
                    clock(line.start_s),
                    tr.pick(&line.text)
                ));
            }
        });
}
