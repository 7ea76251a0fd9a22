//! The voice on the menu: on or text only, the volume, why calls run in text
//! only when the synthesiser or the audio device is missing (said here, once,
//! instead of at every call), and the voice's credit that its licence asks for.

use bevy_egui::egui::{self, RichText, Ui};

use super::VoiceStatus;
use crate::app::locale::Tr;
use crate::app::settings::Settings;
use crate::app::theme::{palette, widgets};

pub fn settings(ui: &mut Ui, tr: &Tr, settings: &mut Settings, status: Option<&VoiceStatus>) {
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(widgets::small(tr.text("voice-title")))
            .on_hover_text(tr.text("voice-help"));
        for (on, label) in [(true, tr.text("voice-on")), (false, tr.text("voice-off"))] {
            if ui.selectable_label(settings.voice == on, label).clicked() {
                settings.voice = on;
            }
        }
        ui.add_space(12.0);
        ui.label(widgets::small(tr.text("voice-volume")));
        let mut percent = (settings.voice_volume * 100.0).round();
        // Narrow enough that the row fits beside the list on a 1024 px window.
        ui.spacing_mut().slider_width = 80.0;
        // egui paints the rail (and the knob at rest) with the resting fill,
        // which the theme makes the card's white: the rail vanished and the knob
        // floated alone. Here the rail is grey, the volume part of it in the
        // accent colour, the knob outlined.
        let changed = ui
            .scope(|ui| {
                let v = ui.visuals_mut();
                v.widgets.inactive.bg_fill = palette::BORDER;
                v.widgets.inactive.bg_stroke = egui::Stroke::new(1.0, palette::INK_FAINT);
                v.selection.bg_fill = palette::ACCENT;
                let slider = egui::Slider::new(&mut percent, 0.0..=100.0)
                    .show_value(false)
                    .step_by(5.0)
                    .trailing_fill(true);
                ui.add_enabled(settings.voice, slider).changed()
            })
            .inner;
        if changed {
            settings.voice_volume = percent / 100.0;
        }
        ui.label(widgets::small(format!("{percent:.0} %")));
    });
    if settings.voice
        && let Some(why) = status.and_then(VoiceStatus::text_only)
    {
        // The device's own words (from the sound system, in English) go to the log.
        let why = match why {
            claim_dojo_voice::VoiceError::NoAudioDevice { .. } => tr.text("voice-no-device"),
            other => other.message(tr.lang),
        };
        ui.label(
            RichText::new(tr.args("voice-text-only", &[("why", &why)]))
                .size(14.0)
                .color(palette::CAUTION),
        );
    }
    ui.add(egui::Label::new(widgets::small(tr.text("voice-credit"))).wrap());
}
