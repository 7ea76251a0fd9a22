//! The debrief scrolls by keyboard: PageUp/PageDown by most of a screen, ↑/↓ by
//! a few lines, Home/End to either end, and a new debrief opens at its top.
//! egui's scroll areas have no keys of their own, so the keys ask for an offset
//! and the next frame's scroll area is given it; the mouse wheel still works,
//! because the offset is only set when a key asked.

use bevy::prelude::*;
use bevy_egui::egui;
use bevy_egui::input::EguiWantsInput;

/// What the keys asked of the page, and what the last frame showed.
#[derive(Resource, Debug, Default, Clone, PartialEq)]
pub struct PageScroll {
    pub request: Option<Request>,
    /// The offset, viewport height and content height of the last frame drawn.
    pub offset: f32,
    pub viewport: f32,
    pub content: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request {
    Top,
    End,
    PageUp,
    PageDown,
    LineUp,
    LineDown,
}

/// Share of the viewport a page step moves: the last lines stay in sight.
const PAGE: f32 = 0.85;
const LINE: f32 = 48.0;

impl PageScroll {
    /// The offset a request leads to, from the last frame's.
    pub fn target(&self, request: Request) -> f32 {
        let bottom = (self.content - self.viewport).max(0.0);
        let to = match request {
            Request::Top => 0.0,
            Request::End => bottom,
            Request::PageUp => self.offset - self.viewport * PAGE,
            Request::PageDown => self.offset + self.viewport * PAGE,
            Request::LineUp => self.offset - LINE,
            Request::LineDown => self.offset + LINE,
        };
        to.clamp(0.0, bottom.max(0.0))
    }

    /// The page's scroll area, given the offset a key asked for.
    pub fn area(&mut self, id: &str) -> egui::ScrollArea {
        let area = egui::ScrollArea::vertical()
            .id_salt(id)
            .auto_shrink([false, false]);
        match self.request.take() {
            Some(r) => area.vertical_scroll_offset(self.target(r)),
            None => area,
        }
    }

    /// Remembers what the frame showed.
    pub fn seen<R>(&mut self, out: &egui::containers::scroll_area::ScrollAreaOutput<R>) {
        self.offset = out.state.offset.y;
        self.viewport = out.inner_rect.height();
        self.content = out.content_size.y;
    }
}

pub fn to_top(mut scroll: ResMut<PageScroll>) {
    *scroll = PageScroll {
        request: Some(Request::Top),
        ..PageScroll::default()
    };
}

pub fn keys(
    keys: Res<ButtonInput<KeyCode>>,
    wants: Option<Res<EguiWantsInput>>,
    mut scroll: ResMut<PageScroll>,
) {
    if wants.is_some_and(|w| w.wants_keyboard_input()) {
        return;
    }
    let pressed = |k| keys.just_pressed(k);
    let request = if pressed(KeyCode::PageDown) {
        Request::PageDown
    } else if pressed(KeyCode::PageUp) {
        Request::PageUp
    } else if pressed(KeyCode::Home) {
        Request::Top
    } else if pressed(KeyCode::End) {
        Request::End
    } else if pressed(KeyCode::ArrowDown) {
        Request::LineDown
    } else if pressed(KeyCode::ArrowUp) {
        Request::LineUp
    } else {
        return;
    };
    scroll.request = Some(request);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_keys_move_by_most_of_a_screen_and_stop_at_the_ends() {
        let s = PageScroll {
            request: None,
            offset: 100.0,
            viewport: 500.0,
            content: 2000.0,
        };
        assert_eq!(s.target(Request::PageDown), 100.0 + 425.0);
        assert_eq!(s.target(Request::PageUp), 0.0);
        assert_eq!(s.target(Request::End), 1500.0);
        assert_eq!(s.target(Request::Top), 0.0);
        let at_end = PageScroll {
            offset: 1500.0,
            ..s.clone()
        };
        assert_eq!(at_end.target(Request::PageDown), 1500.0);
        assert_eq!(at_end.target(Request::LineUp), 1452.0);
    }
}
