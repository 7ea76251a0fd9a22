//! Small widget helpers shared by the screens: the root `Ui`, cards, badges,
//! key hints, buttons and labelled text fields.

use bevy_egui::egui::{self, Color32, CornerRadius, Frame, Margin, RichText, Stroke, Ui};

use super::palette::*;

/// A `Ui` covering the whole window, as egui's own `run_ui` makes one; every
/// screen draws its panels into it.
pub fn root(ctx: &egui::Context) -> Ui {
    Ui::new(
        ctx.clone(),
        egui::Id::new("claim-dojo-root"),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    )
}

/// A white card with a hairline border.
pub fn card() -> Frame {
    Frame::new()
        .fill(SURFACE)
        .stroke(Stroke::new(1.0, BORDER))
        .corner_radius(CornerRadius::same(8))
        .inner_margin(Margin::same(12))
}

/// A tinted callout (coach tips, author notes, warnings).
pub fn callout(fill: Color32, edge: Color32) -> Frame {
    Frame::new()
        .fill(fill)
        .stroke(Stroke::new(1.0, edge.gamma_multiply(0.5)))
        .corner_radius(CornerRadius::same(6))
        .inner_margin(Margin::symmetric(10, 8))
}

/// The bar across the top of a screen.
pub fn top_bar() -> Frame {
    Frame::new()
        .fill(SURFACE)
        .stroke(Stroke::new(1.0, BORDER))
        .inner_margin(Margin::symmetric(16, 10))
}

/// The area under the top bar. Unfilled: the window's clear colour is the
/// background, and on a software renderer every full-window fill costs a frame.
pub fn page() -> Frame {
    Frame::new().inner_margin(Margin::same(14))
}

pub fn title(text: impl Into<String>) -> RichText {
    RichText::new(text)
        .family(super::fonts::bold())
        .size(18.0)
        .color(INK)
}

pub fn section(text: impl Into<String>) -> RichText {
    RichText::new(text)
        .family(super::fonts::bold())
        .size(15.0)
        .color(INK)
}

pub fn muted(text: impl Into<String>) -> RichText {
    RichText::new(text).color(INK_MUTED)
}

pub fn small(text: impl Into<String>) -> RichText {
    RichText::new(text).small().color(INK_MUTED)
}

/// A pill-shaped label. It never breaks inside: in a wrapping row it starts a
/// new row when it does not fit (a frame cannot know its size beforehand, so
/// the text is measured first).
pub fn badge(ui: &mut Ui, text: impl Into<String>, fg: Color32, bg: Color32) -> egui::Response {
    let text = text.into();
    let width = ui
        .painter()
        .layout_no_wrap(text.clone(), egui::FontId::proportional(14.0), fg)
        .size()
        .x
        + 16.0;
    if ui.layout().main_wrap() && ui.available_size_before_wrap().x < width {
        ui.end_row();
    }
    Frame::new()
        .fill(bg)
        .corner_radius(CornerRadius::same(10))
        .inner_margin(Margin::symmetric(8, 2))
        .show(ui, |ui| {
            ui.add(egui::Label::new(RichText::new(text).color(fg).size(14.0)).extend())
        })
        .response
}

/// A keyboard key, drawn as a small key cap: tells which key does what.
pub fn key(ui: &mut Ui, cap: &str) -> egui::Response {
    Frame::new()
        .fill(SURFACE_SUNKEN)
        .stroke(Stroke::new(1.0, BORDER))
        .corner_radius(CornerRadius::same(4))
        .inner_margin(Margin::symmetric(5, 1))
        .show(ui, |ui| {
            ui.label(RichText::new(cap).monospace().size(14.0).color(INK_MUTED))
        })
        .response
}

/// A key cap followed by what it does.
pub fn key_hint(ui: &mut Ui, cap: &str, what: impl Into<String>) {
    key(ui, cap);
    ui.label(small(what));
    ui.add_space(8.0);
}

/// The main action of a screen, with the key that does the same (or "").
pub fn primary_button(text: impl Into<String>, key: &str) -> egui::Button<'static> {
    let button = egui::Button::new(RichText::new(text).color(ON_ACCENT).size(15.5))
        .fill(ACCENT)
        .min_size(egui::vec2(0.0, 32.0));
    with_key(button, key, ACCENT_SOFT)
}

pub fn secondary_button(text: impl Into<String>, key: &str) -> egui::Button<'static> {
    let button = egui::Button::new(RichText::new(text).color(INK).size(15.0))
        .fill(SURFACE)
        .stroke(Stroke::new(1.0, BORDER))
        .min_size(egui::vec2(0.0, 32.0));
    with_key(button, key, INK_FAINT)
}

fn with_key(button: egui::Button<'static>, key: &str, colour: Color32) -> egui::Button<'static> {
    if key.is_empty() {
        return button;
    }
    button.shortcut_text(
        RichText::new(key.to_string())
            .monospace()
            .size(14.0)
            .color(colour),
    )
}

/// A labelled one-line text field with a stable id, so keys can focus it: the
/// label on the left, the field filling the rest of the row. A field that gains
/// the keyboard's focus is scrolled into view.
pub fn field(
    ui: &mut Ui,
    id: egui::Id,
    label: &str,
    value: &mut String,
    hint: &str,
    label_width: f32,
) -> egui::Response {
    ui.horizontal(|ui| {
        ui.allocate_ui_with_layout(
            egui::vec2(label_width, 26.0),
            egui::Layout::top_down(egui::Align::Min),
            |ui| {
                ui.set_width(label_width);
                // Level with the text in the field beside it.
                ui.add_space(3.0);
                ui.add(egui::Label::new(small(label)).wrap());
            },
        );
        let r = ui.add(
            egui::TextEdit::singleline(value)
                .id(id)
                .hint_text(RichText::new(hint).color(INK_FAINT))
                .desired_width(f32::INFINITY),
        );
        if r.gained_focus() {
            r.scroll_to_me(None);
        }
        r
    })
    .inner
}

/// Columns whose text is left-aligned and never justified. egui's own
/// `Ui::columns` lays each column out `top_down_justified`, and a wrapped label
/// in a justified layout is justified too: English came out as "a n d   t a k e".
pub fn columns<R>(ui: &mut Ui, n: usize, mut add: impl FnMut(usize, &mut Ui) -> R) -> Vec<R> {
    ui.columns(n, |cols| {
        cols.iter_mut()
            .enumerate()
            .map(|(i, col)| {
                col.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| add(i, ui))
                    .inner
            })
            .collect()
    })
}

/// Words someone says, quoted as the language quotes them: 「…」 in Japanese,
/// typographic quotes in English (the Japanese font draws `"` as a closing quote).
pub fn quote(lang: claim_dojo_core::Lang, words: &str) -> String {
    match lang {
        claim_dojo_core::Lang::Ja => format!("「{words}」"),
        claim_dojo_core::Lang::En => format!("\u{201c}{words}\u{201d}"),
    }
}

/// ★ for each level of difficulty out of five.
pub fn stars(difficulty: u8) -> String {
    let d = usize::from(difficulty.min(5));
    format!("{}{}", "★".repeat(d), "☆".repeat(5 - d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_never_justify_their_text() {
        let ctx = egui::Context::default();
        let mut justified = Vec::new();
        let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
            justified = columns(ui, 4, |_, col| col.layout().horizontal_justify());
            let plain: Vec<bool> = ui.columns(2, |cols| {
                cols.iter()
                    .map(|c| c.layout().horizontal_justify())
                    .collect()
            });
            assert!(
                plain.iter().all(|j| *j),
                "egui's columns justify (why this helper exists)"
            );
        });
        out.textures_delta.clear();
        assert_eq!(justified, [false; 4]);
    }

    #[test]
    fn words_are_quoted_as_each_language_quotes() {
        use claim_dojo_core::Lang;
        assert_eq!(quote(Lang::Ja, "はい"), "「はい」");
        assert_eq!(quote(Lang::En, "Yes"), "\u{201c}Yes\u{201d}");
    }
}
