//! The handoff form (R17), once the trainee has handed the call over: who the
//! customer is, the original request, why it escalated, the state now and what
//! they want. Sent as `Action::Handoff`; the engine judges it complete and concise.

use bevy_egui::egui::{self, RichText, Ui};
use claim_dojo_core::session::{Action, HandoffBrief, Session};

use super::{FocusRequest, memo};
use crate::app::locale::Tr;
use crate::app::screens::briefing;
use crate::app::theme::{palette, widgets};

pub const FIRST_FIELD: &str = "handoff-customer";
/// Room for the longest label (「エスカレーションの理由」 wraps onto two lines).
const LABEL_WIDTH: f32 = 104.0;

#[derive(Debug, Clone, Default)]
pub struct Form {
    pub draft: HandoffBrief,
    pub sent: bool,
}

impl Form {
    pub fn send(&mut self, session: &mut Session) -> bool {
        if self.sent {
            return false;
        }
        self.sent = session.act(Action::Handoff(self.draft.clone())).is_ok();
        self.sent
    }
}

pub fn show(
    ui: &mut Ui,
    tr: &Tr,
    form: &mut Form,
    session: &mut Session,
    live: bool,
    focus: &mut FocusRequest,
) {
    if !session.has_handed_over() {
        return;
    }
    ui.horizontal(|ui| {
        ui.label(widgets::section(tr.text("call-handoff")));
        widgets::key(ui, "F");
    });
    ui.label(widgets::small(tr.text("call-handoff-help")));
    let editable = live && !form.sent;
    let mut send_now = false;
    let mut shown = if live {
        form.draft.clone()
    } else {
        session.handoff().cloned().unwrap_or_default()
    };
    ui.add_enabled_ui(editable, |ui| {
        let fields: [(&str, &str, &mut String); 5] = [
            (FIRST_FIELD, "brief-customer", &mut shown.customer),
            ("handoff-request", "brief-request", &mut shown.request),
            ("handoff-reason", "brief-reason", &mut shown.reason),
            ("handoff-state", "brief-state", &mut shown.state),
            ("handoff-wants", "brief-wants", &mut shown.wants),
        ];
        let ids: Vec<&str> = fields.iter().map(|f| f.0).collect();
        for (i, (id, label, value)) in fields.into_iter().enumerate() {
            let r = widgets::field(
                ui,
                egui::Id::new(id),
                &briefing::label(tr, label),
                value,
                "",
                LABEL_WIDTH,
            );
            if *focus == FocusRequest::Handoff && id == FIRST_FIELD {
                r.request_focus();
                *focus = FocusRequest::None;
            }
            memo::enter_moves_on(ui, &r, ids.get(i + 1).copied());
            send_now |= r.has_focus()
                && ui.input(|i| i.modifiers.command && i.key_pressed(egui::Key::Enter));
        }
    });
    if live {
        form.draft = shown;
    }
    let sent = if live {
        form.sent
    } else {
        session.handoff().is_some()
    };
    if sent {
        ui.label(RichText::new(tr.text("call-handoff-sent")).color(palette::GOOD));
    } else if live
        && (ui
            .add(widgets::primary_button(
                tr.text("call-handoff-send"),
                "Ctrl+Enter",
            ))
            .clicked()
            || send_now)
    {
        form.send(session);
    }
}
