//! The debrief: the anger curve, the three-minute result, the four steps, every
//! rule with its evidence, the outcome and the score, all from the core's
//! report. Retry, watch the session again, or go back to the menu; by mouse or
//! keys (R, W, Esc). Restart the call at any answer ("what if", I), see a
//! what-if against its original, save again after a failed save (S), export (X).

mod actions;
mod curve;
mod keeping;
mod rules;
mod said;
mod steps;
mod summary;
pub mod what_if;

use bevy::prelude::*;
use bevy_egui::egui::{self, Panel};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::Screen;
use super::call::Finished;
use crate::app::library::Library;
use crate::app::locale::{Texts, Tr};
use crate::app::records::keep::Exported;
use crate::app::records::{Practising, Records};
use crate::app::settings::Settings;
use crate::app::theme::widgets;
use actions::{Next, go};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, actions::keys.run_if(in_state(Screen::Debrief)))
        .add_systems(
            Update,
            (what_if::keys, keeping::keys).run_if(in_state(Screen::Debrief)),
        )
        .add_systems(
            OnEnter(Screen::Debrief),
            what_if::compare.after(crate::app::records::keep::keep_finished),
        )
        .add_systems(OnEnter(Screen::Menu), actions::forget)
        .add_systems(
            EguiPrimaryContextPass,
            draw.run_if(in_state(Screen::Debrief).and_then(crate::app::theme::ready)),
        );
}

fn draw(
    mut contexts: EguiContexts,
    texts: Res<Texts>,
    settings: Res<Settings>,
    finished: Option<Res<Finished>>,
    library: Res<Library>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
    kept: (Res<Records>, Res<Practising>, Option<Res<Exported>>),
    compared: Option<Res<what_if::Compared>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let (records, practising, exported) = kept;
    let tr = texts.tr(settings.lang);
    let Some(finished) = finished else {
        next.set(Screen::Menu);
        return Ok(());
    };
    let (report, scenario) = (&finished.report, &finished.scenario);
    let mut ui = widgets::root(ctx);
    let mut to = None;
    let (mut keep, mut restart) = (None, None);
    Panel::top("debrief-top")
        .frame(widgets::top_bar())
        .show(&mut ui, |ui| to = top_bar(ui, &tr, &finished));
    Panel::bottom("debrief-saved")
        .frame(widgets::top_bar())
        .show(&mut ui, |ui| {
            keeping::show(
                ui,
                &tr,
                &finished,
                &records,
                &practising,
                exported.as_deref(),
                &mut keep,
            )
        });
    Panel::left("debrief-main")
        .exact_size(700.0)
        .resizable(false)
        .frame(widgets::page())
        .show(&mut ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("debrief-main")
                .show(ui, |ui| {
                    if let Some(c) = &compared {
                        widgets::card()
                            .show(ui, |ui| what_if::comparison(ui, &tr, c, &scenario.persona));
                        ui.add_space(8.0);
                    }
                    widgets::card().show(ui, |ui| summary::show(ui, &tr, report));
                    ui.add_space(8.0);
                    widgets::card().show(ui, |ui| {
                        ui.label(widgets::section(tr.text("debrief-curve")));
                        curve::show(ui, &tr, report, &scenario.persona);
                    });
                    ui.add_space(8.0);
                    widgets::card().show(ui, |ui| steps::show(ui, &tr, report, scenario));
                    ui.add_space(8.0);
                    widgets::card().show(ui, |ui| said::show(ui, &tr, report, scenario));
                    ui.add_space(8.0);
                    widgets::card().show(ui, |ui| what_if::turns(ui, &tr, &finished, &mut restart));
                });
        });
    egui::CentralPanel::default()
        .frame(widgets::page())
        .show(&mut ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("debrief-rules")
                .show(ui, |ui| rules::show(ui, &tr, report));
        });
    if let Some(to) = to {
        go(to, &finished, &library, &mut commands, &mut next);
    }
    if let Some(k) = keep {
        commands.insert_resource(k);
    }
    if let Some(at) = restart {
        what_if::restart(at, &finished, &mut commands, &mut next);
    }
    Ok(())
}

fn top_bar(ui: &mut egui::Ui, tr: &Tr, finished: &Finished) -> Option<Next> {
    let mut to = None;
    ui.horizontal(|ui| {
        ui.label(widgets::title(tr.text("debrief-title")));
        ui.label(widgets::muted(tr.pick(&finished.scenario.title)));
        ui.label(widgets::small(tr.args(
            "debrief-seed",
            &[("seed", &finished.report.seed.to_string())],
        )));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            for (cap, label, target, primary) in [
                ("Esc", tr.text("back-to-menu"), Next::Menu, false),
                ("W", tr.text("debrief-replay"), Next::Replay, false),
                ("R", tr.text("debrief-retry"), Next::Retry, true),
            ] {
                let button = if primary {
                    widgets::primary_button(label, cap)
                } else {
                    widgets::secondary_button(label, cap)
                };
                if ui.add(button).clicked() {
                    to = Some(target);
                }
                ui.add_space(6.0);
            }
        });
    });
    to
}
