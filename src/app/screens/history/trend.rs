//! The trend: every session's score in order, each point green when the
//! customer was calmed within three minutes and red when not, with the share
//! of 3-minute passes over the last few sessions as a second line.

use bevy_egui::egui::Ui;
use claim_dojo_records::History;
use claim_dojo_records::history::PASS_RATE_WINDOW;
use egui_plot::{Legend, Line, MarkerShape, Plot, Points};

use crate::app::locale::Tr;
use crate::app::theme::{palette, widgets};

pub fn show(ui: &mut Ui, tr: &Tr, h: &History) {
    ui.label(widgets::section(tr.text("history-trend")));
    if h.trend.is_empty() {
        ui.label(widgets::muted(tr.text("history-empty")));
        return;
    }
    let pct = |score: u32, max: u32| f64::from(score) * 100.0 / f64::from(max.max(1));
    let scores: Vec<[f64; 2]> = h
        .trend
        .iter()
        .enumerate()
        .map(|(i, p)| [i as f64 + 1.0, pct(p.score, p.max)])
        .collect();
    let (passed, failed): (Vec<_>, Vec<_>) = h
        .trend
        .iter()
        .zip(&scores)
        .partition(|(p, _)| p.deescalation_passed);
    let rate: Vec<[f64; 2]> = h
        .trend
        .iter()
        .enumerate()
        .map(|(i, p)| [i as f64 + 1.0, p.pass_rate * 100.0])
        .collect();
    let n = h.trend.len() as f64;
    Plot::new("history-trend")
        .height(200.0)
        .include_x(0.5)
        .include_x(n + 0.5)
        .include_y(0.0)
        .include_y(100.0)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .legend(Legend::default())
        .x_axis_label(tr.text("history-trend-x"))
        .y_axis_label(tr.text("history-trend-y"))
        .show(ui, |plot| {
            plot.add(
                Line::new(tr.text("history-trend-score"), scores.clone())
                    .color(palette::ACCENT)
                    .width(2.0),
            );
            plot.add(
                Line::new(
                    tr.args(
                        "history-trend-rate",
                        &[("n", &PASS_RATE_WINDOW.to_string())],
                    ),
                    rate,
                )
                .color(palette::GOOD)
                .width(1.5)
                .style(egui_plot::LineStyle::dashed_dense()),
            );
            plot.add(
                Points::new(
                    tr.text("history-trend-passed"),
                    passed.iter().map(|(_, p)| **p).collect::<Vec<_>>(),
                )
                .radius(4.5)
                .color(palette::GOOD)
                .shape(MarkerShape::Circle),
            );
            plot.add(
                Points::new(
                    tr.text("history-trend-failed"),
                    failed.iter().map(|(_, p)| **p).collect::<Vec<_>>(),
                )
                .radius(4.5)
                .color(palette::BAD)
                .shape(MarkerShape::Cross),
            );
        });
}
