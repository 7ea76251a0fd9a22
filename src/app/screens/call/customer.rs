//! The customer's side of the call: who speaks, whether they are speaking now
//! (a clear indicator), and their words appearing at their speaking rate, driven
//! by the engine's `speaking()` progress. A line the trainee cut off ends where it
//! was cut, marked as such.

use bevy_egui::egui::{self, RichText, Ui};
use claim_dojo_core::Scenario;
use claim_dojo_core::scenario::Outcome;
use claim_dojo_core::session::{
    LineRef, MIN_LINE_MS, Phase, Session, Speaker, TRAINEE_CHARS_PER_S, TranscriptLine,
};

use crate::app::locale::Tr;
use crate::app::theme::{fonts, palette, widgets};

/// Text size of the line being spoken.
const LINE_SIZE: f32 = 20.0;

/// Lays out the whole line without drawing it, so every glyph the typewriter
/// will reveal is in egui's font atlas from the line's first frame: a glyph new
/// to the atlas reaches the screen one frame late, and each would cost a frame.
fn warm_glyphs(ui: &Ui, text: &str) {
    warm_glyphs_sized(ui, text, egui::FontId::proportional(LINE_SIZE));
}

fn warm_glyphs_sized(ui: &Ui, text: &str, font: egui::FontId) {
    let _ = ui
        .painter()
        .layout_no_wrap(text.to_string(), font, palette::INK);
}

/// The first `fraction` of `text`, by characters: the typewriter.
pub fn typed(text: &str, fraction: f64) -> String {
    let total = text.chars().count();
    let n = ((fraction.clamp(0.0, 1.0) * total as f64).ceil() as usize).min(total);
    text.chars().take(n).collect()
}

/// How much of a finished line was said: all of it, unless it was cut. A line's
/// length is the engine's (`docs/anger-model.md`): Japanese characters at the
/// speaker's rate, at least `MIN_LINE_MS`.
pub fn said_fraction(s: &Scenario, line: &TranscriptLine) -> f64 {
    // The trainee's own words are shown whole even when the customer cut in: they
    // are what the rules judged, and a trainee must be able to read them back.
    if !line.cut || line.who == Speaker::Trainee {
        return 1.0;
    }
    let rate = if line.who == Speaker::Trainee {
        TRAINEE_CHARS_PER_S
    } else {
        s.persona.chars_per_s
    };
    let full = ((line.text(s).spoken_chars() as f64 / rate) * 1000.0)
        .round()
        .max(MIN_LINE_MS as f64);
    (line.end_ms.saturating_sub(line.start_ms) as f64 / full).clamp(0.0, 1.0)
}

/// Who said a line, as the trainee sees it.
pub fn speaker_name(tr: &Tr, s: &Scenario, line: &TranscriptLine) -> String {
    match line.who {
        Speaker::Trainee => tr.text("call-you"),
        Speaker::Customer => tr.pick(&s.persona.name).to_string(),
        Speaker::Other => line
            .node()
            .and_then(|n| s.nodes[usize::from(n)].speaker.as_ref())
            .map(|t| tr.pick(t).to_string())
            .unwrap_or_else(|| tr.text("call-other")),
    }
}

pub fn show(ui: &mut Ui, tr: &Tr, session: &Session) {
    let s = session.scenario();
    let speaking = session.speaking();
    let last = session
        .transcript()
        .iter()
        .rev()
        .find(|l| l.who != Speaker::Trainee);
    // While the trainee's own words play, they are what is happening.
    let own = match session.phase() {
        Phase::Trainee { end } => session
            .transcript()
            .iter()
            .rev()
            .find(|l| l.who == Speaker::Trainee && l.what != LineRef::Listen)
            .map(|l| {
                let span = end.saturating_sub(l.start_ms).max(1) as f64;
                (l, session.now_ms().saturating_sub(l.start_ms) as f64 / span)
            }),
        _ => None,
    };
    widgets::card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.set_min_height(118.0);
        ui.horizontal(|ui| {
            let who = own
                .map(|(l, _)| l)
                .or(speaking.map(|(l, _)| l))
                .or(last)
                .map(|l| speaker_name(tr, s, l));
            ui.label(widgets::section(
                who.unwrap_or_else(|| tr.pick(&s.persona.name).to_string()),
            ));
            indicator(ui, tr, session);
        });
        ui.add_space(4.0);
        if let Some((l, _)) = speaking.or(own) {
            warm_glyphs(ui, tr.pick(l.text(s)));
            // The transcript shows the line in body text once it is said.
            warm_glyphs_sized(
                ui,
                tr.pick(l.text(s)),
                ui.style().text_styles[&egui::TextStyle::Body].clone(),
            );
        }
        let (text, cut, colour) = match (own, speaking, last) {
            (Some((l, progress)), _, _) => {
                (typed(tr.pick(l.text(s)), progress), false, palette::ACCENT)
            }
            (None, Some((l, progress)), _) => {
                (typed(tr.pick(l.text(s)), progress), false, palette::INK)
            }
            (None, None, Some(l)) => (
                typed(tr.pick(l.text(s)), said_fraction(s, l)),
                l.cut,
                palette::INK,
            ),
            (None, None, None) => (String::new(), false, palette::INK),
        };
        ui.label(RichText::new(text).size(LINE_SIZE).color(colour));
        if cut {
            ui.label(RichText::new(tr.text("call-cut")).color(palette::BAD));
        }
        if own.is_some() {
            ui.label(widgets::small(tr.args(
                "call-own-line-fast",
                &[("n", &format!("{}", super::drive::OWN_LINE_SPEEDUP))],
            )));
        }
        if let Some(outcome) = session.outcome() {
            ended(ui, tr, outcome);
        }
    });
}

/// The call is over: how it ended, said plainly, in the customer's card.
fn ended(ui: &mut Ui, tr: &Tr, outcome: Outcome) {
    ui.add_space(6.0);
    let (text, fg, bg) = match outcome {
        Outcome::HungUp => (
            tr.text("call-ended-hung-up"),
            palette::BAD,
            palette::BAD_SOFT,
        ),
        Outcome::SecondaryComplaint => (
            tr.args(
                "call-ended-as",
                &[("outcome", &tr.key(&format!("outcome-{}", outcome.key())))],
            ),
            palette::BAD,
            palette::BAD_SOFT,
        ),
        _ => (
            tr.args(
                "call-ended-as",
                &[("outcome", &tr.key(&format!("outcome-{}", outcome.key())))],
            ),
            palette::GOOD,
            palette::GOOD_SOFT,
        ),
    };
    widgets::callout(bg, fg).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(
            RichText::new(text)
                .family(fonts::bold())
                .size(18.0)
                .color(fg),
        );
    });
}

/// What is happening on the line, as a coloured pill with words.
fn indicator(ui: &mut Ui, tr: &Tr, session: &Session) {
    let phase = session.phase();
    let (text, fg, bg) = match phase {
        Phase::Speaking { .. } => (
            tr.text("call-status-speaking"),
            palette::BAD,
            palette::BAD_SOFT,
        ),
        Phase::Trainee { .. } => (
            tr.text("call-status-you-speak"),
            palette::ACCENT,
            palette::ACCENT_SOFT,
        ),
        Phase::Gap { .. } => (
            tr.text("call-status-gap"),
            palette::INK_MUTED,
            palette::SURFACE_SUNKEN,
        ),
        Phase::Silence { .. } => (
            tr.text("call-status-waiting"),
            palette::GOOD,
            palette::GOOD_SOFT,
        ),
        Phase::Climb => (
            tr.text("call-status-kept-waiting"),
            palette::CAUTION,
            palette::CAUTION_SOFT,
        ),
        Phase::Ended if session.outcome() == Some(Outcome::HungUp) => (
            tr.text("call-status-hung-up"),
            palette::BAD,
            palette::BAD_SOFT,
        ),
        Phase::Ended => (
            tr.text("call-status-ended"),
            palette::INK_MUTED,
            palette::SURFACE_SUNKEN,
        ),
    };
    let dot = if matches!(phase, Phase::Speaking { .. }) {
        "● "
    } else {
        ""
    };
    egui::Frame::new()
        .fill(bg)
        .corner_radius(10)
        .inner_margin(egui::Margin::symmetric(10, 3))
        .show(ui, |ui| {
            ui.label(
                RichText::new(format!("{dot}{text}"))
                    .family(fonts::bold())
                    .size(14.0)
                    .color(fg),
            )
        });
}

#[cfg(test)]
mod tests {
    use super::typed;

    #[test]
    fn the_typewriter_counts_characters_not_bytes() {
        assert_eq!(typed("もしもし、", 0.0), "");
        assert_eq!(typed("もしもし、", 0.5), "もしも");
        assert_eq!(typed("もしもし、", 1.0), "もしもし、");
        assert_eq!(typed("Hello", 2.0), "Hello");
    }
}
