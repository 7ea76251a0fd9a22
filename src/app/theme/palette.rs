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
pub const INK_FAINT: Color32 = Color32::from_rgb(0x64, 0x6D, 0x79);
pub const ON_ACCENT: Color32 = Color32::WHITE;

/// Indigo (藍): primary actions, the selection, the trainee's words.
pub const ACCENT: Color32 = Color32::from_rgb(0x27, 0x4C, 0x8F);
pub const ACCENT_SOFT: Color32 = Color32::from_rgb(0xE3, 0xEA, 0xF6);
pub const ACCENT_HOVER: Color32 = Color32::from_rgb(0x1D, 0x3B, 0x72);

/// Verdicts.
pub const GOOD: Color32 = Color32::from_rgb(0x27, 0x6B, 0x49);
pub const GOOD_SOFT: Color32 = Color32::from_rgb(0xE2, 0xF1, 0xE8);
pub const CAUTION: Color32 = Color32::from_rgb(0x83, 0x55, 0x08);
pub const CAUTION_SOFT: Color32 = Color32::from_rgb(0xFB, 0xF0, 0xD9);
pub const BAD: Color32 = Color32::from_rgb(0xA8, 0x30, 0x2A);
pub const BAD_SOFT: Color32 = Color32::from_rgb(0xF8, 0xE3, 0xE0);

/// The anger scale, from calm to furious. Each level also has a word.
pub const ANGER_CALM: Color32 = Color32::from_rgb(0x3E, 0x8E, 0x6A);
pub const ANGER_DISSATISFIED: Color32 = Color32::from_rgb(0xC9, 0x9A, 0x2E);
pub const ANGER_ANGRY: Color32 = Color32::from_rgb(0xD2, 0x6A, 0x2C);
pub const ANGER_FURIOUS: Color32 = Color32::from_rgb(0xB3, 0x2D, 0x2D);
/// The anger level's word, in a shade of its colour dark enough to read.
pub const ANGER_ANGRY_TEXT: Color32 = Color32::from_rgb(0xA5, 0x50, 0x1A);

/// The calm band behind the thermometer and the curve.
pub const CALM_BAND: Color32 = Color32::from_rgba_premultiplied(0x3E, 0x8E, 0x6A, 0x30);

/// The trainer's coaching tip.
pub const COACH: Color32 = Color32::from_rgb(0x6B, 0x4E, 0x0E);
pub const COACH_SOFT: Color32 = Color32::from_rgb(0xFF, 0xF6, 0xDC);

/// Author mode's overlay, visibly not part of the call.
pub const AUTHOR: Color32 = Color32::from_rgb(0x5B, 0x3F, 0x8C);
pub const AUTHOR_SOFT: Color32 = Color32::from_rgb(0xEE, 0xE8, 0xF7);

/// Every pair of text colour and the fill it is drawn on. Text needs a contrast
/// of at least 4.5:1 (WCAG 2.1 AA, 1.4.3); the unit test checks each pair.
pub const TEXT_PAIRS: &[(&str, Color32, Color32)] = &[
    ("ink on background", INK, BACKGROUND),
    ("ink on surface", INK, SURFACE),
    ("ink on sunken", INK, SURFACE_SUNKEN),
    ("ink on selection", INK, ACCENT_SOFT),
    ("muted on background", INK_MUTED, BACKGROUND),
    ("muted on surface", INK_MUTED, SURFACE),
    ("muted on sunken", INK_MUTED, SURFACE_SUNKEN),
    ("muted on selection", INK_MUTED, ACCENT_SOFT),
    ("faint on background", INK_FAINT, BACKGROUND),
    ("faint on surface", INK_FAINT, SURFACE),
    ("faint on sunken", INK_FAINT, SURFACE_SUNKEN),
    ("accent on background", ACCENT, BACKGROUND),
    ("accent on surface", ACCENT, SURFACE),
    ("accent on its tint", ACCENT, ACCENT_SOFT),
    ("button text", ON_ACCENT, ACCENT),
    ("button key cap", ACCENT_SOFT, ACCENT),
    ("good on surface", GOOD, SURFACE),
    ("good on background", GOOD, BACKGROUND),
    ("good on its tint", GOOD, GOOD_SOFT),
    ("caution on surface", CAUTION, SURFACE),
    ("caution on background", CAUTION, BACKGROUND),
    ("caution on its tint", CAUTION, CAUTION_SOFT),
    ("bad on surface", BAD, SURFACE),
    ("bad on background", BAD, BACKGROUND),
    ("bad on its tint", BAD, BAD_SOFT),
    ("coach on its tint", COACH, COACH_SOFT),
    ("coach on surface", COACH, SURFACE),
    ("author on its tint", AUTHOR, AUTHOR_SOFT),
    ("author on surface", AUTHOR, SURFACE),
    ("furious on surface", ANGER_FURIOUS, SURFACE),
    ("angry on surface", ANGER_ANGRY_TEXT, SURFACE),
];

/// The same colour for Bevy (the window's clear colour).
pub fn bevy(c: Color32) -> bevy::color::Color {
    bevy::color::Color::srgb_u8(c.r(), c.g(), c.b())
}

/// Relative luminance (WCAG 2.1).
pub fn luminance(c: Color32) -> f64 {
    let channel = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
}

/// Contrast ratio between two opaque colours, 1 to 21.
pub fn contrast(a: Color32, b: Color32) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_is_computed_as_wcag_defines_it() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
        assert!((contrast(SURFACE, SURFACE) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1.
        let grey = Color32::from_rgb(0x76, 0x76, 0x76);
        assert!((contrast(grey, Color32::WHITE) - 4.54).abs() < 0.01);
    }

    #[test]
    fn every_text_colour_reads_at_least_4_5_to_1_on_what_it_is_drawn_on() {
        let weak: Vec<String> = TEXT_PAIRS
            .iter()
            .map(|(name, fg, bg)| (name, contrast(*fg, *bg)))
            .filter(|(_, c)| *c < 4.5)
            .map(|(name, c)| format!("{name}: {c:.2}:1"))
            .collect();
        assert!(weak.is_empty(), "below 4.5:1: {weak:?}");
    }
}
