//! The list of scenarios with the role and difficulty filters.

use std::sync::Arc;

use bevy_egui::egui::{self, RichText, Sense, Ui};
use claim_dojo_core::Scenario;
use claim_dojo_core::scenario::{Role, Thermometer};

use super::MenuState;
use crate::app::library::Library;
use crate::app::locale::Tr;
use crate::app::theme::{palette, widgets};

pub fn show(
    ui: &mut Ui,
    tr: &Tr,
    library: &Library,
    menu: &mut MenuState,
    start: &mut Option<Arc<Scenario>>,
) {
    filters(ui, tr, menu);
    // The same count as the list of problems: files that did not load. A folder
    // that cannot be read is said apart; it is not a scenario.
    let broken = library.broken().count();
    let notices = [
        (library.dir_problem.is_some()).then(|| tr.text("menu-folder-notice")),
        (broken > 0).then(|| tr.args("menu-problems-notice", &[("n", &broken.to_string())])),
    ];
    for notice in notices.into_iter().flatten() {
        widgets::callout(palette::BAD_SOFT, palette::BAD).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(notice).color(palette::BAD));
        });
    }
    ui.add_space(6.0);
    let visible = menu.visible(library);
    let current = menu.current(library).map(|s| s.id.clone());
    egui::ScrollArea::vertical()
        .id_salt("menu-list")
        .show(ui, |ui| {
            if visible.is_empty() {
                let msg = if library.playable().next().is_none() {
                    tr.text("menu-empty-library")
                } else {
                    tr.text("menu-empty-filter")
                };
                widgets::card().show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(widgets::muted(msg));
                });
            }
            for s in &visible {
                let selected = current.as_ref() == Some(&s.id);
                let stale = library.entries.iter().any(|e| {
                    e.keeps_last_good() && e.scenario.as_ref().is_some_and(|g| g.id == s.id)
                });
                let r = row(ui, tr, s, selected, stale);
                if r.clicked() {
                    menu.selected = Some(s.id.clone());
                }
                if r.double_clicked() {
                    *start = Some(Arc::clone(s));
                }
                if selected {
                    r.scroll_to_me(None);
                }
            }
        });
}

fn filters(ui: &mut Ui, tr: &Tr, menu: &mut MenuState) {
    ui.horizontal(|ui| {
        ui.label(widgets::small(tr.text("menu-filter-role")));
        for (role, label) in [
            (None, tr.text("menu-filter-all")),
            (Some(Role::Primary), tr.text("role-primary")),
            (Some(Role::Secondary), tr.text("role-secondary")),
        ] {
            if ui.selectable_label(menu.role == role, label).clicked() {
                menu.role = role;
            }
        }
    });
    ui.horizontal(|ui| {
        ui.label(widgets::small(tr.text("menu-filter-difficulty")));
        if ui
            .selectable_label(menu.difficulty.is_none(), tr.text("menu-filter-all"))
            .clicked()
        {
            menu.difficulty = None;
        }
        for d in 1..=5u8 {
            let r = ui.selectable_label(menu.difficulty == Some(d), format!("★{d}"));
            if r.on_hover_text(tr.args("menu-difficulty", &[("n", &d.to_string())]))
                .clicked()
            {
                menu.difficulty = Some(d);
            }
        }
    });
}

fn row(ui: &mut Ui, tr: &Tr, s: &Scenario, selected: bool, stale: bool) -> egui::Response {
    let (fill, edge) = if selected {
        (palette::ACCENT_SOFT, palette::ACCENT)
    } else {
        (palette::SURFACE, palette::BORDER)
    };
    let frame = widgets::card()
        .fill(fill)
        .stroke(egui::Stroke::new(if selected { 1.5 } else { 1.0 }, edge));
    let inner = frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(widgets::section(tr.pick(&s.title)));
        ui.horizontal_wrapped(|ui| {
            let (role, fg, bg) = match s.role {
                Role::Primary => (
                    tr.text("role-primary"),
                    palette::ACCENT,
                    palette::ACCENT_SOFT,
                ),
                Role::Secondary => (
                    tr.text("role-secondary"),
                    palette::AUTHOR,
                    palette::AUTHOR_SOFT,
                ),
            };
            widgets::badge(ui, role, fg, bg);
            ui.label(RichText::new(widgets::stars(s.difficulty)).color(palette::CAUTION))
                .on_hover_text(tr.args("menu-difficulty", &[("n", &s.difficulty.to_string())]));
            ui.label(widgets::small(
                tr.args("menu-minutes", &[("n", &s.minutes.to_string())]),
            ));
            if s.thermometer == Thermometer::Hidden {
                widgets::badge(
                    ui,
                    tr.text("menu-hard-mode"),
                    palette::BAD,
                    palette::BAD_SOFT,
                );
            }
            if stale {
                widgets::badge(
                    ui,
                    tr.text("menu-stale"),
                    palette::CAUTION,
                    palette::CAUTION_SOFT,
                );
            }
        });
    });
    ui.add_space(4.0);
    ui.interact(
        inner.response.rect,
        egui::Id::new(("menu-row", &s.id)),
        Sense::click(),
    )
}
