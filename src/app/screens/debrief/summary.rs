//! The headline of the debrief: the outcome, the three-minute de-escalation with
//! the time to calm, and the score with every part that makes it.

use bevy_egui::egui::{self, RichText, Ui, vec2};
use claim_dojo_core::report::Report;
use claim_dojo_core::report::human::clock;

use crate::app::locale::Tr;
use crate::app::theme::{fonts, palette, widgets};

/// The headline and the score side by side when they fit, else one above the other.
pub fn show(ui: &mut Ui, tr: &Tr, report: &Report) {
    if ui.available_width() < 620.0 {
        headline(ui, tr, report);
        ui.add_space(10.0);
        score(ui, tr, report);
        return;
    }
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.set_width(290.0);
            headline(ui, tr, report);
        });
        ui.add_space(12.0);
        ui.vertical(|ui| score(ui, tr, report));
    });
}

fn headline(ui: &mut Ui, tr: &Tr, report: &Report) {
    // The core's outcome points say whether the ending counts: a call ended by policy
    // is good only when R23 was kept, and then it earns them.
    let good = report
        .score
        .parts
        .iter()
        .any(|p| p.part == "outcome" && p.points > 0);
    ui.label(widgets::small(tr.text("debrief-outcome")));
    let colour = match (good, &report.outcome_reason) {
        (true, None) => palette::GOOD,
        (true, Some(_)) => palette::CAUTION,
        (false, _) => palette::BAD,
    };
    ui.label(
        RichText::new(tr.key(&format!("outcome-{}", report.outcome)))
            .family(fonts::bold())
            .size(24.0)
            .color(colour),
    );
    // Closed on false relief: the engine does not count it, and says why.
    if let Some(reason) = &report.outcome_reason {
        ui.label(
            RichText::new(tr.text("debrief-outcome-not-counted"))
                .family(fonts::bold())
                .color(palette::CAUTION),
        );
        ui.label(widgets::small(tr.pick(&reason.detail)));
    }
    ui.label(widgets::small(
        tr.args("debrief-ended", &[("time", &clock(report.ended_at_s))]),
    ));
    ui.add_space(10.0);
    let d = &report.deescalation;
    ui.label(widgets::small(tr.text("debrief-deescalation")));
    // Points in call time, as on the clock and the curve: "calm at 1:08", never
    // a duration that reads like one.
    let deadline = clock(d.deadline_s.unwrap_or(0.0));
    let (text, colour) = match (d.passed, d.calm_at_s) {
        // Handing over at once was the right move, and the trainee made it.
        _ if !d.goal => (tr.text("debrief-not-the-goal"), palette::INK_MUTED),
        (true, Some(c)) => (
            tr.args(
                "debrief-calm-at",
                &[("time", &clock(c)), ("deadline", &deadline)],
            ),
            palette::GOOD,
        ),
        (false, Some(c)) => (
            tr.args(
                "debrief-calm-after-deadline",
                &[("time", &clock(c)), ("deadline", &deadline)],
            ),
            palette::CAUTION,
        ),
        _ => (tr.text("debrief-never-calm"), palette::BAD),
    };
    let mark = match (d.goal, d.passed) {
        (false, _) => "－",
        (true, true) => "○",
        (true, false) => "×",
    };
    ui.add(
        egui::Label::new(
            RichText::new(format!("{mark} {text}"))
                .family(fonts::bold())
                .size(16.0)
                .color(colour),
        )
        .wrap(),
    );
    if let Some(start) = d.window_start_s {
        ui.label(widgets::small(tr.args(
            "debrief-window",
            &[("start", &clock(start)), ("end", &clock(start + 180.0))],
        )));
    }
}

fn score(ui: &mut Ui, tr: &Tr, report: &Report) {
    let s = &report.score;
    ui.horizontal(|ui| {
        ui.label(widgets::small(tr.text("debrief-score")));
        ui.label(
            RichText::new(format!("{} / {}", s.total, s.max))
                .family(fonts::bold())
                .size(26.0)
                .color(palette::ACCENT),
        );
    });
    egui::Grid::new("debrief-score")
        .num_columns(3)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            for part in &s.parts {
                let name = tr.key(&format!("score-part-{}", part.part));
                ui.add_sized([170.0, 16.0], egui::Label::new(widgets::small(name)).wrap());
                let (rect, _) = ui.allocate_exact_size(vec2(90.0, 10.0), egui::Sense::hover());
                ui.painter().rect_filled(rect, 3.0, palette::SURFACE_SUNKEN);
                let t = if part.max == 0 {
                    0.0
                } else {
                    part.points as f32 / part.max as f32
                };
                let fill =
                    egui::Rect::from_min_size(rect.min, vec2(rect.width() * t, rect.height()));
                let colour = if t >= 1.0 {
                    palette::GOOD
                } else if t > 0.0 {
                    palette::CAUTION
                } else {
                    palette::BAD
                };
                ui.painter().rect_filled(fill, 3.0, colour);
                ui.label(
                    RichText::new(format!("{:>2}/{}", part.points, part.max))
                        .monospace()
                        .size(14.0),
                );
                ui.end_row();
            }
        });
}
