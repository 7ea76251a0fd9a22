//! The history of the trainee practising: each scenario's attempts with the
//! best and last score, the trend of scores and 3-minute passes, the rules
//! broken most often (each opening the sessions that broke it), the
//! recommended next call with its reason, and compare: two sessions' anger
//! curves on one plot; from a session, restart any of its answers (what if).
//! Everything comes from the records crate's typed questions.
//! Keys: Enter starts the recommended call, Esc goes back to the menu.

mod attempts;
mod broken;
mod compare;
mod next;
mod sessions;
mod trend;

use bevy::prelude::*;
use bevy_egui::egui::{self, Panel};
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use claim_dojo_records::{Curve, History, Playable, Recommendation, SessionId};

use super::Screen;
use crate::app::library::Library;
use crate::app::locale::{Texts, Tr};
use crate::app::records::{Practising, Records};
use crate::app::settings::Settings;
use crate::app::theme::widgets;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<HistoryView>()
        .add_systems(OnEnter(Screen::History), load)
        .add_systems(Update, keys.run_if(in_state(Screen::History)))
        .add_systems(
            EguiPrimaryContextPass,
            draw.run_if(in_state(Screen::History).and_then(crate::app::theme::ready)),
        );
}

/// What the screen shows and what the trainee picked on it.
#[derive(Resource, Debug, Default)]
pub struct HistoryView {
    pub history: Option<History>,
    pub recommendation: Option<Recommendation>,
    /// Why the history cannot be shown.
    pub problem: Option<String>,
    /// The sessions listed: those that broke this rule, else this scenario's, else all.
    pub rule: Option<String>,
    pub scenario: Option<String>,
    /// The two sessions compared, older first, with their curves.
    pub compared: Vec<Curve>,
    /// The session whose answers are listed for a what-if, and those answers
    /// (index into its action log, call time in ms, choice id).
    pub opened: Option<SessionId>,
    pub turns: Vec<(usize, u64, String)>,
}

impl HistoryView {
    /// Compares `ids` (at most two are kept, the latest picks win).
    pub fn compare(&mut self, records: &Records, ids: &[SessionId]) {
        let Some(store) = &records.store else { return };
        self.compared = ids
            .iter()
            .filter_map(|id| store.curve(*id).map_err(|e| warn!("history: {e}")).ok())
            .collect();
        self.compared.sort_by_key(|c| (c.started_at, c.session));
    }

    fn toggle_compare(&mut self, records: &Records, id: SessionId) {
        let mut ids: Vec<SessionId> = self.compared.iter().map(|c| c.session).collect();
        if let Some(i) = ids.iter().position(|s| *s == id) {
            ids.remove(i);
        } else {
            ids.push(id);
            if ids.len() > 2 {
                ids.remove(0);
            }
        }
        self.compare(records, &ids);
    }
}

/// The scenarios of the library as the recommendation sees them.
pub fn playable(library: &Library) -> Vec<Playable> {
    library
        .playable()
        .map(|s| Playable {
            id: s.id.clone(),
            rules: s.rules.iter().map(|r| r.to_string()).collect(),
            difficulty: s.difficulty,
        })
        .collect()
}

/// Reads the trainee's history; compares the two latest sessions (what-ifs
/// too) of the scenario played last.
pub fn load(
    records: Res<Records>,
    practising: Res<Practising>,
    library: Res<Library>,
    mut view: ResMut<HistoryView>,
) {
    *view = HistoryView::default();
    let (Some(store), Some(trainee)) = (&records.store, &practising.trainee) else {
        view.problem = records.problem.as_ref().map(|e| e.to_string());
        return;
    };
    match store.history(trainee) {
        Ok(h) => {
            view.recommendation = h.recommend(&playable(&library));
            let last = h.sessions.last().map(|s| s.scenario.clone());
            let latest: Vec<SessionId> = h
                .sessions
                .iter()
                .rev()
                .filter(|s| Some(&s.scenario) == last.as_ref())
                .take(2)
                .map(|s| s.id)
                .collect();
            info!(
                "history: {} sessions of {}, {} broken rules",
                h.sessions.len(),
                trainee.name,
                h.broken.len()
            );
            view.history = Some(h);
            view.compare(&records, &latest);
        }
        Err(e) => view.problem = Some(e.to_string()),
    }
}

fn keys(
    keys: Res<ButtonInput<KeyCode>>,
    wants: Option<Res<EguiWantsInput>>,
    view: Res<HistoryView>,
    library: Res<Library>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) {
    if wants.is_some_and(|w| w.wants_keyboard_input()) {
        return;
    }
    if keys.just_pressed(KeyCode::Escape) || keys.just_pressed(KeyCode::KeyM) {
        next.set(Screen::Menu);
    } else if keys.just_pressed(KeyCode::Enter)
        && let Some(s) = view
            .recommendation
            .as_ref()
            .and_then(|r| library.get(&r.scenario))
    {
        super::menu::begin(s, &mut commands, &mut next);
    }
}

/// What the trainee clicked this frame.
pub enum Clicked {
    Menu,
    Start(String),
    Rule(Option<String>),
    Scenario(Option<String>),
    Compare(SessionId),
    Open(Option<SessionId>),
    WhatIf(SessionId, usize),
}

#[allow(clippy::too_many_arguments)]
fn draw(
    mut contexts: EguiContexts,
    texts: Res<Texts>,
    settings: Res<Settings>,
    records: Res<Records>,
    practising: Res<Practising>,
    library: Res<Library>,
    mut view: ResMut<HistoryView>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let tr = texts.tr(settings.lang);
    let mut ui = widgets::root(ctx);
    let mut clicked = None;
    let name = practising
        .trainee
        .as_ref()
        .map(|t| t.name.clone())
        .unwrap_or_default();
    Panel::top("history-top")
        .frame(widgets::top_bar())
        .show(&mut ui, |ui| top_bar(ui, &tr, &name, &mut clicked));
    Panel::bottom("history-keys")
        .frame(widgets::top_bar())
        .show(&mut ui, |ui| {
            ui.horizontal(|ui| {
                widgets::key_hint(ui, "Enter", tr.text("history-key-start"));
                widgets::key_hint(ui, "Esc", tr.text("back-to-menu"));
            });
        });
    let Some(history) = view.history.clone() else {
        egui::CentralPanel::default()
            .frame(widgets::page())
            .show(&mut ui, |ui| {
                ui.label(widgets::muted(tr.args(
                    "history-unavailable",
                    &[("detail", view.problem.as_deref().unwrap_or(""))],
                )));
            });
        apply(
            clicked,
            &mut view,
            &records,
            &library,
            &mut commands,
            &mut next,
        );
        return Ok(());
    };
    Panel::left("history-main")
        .exact_size(620.0)
        .resizable(false)
        .frame(widgets::page())
        .show(&mut ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("history-main")
                .show(ui, |ui| {
                    widgets::card().show(ui, |ui| {
                        next::show(
                            ui,
                            &tr,
                            view.recommendation.as_ref(),
                            &library,
                            &mut clicked,
                        )
                    });
                    ui.add_space(8.0);
                    widgets::card().show(ui, |ui| trend::show(ui, &tr, &history));
                    ui.add_space(8.0);
                    widgets::card().show(ui, |ui| {
                        attempts::show(
                            ui,
                            &tr,
                            &history,
                            &library,
                            view.scenario.as_deref(),
                            &mut clicked,
                        )
                    });
                });
        });
    egui::CentralPanel::default()
        .frame(widgets::page())
        .show(&mut ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("history-side")
                .show(ui, |ui| {
                    widgets::card().show(ui, |ui| compare::show(ui, &tr, &view.compared, &library));
                    ui.add_space(8.0);
                    widgets::card().show(ui, |ui| {
                        broken::show(ui, &tr, &history, view.rule.as_deref(), &mut clicked)
                    });
                    ui.add_space(8.0);
                    widgets::card().show(ui, |ui| {
                        sessions::show(ui, &tr, &history, &view, &records, &library, &mut clicked)
                    });
                });
        });
    apply(
        clicked,
        &mut view,
        &records,
        &library,
        &mut commands,
        &mut next,
    );
    Ok(())
}

fn top_bar(ui: &mut egui::Ui, tr: &Tr, name: &str, clicked: &mut Option<Clicked>) {
    ui.horizontal(|ui| {
        ui.label(widgets::title(tr.text("history-title")));
        ui.label(widgets::muted(
            tr.args("history-trainee", &[("name", name)]),
        ));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .add(widgets::secondary_button(tr.text("back-to-menu"), "Esc"))
                .clicked()
            {
                *clicked = Some(Clicked::Menu);
            }
        });
    });
}

fn apply(
    clicked: Option<Clicked>,
    view: &mut HistoryView,
    records: &Records,
    library: &Library,
    commands: &mut Commands,
    next: &mut NextState<Screen>,
) {
    match clicked {
        None => {}
        Some(Clicked::Menu) => next.set(Screen::Menu),
        Some(Clicked::Start(id)) => {
            if let Some(s) = library.get(&id) {
                super::menu::begin(s, commands, next);
            }
        }
        Some(Clicked::Rule(rule)) => {
            view.rule = rule;
            view.scenario = None;
        }
        Some(Clicked::Scenario(s)) => {
            view.scenario = s;
            view.rule = None;
        }
        Some(Clicked::Compare(id)) => view.toggle_compare(records, id),
        Some(Clicked::Open(id)) => {
            view.opened = id;
            view.turns = id
                .and_then(|id| records.store.as_ref()?.report_json(id).ok())
                .map(|json| crate::app::screens::what_if::choice_turns(&json))
                .unwrap_or_default();
        }
        Some(Clicked::WhatIf(id, at)) => {
            sessions::what_if(id, at, records, library, commands, next)
        }
    }
}
