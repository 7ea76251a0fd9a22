//! The pause: virtual time stops, so the call clock, the customer's patience and
//! the typewriter all wait. From here the trainee resumes, restarts or leaves.

use bevy_egui::egui::{self, RichText};

use crate::app::locale::Tr;
use crate::app::theme::{palette, widgets};

pub enum Choice {
    Resume,
    Restart,
    Leave,
}

pub fn overlay(ctx: &egui::Context, tr: &Tr, live: bool) -> Option<Choice> {
    let mut choice = None;
    egui::Modal::new(egui::Id::new("call-pause"))
        .frame(widgets::card().inner_margin(24))
        .backdrop_color(palette::INK.gamma_multiply(0.35))
        .show(ctx, |ui| {
            ui.set_width(380.0);
            ui.label(widgets::title(tr.text("pause-title")).size(22.0));
            ui.label(widgets::muted(tr.text("pause-help")));
            ui.add_space(12.0);
            let row = |ui: &mut egui::Ui, button: egui::Button<'static>| {
                ui.add_sized([330.0, 36.0], button).clicked()
            };
            if row(
                ui,
                widgets::primary_button(tr.text("pause-resume"), "P / Esc"),
            ) {
                choice = Some(Choice::Resume);
            }
            if live && row(ui, widgets::secondary_button(tr.text("pause-restart"), "R")) {
                choice = Some(Choice::Restart);
            }
            let leave = if live {
                tr.text("pause-leave")
            } else {
                tr.text("pause-leave-replay")
            };
            if row(ui, widgets::secondary_button(leave, "Q")) {
                choice = Some(Choice::Leave);
            }
            if live {
                ui.add_space(8.0);
                ui.label(
                    RichText::new(tr.text("pause-not-saved"))
                        .small()
                        .color(palette::INK_MUTED),
                );
            }
        });
    choice
}
