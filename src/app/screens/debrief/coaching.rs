//! Every answer the trainee gave, numbered as on the curve, coached: the words,
//! the anger change, the rules they broke or kept then, the trainer's note on
//! them, and, where they cost something, the better answer at that moment with
//! its note and what the anger would have done (all from the report's
//! `coaching`, which the engine worked out by replaying the call). Back-channels
//! and waiting in between are listed by their time; the whole transcript is
//! folded away at the end.

use bevy_egui::egui::{self, RichText, Ui};
use claim_dojo_core::Scenario;
use claim_dojo_core::report::coach::Utterance;
use claim_dojo_core::report::human::clock;
use claim_dojo_core::report::{MarkReport, Report};
use claim_dojo_core::rules::RuleId;
use claim_dojo_core::session::Speaker;

use crate::app::locale::Tr;
use crate::app::theme::{fonts, palette, widgets};

/// Room for the number, the time and the anger change before the words.
const GUTTER: f32 = 24.0;

pub fn show(ui: &mut Ui, tr: &Tr, report: &Report, scenario: &Scenario) {
    ui.label(widgets::section(tr.text("debrief-answers")));
    if report.coaching.is_empty() {
        ui.label(widgets::muted(tr.text("debrief-said-nothing")));
    }
    let others: Vec<&MarkReport> = report
        .marks
        .iter()
        .filter(|m| m.cause != "choice")
        .collect();
    let mut others = others.into_iter().peekable();
    for (i, c) in report.coaching.iter().enumerate() {
        while let Some(m) = others.next_if(|m| m.at_s < c.at_s) {
            other_row(ui, tr, m);
        }
        ui.add_space(4.0);
        said_row(ui, tr, i + 1, c.at_s, &c.said, palette::ACCENT);
        verdicts(ui, tr, report, &c.said);
        note(ui, tr, &c.said);
        if let Some(waited) = &c.if_waited {
            indented(ui, |ui| {
                ui.label(
                    RichText::new(tr.args(
                        "debrief-coach-waited",
                        &[
                            ("delta", &signed(waited.delta())),
                            ("said", &signed(c.said.delta())),
                        ],
                    ))
                    .color(palette::CAUTION),
                );
            });
        }
        for better in &c.better {
            indented(ui, |ui| better_card(ui, tr, report, better));
        }
    }
    for m in others {
        other_row(ui, tr, m);
    }
    ui.add_space(6.0);
    transcript(ui, tr, report, scenario);
}

/// A change with its sign; the minus is U+2212, as typeset (and so Fluent keeps
/// it as written instead of reading a number).
fn signed(x: f64) -> String {
    format!("{x:+.1}").replace('-', "\u{2212}")
}

fn indented(ui: &mut Ui, add: impl FnOnce(&mut Ui)) {
    ui.horizontal_top(|ui| {
        ui.add_space(GUTTER);
        ui.vertical(|ui| add(ui));
    });
}

/// One answer: its number, time, words and the anger it caused.
pub fn said_row(
    ui: &mut Ui,
    tr: &Tr,
    n: usize,
    at_s: f64,
    said: &Utterance,
    colour: egui::Color32,
) {
    let delta = said.delta();
    let change = if delta > 0.0 {
        palette::BAD
    } else {
        palette::GOOD
    };
    ui.horizontal_top(|ui| {
        ui.add_sized(
            [GUTTER - 6.0, 20.0],
            egui::Label::new(RichText::new(n.to_string()).strong().color(palette::ACCENT)),
        );
        ui.vertical(|ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(clock(at_s))
                        .monospace()
                        .color(palette::INK_MUTED),
                );
                ui.label(
                    RichText::new(tr.args(
                        "debrief-coach-anger",
                        &[
                            ("from", &format!("{:.0}", said.anger_from)),
                            ("to", &format!("{:.0}", said.anger_to)),
                            ("delta", &signed(delta)),
                        ],
                    ))
                    .monospace()
                    .color(change),
                );
            });
            ui.add(
                egui::Label::new(
                    RichText::new(widgets::quote(tr.lang, tr.pick(&said.words))).color(colour),
                )
                .wrap(),
            );
        });
    });
}

/// The rules the words broke or kept at that moment.
fn verdicts(ui: &mut Ui, tr: &Tr, report: &Report, said: &Utterance) {
    if said.broken.is_empty() && said.kept.is_empty() {
        return;
    }
    indented(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            for (rules, mark, fg, bg) in [
                (&said.broken, "×", palette::BAD, palette::BAD_SOFT),
                (&said.kept, "○", palette::GOOD, palette::GOOD_SOFT),
            ] {
                for id in rules.iter() {
                    widgets::badge(ui, format!("{mark} {}", rule(tr, report, *id)), fg, bg);
                }
            }
        });
    });
}

fn rule(tr: &Tr, report: &Report, id: RuleId) -> String {
    match super::rule_title(report, id) {
        Some(t) => format!("{id} {}", tr.pick(t)),
        None => id.to_string(),
    }
}

/// The trainer's note on the words, when the scenario has one.
pub fn note(ui: &mut Ui, tr: &Tr, said: &Utterance) {
    let Some(n) = &said.note else { return };
    indented(ui, |ui| {
        widgets::callout(palette::COACH_SOFT, palette::COACH).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(
                egui::Label::new(
                    RichText::new(format!("{} {}", tr.text("debrief-coach-note"), tr.pick(n)))
                        .color(palette::COACH),
                )
                .wrap(),
            );
        });
    });
}

/// A better answer at that moment: its words, what the anger would have done,
/// the rules, and its note.
fn better_card(ui: &mut Ui, tr: &Tr, report: &Report, b: &Utterance) {
    widgets::callout(palette::GOOD_SOFT, palette::GOOD).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(
            RichText::new(tr.text("debrief-coach-better"))
                .family(fonts::bold())
                .color(palette::GOOD),
        );
        ui.add(egui::Label::new(widgets::quote(tr.lang, tr.pick(&b.words))).wrap());
        let rules = if b.broken.is_empty() {
            tr.text("debrief-coach-no-rule")
        } else {
            let broken: Vec<String> = b.broken.iter().map(|id| rule(tr, report, *id)).collect();
            tr.args("debrief-coach-breaks", &[("rules", &broken.join(", "))])
        };
        ui.add(
            egui::Label::new(
                RichText::new(tr.args(
                    "debrief-coach-would",
                    &[
                        ("from", &format!("{:.0}", b.anger_from)),
                        ("to", &format!("{:.0}", b.anger_to)),
                        ("delta", &signed(b.delta())),
                        ("rules", &rules),
                    ],
                ))
                .color(palette::INK),
            )
            .wrap(),
        );
        if let Some(n) = &b.note {
            ui.add(
                egui::Label::new(
                    RichText::new(format!("{} {}", tr.text("debrief-coach-note"), tr.pick(n)))
                        .color(palette::COACH),
                )
                .wrap(),
            );
        }
    });
}

/// A back-channel or a wait, with what it did to the anger.
fn other_row(ui: &mut Ui, tr: &Tr, m: &MarkReport) {
    let what = if m.cause == "listen" {
        tr.text("debrief-listen")
    } else {
        tr.text("debrief-waiting")
    };
    let delta = m.to - m.from;
    ui.horizontal_top(|ui| {
        ui.add_space(GUTTER);
        ui.label(
            RichText::new(clock(m.at_s))
                .monospace()
                .color(palette::INK_MUTED),
        );
        ui.label(
            RichText::new(signed(delta))
                .monospace()
                .color(if delta > 0.0 {
                    palette::BAD
                } else {
                    palette::GOOD
                }),
        );
        ui.label(widgets::small(what));
    });
}

fn transcript(ui: &mut Ui, tr: &Tr, report: &Report, scenario: &Scenario) {
    egui::CollapsingHeader::new(tr.text("debrief-transcript"))
        .id_salt("debrief-transcript")
        .show(ui, |ui| {
            for line in &report.transcript {
                let who = match line.speaker {
                    Speaker::Trainee => tr.text("call-you"),
                    Speaker::Customer => tr.pick(&scenario.persona.name).to_string(),
                    Speaker::Other => line
                        .node
                        .as_deref()
                        .and_then(|id| scenario.node(id))
                        .and_then(|n| n.speaker.as_ref())
                        .map_or_else(|| tr.text("call-other"), |t| tr.pick(t).to_string()),
                };
                let cut = if line.cut {
                    format!(" {}", tr.text("call-cut"))
                } else {
                    String::new()
                };
                ui.add(
                    egui::Label::new(format!(
                        "{} {who}: {}{cut}",
                        clock(line.start_s),
                        tr.pick(&line.text)
                    ))
                    .wrap(),
                );
            }
        });
}
