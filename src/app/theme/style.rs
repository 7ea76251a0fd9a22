//! egui's style for the app: light, spacious, readable text sizes, and no
//! delayed repaints (see `frugal`): the text cursor does not blink and tooltips
//! show at once, so an idle window never schedules a frame for itself.

use bevy_egui::egui::{self, FontFamily, FontId, Stroke, TextStyle};

use super::palette::*;

pub fn style() -> egui::Style {
    let mut style = egui::Style {
        visuals: visuals(),
        ..Default::default()
    };
    style.text_styles = [
        (TextStyle::Heading, FontId::new(22.0, super::fonts::bold())),
        (TextStyle::Body, FontId::new(15.0, FontFamily::Proportional)),
        (
            TextStyle::Button,
            FontId::new(15.0, FontFamily::Proportional),
        ),
        (
            TextStyle::Small,
            FontId::new(super::fonts::SMALLEST, FontFamily::Proportional),
        ),
        (
            TextStyle::Monospace,
            FontId::new(14.0, FontFamily::Monospace),
        ),
    ]
    .into();
    style.spacing.item_spacing = egui::vec2(8.0, 6.0);
    style.spacing.button_padding = egui::vec2(10.0, 5.0);
    style.spacing.interact_size.y = 26.0;
    style.interaction.tooltip_delay = 0.0;
    style.interaction.show_tooltips_only_when_still = false;
    style.animation_time = 0.12;
    style
}

fn visuals() -> egui::Visuals {
    let mut v = egui::Visuals::light();
    v.panel_fill = egui::Color32::TRANSPARENT;
    v.window_fill = SURFACE;
    v.extreme_bg_color = SURFACE;
    v.faint_bg_color = SURFACE_SUNKEN;
    v.override_text_color = Some(INK);
    v.hyperlink_color = ACCENT;
    v.selection.bg_fill = ACCENT_SOFT;
    v.selection.stroke = Stroke::new(1.0, ACCENT);
    v.text_cursor.blink = false;
    v.widgets.noninteractive.bg_stroke = Stroke::new(1.0, BORDER);
    v.widgets.inactive.weak_bg_fill = SURFACE;
    v.widgets.inactive.bg_fill = SURFACE;
    v.widgets.inactive.bg_stroke = Stroke::new(1.0, BORDER);
    v.widgets.hovered.weak_bg_fill = ACCENT_SOFT;
    v.widgets.hovered.bg_fill = ACCENT_SOFT;
    v.widgets.hovered.bg_stroke = Stroke::new(1.0, ACCENT);
    v.widgets.active.weak_bg_fill = ACCENT_SOFT;
    v.widgets.active.bg_stroke = Stroke::new(1.5, ACCENT);
    v.widgets.open.weak_bg_fill = ACCENT_SOFT;
    for w in [
        &mut v.widgets.inactive,
        &mut v.widgets.hovered,
        &mut v.widgets.active,
        &mut v.widgets.open,
    ] {
        w.corner_radius = 6.into();
        w.fg_stroke.color = INK;
    }
    v
}

pub fn install(ctx: &egui::Context) {
    // Ctrl +/− is the app's text size, kept in the settings (`text_size`).
    ctx.options_mut(|o| o.zoom_with_keyboard = false);
    ctx.set_theme(egui::ThemePreference::Light);
    ctx.all_styles_mut(|s| *s = style());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A focused text field is the case that kept bevy_egui redrawing: with egui's
    /// default blinking cursor it asks for a repaint every half second, which
    /// bevy_egui turns into an immediate redraw, forever.
    #[test]
    fn no_text_style_is_smaller_than_the_smallest_size() {
        for (style, font) in &style().text_styles {
            assert!(
                font.size >= crate::app::theme::fonts::SMALLEST,
                "{style:?} is {} px",
                font.size
            );
        }
    }

    #[test]
    fn a_focused_text_field_asks_for_no_repaint_once_settled() {
        let run = |ctx: &egui::Context| {
            let mut text = String::from("memo");
            let mut delay = std::time::Duration::ZERO;
            for _ in 0..4 {
                let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
                    let r = ui.text_edit_singleline(&mut text);
                    r.request_focus();
                });
                out.textures_delta.clear();
                delay = out.viewport_output[&egui::ViewportId::ROOT].repaint_delay;
            }
            delay
        };
        let default = egui::Context::default();
        assert!(
            run(&default) < std::time::Duration::MAX,
            "egui's default style must schedule the blink"
        );
        let ours = egui::Context::default();
        install(&ours);
        assert_eq!(run(&ours), std::time::Duration::MAX);
    }
}
