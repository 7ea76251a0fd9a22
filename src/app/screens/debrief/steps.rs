//! The four recovery steps as a timeline: done, missed or out of order, each
//! with the moment and the words that showed it.

use bevy_egui::egui::{self, RichText, Ui};
use claim_dojo_core::Scenario;
use claim_dojo_core::report::Report;
use claim_dojo_core::report::human::clock;
use claim_dojo_core::scoring::StepStatus;

use crate::app::locale::Tr;
use crate::app::theme::{fonts, palette, widgets};

pub fn show(ui: &mut Ui, tr: &Tr, report: &Report, scenario: &Scenario) {
    ui.label(widgets::section(tr.key("report-steps")));
    widgets::columns(ui, 4, |i, ui| {
        let Some(step) = report.steps.get(i) else {
            return;
        };
        let (mark, fg, bg) = match step.status {
            StepStatus::Done => ("○", palette::GOOD, palette::GOOD_SOFT),
            StepStatus::OutOfOrder => ("△", palette::CAUTION, palette::CAUTION_SOFT),
            StepStatus::Missed => ("×", palette::BAD, palette::BAD_SOFT),
        };
        widgets::callout(bg, fg).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.set_min_height(128.0);
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new(mark)
                        .family(fonts::bold())
                        .size(18.0)
                        .color(fg),
                );
                ui.label(
                    RichText::new(tr.key(&format!("step-status-{}", step.status.key())))
                        .family(fonts::bold())
                        .color(fg),
                );
            });
            ui.add(
                egui::Label::new(
                    RichText::new(format!(
                        "{}. {}",
                        step.step,
                        tr.key(&format!("step-{}", step.step))
                    ))
                    .strong(),
                )
                .wrap(),
            );
            match step.at_s {
                Some(t) => ui.label(widgets::small(
                    tr.args("debrief-step-at", &[("time", &clock(t))]),
                )),
                None => ui.label(widgets::small(tr.text("debrief-step-never"))),
            };
            if step.late {
                ui.label(widgets::small(tr.text("debrief-step-late")).color(palette::CAUTION));
            }
            if let Some(words) = step.choice.as_deref().and_then(|id| words(scenario, id)) {
                ui.add(
                    egui::Label::new(RichText::new(widgets::quote(tr.lang, tr.pick(words)))).wrap(),
                );
            }
        });
    });
}

/// What the trainee said with the choice `id`.
pub fn words<'a>(s: &'a Scenario, id: &str) -> Option<&'a claim_dojo_core::Text> {
    s.choices().find(|(_, c)| c.id == id).map(|(_, c)| &c.text)
}
