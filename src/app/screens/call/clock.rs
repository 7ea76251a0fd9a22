//! The call's top bar: the scenario, whether the call is on, the one running
//! clock (call time, m:ss) and the three-minute window drawn against that clock:
//! it opens at the trainee's first words (at once on a takeover) and its 3:00
//! mark is labelled with the call time it falls on, so every time on the screen
//! is read on the same clock.

use bevy_egui::egui::{self, Align2, FontId, Pos2, Rect, RichText, Sense, Stroke, Ui, vec2};
use claim_dojo_core::report::human::clock;
use claim_dojo_core::session::WINDOW_MS;

use super::Call;
use crate::app::locale::Tr;
use crate::app::theme::{fonts, palette, widgets};

/// The clock's digits, monospaced so a new second never moves the bar.
const CLOCK_SIZE: f32 = 28.0;

fn ms_clock(ms: u64) -> String {
    clock(ms as f64 / 1000.0)
}

/// Returns whether the pause button was clicked.
pub fn bar(ui: &mut Ui, tr: &Tr, call: &Call) -> bool {
    let session = &call.session;
    let s = session.scenario();
    let mut pause = false;
    ui.horizontal(|ui| {
        ui.vertical(|ui| {
            ui.label(widgets::title(tr.pick(&s.title)));
            let mode = match (call.is_live(), session.is_over()) {
                (true, false) => tr.text("call-live"),
                (true, true) => tr.text("call-over"),
                (false, _) => tr.text("call-replay"),
            };
            ui.label(widgets::small(mode));
        });
        ui.add_space(24.0);
        ui.vertical(|ui| {
            ui.label(widgets::small(tr.text("call-clock")));
            let big = FontId::monospace(CLOCK_SIZE);
            warm_digits(ui, &big);
            ui.add_sized(
                [CLOCK_SIZE * 3.2, CLOCK_SIZE + 6.0],
                egui::Label::new(
                    RichText::new(ms_clock(session.now_ms()))
                        .font(big)
                        .color(palette::INK),
                )
                .extend(),
            );
        });
        ui.add_space(16.0);
        window(ui, tr, call);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            pause = ui
                .add_enabled(
                    !session.is_over(),
                    widgets::secondary_button(tr.text("call-pause"), "P"),
                )
                .clicked();
        });
    });
    pause
}

/// Lays out every digit at every place the clock can show it, so that no second
/// brings a glyph the font atlas lacks. egui caches a glyph per sub-pixel
/// offset (four per glyph), and a glyph new to the atlas reaches the screen a
/// frame late: a clock warmed with "0123456789:" alone still lost a digit for
/// a frame now and then ("0:2"). egui keeps these layouts, so this costs a
/// lookup a frame.
pub fn warm_digits(ui: &Ui, font: &FontId) {
    for d in '0'..='9' {
        for text in [format!("{d}:{d}{d}"), format!("{d}{d}:{d}{d}")] {
            let _ = ui
                .painter()
                .layout_no_wrap(text, font.clone(), palette::INK);
        }
    }
}

/// What the window line says, in call time: when it closes, and when the
/// customer was calm (shown only with the thermometer: hard mode hides it).
fn status(tr: &Tr, call: &Call) -> Option<String> {
    let session = &call.session;
    let start = session.window_start_ms()?;
    let deadline = start + WINDOW_MS;
    let calm = session.calm_at_ms().filter(|_| call.shows_thermometer);
    Some(match calm {
        Some(at) if at <= deadline => tr.args(
            "call-window-calm-at",
            &[("time", &ms_clock(at)), ("deadline", &ms_clock(deadline))],
        ),
        _ if session.now_ms() >= deadline => {
            tr.args("call-window-closed", &[("deadline", &ms_clock(deadline))])
        }
        _ => tr.args("call-window-deadline", &[("deadline", &ms_clock(deadline))]),
    })
}

/// The three-minute window as a bar from its opening to its 3:00 mark.
fn window(ui: &mut Ui, tr: &Tr, call: &Call) {
    let session = &call.session;
    let now = session.now_ms();
    ui.vertical(|ui| {
        let (Some(start), Some(text)) = (session.window_start_ms(), status(tr, call)) else {
            ui.label(widgets::small(tr.text("call-window")));
            ui.label(widgets::muted(tr.text("call-window-not-open")));
            return;
        };
        ui.label(widgets::small(text));
        let deadline = start + WINDOW_MS;
        let (rect, _) = ui.allocate_exact_size(vec2(280.0, 24.0), Sense::hover());
        let painter = ui.painter_at(rect.expand(2.0));
        let track = Rect::from_min_size(rect.min + vec2(0.0, 4.0), vec2(rect.width() - 48.0, 10.0));
        painter.rect_filled(track, 4.0, palette::SURFACE_SUNKEN);
        let t = (now.saturating_sub(start) as f32 / WINDOW_MS as f32).min(1.0);
        let colour = if now >= deadline {
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
            ms_clock(deadline),
            FontId::new(fonts::SMALLEST, egui::FontFamily::Monospace),
            palette::INK,
        );
    });
}

#[cfg(test)]
mod tests {
    use bevy_egui::egui::{self, FontId};
    use claim_dojo_core::report::human::clock;

    use super::{CLOCK_SIZE, warm_digits};

    /// New font-atlas pixels while drawing `texts` after `warm` ran.
    fn new_glyphs(warm: impl Fn(&egui::Ui), texts: &[String]) -> usize {
        let ctx = egui::Context::default();
        crate::app::theme::fonts::install(&ctx);
        let font = FontId::monospace(CLOCK_SIZE);
        for _ in 0..2 {
            let mut out = ctx.run_ui(egui::RawInput::default(), |ui| warm(ui));
            out.textures_delta.clear();
        }
        let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
            warm(ui);
            for t in texts {
                ui.label(egui::RichText::new(t).font(font.clone()));
            }
        });
        let n = out.textures_delta.set.len();
        out.textures_delta.clear();
        n
    }

    #[test]
    fn no_second_of_the_clock_waits_for_a_glyph() {
        let seconds: Vec<String> = (0..1200).map(|s| clock(f64::from(s))).collect();
        let font = FontId::monospace(CLOCK_SIZE);
        assert_eq!(new_glyphs(|ui| warm_digits(ui, &font), &seconds), 0);
        let old = |ui: &egui::Ui| {
            let _ = ui.painter().layout_no_wrap(
                "0123456789:".into(),
                font.clone(),
                egui::Color32::BLACK,
            );
        };
        assert!(
            new_glyphs(old, &seconds) > 0,
            "the old warm-up left digits to be drawn a frame late"
        );
    }
}
