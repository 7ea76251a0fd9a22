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
        for (id, label, hint, value) in fields {
            let r = widgets::field(ui, egui::Id::new(id), &label, value, &hint);
            if *focus == FocusRequest::Memo && id == FIRST_FIELD {
                r.request_focus();
                *focus = FocusRequest::None;
            }
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
