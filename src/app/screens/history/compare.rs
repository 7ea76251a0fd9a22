//! Compare: two sessions' anger curves on one plot, the older muted and
//! dashed, the newer in colour, with their dates and scores.

use bevy_egui::egui::Ui;
use claim_dojo_records::Curve;

use super::sessions::local;
use crate::app::library::Library;
use crate::app::locale::Tr;
use crate::app::screens::debrief::what_if::overlay;
use crate::app::theme::widgets;

pub fn show(ui: &mut Ui, tr: &Tr, compared: &[Curve], library: &Library) {
    ui.set_width(ui.available_width());
    ui.label(widgets::section(tr.text("history-compare")));
    let [a, b] = compared else {
        ui.label(widgets::muted(tr.text("history-compare-hint")));
        return;
    };
    let label = |c: &Curve| {
        let title = library
            .get(&c.scenario)
            .map(|s| tr.pick(&s.title).to_string())
            .unwrap_or_else(|| c.scenario.clone());
        tr.args(
            "history-compare-session",
            &[
                ("title", &title),
                ("at", &local(c.started_at)),
                ("score", &c.score.to_string()),
            ],
        )
    };
    let hang_up = library
        .get(&b.scenario)
        .map_or(90.0, |s| s.persona.hang_up_at);
    overlay(
        ui,
        tr,
        "history-compare-plot",
        (label(a), &a.points),
        (label(b), &b.points),
        None,
        hang_up,
    );
}
