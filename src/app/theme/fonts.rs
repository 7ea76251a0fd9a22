//! BIZ UDPGothic (Morisawa, SIL OFL 1.1; licence in `assets/fonts/`) as egui's
//! font. egui's own fonts have no Japanese, so without this every kana and kanji
//! would be a box. The files are compiled in, so the app finds them from any
//! working directory.

use std::sync::Arc;

use bevy_egui::egui::{self, FontData, FontDefinitions, FontFamily};

const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/BIZUDPGothic-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../../assets/fonts/BIZUDPGothic-Bold.ttf");

/// No text is drawn smaller than this at the default text size (px at 100 %).
pub const SMALLEST: f32 = 14.0;

pub const REGULAR_NAME: &str = "BIZUDPGothic-Regular";
pub const BOLD_NAME: &str = "BIZUDPGothic-Bold";

/// The family for headings and figures that must stand out.
pub fn bold() -> FontFamily {
    FontFamily::Name(BOLD_NAME.into())
}

/// egui's defaults plus BIZ UDPGothic: first for proportional text (one
/// typeface for Japanese and Latin), a fallback after Hack for monospace.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        REGULAR_NAME.into(),
        Arc::new(FontData::from_static(REGULAR)),
    );
    fonts
        .font_data
        .insert(BOLD_NAME.into(), Arc::new(FontData::from_static(BOLD)));
    fonts
        .families
        .entry(FontFamily::Proportional)
        .or_default()
        .insert(0, REGULAR_NAME.into());
    fonts
        .families
        .entry(FontFamily::Monospace)
        .or_default()
        .push(REGULAR_NAME.into());
    let mut bold = vec![BOLD_NAME.to_string()];
    bold.extend(
        fonts
            .families
            .get(&FontFamily::Proportional)
            .cloned()
            .unwrap_or_default(),
    );
    fonts.families.insert(self::bold(), bold);
    fonts
}

pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sizes written in the code: `.size(N)` and `FontId::…(N` with a literal.
    /// None may be under `SMALLEST` (layout sizes such as `min_size` are not text).
    #[test]
    fn no_text_in_the_app_is_written_smaller_than_the_smallest_size() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app");
        let mut stack = vec![root];
        let mut small = Vec::new();
        let mut seen = 0;
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                if path.extension().is_none_or(|x| x != "rs") {
                    continue;
                }
                let src = std::fs::read_to_string(&path).unwrap();
                for pattern in [
                    ".size(",
                    "FontId::new(",
                    "FontId::proportional(",
                    "FontId::monospace(",
                ] {
                    for (at, _) in src.match_indices(pattern) {
                        let before = &src[..at];
                        if before.ends_with("min")
                            || before.ends_with("exact")
                            || before.ends_with("_")
                        {
                            continue;
                        }
                        let number: String = src[at + pattern.len()..]
                            .chars()
                            .take_while(|c| c.is_ascii_digit() || *c == '.')
                            .collect();
                        let Ok(size) = number.parse::<f32>() else {
                            continue;
                        };
                        seen += 1;
                        if size < SMALLEST {
                            small.push(format!("{} {pattern}{number}", path.display()));
                        }
                    }
                }
            }
        }
        assert!(seen > 15, "the scan found only {seen} sizes");
        assert!(small.is_empty(), "text under {SMALLEST} px: {small:#?}");
    }

    fn has(ctx: &egui::Context, family: &FontFamily, c: char) -> bool {
        ctx.run_ui(egui::RawInput::default(), |_| {})
            .textures_delta
            .clear();
        ctx.fonts_mut(|f| f.has_glyph(&egui::FontId::new(16.0, family.clone()), c))
    }

    #[test]
    fn japanese_glyphs_resolve_in_every_family_once_installed() {
        let plain = egui::Context::default();
        assert!(
            !has(&plain, &FontFamily::Proportional, '道'),
            "egui's own fonts have no kanji"
        );
        let ctx = egui::Context::default();
        install(&ctx);
        for family in [FontFamily::Proportional, FontFamily::Monospace, bold()] {
            for c in ['ク', 'レ', '道', '場', '怒', '。', '「', '★'] {
                assert!(has(&ctx, &family, c), "{c} missing in {family:?}");
            }
        }
    }
}
