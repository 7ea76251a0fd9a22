//! A frame at a chosen moment without touching winit's settings (changing them
//! forces a redraw at once): a thread sleeps until the deadline, then wakes the
//! reactive event loop through its proxy, as input would.

use std::sync::Mutex;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy::winit::{EventLoopProxyWrapper, WinitUserEvent};

/// The next frame the app asked for; each request replaces the previous one.
#[derive(Resource)]
pub struct Alarm {
    tx: Mutex<Sender<Option<Instant>>>,
}

impl Alarm {
    pub fn set(&self, at: Option<Instant>) {
        if let Ok(tx) = self.tx.lock() {
            let _ = tx.send(at);
        }
    }
}

/// Starts the alarm thread; without a window (tests) there is nothing to wake.
pub fn start(proxy: Option<Res<EventLoopProxyWrapper>>, mut commands: Commands) {
    let Some(proxy) = proxy else { return };
    let proxy = (**proxy).clone();
    let (tx, rx) = mpsc::channel::<Option<Instant>>();
    let spawned = std::thread::Builder::new()
        .name("frame-alarm".into())
        .spawn(move || {
            let mut deadline: Option<Instant> = None;
            loop {
                let next = match deadline {
                    Some(d) => rx.recv_timeout(d.saturating_duration_since(Instant::now())),
                    None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
                };
                match next {
                    Ok(at) => deadline = at,
                    Err(RecvTimeoutError::Timeout) => {
                        deadline = None;
                        let _ = proxy.send_event(WinitUserEvent::WakeUp);
                    }
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
        });
    match spawned {
        Ok(_) => commands.insert_resource(Alarm { tx: Mutex::new(tx) }),
        Err(e) => warn!("no frame alarm, the call will update on input only: {e}"),
    }
}

/// Rings after `wait`, or never.
pub fn after(wait: Option<Duration>) -> Option<Instant> {
    wait.map(|w| Instant::now() + w)
}
