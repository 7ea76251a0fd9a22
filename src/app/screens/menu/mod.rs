//! The menu: the shipped scenarios with their role, difficulty and length,
//! filters, the language switch and settings, and the diagnostics of scenario
//! files that do not load. Keyboard: ↑/↓ choose, Enter starts. Who is
//! practising is chosen at the top (`trainee.rs`); H opens their history.

mod detail;
mod header;
mod list;
mod problems;
mod records_notice;
mod trainee;

use std::sync::Arc;

use bevy::prelude::*;
use bevy_egui::egui::{self, Panel};
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use claim_dojo_core::Scenario;
use claim_dojo_core::scenario::Role;

use super::{CallRequest, Screen};
use crate::app::library::Library;
use crate::app::locale::Texts;
use crate::app::records::{Practising, Records};
use crate::app::settings::{Settings, SettingsFile};
use crate::app::theme::widgets;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<MenuState>()
        .add_systems(Update, keys.run_if(in_state(Screen::Menu)))
        .add_systems(
            EguiPrimaryContextPass,
            draw.run_if(in_state(Screen::Menu).and_then(crate::app::theme::ready)),
        );
}

/// The trainee's place in the menu; kept between visits.
#[derive(Resource, Debug, Default)]
pub struct MenuState {
    /// Id of the highlighted scenario.
    pub selected: Option<String>,
    pub role: Option<Role>,
    pub difficulty: Option<u8>,
}

impl MenuState {
    /// The scenarios the filters let through, in menu order.
    pub fn visible(&self, library: &Library) -> Vec<Arc<Scenario>> {
        let mut v: Vec<_> = library
            .playable()
            .filter(|s| self.role.is_none_or(|r| r == s.role))
            .filter(|s| self.difficulty.is_none_or(|d| d == s.difficulty))
            .cloned()
            .collect();
        v.sort_by(|a, b| {
            (a.role == Role::Secondary, a.difficulty, &a.id).cmp(&(
                b.role == Role::Secondary,
                b.difficulty,
                &b.id,
            ))
        });
        v
    }

    /// The highlighted scenario, or the first visible one.
    pub fn current(&self, library: &Library) -> Option<Arc<Scenario>> {
        let visible = self.visible(library);
        visible
            .iter()
            .find(|s| Some(&s.id) == self.selected.as_ref())
            .or(visible.first())
            .cloned()
    }

    fn step(&mut self, library: &Library, by: isize) {
        let visible = self.visible(library);
        if visible.is_empty() {
            return;
        }
        // Nothing chosen yet shows the first one (`current`), so the arrows move from there.
        let at = visible
            .iter()
            .position(|s| Some(&s.id) == self.selected.as_ref())
            .unwrap_or(0);
        let next = (at as isize + by).clamp(0, visible.len() as isize - 1) as usize;
        self.selected = Some(visible[next].id.clone());
    }
}

/// Starts `scenario` from the menu.
pub fn begin(scenario: Arc<Scenario>, commands: &mut Commands, next: &mut NextState<Screen>) {
    let request = CallRequest::live(scenario);
    next.set(request.first_screen());
    commands.insert_resource(request);
}

#[allow(clippy::too_many_arguments)]
fn keys(
    keys: Res<ButtonInput<KeyCode>>,
    wants: Option<Res<EguiWantsInput>>,
    library: Res<Library>,
    mut menu: ResMut<MenuState>,
    mut settings: ResMut<Settings>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) {
    if wants.is_some_and(|w| w.wants_keyboard_input()) {
        return;
    }
    if keys.just_pressed(KeyCode::ArrowDown) {
        menu.step(&library, 1);
    }
    if keys.just_pressed(KeyCode::ArrowUp) {
        menu.step(&library, -1);
    }
    if keys.just_pressed(KeyCode::KeyL) {
        settings.lang = settings.other_lang();
    }
    if keys.just_pressed(KeyCode::KeyT) {
        settings.thermometer = settings.thermometer.next();
    }
    if keys.just_pressed(KeyCode::KeyS) {
        settings.speed = settings.speed.next();
    }
    if keys.just_pressed(KeyCode::KeyV) {
        settings.voice = !settings.voice;
    }
    if keys.just_pressed(KeyCode::KeyH) {
        next.set(Screen::History);
    }
    if keys.just_pressed(KeyCode::Enter)
        && let Some(s) = menu.current(&library)
    {
        begin(s, &mut commands, &mut next);
    }
}

// A Bevy system: each parameter is a resource it reads or writes.
#[allow(clippy::too_many_arguments)]
fn draw(
    mut contexts: EguiContexts,
    texts: Res<Texts>,
    mut settings: ResMut<Settings>,
    library: Res<Library>,
    mut menu: ResMut<MenuState>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
    voice: Option<Res<crate::app::voice::VoiceStatus>>,
    who: (
        ResMut<Records>,
        ResMut<Practising>,
        ResMut<SettingsFile>,
        Option<Res<crate::app::records::sending::Outbox>>,
    ),
) -> Result {
    let ctx = contexts.ctx_mut()?;
    // The list gives way on a narrow window so the detail's rows fit beside it.
    let list_width = (ctx.content_rect().width() * 0.4).clamp(380.0, 540.0);
    let tr = texts.tr(settings.lang);
    let mut ui = widgets::root(ctx);
    let mut start = None;
    let (mut records, mut practising, mut file, outbox) = who;
    let sending = outbox.and_then(|o| o.status());
    let mut picked = None;
    Panel::top("menu-top")
        .frame(widgets::top_bar())
        .show(&mut ui, |ui| header::show(ui, &tr, &mut settings));
    Panel::bottom("menu-keys")
        .frame(widgets::top_bar())
        .show(&mut ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                widgets::key_hint(ui, "↑↓", tr.text("menu-key-choose"));
                widgets::key_hint(ui, "Enter", tr.text("menu-key-start"));
                widgets::key_hint(ui, "L", tr.text("menu-key-lang"));
                widgets::key_hint(ui, "T", tr.text("menu-key-thermometer"));
                widgets::key_hint(ui, "S", tr.text("menu-key-speed"));
                widgets::key_hint(ui, "V", tr.text("voice-title"));
                widgets::key_hint(ui, "H", tr.text("menu-key-history"));
                widgets::key_hint(ui, "F2", tr.text("key-author"));
                widgets::key_hint(ui, "Ctrl +/−", tr.text("key-text-size"));
            });
        });
    Panel::left("menu-list")
        .exact_size(list_width)
        .resizable(false)
        .frame(widgets::page())
        .show(&mut ui, |ui| {
            list::show(ui, &tr, &library, &mut menu, &mut start)
        });
    egui::CentralPanel::default()
        .frame(widgets::page())
        .show(&mut ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("menu-detail")
                .show(ui, |ui| {
                    trainee::show(ui, &tr, &records, &mut practising, &mut picked);
                    if let Some(s) = menu.current(&library) {
                        let voice = voice.as_deref();
                        detail::show(ui, &tr, &s, &mut settings, voice, &mut start);
                    }
                    problems::show(ui, &tr, &library);
                    records_notice::show(ui, &tr, &records, sending.as_ref());
                });
        });
    if let Some(s) = start {
        begin(s, &mut commands, &mut next);
    }
    match picked {
        Some(trainee::Picked::Switch(name)) => {
            trainee::switch(&name, &mut records, &mut practising, &mut file, tr.lang)
        }
        Some(trainee::Picked::History) => next.set(Screen::History),
        None => {}
    }
    Ok(())
}
