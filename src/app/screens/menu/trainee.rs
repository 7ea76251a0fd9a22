//! Who is practising: the trainee's name at the top of the menu, the others
//! who practise on this PC to switch to, a field to add a new name, and the
//! way to their history (H). Records are kept per trainee.

use bevy_egui::egui::{self, RichText, Ui};

use crate::app::locale::Tr;
use crate::app::records::{Practising, Records, trainee};
use crate::app::settings::SettingsFile;
use crate::app::theme::{palette, widgets};

/// What the trainee did in the picker.
pub enum Picked {
    Switch(String),
    History,
}

pub fn show(
    ui: &mut Ui,
    tr: &Tr,
    records: &Records,
    practising: &mut Practising,
    picked: &mut Option<Picked>,
) {
    widgets::card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        if records.store.is_none() {
            ui.label(widgets::muted(tr.text("menu-trainee-no-records")));
            return;
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(widgets::small(tr.text("menu-trainee")));
            let current = practising
                .trainee
                .as_ref()
                .map(|t| t.name.clone())
                .unwrap_or_default();
            egui::ComboBox::from_id_salt("menu-trainee")
                .selected_text(RichText::new(&current).strong().color(palette::INK))
                .width(180.0)
                .show_ui(ui, |ui| {
                    for t in &records.trainees {
                        let label = tr.args(
                            "menu-trainee-entry",
                            &[
                                ("name", &t.trainee.name),
                                ("sessions", &t.sessions.to_string()),
                            ],
                        );
                        if ui
                            .selectable_label(t.trainee.name == current, label)
                            .clicked()
                        {
                            *picked = Some(Picked::Switch(t.trainee.name.clone()));
                        }
                    }
                });
            let field = ui.add(
                egui::TextEdit::singleline(&mut practising.typing)
                    .id(egui::Id::new("menu-trainee-new"))
                    .hint_text(RichText::new(tr.text("menu-trainee-new")).color(palette::INK_FAINT))
                    .desired_width(160.0),
            );
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let add = ui.add_enabled(
                !practising.typing.trim().is_empty(),
                widgets::secondary_button(tr.text("menu-trainee-add"), ""),
            );
            if (entered || add.clicked()) && !practising.typing.trim().is_empty() {
                *picked = Some(Picked::Switch(practising.typing.clone()));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .add(widgets::secondary_button(tr.text("menu-history"), "H"))
                    .clicked()
                {
                    *picked = Some(Picked::History);
                }
            });
        });
        if let Some(p) = &practising.problem {
            ui.label(RichText::new(p).small().color(palette::BAD));
        }
    });
    ui.add_space(8.0);
}

/// Carries out a switch of trainee.
pub fn switch(
    name: &str,
    records: &mut Records,
    practising: &mut Practising,
    file: &mut SettingsFile,
    lang: claim_dojo_core::Lang,
) {
    trainee::switch(name, records, practising, file, lang);
}
