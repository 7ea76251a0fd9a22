//! The memo pad (R20): when it happened, what the complaint is, its cause. The
//! pad is sent to the engine as `Action::Memo` whenever a field is left after an
//! edit, and once more at the end of the call, so the engine judges what the
//! trainee really wrote.

use bevy_egui::egui::{self, Ui};
use claim_dojo_core::session::{Action, Memo, Session};

use super::FocusRequest;
use crate::app::locale::Tr;
use crate::app::theme::widgets;

pub const FIRST_FIELD: &str = "memo-when";
/// Room for the fields' labels on their left.
pub const LABEL_WIDTH: f32 = 64.0;

/// Where egui keeps the field Enter moves to, until the next frame.
const NEXT_FIELD: &str = "call-form-next-field";

/// Enter in a field goes on to the next one (`next`), as in a paper form; in the
/// last field it just leaves it. An Enter that confirms an IME conversion never
/// gets here (`app::ime`). The next field takes the focus in the next frame
/// ([`focus_next_field`]): in this one it would see the same Enter and let go.
pub fn enter_moves_on(ui: &egui::Ui, field: &egui::Response, next: Option<&str>) {
    if field.lost_focus()
        && ui.input(|i| i.key_pressed(egui::Key::Enter))
        && let Some(next) = next
    {
        ui.data_mut(|d| d.insert_temp(egui::Id::new(NEXT_FIELD), Some(egui::Id::new(next))));
        ui.ctx().request_repaint();
    }
}

/// Gives the focus that Enter asked for in the last frame; call before the forms.
pub fn focus_next_field(ui: &egui::Ui) {
    if let Some(Some(id)) =
        ui.data_mut(|d| d.remove_temp::<Option<egui::Id>>(egui::Id::new(NEXT_FIELD)))
    {
        ui.memory_mut(|m| m.request_focus(id));
    }
}

#[derive(Debug, Clone, Default)]
pub struct Pad {
    pub draft: Memo,
    sent: Option<Memo>,
}

impl Pad {
    /// Sends the draft if it has something the engine has not seen yet.
    pub fn flush(&mut self, session: &mut Session) -> bool {
        let blank = [&self.draft.when, &self.draft.what, &self.draft.cause]
            .iter()
            .all(|f| f.trim().is_empty());
        if blank || self.sent.as_ref() == Some(&self.draft) {
            return false;
        }
        let ok = session.act(Action::Memo(self.draft.clone())).is_ok();
        if ok {
            self.sent = Some(self.draft.clone());
        }
        ok
    }
}

/// The pad; in a replay it shows what the trainee had written, read-only.
pub fn show(
    ui: &mut Ui,
    tr: &Tr,
    pad: &mut Pad,
    session: &mut Session,
    live: bool,
    focus: &mut FocusRequest,
) {
    ui.horizontal(|ui| {
        ui.label(widgets::section(tr.text("call-memo")));
        widgets::key(ui, "M");
    });
    ui.label(widgets::small(tr.text("call-memo-help")));
    let mut shown = if live {
        pad.draft.clone()
    } else {
        session.memo().cloned().unwrap_or_default()
    };
    let mut left = false;
    ui.add_enabled_ui(live, |ui| {
        let fields: [(&str, String, String, &mut String); 3] = [
            (
                FIRST_FIELD,
                tr.text("memo-when"),
                tr.text("memo-when-hint"),
                &mut shown.when,
            ),
            (
                "memo-what",
                tr.text("memo-what"),
                tr.text("memo-what-hint"),
                &mut shown.what,
            ),
            (
                "memo-cause",
                tr.text("memo-cause"),
                tr.text("memo-cause-hint"),
                &mut shown.cause,
            ),
        ];
        let ids: Vec<&str> = fields.iter().map(|f| f.0).collect();
        for (i, (id, label, hint, value)) in fields.into_iter().enumerate() {
            let r = widgets::field(ui, egui::Id::new(id), &label, value, &hint, LABEL_WIDTH);
            if *focus == FocusRequest::Memo && id == FIRST_FIELD {
                r.request_focus();
                *focus = FocusRequest::None;
            }
            enter_moves_on(ui, &r, ids.get(i + 1).copied());
            left |= r.lost_focus();
        }
    });
    if live {
        pad.draft = shown;
        if left {
            pad.flush(session);
        }
    }
}
