//! The anger curve over call time: the calm band, the hang-up line, the opening
//! of the three-minute window and its 3:00 line, and every action marked and
//! numbered as in the list of what was said.

use bevy_egui::egui::{self, Ui};
use claim_dojo_core::report::Report;
use claim_dojo_core::report::human::clock;
use claim_dojo_core::scenario::Persona;
use egui_plot::{
    Axis, HoverPosition, Line, LineStyle, MarkerShape, Plot, PlotPoint, Points, Span, Text, VLine,
};

use crate::app::locale::Tr;
use crate::app::theme::palette;

pub fn show(ui: &mut Ui, tr: &Tr, report: &Report, persona: &Persona) {
    let d = &report.deescalation;
    let end = report.ended_at_s.max(d.deadline_s.unwrap_or(0.0)) + 5.0;
    let curve: Vec<[f64; 2]> = report.anger_curve.clone();
    let choices: Vec<[f64; 2]> = report
        .marks
        .iter()
        .filter(|m| m.cause == "choice")
        .map(|m| [m.at_s, m.to])
        .collect();
    let others: Vec<[f64; 2]> = report
        .marks
        .iter()
        .filter(|m| m.cause != "choice")
        .map(|m| [m.at_s, m.to])
        .collect();
    Plot::new("debrief-curve")
        .height(250.0)
        .include_x(0.0)
        .include_x(end)
        .include_y(0.0)
        .include_y(100.0)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_grid([false, true])
        .x_axis_formatter(|m, _| clock(m.value))
        .x_axis_label(tr.text("debrief-curve-x"))
        .y_axis_label(tr.text("debrief-curve-y"))
        .label_formatter(|hover| {
            let (HoverPosition::NearDataPoint { position: p, .. }
            | HoverPosition::Elsewhere { position: p }) = hover;
            Some(format!("{}  {:.0}", clock(p.x), p.y))
        })
        .show(ui, |plot| {
            plot.add(
                Span::new("", 0.0..=persona.calm_below)
                    .axis(Axis::Y)
                    .fill(palette::CALM_BAND)
                    .border_width(0.0),
            );
            plot.add(
                egui_plot::HLine::new(tr.text("debrief-hang-up-line"), persona.hang_up_at)
                    .color(palette::BAD)
                    .style(LineStyle::dashed_loose()),
            );
            if let (Some(start), Some(deadline)) = (d.window_start_s, d.deadline_s) {
                plot.add(
                    VLine::new(tr.text("debrief-window-start"), start)
                        .color(palette::INK_FAINT)
                        .style(LineStyle::dotted_dense()),
                );
                plot.add(
                    VLine::new(tr.text("debrief-window-line"), deadline)
                        .color(palette::INK)
                        .width(2.0),
                );
            }
            plot.add(
                Line::new(tr.text("debrief-anger"), curve)
                    .color(palette::ANGER_ANGRY)
                    .width(2.5),
            );
            plot.add(
                Points::new(tr.text("debrief-mark-choice"), choices.clone())
                    .radius(5.0)
                    .color(palette::ACCENT)
                    .shape(MarkerShape::Circle),
            );
            plot.add(
                Points::new(tr.text("debrief-mark-other"), others)
                    .radius(4.0)
                    .color(palette::CAUTION)
                    .shape(MarkerShape::Diamond),
            );
            for (i, [x, y]) in choices.iter().enumerate() {
                plot.add(
                    Text::new(
                        "",
                        PlotPoint::new(*x, (*y + 6.0).min(99.0)),
                        egui::RichText::new((i + 1).to_string())
                            .strong()
                            .color(palette::ACCENT),
                    )
                    .allow_hover(false),
                );
            }
        });
    legend(ui, tr);
}

/// What each mark means, under the plot rather than over the curve.
fn legend(ui: &mut Ui, tr: &Tr) {
    ui.horizontal_wrapped(|ui| {
        let item = |ui: &mut Ui, draw: &dyn Fn(&egui::Painter, egui::Rect), label: String| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(22.0, 14.0), egui::Sense::hover());
            draw(ui.painter(), rect);
            ui.label(crate::app::theme::widgets::small(label));
            ui.add_space(6.0);
        };
        let line = |c: egui::Color32, w: f32| {
            move |p: &egui::Painter, r: egui::Rect| {
                p.line_segment([r.left_center(), r.right_center()], egui::Stroke::new(w, c));
            }
        };
        item(
            ui,
            &line(palette::ANGER_ANGRY, 2.5),
            tr.text("debrief-anger"),
        );
        item(
            ui,
            &|p, r| {
                p.circle_filled(r.center(), 4.5, palette::ACCENT);
            },
            tr.text("debrief-mark-choice"),
        );
        item(
            ui,
            &|p, r| {
                p.circle_filled(r.center(), 3.5, palette::CAUTION);
            },
            tr.text("debrief-mark-other"),
        );
        item(
            ui,
            &|p, r| {
                p.rect_filled(r.shrink(1.0), 2.0, palette::CALM_BAND);
            },
            tr.text("debrief-calm-band"),
        );
        item(
            ui,
            &line(palette::BAD, 1.5),
            tr.text("debrief-hang-up-line"),
        );
        item(ui, &line(palette::INK, 2.0), tr.text("debrief-window-line"));
    });
}
