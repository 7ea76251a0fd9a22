//! The running transcript: every line said so far, with its call time and who
//! said it; a line cut off shows what was said before the cut and is marked.

use bevy_egui::egui::{self, RichText, Ui};
use claim_dojo_core::report::human::clock;
use claim_dojo_core::session::{LineRef, Session, Speaker};

use super::customer::{said_fraction, speaker_name, typed};
use crate::app::locale::Tr;
use crate::app::theme::{palette, widgets};

/// The transcript; `titled` puts its name above it (a takeover's tabs name it).
pub fn show(ui: &mut Ui, tr: &Tr, session: &Session, titled: bool) {
    let s = session.scenario();
    let speaking = session.speaking().map(|(l, _)| l.start_ms);
    if titled {
        ui.label(widgets::section(tr.text("call-transcript")));
    }
    egui::ScrollArea::vertical()
        .id_salt("call-transcript")
        .stick_to_bottom(true)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            for line in session.transcript() {
                let now_speaking = speaking == Some(line.start_ms) && line.who != Speaker::Trainee;
                if now_speaking {
                    continue;
                }
                ui.horizontal_top(|ui| {
                    ui.label(
                        RichText::new(clock(line.start_ms as f64 / 1000.0))
                            .monospace()
                            .size(14.0)
                            .color(palette::INK_FAINT),
                    );
                    let colour = match line.who {
                        Speaker::Trainee => palette::ACCENT,
                        _ => palette::INK,
                    };
                    let name = speaker_name(tr, s, line);
                    if line.what == LineRef::Listen {
                        ui.label(widgets::small(format!(
                            "{name}: {} {}",
                            tr.pick(line.text(s)),
                            tr.text("call-back-channel")
                        )));
                        return;
                    }
                    ui.vertical(|ui| {
                        ui.label(RichText::new(name).size(14.0).color(colour));
                        let said = typed(tr.pick(line.text(s)), said_fraction(s, line));
                        ui.label(RichText::new(said).color(colour));
                        if line.cut {
                            ui.label(
                                RichText::new(tr.text("call-cut"))
                                    .small()
                                    .color(palette::BAD),
                            );
                        }
                    });
                });
                ui.add_space(2.0);
            }
        });
}
