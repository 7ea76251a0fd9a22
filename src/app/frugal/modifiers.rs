//! The fix for bevy_egui's endless repaint (see the folder's doc): pass
//! `ModifiersChanged` on to egui only when the modifiers really changed.

use bevy::platform::collections::HashMap;
use bevy::prelude::*;
use bevy_egui::EguiInput;
use bevy_egui::egui::{Event, Modifiers};

/// Removes `ModifiersChanged` events that repeat what egui already knows. egui
/// keeps the modifiers between passes and forgets them when the window loses
/// focus, so the last value passed on (reset on focus loss) is what it knows.
pub fn drop_repeated(
    mut inputs: Query<(Entity, &mut EguiInput)>,
    mut known: Local<HashMap<Entity, Modifiers>>,
) {
    for (entity, mut input) in &mut inputs {
        let known = known.entry(entity).or_default();
        input.0.events.retain(|event| match event {
            Event::WindowFocused(false) => {
                *known = Modifiers::default();
                true
            }
            Event::ModifiersChanged(m) => {
                let changed = m != known;
                *known = *m;
                changed
            }
            _ => true,
        });
    }
}

#[cfg(test)]
mod tests {
    use bevy::ecs::system::SystemId;
    use bevy_egui::egui::{self, Key};

    use super::*;

    fn frame(
        world: &mut World,
        system: SystemId,
        entity: Entity,
        events: Vec<Event>,
    ) -> Vec<Event> {
        world.entity_mut(entity).insert(EguiInput(egui::RawInput {
            events,
            ..default()
        }));
        world.run_system(system).unwrap();
        world.get::<EguiInput>(entity).unwrap().0.events.clone()
    }

    #[test]
    fn only_real_modifier_changes_reach_egui() {
        let mut world = World::new();
        let e = world.spawn_empty().id();
        let sys = world.register_system(drop_repeated);
        let none = Event::ModifiersChanged(Modifiers::NONE);
        let shift = Event::ModifiersChanged(Modifiers::SHIFT);
        assert!(
            frame(&mut world, sys, e, vec![none.clone()]).is_empty(),
            "an idle frame has no input left"
        );
        let key = Event::Key {
            key: Key::A,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::SHIFT,
        };
        assert_eq!(
            frame(&mut world, sys, e, vec![key.clone(), shift.clone()]),
            vec![key, shift.clone()]
        );
        assert!(frame(&mut world, sys, e, vec![shift.clone()]).is_empty());
        assert_eq!(
            frame(&mut world, sys, e, vec![none.clone()]),
            vec![none.clone()],
            "releasing shift is a change"
        );
        frame(&mut world, sys, e, vec![shift.clone()]);
        let lost = Event::WindowFocused(false);
        assert_eq!(
            frame(&mut world, sys, e, vec![lost.clone(), none.clone()]),
            vec![lost],
            "egui resets on focus loss"
        );
    }
}
