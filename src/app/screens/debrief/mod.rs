//! The debrief: the outcome, the three-minute result and the score, the anger
//! curve, the four steps, every answer coached (the trainer's note, and where it
//! cost something the better answer at that moment and what the anger would
//! have done), the model call the analysis finds, and every rule with its
//! evidence, all from the core's report. One page that scrolls by keyboard
//! (PageUp/PageDown, Home/End, ↑/↓) and opens at its top. Retry, watch the
//! session again or go back to the menu, by mouse or keys (R, W, Esc).
//! Restart the call at any answer ("what if", I), see a what-if against its
//! original, save again after a failed save (S), export (X).

mod actions;
mod coaching;
mod curve;
mod keeping;
mod model;
mod rules;
mod scroll;
mod steps;
mod summary;
pub mod what_if;

#[cfg(test)]
mod tests;

use bevy::prelude::*;
use bevy_egui::egui::{self, Panel};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use claim_dojo_core::report::Report;

use super::Screen;
use super::call::Finished;
use crate::app::library::Library;
use crate::app::locale::{Texts, Tr};
use crate::app::records::keep::{Exported, KeepRequest};
use crate::app::records::{Practising, Records};
use crate::app::settings::Settings;
use crate::app::theme::widgets;
pub use actions::Next;
use actions::go;
pub use model::ModelCalls;
pub use scroll::PageScroll;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PageScroll>()
        .init_resource::<ModelCalls>()
        .add_systems(OnEnter(Screen::Debrief), (scroll::to_top, model::start))
        .add_systems(
            OnEnter(Screen::Debrief),
            what_if::compare.after(crate::app::records::keep::keep_finished),
        )
        .add_systems(OnExit(Screen::Debrief), model::stop_pacing)
        .add_systems(
            Update,
            (actions::keys, scroll::keys, model::poll).run_if(in_state(Screen::Debrief)),
        )
        .add_systems(
            Update,
            (what_if::keys, keeping::keys).run_if(in_state(Screen::Debrief)),
        )
        .add_systems(OnEnter(Screen::Menu), actions::forget)
        .add_systems(
            EguiPrimaryContextPass,
            draw.run_if(in_state(Screen::Debrief).and_then(crate::app::theme::ready)),
        );
}

/// A page at least this wide shows the rules beside the rest.
const TWO_COLUMNS_FROM: f32 = 900.0;

// A Bevy system: each parameter is a resource it reads or writes.
#[allow(clippy::too_many_arguments)]
fn draw(
    mut contexts: EguiContexts,
    texts: Res<Texts>,
    settings: Res<Settings>,
    finished: Option<Res<Finished>>,
    library: Res<Library>,
    models: Res<ModelCalls>,
    mut page_scroll: ResMut<PageScroll>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
    kept: (Res<Records>, Res<Practising>, Option<Res<Exported>>),
    compared: Option<Res<what_if::Compared>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let tr = texts.tr(settings.lang);
    let Some(finished) = finished else {
        next.set(Screen::Menu);
        return Ok(());
    };
    let (records, practising, exported) = kept;
    let keeping = Keeping {
        records: &records,
        practising: &practising,
        exported: exported.as_deref(),
        compared: compared.as_deref(),
    };
    let model = models.get(&finished.scenario);
    let asked = page(ctx, &tr, &finished, model, &mut page_scroll, Some(&keeping));
    if let Some(to) = asked.to {
        go(to, &finished, &library, &mut commands, &mut next);
    }
    if let Some(k) = asked.keep {
        commands.insert_resource(k);
    }
    if let Some(at) = asked.restart {
        what_if::restart(at, &finished, &mut commands, &mut next);
    }
    Ok(())
}

/// What the trainee's records add to the page: whether the call was kept, an
/// export just made, and the original a what-if is compared with.
pub struct Keeping<'a> {
    pub records: &'a Records,
    pub practising: &'a Practising,
    pub exported: Option<&'a Exported>,
    pub compared: Option<&'a what_if::Compared>,
}

/// What the trainee asked for on the page.
#[derive(Default)]
pub struct Asked {
    pub to: Option<Next>,
    pub keep: Option<KeepRequest>,
    /// Restart the call at this action ("what if").
    pub restart: Option<usize>,
}

/// The whole screen. `keeping` is `None` where no records exist (a test's plain
/// egui context).
pub fn page(
    ctx: &egui::Context,
    tr: &Tr,
    finished: &Finished,
    model: model::Shown,
    page_scroll: &mut PageScroll,
    keeping: Option<&Keeping>,
) -> Asked {
    let mut ui = widgets::root(ctx);
    let mut asked = Asked::default();
    Panel::top("debrief-top")
        .frame(widgets::top_bar())
        .show(&mut ui, |ui| asked.to = top_bar(ui, tr, finished));
    Panel::bottom("debrief-footer")
        .frame(widgets::top_bar())
        .show(&mut ui, |ui| {
            footer(ui, tr, finished, keeping, &mut asked.keep)
        });
    egui::CentralPanel::default()
        .frame(widgets::page())
        .show(&mut ui, |ui| {
            let area = page_scroll.area("debrief-page");
            let compared = keeping.and_then(|k| k.compared);
            let out = area.show(ui, |ui| {
                body(ui, tr, finished, model, compared, &mut asked.restart)
            });
            page_scroll.seen(&out);
        });
    asked
}

/// Everything on the page, in one or two columns.
fn body(
    ui: &mut egui::Ui,
    tr: &Tr,
    finished: &Finished,
    model: model::Shown,
    compared: Option<&what_if::Compared>,
    restart: &mut Option<usize>,
) {
    let (report, scenario) = (&finished.report, &finished.scenario);
    let width = ui.available_width();
    let mut main = |ui: &mut egui::Ui| {
        if let Some(c) = compared {
            widgets::card().show(ui, |ui| {
                ui.set_width(ui.available_width());
                what_if::comparison(ui, tr, c, &scenario.persona);
            });
            ui.add_space(8.0);
        }
        widgets::card().show(ui, |ui| {
            ui.set_width(ui.available_width());
            summary::show(ui, tr, report);
        });
        ui.add_space(8.0);
        widgets::card().show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(widgets::section(tr.text("debrief-curve")));
            curve::show(ui, tr, report, &scenario.persona, model.report());
        });
        ui.add_space(8.0);
        widgets::card().show(ui, |ui| {
            ui.set_width(ui.available_width());
            steps::show(ui, tr, report, scenario);
        });
        ui.add_space(8.0);
        widgets::card().show(ui, |ui| {
            ui.set_width(ui.available_width());
            coaching::show(ui, tr, report, scenario);
        });
        ui.add_space(8.0);
        widgets::card().show(ui, |ui| {
            ui.set_width(ui.available_width());
            model::show(ui, tr, report, model);
        });
        ui.add_space(8.0);
        widgets::card().show(ui, |ui| {
            ui.set_width(ui.available_width());
            what_if::turns(ui, tr, finished, restart);
        });
    };
    let rules = |ui: &mut egui::Ui| rules::show(ui, tr, report);
    if width >= TWO_COLUMNS_FROM {
        let left = (width * 0.6).floor();
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_width(left);
                main(ui);
            });
            ui.add_space(8.0);
            ui.vertical(|ui| {
                ui.set_width(ui.available_width());
                rules(ui);
            });
        });
    } else {
        main(ui);
        ui.add_space(8.0);
        rules(ui);
    }
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

/// The keys of the page, and whether the call is kept in the records.
fn footer(
    ui: &mut egui::Ui,
    tr: &Tr,
    finished: &Finished,
    keeping: Option<&Keeping>,
    request: &mut Option<KeepRequest>,
) {
    ui.horizontal_wrapped(|ui| {
        widgets::key_hint(ui, "PgUp PgDn", tr.text("debrief-key-scroll"));
        widgets::key_hint(ui, "Home End", tr.text("debrief-key-ends"));
        widgets::key_hint(ui, "R", tr.text("debrief-retry"));
        widgets::key_hint(ui, "W", tr.text("debrief-replay"));
        widgets::key_hint(ui, "Esc", tr.text("back-to-menu"));
    });
    if let Some(k) = keeping {
        keeping::show(
            ui,
            tr,
            finished,
            k.records,
            k.practising,
            k.exported,
            request,
        );
    }
}

/// The words of the rule `id`, as the report names it.
pub fn rule_title(
    report: &Report,
    id: claim_dojo_core::rules::RuleId,
) -> Option<&claim_dojo_core::Text> {
    report.rules.iter().find(|r| r.id == id).map(|r| &r.title)
}
