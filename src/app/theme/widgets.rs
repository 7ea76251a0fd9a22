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

/// A pill-shaped label.
pub fn badge(ui: &mut Ui, text: impl Into<String>, fg: Color32, bg: Color32) -> egui::Response {
    Frame::new()
        .fill(bg)
        .corner_radius(CornerRadius::same(10))
        .inner_margin(Margin::symmetric(8, 2))
        .show(ui, |ui| ui.label(RichText::new(text).color(fg).size(13.0)))
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
            ui.label(RichText::new(cap).monospace().size(12.5).color(INK_MUTED))
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
            .size(12.0)
            .color(colour),
    )
}

/// A labelled one-line text field with a stable id, so keys can focus it.
pub fn field(
    ui: &mut Ui,
    id: egui::Id,
    label: &str,
    value: &mut String,
    hint: &str,
) -> egui::Response {
    ui.label(small(label));
    ui.add(
        egui::TextEdit::singleline(value)
            .id(id)
            .hint_text(RichText::new(hint).color(INK_FAINT))
            .desired_width(f32::INFINITY),
    )
}

/// ★ for each level of difficulty out of five.
pub fn stars(difficulty: u8) -> String {
    let d = usize::from(difficulty.min(5));
    format!("{}{}", "★".repeat(d), "☆".repeat(5 - d))
}
