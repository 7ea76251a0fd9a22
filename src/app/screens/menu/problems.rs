//! Scenario files that do not load, with every diagnostic as the validator
//! reports it (file:line:column, message and hint in the UI language). A broken
//! file never stops the menu.

use bevy_egui::egui::{self, RichText, Ui};
use claim_dojo_core::Diagnostic;

use crate::app::library::Library;
use crate::app::locale::Tr;
use crate::app::theme::{palette, widgets};

pub fn show(ui: &mut Ui, tr: &Tr, library: &Library) {
    let broken: Vec<_> = library.broken().collect();
    if broken.is_empty() && library.dir_problem.is_none() {
        return;
    }
    ui.add_space(12.0);
    widgets::callout(palette::BAD_SOFT, palette::BAD).show(ui, |ui| {
        ui.set_width(ui.available_width());
        if let Some(d) = &library.dir_problem {
            ui.label(widgets::section(tr.text("menu-folder-problem")).color(palette::BAD));
            ui.label(
                RichText::new(library.dir.display().to_string())
                    .monospace()
                    .color(palette::INK),
            );
            ui.label(d.message(tr.lang));
            ui.label(widgets::small(tr.text("menu-folder-help")));
            if broken.is_empty() {
                return;
            }
            ui.add_space(8.0);
        }
        ui.label(
            widgets::section(tr.args("menu-problems", &[("n", &broken.len().to_string())]))
                .color(palette::BAD),
        );
        ui.label(widgets::small(tr.args(
            "menu-problems-folder",
            &[("dir", &library.dir.display().to_string())],
        )));
        for entry in broken {
            ui.add_space(6.0);
            let note = if entry.keeps_last_good() {
                tr.text("menu-problems-kept")
            } else {
                tr.text("menu-problems-unplayable")
            };
            ui.label(
                RichText::new(entry.file.display().to_string())
                    .monospace()
                    .color(palette::INK),
            );
            ui.label(widgets::small(note));
            for d in entry.diagnostics.iter().filter(|d| d.is_error()) {
                diagnostic(ui, tr, d);
            }
        }
    });
}

/// One diagnostic: where, what, the source line and the hint.
pub fn diagnostic(ui: &mut Ui, tr: &Tr, d: &Diagnostic) {
    let colour = if d.is_error() {
        palette::BAD
    } else {
        palette::CAUTION
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!("{}:{}:{}", d.file, d.line, d.column))
                .monospace()
                .size(14.0)
                .color(palette::INK_MUTED),
        );
        ui.label(
            RichText::new(format!("{}[{}]", d.severity().as_str(), d.code.as_str()))
                .monospace()
                .size(14.0)
                .color(colour),
        );
    });
    ui.label(d.message(tr.lang));
    if !d.source_line.trim().is_empty() {
        let caret = format!(
            "{}{}",
            " ".repeat(d.caret_column().saturating_sub(1) as usize),
            "^".repeat(d.width.max(1) as usize)
        );
        egui::Frame::new()
            .fill(palette::SURFACE)
            .inner_margin(6)
            .show(ui, |ui| {
                ui.label(
                    RichText::new(format!("{}\n{}", d.source_line, caret))
                        .monospace()
                        .size(14.0),
                );
            });
    }
    if let Some(hint) = d.hint(tr.lang).filter(|h| !h.trim().is_empty()) {
        ui.label(widgets::small(format!("{} {hint}", tr.text("menu-hint"))));
    }
}
