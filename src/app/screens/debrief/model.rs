//! The model call: the best path the analysis finds through the scenario
//! (`claim_dojo_core::analyze`, called as it is, without the simulated trainees),
//! played out by the engine and shown beside the trainee's call: its answers with
//! the trainer's notes, its score and its curve over the trainee's. The search
//! can take seconds on a large scenario, so it runs on a worker thread when the
//! debrief opens, and is kept for the exact version of the scenario played.

use std::sync::Arc;
use std::time::Duration;

use bevy::prelude::*;
use bevy::tasks::{AsyncComputeTaskPool, Task, block_on};
use bevy::window::RequestRedraw;
use bevy_egui::egui::{self, RichText, Ui};
use claim_dojo_core::Scenario;
use claim_dojo_core::analyze::{Options, analyze};
use claim_dojo_core::report::Report;
use claim_dojo_core::report::human::clock;

use super::coaching;
use crate::app::frugal::Pace;
use crate::app::locale::Tr;
use crate::app::screens::call::Finished;
use crate::app::theme::{palette, widgets};

/// How often the debrief looks whether the search is done.
const POLL: Duration = Duration::from_millis(200);

enum State {
    Searching(Task<Option<Report>>),
    Found(Option<Box<Report>>),
}

/// The model calls worked out so far, per scenario version (by pointer: a
/// scenario edited and reloaded is another version).
#[derive(Resource, Default)]
pub struct ModelCalls(Vec<(Arc<Scenario>, State)>);

/// What the debrief can show of the model call now.
#[derive(Clone, Copy)]
pub enum Shown<'a> {
    Searching,
    Found(&'a Report),
    None,
}

impl<'a> Shown<'a> {
    pub fn report(self) -> Option<&'a Report> {
        match self {
            Shown::Found(r) => Some(r),
            _ => None,
        }
    }
}

impl ModelCalls {
    pub fn get(&self, scenario: &Arc<Scenario>) -> Shown<'_> {
        match self.0.iter().find(|(s, _)| Arc::ptr_eq(s, scenario)) {
            Some((_, State::Found(Some(r)))) => Shown::Found(r),
            Some((_, State::Found(None))) => Shown::None,
            Some((_, State::Searching(_))) | None => Shown::Searching,
        }
    }

    fn searching(&self) -> bool {
        self.0.iter().any(|(_, s)| matches!(s, State::Searching(_)))
    }
}

/// The best path's report, as `claim-dojo analyze` finds it.
pub fn model_call(scenario: &Arc<Scenario>) -> Option<Report> {
    let options = Options {
        trainees: 0,
        ..Options::default()
    };
    analyze(scenario, &options).best.map(|p| p.report)
}

pub fn start(finished: Option<Res<Finished>>, mut models: ResMut<ModelCalls>) {
    let Some(finished) = finished else { return };
    let scenario = &finished.scenario;
    if models.0.iter().any(|(s, _)| Arc::ptr_eq(s, scenario)) {
        return;
    }
    // Older versions of the same scenario are no longer needed.
    models.0.retain(|(s, _)| s.id != scenario.id);
    let for_task = Arc::clone(scenario);
    let task = AsyncComputeTaskPool::get().spawn(async move { model_call(&for_task) });
    models
        .0
        .push((Arc::clone(scenario), State::Searching(task)));
}

/// Takes finished searches in, and keeps frames coming while one runs (the
/// debrief is otherwise drawn only on input).
pub fn poll(
    mut models: ResMut<ModelCalls>,
    mut pace: ResMut<Pace>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    if !models.searching() {
        return;
    }
    for (scenario, state) in &mut models.0 {
        if let State::Searching(task) = state
            && task.is_finished()
        {
            let found = block_on(task);
            info!(
                "model call: {} {}",
                scenario.id,
                found
                    .as_ref()
                    .map_or("none".to_string(), |r| format!("{} points", r.score.total))
            );
            *state = State::Found(found.map(Box::new));
            redraw.write(RequestRedraw);
        }
    }
    let want = Pace(models.searching().then_some(POLL));
    if *pace != want {
        *pace = want;
    }
}

pub fn stop_pacing(mut pace: ResMut<Pace>) {
    *pace = Pace(None);
}

/// The model call's card: its headline beside the trainee's, then its answers.
pub fn show(ui: &mut Ui, tr: &Tr, yours: &Report, model: Shown) {
    ui.label(widgets::section(tr.text("debrief-model")));
    ui.label(widgets::small(tr.text("debrief-model-intro")));
    let model = match model {
        Shown::Searching => {
            ui.label(widgets::muted(tr.text("debrief-model-searching")));
            return;
        }
        Shown::None => {
            ui.label(widgets::muted(tr.text("debrief-model-none")));
            return;
        }
        Shown::Found(r) => r,
    };
    ui.add_space(4.0);
    egui::Grid::new("debrief-model-vs")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for (who, r) in [
                (tr.text("debrief-model-yours"), yours),
                (tr.text("debrief-model-theirs"), model),
            ] {
                ui.label(RichText::new(who).strong());
                ui.label(headline(tr, r));
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    for (i, c) in model.coaching.iter().enumerate() {
        coaching::said_row(ui, tr, i + 1, c.at_s, &c.said, palette::INK_MUTED);
        coaching::note(ui, tr, &c.said);
    }
}

fn headline(tr: &Tr, r: &Report) -> String {
    tr.args(
        "debrief-model-headline",
        &[
            ("score", &r.score.total.to_string()),
            ("max", &r.score.max.to_string()),
            ("outcome", &tr.key(&format!("outcome-{}", r.outcome))),
            ("time", &clock(r.ended_at_s)),
        ],
    )
}
