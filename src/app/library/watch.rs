//! Live reload: a thread looks at the scenarios folder twice a second (file
//! names, sizes and times only, a few microseconds) and, when something changed,
//! wakes the reactive event loop so the library is read again within a second.
//! An idle app stays asleep: nothing runs on the main thread until a file changes.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Weak};
use std::time::Duration;

use bevy::prelude::*;
use bevy::winit::{EventLoopProxyWrapper, WinitUserEvent};

use super::{Library, Stamp};
use crate::app::paths::Paths;

/// How often the watcher looks at the folder.
pub const POLL: Duration = Duration::from_millis(500);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, open)
        .add_systems(PreUpdate, reload.run_if(resource_exists::<Watch>));
}

/// Set by the watcher thread when the folder changed.
#[derive(Resource)]
pub struct Watch {
    dirty: Arc<AtomicBool>,
}

/// Loads the library and starts watching. The watcher's first look at the
/// folder is taken before loading, so no save between the two is missed.
fn open(paths: Res<Paths>, proxy: Option<Res<EventLoopProxyWrapper>>, mut commands: Commands) {
    let seen = fingerprint(&paths.scenarios);
    let library = Library::load(&paths.scenarios);
    info!(
        "scenarios: {} playable of {} files in {}",
        library.playable().count(),
        library.entries.len(),
        paths.scenarios.display()
    );
    commands.insert_resource(library);
    let dirty = Arc::new(AtomicBool::new(false));
    let wake: Option<Box<dyn Fn() + Send>> = proxy.map(|p| {
        let proxy = (**p).clone();
        Box::new(move || {
            let _ = proxy.send_event(WinitUserEvent::WakeUp);
        }) as Box<dyn Fn() + Send>
    });
    spawn(paths.scenarios.clone(), seen, Arc::downgrade(&dirty), wake);
    commands.insert_resource(Watch { dirty });
}

/// The folder as the watcher sees it: each `.ron` file with its stamp.
fn fingerprint(dir: &Path) -> Vec<(PathBuf, Option<Stamp>)> {
    let Ok(read) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut v: Vec<_> = read
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .map(|p| {
            let s = Stamp::of(&p);
            (p, s)
        })
        .collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}

/// The thread ends by itself when the app drops its [`Watch`].
fn spawn(
    dir: PathBuf,
    seen: Vec<(PathBuf, Option<Stamp>)>,
    dirty: Weak<AtomicBool>,
    wake: Option<Box<dyn Fn() + Send>>,
) {
    let spawned = std::thread::Builder::new()
        .name("scenario-watch".into())
        .spawn(move || {
            let mut last = seen;
            loop {
                std::thread::sleep(POLL);
                let Some(flag) = dirty.upgrade() else { return };
                let now = fingerprint(&dir);
                if now != last {
                    last = now;
                    flag.store(true, Ordering::Release);
                    if let Some(wake) = &wake {
                        wake();
                    }
                }
            }
        });
    if let Err(e) = spawned {
        warn!("live reload is off: {e}");
    }
}

fn reload(watch: Res<Watch>, mut library: ResMut<Library>) {
    if !watch.dirty.swap(false, Ordering::AcqRel) {
        return;
    }
    for file in library.rescan() {
        info!("scenario reloaded: {}", file.display());
    }
}
