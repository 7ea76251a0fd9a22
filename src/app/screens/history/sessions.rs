//! The sessions listed: those that broke the chosen rule, else the chosen
//! scenario's, else all, newest first. Each can be put in the comparison, or
//! opened to restart one of its answers ("what if").

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText, Ui};
use claim_dojo_core::report::human::clock;
use claim_dojo_records::{History, SessionId, SessionSummary};

use super::{Clicked, HistoryView};
use crate::app::library::Library;
use crate::app::locale::Tr;
use crate::app::records::Records;
use crate::app::screens::{Screen, what_if};
use crate::app::theme::{palette, widgets};

/// Sessions listed at most.
const SHOWN: usize = 40;

/// A time in the computer's time zone, to the minute.
pub fn local(t: jiff::Timestamp) -> String {
    t.to_zoned_datetime(jiff::tz::TimeZone::system())
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}

pub fn show(
    ui: &mut Ui,
    tr: &Tr,
    h: &History,
    view: &HistoryView,
    records: &Records,
    library: &Library,
    clicked: &mut Option<Clicked>,
) {
    ui.set_width(ui.available_width());
    let listed: Vec<&SessionSummary> = match (&view.rule, &view.scenario) {
        (Some(rule), _) => h
            .broken
            .iter()
            .find(|b| &b.rule == rule)
            .map(|b| b.sessions.iter().filter_map(|id| h.session(*id)).collect())
            .unwrap_or_default(),
        (None, Some(s)) => h
            .sessions
            .iter()
            .rev()
            .filter(|x| &x.scenario == s)
            .collect(),
        (None, None) => h.sessions.iter().rev().collect(),
    };
    let heading = match (&view.rule, &view.scenario) {
        (Some(rule), _) => tr.args("history-sessions-rule", &[("rule", rule)]),
        (None, Some(s)) => tr.args("history-sessions-scenario", &[("scenario", s)]),
        (None, None) => tr.text("history-sessions"),
    };
    ui.label(widgets::section(heading));
    ui.label(widgets::small(tr.text("history-sessions-hint")));
    let _ = records;
    for s in listed.into_iter().take(SHOWN) {
        row(ui, tr, s, view, library, clicked);
        if view.opened == Some(s.id) {
            turns(ui, tr, s.id, view, clicked);
        }
    }
}

fn row(
    ui: &mut Ui,
    tr: &Tr,
    s: &SessionSummary,
    view: &HistoryView,
    library: &Library,
    clicked: &mut Option<Clicked>,
) {
    ui.horizontal(|ui| {
        let mut on = view.compared.iter().any(|c| c.session == s.id);
        if ui
            .checkbox(&mut on, "")
            .on_hover_text(tr.text("history-compare-pick"))
            .clicked()
        {
            *clicked = Some(Clicked::Compare(s.id));
        }
        ui.label(
            RichText::new(local(s.started_at))
                .monospace()
                .size(14.0)
                .color(palette::INK_MUTED),
        );
        let title = library
            .get(&s.scenario)
            .map(|x| tr.pick(&x.title).to_string())
            .unwrap_or_else(|| s.scenario.clone());
        ui.label(title);
        ui.label(RichText::new(format!("{}/{}", s.score, s.score_max)).strong());
        let (mark, colour) = if s.deescalation_passed {
            ("✓", palette::GOOD)
        } else {
            ("×", palette::BAD)
        };
        ui.label(RichText::new(mark).color(colour));
        if s.what_if.is_some() {
            ui.label(widgets::small(tr.text("history-what-if-mark")));
        }
        let open = view.opened == Some(s.id);
        if ui
            .add(widgets::secondary_button(tr.text("history-what-if"), ""))
            .clicked()
        {
            *clicked = Some(Clicked::Open((!open).then_some(s.id)));
        }
    });
}

fn turns(ui: &mut Ui, tr: &Tr, id: SessionId, view: &HistoryView, clicked: &mut Option<Clicked>) {
    egui::Frame::new()
        .inner_margin(egui::Margin::symmetric(24, 4))
        .show(ui, |ui| {
            if view.turns.is_empty() {
                ui.label(widgets::muted(tr.text("debrief-said-nothing")));
            }
            for (n, (at, ms, choice)) in view.turns.iter().enumerate() {
                ui.horizontal(|ui| {
                    if ui
                        .add(widgets::secondary_button(
                            tr.args("debrief-what-if-here", &[("n", &(n + 1).to_string())]),
                            "",
                        ))
                        .clicked()
                    {
                        *clicked = Some(Clicked::WhatIf(id, *at));
                    }
                    ui.label(
                        RichText::new(clock(*ms as f64 / 1000.0))
                            .monospace()
                            .color(palette::INK_MUTED),
                    );
                    ui.label(widgets::small(choice));
                });
            }
        });
}

/// Restarts session `id` of the records at its action `at`.
pub fn what_if(
    id: SessionId,
    at: usize,
    records: &Records,
    library: &Library,
    commands: &mut Commands,
    next: &mut NextState<Screen>,
) {
    let Some(store) = &records.store else { return };
    let found = store
        .session(id)
        .and_then(|s| Ok((s, store.report_json(id)?)));
    let (summary, json) = match found {
        Ok(x) => x,
        Err(e) => {
            warn!("what-if: {e}");
            return;
        }
    };
    let Some(scenario) = library.get(&summary.scenario) else {
        warn!(
            "what-if: the scenario {} is not in the library",
            summary.scenario
        );
        return;
    };
    if summary
        .scenario_hash
        .as_deref()
        .is_some_and(|h| Some(h) != library.hash_of(&scenario))
    {
        info!(
            "what-if: {} changed since the session was played",
            summary.scenario
        );
    }
    match what_if::request(scenario, json.into(), Some(id), at) {
        Ok(request) => what_if::start(request, commands, next),
        Err(e) => warn!("what-if refused: {e}"),
    }
}
