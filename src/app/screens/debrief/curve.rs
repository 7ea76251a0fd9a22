//! The anger curve over call time, fitted to the call: the calm band, the
//! hang-up line, the opening of the three-minute window and its 3:00 line where
//! the window really closes (or a note when that falls after the call), ticks
//! every minute (every 15 or 30 seconds on a short call), every answer marked
//! and numbered as in the coached list, and the model call's curve beneath.

use bevy_egui::egui::{self, Ui};
use claim_dojo_core::report::Report;
use claim_dojo_core::report::human::clock;
use claim_dojo_core::scenario::Persona;
use egui_plot::{
    Axis, GridInput, GridMark, HoverPosition, Line, LineStyle, MarkerShape, Plot, PlotPoint,
    Points, Span, Text, VLine,
};

use crate::app::locale::Tr;
use crate::app::theme::{palette, widgets};

/// The x axis: from 0 to a little after the call ended.
pub fn x_range(report: &Report) -> (f64, f64) {
    let end = report.ended_at_s.max(1.0);
    (0.0, end + (end * 0.04).max(2.0))
}

/// Seconds between the x axis' labelled ticks: each minute, or finer on a short call.
pub fn tick_step(span_s: f64) -> f64 {
    if span_s >= 150.0 {
        60.0
    } else if span_s >= 60.0 {
        30.0
    } else if span_s >= 20.0 {
        15.0
    } else {
        5.0
    }
}

fn ticks(step: f64) -> impl Fn(GridInput) -> Vec<GridMark> {
    move |input: GridInput| {
        let (lo, hi) = input.bounds;
        let mut marks = Vec::new();
        let mut t = (lo / step).ceil() * step;
        while t <= hi {
            marks.push(GridMark {
                value: t,
                step_size: step,
            });
            t += step;
        }
        marks
    }
}

pub fn show(ui: &mut Ui, tr: &Tr, report: &Report, persona: &Persona, model: Option<&Report>) {
    let d = &report.deescalation;
    let (x0, x1) = x_range(report);
    let step = tick_step(x1 - x0);
    let answers: Vec<[f64; 2]> = report
        .coaching
        .iter()
        .map(|c| [c.at_s, c.said.anger_to])
        .collect();
    let others: Vec<[f64; 2]> = report
        .marks
        .iter()
        .filter(|m| m.cause != "choice")
        .map(|m| [m.at_s, m.to])
        .collect();
    let deadline_inside = d.deadline_s.filter(|t| *t <= report.ended_at_s);
    Plot::new("debrief-curve")
        .height(250.0)
        .include_x(x0)
        .include_x(x1)
        .include_y(0.0)
        .include_y(100.0)
        .auto_bounds([false, false])
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_grid([false, true])
        .x_grid_spacer(ticks(step))
        .x_axis_formatter(|m, _| clock(m.value))
        .x_axis_label(tr.text("debrief-curve-x"))
        .y_axis_label(tr.text("debrief-curve-y"))
        .label_formatter(|hover| {
            let (HoverPosition::NearDataPoint { position: p, .. }
            | HoverPosition::Elsewhere { position: p }) = hover;
            Some(format!("{}  {:.0}", clock(p.x), p.y))
        })
        .show(ui, |plot| {
            plot.set_plot_bounds_x(x0..=x1);
            plot.set_plot_bounds_y(0.0..=100.0);
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
            if let Some(start) = d.window_start_s {
                plot.add(
                    VLine::new(tr.text("debrief-window-start"), start)
                        .color(palette::INK_FAINT)
                        .style(LineStyle::dotted_dense()),
                );
            }
            if let Some(deadline) = deadline_inside {
                plot.add(
                    VLine::new(tr.text("debrief-window-line"), deadline)
                        .color(palette::INK)
                        .width(2.0),
                );
            }
            if let Some(m) = model {
                plot.add(
                    Line::new(tr.text("debrief-mark-model"), m.anger_curve.clone())
                        .color(palette::INK_FAINT)
                        .style(LineStyle::dashed_dense())
                        .width(1.5),
                );
            }
            plot.add(
                Line::new(tr.text("debrief-anger"), report.anger_curve.clone())
                    .color(palette::ANGER_ANGRY)
                    .width(2.5),
            );
            plot.add(
                Points::new(tr.text("debrief-mark-choice"), answers.clone())
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
            for (i, [x, y]) in answers.iter().enumerate() {
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
    if let (Some(deadline), None) = (d.deadline_s, deadline_inside) {
        ui.label(widgets::small(tr.args(
            "debrief-window-after-call",
            &[("time", &clock(deadline))],
        )));
    }
    legend(ui, tr, model.is_some());
}

/// What each mark means, under the plot rather than over the curve.
fn legend(ui: &mut Ui, tr: &Tr, model: bool) {
    ui.horizontal_wrapped(|ui| {
        let item = |ui: &mut Ui, draw: &dyn Fn(&egui::Painter, egui::Rect), label: String| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(22.0, 14.0), egui::Sense::hover());
            draw(ui.painter(), rect);
            ui.label(widgets::small(label));
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
        if model {
            item(
                ui,
                &|p, r| {
                    let dash = egui::Shape::dashed_line(
                        &[r.left_center(), r.right_center()],
                        egui::Stroke::new(1.5, palette::INK_FAINT),
                        4.0,
                        3.0,
                    );
                    p.extend(dash);
                },
                tr.text("debrief-mark-model"),
            );
        }
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

#[cfg(test)]
mod tests {
    use super::tick_step;

    #[test]
    fn ticks_are_minutes_on_a_long_call_and_finer_on_a_short_one() {
        assert_eq!(tick_step(200.0), 60.0);
        assert_eq!(tick_step(90.0), 30.0);
        assert_eq!(tick_step(28.0), 15.0);
        assert_eq!(tick_step(8.0), 5.0);
    }
}
