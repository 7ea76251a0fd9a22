//! The anger thermometer: a bar from calm to hang-up with the calm band, the
//! level as a word beside the colour (平静 / 不満 / 怒り / 激怒) for trainees who
//! cannot tell the colours apart, and the last jump as a signed number. It eases
//! towards the engine's value so a jump is seen as a movement. Hidden in hard mode.

use bevy_egui::egui::{self, Align2, FontId, Pos2, Rect, RichText, Sense, Stroke, Ui, vec2};
use claim_dojo_core::scenario::Persona;

use super::gauge::{Gauge, Level};
use crate::app::locale::Tr;
use crate::app::theme::{fonts, palette, widgets};

pub fn show(ui: &mut Ui, tr: &Tr, gauge: &Gauge, persona: &Persona, visible: bool) {
    ui.label(widgets::section(tr.text("call-thermometer")));
    if !visible {
        ui.label(widgets::muted(tr.text("call-thermometer-hidden")));
        return;
    }
    let level = Level::of(gauge.shown, persona);
    ui.horizontal(|ui| {
        bar(ui, tr, gauge.shown, persona, level);
        ui.add_space(10.0);
        ui.vertical(|ui| {
            ui.add_space(16.0);
            ui.label(
                RichText::new(level.word(tr))
                    .family(fonts::bold())
                    .size(24.0)
                    .color(level.text_colour()),
            );
            ui.label(
                RichText::new(format!("{:.0} / 100", gauge.shown))
                    .monospace()
                    .size(16.0)
                    .color(palette::INK_MUTED),
            );
            if let Some((delta, _)) = gauge.jolt {
                let colour = if delta > 0.0 {
                    palette::BAD
                } else {
                    palette::GOOD
                };
                ui.label(
                    RichText::new(format!("{delta:+.1}"))
                        .family(fonts::bold())
                        .size(20.0)
                        .color(colour),
                );
            }
            ui.add_space(8.0);
            ui.label(widgets::small(tr.args(
                "call-calm-band",
                &[("n", &format!("{:.0}", persona.calm_below))],
            )));
            ui.label(widgets::small(tr.args(
                "call-hang-up-at",
                &[("n", &format!("{:.0}", persona.hang_up_at))],
            )));
        });
    });
}

/// One line: the level word, the number and a horizontal bar with the calm band
/// and the hang-up mark, for when the handoff form needs the room.
pub fn compact(ui: &mut Ui, tr: &Tr, gauge: &Gauge, persona: &Persona, visible: bool) {
    ui.horizontal(|ui| {
        ui.label(widgets::section(tr.text("call-thermometer")));
        if !visible {
            ui.label(widgets::small(tr.text("call-thermometer-hidden-short")));
            return;
        }
        let level = Level::of(gauge.shown, persona);
        ui.label(
            RichText::new(level.word(tr))
                .family(fonts::bold())
                .size(18.0)
                .color(level.text_colour()),
        );
        ui.label(
            RichText::new(format!("{:.0}", gauge.shown))
                .monospace()
                .color(palette::INK_MUTED),
        );
    });
    if !visible {
        return;
    }
    let level = Level::of(gauge.shown, persona);
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), 14.0), Sense::hover());
    let x = |v: f64| rect.left() + (v.clamp(0.0, 100.0) as f32 / 100.0) * rect.width();
    let painter = ui.painter_at(rect.expand(2.0));
    painter.rect_filled(rect, 4.0, palette::SURFACE_SUNKEN);
    painter.rect_filled(
        Rect::from_min_max(rect.min, Pos2::new(x(persona.calm_below), rect.bottom())),
        4.0,
        palette::CALM_BAND,
    );
    painter.rect_filled(
        Rect::from_min_max(
            rect.min + vec2(0.0, 3.0),
            Pos2::new(x(gauge.shown), rect.bottom() - 3.0),
        ),
        3.0,
        level.colour(),
    );
    let hang_up = x(persona.hang_up_at);
    painter.line_segment(
        [
            Pos2::new(hang_up, rect.top() - 2.0),
            Pos2::new(hang_up, rect.bottom() + 2.0),
        ],
        Stroke::new(2.0, palette::BAD),
    );
}

fn bar(ui: &mut Ui, tr: &Tr, anger: f64, p: &Persona, level: Level) {
    let (rect, _) = ui.allocate_exact_size(vec2(104.0, 190.0), Sense::hover());
    let tube = Rect::from_min_size(rect.min + vec2(62.0, 4.0), vec2(30.0, rect.height() - 8.0));
    let y = |v: f64| tube.bottom() - (v.clamp(0.0, 100.0) as f32 / 100.0) * tube.height();
    let painter = ui.painter_at(rect);
    painter.rect_filled(tube, 6.0, palette::SURFACE_SUNKEN);
    let band = Rect::from_min_max(Pos2::new(tube.left(), y(p.calm_below)), tube.right_bottom());
    painter.rect_filled(band, 6.0, palette::CALM_BAND);
    let fill = Rect::from_min_max(
        Pos2::new(tube.left() + 5.0, y(anger)),
        Pos2::new(tube.right() - 5.0, tube.bottom() - 3.0),
    );
    painter.rect_filled(fill, 4.0, level.colour());
    painter.rect_stroke(
        tube,
        6.0,
        Stroke::new(1.0, palette::BORDER),
        egui::StrokeKind::Inside,
    );
    let small = FontId::proportional(fonts::SMALLEST);
    for (v, label, colour) in [
        (p.hang_up_at, tr.text("call-hang-up"), palette::BAD),
        (p.calm_below, tr.text("call-calm"), palette::GOOD),
    ] {
        let yy = y(v);
        painter.line_segment(
            [
                Pos2::new(tube.left() - 4.0, yy),
                Pos2::new(tube.right() + 4.0, yy),
            ],
            Stroke::new(1.5, colour),
        );
        painter.text(
            Pos2::new(tube.left() - 6.0, yy),
            Align2::RIGHT_CENTER,
            label,
            small.clone(),
            colour,
        );
    }
    let yy = y(anger);
    painter.line_segment(
        [
            Pos2::new(tube.left() - 2.0, yy),
            Pos2::new(tube.right() + 8.0, yy),
        ],
        Stroke::new(2.5, palette::INK),
    );
}
