//! The debrief's bottom bar: whether the session is kept in the records, and
//! when saving failed, why, with "save again" (S) and "export" (X); export is
//! always there, for a trainer who wants the report as a file.

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};
use bevy_egui::input::EguiWantsInput;

use crate::app::locale::Tr;
use crate::app::records::keep::{Exported, KeepRequest};
use crate::app::records::{Practising, Records};
use crate::app::screens::call::{Finished, Saved};
use crate::app::theme::{palette, widgets};

pub fn show(
    ui: &mut egui::Ui,
    tr: &Tr,
    finished: &Finished,
    records: &Records,
    practising: &Practising,
    exported: Option<&Exported>,
    request: &mut Option<KeepRequest>,
) {
    ui.horizontal(|ui| {
        let (text, colour) = match &finished.saved {
            Saved::Kept(id) => (
                tr.args(
                    "debrief-kept",
                    &[
                        (
                            "name",
                            practising.trainee.as_ref().map_or("", |t| t.name.as_str()),
                        ),
                        ("id", &id.0.to_string()),
                        (
                            "path",
                            &records
                                .store
                                .as_ref()
                                .map(|s| s.path().display().to_string())
                                .unwrap_or_default(),
                        ),
                    ],
                ),
                palette::INK_MUTED,
            ),
            Saved::Failed(e) => (
                tr.args("debrief-save-failed", &[("error", &e.message(tr.lang))]),
                palette::BAD,
            ),
            Saved::Pending => (String::new(), palette::INK_MUTED),
            Saved::NotKept => (tr.text("debrief-not-kept"), palette::INK_MUTED),
        };
        ui.add(egui::Label::new(RichText::new(text).small().color(colour)).wrap());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .add(widgets::secondary_button(tr.text("debrief-export"), "X"))
                .clicked()
            {
                *request = Some(KeepRequest::Export);
            }
            if matches!(finished.saved, Saved::Failed(_))
                && ui
                    .add(widgets::primary_button(tr.text("debrief-save-again"), "S"))
                    .clicked()
            {
                *request = Some(KeepRequest::SaveAgain);
            }
        });
    });
    if let Some(Exported(done)) = exported {
        let (text, colour) = match done {
            Ok(p) => (
                tr.args("debrief-exported", &[("path", &p.display().to_string())]),
                palette::INK_MUTED,
            ),
            Err(e) => (
                tr.args("debrief-export-failed", &[("error", e)]),
                palette::BAD,
            ),
        };
        ui.label(RichText::new(text).small().color(colour));
    }
}

/// S saves again after a failure; X exports the report.
pub fn keys(
    keys: Res<ButtonInput<KeyCode>>,
    wants: Option<Res<EguiWantsInput>>,
    finished: Option<Res<Finished>>,
    mut commands: Commands,
) {
    if wants.is_some_and(|w| w.wants_keyboard_input()) || finished.is_none() {
        return;
    }
    if keys.just_pressed(KeyCode::KeyX) {
        commands.insert_resource(KeepRequest::Export);
    } else if keys.just_pressed(KeyCode::KeyS) {
        commands.insert_resource(KeepRequest::SaveAgain);
    }
}
