//! The call screen's layout at 1280×720 and up: the top bar (clock, 3:00
//! window, pause), the customer and the transcript in the middle, the answers
//! below, and the thermometer, memo pad and handoff form on the right.

use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy_egui::EguiContexts;
use bevy_egui::egui::{self, Panel};

use super::choices::Said;
use super::{
    Call, FocusHeld, FocusRequest, choices, clock, customer, handoff, keys, memo, pause,
    thermometer, transcript,
};
use crate::app::author::{self, AuthorMode};
use crate::app::locale::{Texts, Tr};
use crate::app::screens::{Screen, briefing};
use crate::app::settings::Settings;
use crate::app::theme::{palette, widgets};

#[allow(clippy::too_many_arguments)]
pub fn draw(
    mut contexts: EguiContexts,
    texts: Res<Texts>,
    settings: Res<Settings>,
    author_mode: Res<AuthorMode>,
    call: Option<ResMut<Call>>,
    mut focus: ResMut<FocusRequest>,
    mut held: ResMut<FocusHeld>,
    mut time: ResMut<Time<Virtual>>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
    mut redraw: MessageWriter<RequestRedraw>,
) -> Result {
    let Some(mut call) = call else { return Ok(()) };
    let ctx = contexts.ctx_mut()?;
    let tr = texts.tr(settings.lang);
    let mut ui = widgets::root(ctx);
    let live = call.is_live();
    let mut said = None;
    let mut pause_clicked = false;
    Panel::top("call-top")
        .frame(widgets::top_bar())
        .show(&mut ui, |ui| pause_clicked = clock::bar(ui, &tr, &call));
    Panel::right("call-side")
        .exact_size(372.0)
        .resizable(false)
        .frame(widgets::page())
        .show(&mut ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("call-side")
                .show(ui, |ui| side(ui, &tr, &mut call, live, &mut focus));
        });
    Panel::bottom("call-answers")
        .frame(widgets::top_bar())
        .show(&mut ui, |ui| {
            if call.session.is_over() {
                if wrapup_bar(ui, &tr, &call) {
                    call.done = true;
                }
            } else {
                said = choices::show(ui, &tr, &call, &author_mode);
            }
        });
    egui::CentralPanel::default()
        .frame(widgets::page())
        .show(&mut ui, |ui| {
            customer::show(ui, &tr, &call.session);
            ui.add_space(10.0);
            widgets::card().show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.set_min_height(ui.available_height());
                let tabs = call.session.scenario().handoff.is_some();
                if record_tabs(ui, &tr, &mut call) {
                    egui::ScrollArea::vertical()
                        .id_salt("call-record")
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            briefing::record(ui, &tr, call.session.scenario());
                        });
                } else {
                    transcript::show(ui, &tr, &call.session, !tabs);
                }
            });
        });
    if author_mode.on {
        author::call_panel(ctx, &tr, &mut call);
    }
    match said {
        Some(Said::Choice(i)) => {
            call.say(i);
        }
        Some(Said::Listen) => {
            call.listen();
        }
        None => {}
    }
    if pause_clicked && !call.paused {
        keys::set_paused(&mut call, &mut time, true);
    }
    if call.paused {
        match pause::overlay(ctx, &tr, live) {
            Some(pause::Choice::Resume) => keys::set_paused(&mut call, &mut time, false),
            Some(pause::Choice::Restart) => keys::restart(&call, &mut commands, &mut next),
            Some(pause::Choice::Leave) => keys::leave(&call, &mut next),
            None => {}
        }
    }
    if call.done {
        redraw.write(RequestRedraw);
    }
    held.0 = ctx.memory(|m| m.focused().is_some());
    if let Some(outcome) = call.session.outcome()
        && !call.announced
    {
        call.announced = true;
        info!("call screen: announced {}", outcome.key());
    }
    Ok(())
}

/// The right column: the thermometer, the handoff form once the call was handed
/// over (the thermometer then shrinks to a line, so both forms fit at 1280×720),
/// and the memo pad.
fn side(ui: &mut egui::Ui, tr: &Tr, call: &mut Call, live: bool, focus: &mut FocusRequest) {
    memo::focus_next_field(ui);
    let handed_over = call.session.has_handed_over();
    widgets::card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        let persona = &call.session.scenario().persona;
        if handed_over {
            thermometer::compact(ui, tr, &call.gauge, persona, call.shows_thermometer);
        } else {
            thermometer::show(ui, tr, &call.gauge, persona, call.shows_thermometer);
        }
    });
    ui.add_space(8.0);
    if handed_over {
        widgets::card().show(ui, |ui| {
            handoff::show(ui, tr, &mut call.brief, &mut call.session, live, focus)
        });
        ui.add_space(8.0);
    }
    widgets::card().show(ui, |ui| {
        memo::show(ui, tr, &mut call.memo, &mut call.session, live, focus)
    });
}

/// On a takeover, the first handler's record can be read again during the call
/// (a supervisor has it on screen): tabs over the transcript, also by key B.
/// Returns whether the record is shown.
fn record_tabs(ui: &mut egui::Ui, tr: &Tr, call: &mut Call) -> bool {
    if call.session.scenario().handoff.is_none() {
        return false;
    }
    ui.horizontal(|ui| {
        if ui
            .selectable_label(!call.show_record, tr.text("call-transcript"))
            .clicked()
        {
            call.show_record = false;
        }
        if ui
            .selectable_label(call.show_record, tr.text("call-record"))
            .clicked()
        {
            call.show_record = true;
        }
        widgets::key(ui, "B");
    });
    ui.add_space(4.0);
    call.show_record
}

/// After the call: what is left to do, and the way on to the debrief.
fn wrapup_bar(ui: &mut egui::Ui, tr: &Tr, call: &Call) -> bool {
    let mut go = false;
    ui.vertical(|ui| {
        let handed_over = call.session.has_handed_over();
        let (title, help) = if call.is_live() {
            let help = if handed_over {
                tr.text("wrapup-help")
            } else {
                tr.text("wrapup-help-memo")
            };
            (tr.text("wrapup-title"), help)
        } else {
            (
                tr.text("wrapup-replay-title"),
                tr.text("wrapup-replay-help"),
            )
        };
        ui.label(widgets::section(title).color(palette::ACCENT));
        ui.label(widgets::muted(help));
        if call.is_live() && handed_over && !call.brief.sent {
            ui.label(
                egui::RichText::new(tr.text("wrapup-handoff-missing")).color(palette::CAUTION),
            );
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            go = ui
                .add(widgets::primary_button(tr.text("wrapup-debrief"), "Enter"))
                .clicked();
        });
    });
    go
}
