//! What the trainee can say now: the offered choices, numbered for keys 1–9,
//! the back-channel (はい, Space), and the node's coaching tip when the scenario
//! has one. Choices stay open while the customer speaks: answering then is an
//! interruption, and the engine makes the customer feel it.

use bevy_egui::egui::{self, RichText, Sense, Stroke, Ui};
use claim_dojo_core::session::Phase;

use super::Call;
use crate::app::author::{self, AuthorMode};
use crate::app::locale::Tr;
use crate::app::theme::{palette, widgets};

/// What the trainee clicked.
pub enum Said {
    Choice(usize),
    Listen,
}

pub fn show(ui: &mut Ui, tr: &Tr, call: &Call, author_mode: &AuthorMode) -> Option<Said> {
    let session = &call.session;
    let s = session.scenario();
    let node = &s.nodes[session.current_node()];
    let offered = session.offered();
    let mut said = None;
    ui.horizontal(|ui| {
        ui.label(widgets::section(tr.text("call-answers")));
        let hint = match session.phase() {
            Phase::Speaking { .. } if !offered.is_empty() => {
                Some((tr.text("call-answer-interrupts"), palette::CAUTION))
            }
            Phase::Trainee { .. } | Phase::Gap { .. } => {
                Some((tr.text("call-answer-wait"), palette::INK_MUTED))
            }
            Phase::Silence { .. } | Phase::Climb => {
                Some((tr.text("call-answer-your-turn"), palette::GOOD))
            }
            _ => None,
        };
        if let Some((text, colour)) = hint {
            ui.label(RichText::new(text).size(14.0).color(colour));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let listen = ui.add_enabled(
                call.is_live(),
                widgets::secondary_button(tr.text("call-listen"), "Space"),
            );
            if listen.clicked() {
                said = Some(Said::Listen);
            }
        });
    });
    if let Some(coach) = node.coach.as_ref().filter(|_| !offered.is_empty()) {
        widgets::callout(palette::COACH_SOFT, palette::COACH).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(format!("{}  {}", tr.text("call-coach"), tr.pick(coach)))
                    .color(palette::COACH),
            );
        });
    }
    if offered.is_empty() {
        ui.label(widgets::muted(tr.text("call-no-answers")));
    }
    for (i, choice) in offered.iter().enumerate().take(9) {
        if answer(ui, tr, i, tr.pick(&choice.text), call.is_live()) {
            said = Some(Said::Choice(i));
        }
        if author_mode.on {
            author::choice_note(ui, tr, call, choice);
        }
    }
    said
}

/// One answer as a full-width row: its key and its words.
fn answer(ui: &mut Ui, tr: &Tr, i: usize, text: &str, enabled: bool) -> bool {
    let frame = widgets::card().inner_margin(egui::Margin::symmetric(10, 7));
    let inner = frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            widgets::key(ui, &(i + 1).to_string());
            ui.add(egui::Label::new(RichText::new(text).size(16.0)).wrap());
        });
    });
    let id = egui::Id::new(("call-answer", i));
    let r = ui.interact(
        inner.response.rect,
        id,
        if enabled {
            Sense::click()
        } else {
            Sense::hover()
        },
    );
    if enabled && r.hovered() {
        ui.painter().rect_stroke(
            inner.response.rect,
            8.0,
            Stroke::new(1.5, palette::ACCENT),
            egui::StrokeKind::Inside,
        );
    }
    let r = r.on_hover_text(tr.args("call-answer-key", &[("n", &(i + 1).to_string())]));
    ui.add_space(2.0);
    enabled && r.clicked()
}
