//! Author mode's window on the call: the node being answered, a jump to any
//! node, and the list of anger changes with the parts that made each one.

use bevy_egui::egui::{self, RichText};
use claim_dojo_core::report::human::clock;
use claim_dojo_core::session::AngerCause;

use crate::app::locale::Tr;
use crate::app::screens::call::Call;
use crate::app::theme::{palette, widgets};

pub fn call_panel(ctx: &egui::Context, tr: &Tr, call: &mut Call) {
    egui::Window::new(
        RichText::new(tr.text("author-title"))
            .size(15.0)
            .color(palette::AUTHOR),
    )
    .id(egui::Id::new("author-window"))
    .default_pos([912.0, 330.0])
    .default_width(350.0)
    .frame(widgets::callout(palette::AUTHOR_SOFT, palette::AUTHOR).inner_margin(10))
    .show(ctx, |ui| {
        let s = call.session.scenario().clone();
        let node = &s.nodes[call.session.current_node()];
        ui.label(
            RichText::new(tr.args("author-node", &[("id", &node.id)]))
                .monospace()
                .color(palette::AUTHOR),
        );
        if call.is_live() {
            jump(ui, tr, call);
        }
        ui.separator();
        ui.label(widgets::small(tr.text("author-changes")));
        egui::ScrollArea::vertical()
            .max_height(220.0)
            .show(ui, |ui| {
                for c in call.session.anger_changes().iter().rev() {
                    let cause = match c.cause {
                        AngerCause::Choice(r) => s.nodes[usize::from(r.node)].choices
                            [usize::from(r.choice)]
                        .id
                        .clone(),
                        AngerCause::Listen => tr.text("author-cause-listen"),
                        AngerCause::Waiting => tr.text("author-cause-waiting"),
                    };
                    let parts: Vec<String> = c
                        .effects
                        .iter()
                        .map(|(rule, d)| format!("{rule} {d:+.1}"))
                        .collect();
                    let line = format!(
                        "{} {cause}: {:.1}→{:.1} ({:+.1}) = ×{} ({:+.1} {} {:+.2})",
                        clock(c.at_ms as f64 / 1000.0),
                        c.from,
                        c.to,
                        c.to - c.from,
                        s.persona.volatility,
                        c.authored,
                        parts.join(" "),
                        c.noise,
                    );
                    ui.label(RichText::new(line).monospace().size(14.0));
                }
            });
    });
}

fn jump(ui: &mut egui::Ui, tr: &Tr, call: &mut Call) {
    let s = call.session.scenario().clone();
    ui.horizontal_wrapped(|ui| {
        ui.label(widgets::small(tr.text("author-jump")));
        for node in &s.nodes {
            if ui.small_button(&node.id).clicked() {
                match call.session.jump_to(&node.id) {
                    Ok(()) => call.jumped = true,
                    Err(e) => bevy::log::warn!("author jump: {e}"),
                }
            }
        }
    });
    if call.jumped {
        ui.label(
            RichText::new(tr.text("author-jumped"))
                .small()
                .color(palette::AUTHOR),
        );
    }
}
