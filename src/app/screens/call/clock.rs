//! The call's top bar: the scenario, the call clock (m:ss) and the three-minute
//! window with its 3:00 mark: it opens at the trainee's first words (at once on a
//! takeover) and the customer must be calm before it closes.

use bevy_egui::egui::{self, Align2, FontId, Pos2, Rect, RichText, Sense, Stroke, Ui, vec2};
use claim_dojo_core::report::human::clock;
use claim_dojo_core::session::WINDOW_MS;

use super::Call;
use crate::app::locale::Tr;
use crate::app::theme::{fonts, palette, widgets};

/// Returns whether the pause button was clicked.
pub fn bar(ui: &mut Ui, tr: &Tr, call: &Call) -> bool {
    let session = &call.session;
    let s = session.scenario();
    let mut pause = false;
    ui.horizontal(|ui| {
        ui.vertical(|ui| {
            ui.label(widgets::title(tr.pick(&s.title)));
            let mode = if call.is_live() {
                tr.text("call-live")
            } else {
                tr.text("call-replay")
            };
            ui.label(widgets::small(mode));
        });
        ui.add_space(24.0);
        ui.vertical(|ui| {
            ui.label(widgets::small(tr.text("call-clock")));
            // Every digit once, so a new one never waits a frame for the font atlas.
            let big = egui::FontId::new(28.0, fonts::bold());
            let _ = ui
                .painter()
                .layout_no_wrap("0123456789:".into(), big, palette::INK);
            ui.label(
                RichText::new(clock(session.now_ms() as f64 / 1000.0))
                    .family(fonts::bold())
                    .size(28.0)
                    .color(palette::INK),
            );
        });
        ui.add_space(16.0);
        window(ui, tr, call);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            pause = ui
                .add(widgets::secondary_button(tr.text("call-pause"), "P"))
                .clicked();
        });
    });
    pause
}

/// The three-minute window as a bar from its opening to its 3:00 mark.
fn window(ui: &mut Ui, tr: &Tr, call: &Call) {
    let session = &call.session;
    let now = session.now_ms();
    ui.vertical(|ui| {
        let Some(start) = session.window_start_ms() else {
            ui.label(widgets::small(tr.text("call-window")));
            ui.label(widgets::muted(tr.text("call-window-not-open")));
            return;
        };
        let elapsed = now.saturating_sub(start);
        let left = (start + WINDOW_MS).saturating_sub(now);
        let calm = session.calm_at_ms().filter(|_| call.shows_thermometer);
        let status = match calm {
            Some(at) if at <= start + WINDOW_MS => tr.args(
                "call-window-calm",
                &[("time", &clock(at.saturating_sub(start) as f64 / 1000.0))],
            ),
            _ if left == 0 => tr.text("call-window-over"),
            _ => tr.args(
                "call-window-left",
                &[("time", &clock(left as f64 / 1000.0))],
            ),
        };
        ui.label(widgets::small(status));
        let (rect, _) = ui.allocate_exact_size(vec2(260.0, 22.0), Sense::hover());
        let painter = ui.painter_at(rect.expand(2.0));
        let track = Rect::from_min_size(rect.min + vec2(0.0, 4.0), vec2(rect.width() - 34.0, 10.0));
        painter.rect_filled(track, 4.0, palette::SURFACE_SUNKEN);
        let t = (elapsed as f32 / WINDOW_MS as f32).min(1.0);
        let colour = if left == 0 {
            palette::BAD
        } else if t > 0.75 {
            palette::CAUTION
        } else {
            palette::ACCENT
        };
        painter.rect_filled(
            Rect::from_min_size(track.min, vec2(track.width() * t, track.height())),
            4.0,
            colour,
        );
        let mark = Pos2::new(track.right(), track.center().y);
        painter.line_segment(
            [mark - vec2(0.0, 8.0), mark + vec2(0.0, 8.0)],
            Stroke::new(2.0, palette::INK),
        );
        painter.text(
            mark + vec2(4.0, 0.0),
            Align2::LEFT_CENTER,
            "3:00",
            FontId::monospace(12.0),
            palette::INK,
        );
    });
}
