//! Who is practising: a name chosen on the menu, several per PC, the last one
//! remembered in the settings file. Before anyone has chosen, the computer's
//! user name stands in, so a first call is never lost.

use bevy::prelude::*;
use claim_dojo_records::{Trainee, check_name};

use super::Records;
use crate::app::settings::SettingsFile;

/// Stands in when the computer has no user name either.
pub const FALLBACK_NAME: &str = "trainee";

#[derive(Resource, Debug, Clone, Default, PartialEq)]
pub struct Practising {
    pub trainee: Option<Trainee>,
    /// The name being typed on the menu for a new trainee.
    pub typing: String,
    /// Why the name typed cannot be used, in the UI language, if it cannot.
    pub problem: Option<String>,
}

/// The remembered trainee, else the computer's user name.
pub fn choose(records: &Records, file: &SettingsFile) -> Practising {
    let name = file
        .trainee
        .clone()
        .filter(|n| check_name(n).is_ok())
        .or_else(|| {
            ["USER", "USERNAME", "LOGNAME"]
                .iter()
                .find_map(|k| std::env::var(k).ok())
                .filter(|n| check_name(n).is_ok())
        })
        .unwrap_or_else(|| FALLBACK_NAME.to_string());
    let trainee = records.store.as_ref().and_then(|s| match s.trainee(&name) {
        Ok(t) => Some(t),
        Err(e) => {
            warn!("records: {e}");
            None
        }
    });
    // Only a name chosen on the menu is written to the settings: starting the
    // app changes no file.
    Practising {
        trainee,
        ..Practising::default()
    }
}

/// Makes `name` the trainee practising (new names are added), and remembers it.
pub fn switch(
    name: &str,
    records: &mut Records,
    practising: &mut Practising,
    file: &mut SettingsFile,
    lang: claim_dojo_core::Lang,
) -> bool {
    let Some(store) = &records.store else {
        return false;
    };
    match store.trainee(name) {
        Ok(t) => {
            info!("trainee: {}", t.name);
            file.remember_trainee(&t.name);
            practising.trainee = Some(t);
            practising.typing.clear();
            practising.problem = None;
            records.refresh();
            true
        }
        Err(e) => {
            practising.problem = Some(e.message(lang));
            false
        }
    }
}
