//! The recommended next call: which one, and why (the rules it exercises that
//! the trainee breaks most, or that it is not tried or not passed yet).

use bevy_egui::egui::{self, Ui};
use claim_dojo_records::{Reason, Recommendation};

use super::Clicked;
use crate::app::library::Library;
use crate::app::locale::Tr;
use crate::app::theme::widgets;

pub fn show(
    ui: &mut Ui,
    tr: &Tr,
    r: Option<&Recommendation>,
    library: &Library,
    clicked: &mut Option<Clicked>,
) {
    ui.set_width(ui.available_width());
    ui.label(widgets::section(tr.text("history-next")));
    let Some(r) = r else {
        ui.label(widgets::muted(tr.text("history-next-none")));
        return;
    };
    let title = library
        .get(&r.scenario)
        .map(|s| tr.pick(&s.title).to_string())
        .unwrap_or_else(|| r.scenario.clone());
    ui.label(widgets::title(title));
    let why = match &r.reason {
        Reason::BrokenRules { rules } => {
            let rules: Vec<String> = rules
                .iter()
                .take(3)
                .map(|(rule, n)| format!("{rule} {} ×{n}", tr.key(rule)))
                .collect();
            tr.args("history-why-broken", &[("rules", &rules.join("、"))])
        }
        Reason::NotTried => tr.text("history-why-new"),
        Reason::NotPassed { attempts } => tr.args(
            "history-why-not-passed",
            &[("attempts", &attempts.to_string())],
        ),
    };
    ui.add(egui::Label::new(why).wrap());
    ui.add_space(6.0);
    if ui
        .add(widgets::primary_button(tr.text("history-start"), "Enter"))
        .clicked()
    {
        *clicked = Some(Clicked::Start(r.scenario.clone()));
    }
}
