//! Every colour of the app, named by what it means. Calm and professional:
//! paper-white surfaces, ink text, one indigo accent, and anger colours that are
//! always paired with a word so colour is never the only cue.

use bevy_egui::egui::Color32;

pub const BACKGROUND: Color32 = Color32::from_rgb(0xF3, 0xF4, 0xF6);
pub const SURFACE: Color32 = Color32::from_rgb(0xFF, 0xFF, 0xFF);
pub const SURFACE_SUNKEN: Color32 = Color32::from_rgb(0xEC, 0xEE, 0xF1);
pub const BORDER: Color32 = Color32::from_rgb(0xD3, 0xD8, 0xDF);
pub const INK: Color32 = Color32::from_rgb(0x1E, 0x25, 0x2E);
pub const INK_MUTED: Color32 = Color32::from_rgb(0x55, 0x60, 0x6E);
pub const INK_FAINT: Color32 = Color32::from_rgb(0x8A, 0x94, 0xA1);
pub const ON_ACCENT: Color32 = Color32::WHITE;

/// Indigo (藍): primary actions, the selection, the trainee's words.
pub const ACCENT: Color32 = Color32::from_rgb(0x27, 0x4C, 0x8F);
pub const ACCENT_SOFT: Color32 = Color32::from_rgb(0xE3, 0xEA, 0xF6);
pub const ACCENT_HOVER: Color32 = Color32::from_rgb(0x1D, 0x3B, 0x72);

/// Verdicts.
pub const GOOD: Color32 = Color32::from_rgb(0x2F, 0x7A, 0x55);
pub const GOOD_SOFT: Color32 = Color32::from_rgb(0xE2, 0xF1, 0xE8);
pub const CAUTION: Color32 = Color32::from_rgb(0x9A, 0x64, 0x0C);
pub const CAUTION_SOFT: Color32 = Color32::from_rgb(0xFB, 0xF0, 0xD9);
pub const BAD: Color32 = Color32::from_rgb(0xB0, 0x34, 0x2B);
pub const BAD_SOFT: Color32 = Color32::from_rgb(0xF8, 0xE3, 0xE0);

/// The anger scale, from calm to furious. Each level also has a word.
pub const ANGER_CALM: Color32 = Color32::from_rgb(0x3E, 0x8E, 0x6A);
pub const ANGER_DISSATISFIED: Color32 = Color32::from_rgb(0xC9, 0x9A, 0x2E);
pub const ANGER_ANGRY: Color32 = Color32::from_rgb(0xD2, 0x6A, 0x2C);
pub const ANGER_FURIOUS: Color32 = Color32::from_rgb(0xB3, 0x2D, 0x2D);
/// The calm band behind the thermometer and the curve.
pub const CALM_BAND: Color32 = Color32::from_rgba_premultiplied(0x3E, 0x8E, 0x6A, 0x30);

/// The trainer's coaching tip.
pub const COACH: Color32 = Color32::from_rgb(0x6B, 0x4E, 0x0E);
pub const COACH_SOFT: Color32 = Color32::from_rgb(0xFF, 0xF6, 0xDC);

/// Author mode's overlay, visibly not part of the call.
pub const AUTHOR: Color32 = Color32::from_rgb(0x5B, 0x3F, 0x8C);
pub const AUTHOR_SOFT: Color32 = Color32::from_rgb(0xEE, 0xE8, 0xF7);

/// The same colour for Bevy (the window's clear colour).
pub fn bevy(c: Color32) -> bevy::color::Color {
    bevy::color::Color::srgb_u8(c.r(), c.g(), c.b())
}
