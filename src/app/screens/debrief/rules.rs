//! Every rule of the catalog as the engine judged it: broken ones first, then
//! kept ones, each with the call time, the trainee's words, what showed the
//! verdict and why the rule matters; rules this call never put to the test are
//! apart, collapsed and greyed, each with what would have tested it.

use bevy_egui::egui::{self, RichText, Ui};
use claim_dojo_core::report::human::clock;
use claim_dojo_core::report::{Report, RuleReport};
use claim_dojo_core::rules::Status;

use crate::app::locale::Tr;
use crate::app::theme::{fonts, palette, widgets};

pub fn show(ui: &mut Ui, tr: &Tr, report: &Report) {
    let of = |status: Status| report.rules.iter().filter(move |r| r.status == status);
    let broken = of(Status::Broken).count();
    let kept = of(Status::Kept).count();
    ui.label(widgets::section(tr.args(
        "debrief-rules",
        &[("broken", &broken.to_string()), ("kept", &kept.to_string())],
    )));
    ui.add_space(4.0);
    for rule in of(Status::Broken).chain(of(Status::Kept)) {
        card(ui, tr, rule);
    }
    let na: Vec<_> = report
        .rules
        .iter()
        .filter(|r| !matches!(r.status, Status::Broken | Status::Kept))
        .collect();
    egui::CollapsingHeader::new(tr.args("debrief-rules-na", &[("n", &na.len().to_string())]))
        .id_salt("debrief-rules-na")
        .default_open(false)
        .show(ui, |ui| {
            for rule in na {
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(rule.id.to_string())
                            .monospace()
                            .color(palette::INK_FAINT),
                    );
                    ui.label(widgets::muted(tr.pick(&rule.title)));
                    ui.label(widgets::small(tr.pick(&rule.comes_up)));
                });
            }
        });
}

fn card(ui: &mut Ui, tr: &Tr, rule: &RuleReport) {
    let broken = rule.status == Status::Broken;
    let (mark, status, fg, bg) = if broken {
        (
            "×",
            tr.key("rule-status-broken"),
            palette::BAD,
            palette::BAD_SOFT,
        )
    } else {
        (
            "○",
            tr.key("rule-status-kept"),
            palette::GOOD,
            palette::GOOD_SOFT,
        )
    };
    widgets::card()
        .stroke(egui::Stroke::new(
            1.0,
            if broken { fg } else { palette::BORDER },
        ))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                widgets::badge(ui, format!("{mark} {status}"), fg, bg);
                ui.label(
                    RichText::new(rule.id.to_string())
                        .monospace()
                        .color(palette::INK_MUTED),
                );
                ui.label(
                    RichText::new(tr.pick(&rule.title))
                        .family(fonts::bold())
                        .size(15.0),
                );
                if let Some(t) = rule.at_s {
                    ui.label(
                        RichText::new(clock(t))
                            .monospace()
                            .color(palette::INK_MUTED),
                    );
                }
            });
            if let Some(e) = &rule.evidence {
                ui.label(tr.pick(&e.detail));
                if let Some(w) = &e.words {
                    ui.label(
                        RichText::new(widgets::quote(tr.lang, tr.pick(w))).color(palette::ACCENT),
                    );
                }
            }
            ui.label(widgets::small(format!(
                "{} {}",
                tr.text("debrief-why"),
                tr.pick(&rule.why)
            )));
        });
    ui.add_space(4.0);
}
