//! Text that does not fit: every text shape of a frame drawn past the right edge
//! of its clip rectangle or of the screen, which a reader would see cut off.
//! Text below the fold of a scroll area is not cut: it scrolls. Unit tests lay a
//! screen out in a plain egui context and ask this; with
//! `CLAIM_DOJO_LAYOUT_CHECK=1` the app logs it for every frame it draws
//! (`layout: <screen> …`), which the end-to-end test reads from the real window.

use bevy::prelude::*;
use bevy_egui::egui::Rect;
use bevy_egui::egui::epaint::{ClippedShape, Shape};
use bevy_egui::{EguiContext, EguiFullOutput, EguiPostUpdateSet};

use crate::app::screens::Screen;

/// The variable that turns the layout log on.
pub const LAYOUT_CHECK_ENV: &str = "CLAIM_DOJO_LAYOUT_CHECK";
/// Texts, separated by `|`, whose presence on screen the layout log reports.
pub const LAYOUT_FIND_ENV: &str = "CLAIM_DOJO_LAYOUT_FIND";

pub(super) fn plugin(app: &mut App) {
    if std::env::var_os(LAYOUT_CHECK_ENV).is_some_and(|v| v == "1") {
        app.add_systems(
            PostUpdate,
            log.after(EguiPostUpdateSet::EndPass)
                .before(EguiPostUpdateSet::ProcessOutput),
        );
    }
}

/// A piece of text that runs past the edge it is clipped to.
#[derive(Debug, Clone, PartialEq)]
pub struct Cut {
    pub text: String,
    pub text_rect: Rect,
    pub clip_rect: Rect,
}

/// What a frame's text looks like, for the log and the tests.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    pub texts: usize,
    pub cut: Vec<Cut>,
    /// The right edge of the rightmost text.
    pub right: f32,
    /// Every text drawn at least partly inside its clip.
    pub visible: Vec<String>,
}

impl Facts {
    /// Which of `wanted` some visible text contains.
    pub fn found<'a>(&self, wanted: &'a [String]) -> Vec<&'a str> {
        wanted
            .iter()
            .filter(|w| self.visible.iter().any(|t| t.contains(w.as_str())))
            .map(String::as_str)
            .collect()
    }
}

/// Every text of the frame and which ones are cut at the right, against the
/// screen's width in points.
pub fn facts(shapes: &[ClippedShape], screen: Rect) -> Facts {
    let mut f = Facts::default();
    for clipped in shapes {
        visit(&clipped.shape, clipped.clip_rect, screen, &mut f);
    }
    f
}

fn visit(shape: &Shape, clip: Rect, screen: Rect, f: &mut Facts) {
    match shape {
        Shape::Vec(shapes) => shapes.iter().for_each(|s| visit(s, clip, screen, f)),
        Shape::Text(t) => {
            let text = t.galley.job.text.trim();
            if text.is_empty() {
                return;
            }
            let rect = t.galley.rect.translate(t.pos.to_vec2());
            // Text wholly outside its clip is scrolled away (or hidden), not cut.
            if !rect.intersects(clip) {
                return;
            }
            f.texts += 1;
            f.visible.push(text.to_string());
            f.right = f.right.max(rect.right());
            let edge = clip.right().min(screen.right());
            if rect.right() > edge + 1.0 {
                f.cut.push(Cut {
                    text: text.chars().take(40).collect(),
                    text_rect: rect,
                    clip_rect: clip,
                });
            }
        }
        _ => {}
    }
}

/// Logs the layout facts of every frame drawn (layout-check mode only), against
/// the screen egui laid that frame out for (a resize or a new text size reaches
/// egui a frame after the window).
fn log(
    mut outputs: Query<(&EguiFullOutput, &mut EguiContext)>,
    screen: Res<State<Screen>>,
    windows: Query<&Window>,
    mut wanted: Local<Option<Vec<String>>>,
) {
    let wanted = wanted.get_or_insert_with(|| {
        std::env::var(LAYOUT_FIND_ENV)
            .map(|v| {
                v.split('|')
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    });
    let Ok(window) = windows.single() else { return };
    for (output, mut ctx) in &mut outputs {
        let Some(full) = &output.0 else { continue };
        let ctx = ctx.get_mut();
        let f = facts(&full.shapes, ctx.viewport_rect());
        let cut: Vec<String> = f
            .cut
            .iter()
            .map(|c| {
                format!(
                    "{:?} right {:.0} > {:.0}",
                    c.text,
                    c.text_rect.right(),
                    c.clip_rect.right().min(ctx.viewport_rect().right())
                )
            })
            .collect();
        info!(
            "layout: {} {:.0}x{:.0} window, text {:.0}%: {} texts, {} cut{}; found [{}]",
            screen.get().name(),
            window.width(),
            window.height(),
            ctx.zoom_factor() * 100.0,
            f.texts,
            f.cut.len(),
            if cut.is_empty() {
                String::new()
            } else {
                format!(": {}", cut.join("; "))
            },
            f.found(wanted).join(" | ")
        );
    }
}
