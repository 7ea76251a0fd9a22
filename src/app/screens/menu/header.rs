//! The menu's top bar and the call settings: the product's name, the language
//! switch, and the thermometer and text speed a call will use.

use bevy_egui::egui::{self, RichText, Ui};
use claim_dojo_core::Lang;

use crate::app::locale::Tr;
use crate::app::settings::{Settings, TextSpeed, ThermometerChoice};
use crate::app::theme::{fonts, palette, widgets};

pub fn show(ui: &mut Ui, tr: &Tr, settings: &mut Settings) {
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(tr.text("app-name"))
                .family(fonts::bold())
                .size(24.0)
                .color(palette::ACCENT),
        );
        ui.add_space(8.0);
        ui.label(widgets::muted(tr.text("app-tagline")));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            for lang in [Lang::En, Lang::Ja] {
                let name = match lang {
                    Lang::Ja => "日本語",
                    Lang::En => "English",
                };
                if ui.selectable_label(settings.lang == lang, name).clicked() {
                    settings.lang = lang;
                }
            }
            ui.label(widgets::small(tr.text("menu-language")));
            ui.add_space(16.0);
            text_size(ui, tr, settings);
        });
    });
}

/// The text size: smaller, the size, larger (right to left), as Ctrl −/+ do.
fn text_size(ui: &mut Ui, tr: &Tr, settings: &mut Settings) {
    let size = settings.text_size;
    let hint = tr.text("menu-text-size-help");
    if ui
        .add_enabled(size.larger() != size, egui::Button::new("A+"))
        .on_hover_text(&hint)
        .clicked()
    {
        settings.text_size = size.larger();
    }
    ui.label(RichText::new(format!("{}%", size.0)).monospace());
    if ui
        .add_enabled(size.smaller() != size, egui::Button::new("A−"))
        .on_hover_text(&hint)
        .clicked()
    {
        settings.text_size = size.smaller();
    }
    ui.label(widgets::small(tr.text("menu-text-size")));
}

/// The thermometer and the text speed, as two rows of choices.
pub fn call_settings(ui: &mut Ui, tr: &Tr, settings: &mut Settings) {
    egui::Grid::new("menu-settings")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            ui.label(widgets::small(tr.text("menu-thermometer")))
                .on_hover_text(tr.text("menu-thermometer-help"));
            ui.horizontal_wrapped(|ui| {
                for choice in ThermometerChoice::ALL {
                    let label = match choice {
                        ThermometerChoice::AsScenario => tr.text("menu-thermometer-scenario"),
                        ThermometerChoice::Show => tr.text("menu-thermometer-show"),
                        ThermometerChoice::Hide => tr.text("menu-thermometer-hide"),
                    };
                    if ui
                        .selectable_label(settings.thermometer == choice, label)
                        .clicked()
                    {
                        settings.thermometer = choice;
                    }
                }
            });
            ui.end_row();
            ui.label(widgets::small(tr.text("menu-speed")))
                .on_hover_text(tr.text("menu-speed-help"));
            ui.horizontal_wrapped(|ui| {
                for speed in TextSpeed::ALL {
                    if ui
                        .selectable_label(settings.speed == speed, speed.label())
                        .clicked()
                    {
                        settings.speed = speed;
                    }
                }
            });
            ui.end_row();
        });
}
