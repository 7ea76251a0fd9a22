//! The sending worker: one thread that takes the outbox in batches and posts
//! them, waits with exponential backoff when the LRS is away, and stops
//! sending (and says why) when the LRS refuses the credentials. It never
//! holds the store while waiting for the network, and the screens read its
//! [`OutboxStatus`] without waiting (`try_status`), so no frame is blocked.
//! Everything it has not sent is in the outbox table: a restart picks up there.

use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use claim_dojo_records::Store;
use claim_dojo_records::outbox::Waiting;

use crate::client::{Answer, Lrs};
use crate::config::LrsConfig;

/// What the worker is doing, for the menu.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Sending {
    /// Nothing to send (or not looked yet).
    #[default]
    Idle,
    Sending,
    /// The LRS could not be reached or failed (5xx, timeout): the next try
    /// is after `wait`.
    Retrying {
        reason: String,
        wait: Duration,
    },
    /// 401/403: nothing is sent until the key or secret is changed.
    Unauthorized {
        message: String,
    },
    /// The outbox could not be read or written.
    StoreFailed {
        message: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OutboxStatus {
    pub sending: Sending,
    /// Statements waiting in the outbox.
    pub waiting: u64,
    /// Statements the LRS refused for good (kept for the trainer to see).
    pub rejected: u64,
    pub last_error: Option<String>,
    /// Statements stored by the LRS since the worker started.
    pub sent: u64,
}

#[derive(Default)]
struct Shared {
    status: Mutex<OutboxStatus>,
    wake: Mutex<Wake>,
    bell: Condvar,
}

#[derive(Default)]
struct Wake {
    nudged: bool,
    stop: bool,
}

/// The running worker; dropping it stops the thread (after the request in
/// flight, if any: at most the configured timeout).
pub struct Worker {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

impl Worker {
    pub fn start(store: Arc<Store>, config: LrsConfig) -> Worker {
        let shared = Arc::new(Shared::default());
        let inner = shared.clone();
        let thread = std::thread::Builder::new()
            .name("lrs-outbox".into())
            .spawn(move || run(&store, &config, &inner))
            .ok();
        Worker { shared, thread }
    }

    /// A session was just saved: look at the outbox now rather than at the
    /// next poll (and try again after a refused secret, once changed).
    pub fn nudge(&self) {
        let mut wake = self.shared.wake.lock().unwrap_or_else(|p| p.into_inner());
        wake.nudged = true;
        self.shared.bell.notify_all();
    }

    /// The status, waiting for the worker's lock (tests, the CLI).
    pub fn status(&self) -> OutboxStatus {
        self.shared
            .status
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// The status if it can be read at once (a frame never waits for it).
    pub fn try_status(&self) -> Option<OutboxStatus> {
        self.shared.status.try_lock().ok().map(|s| s.clone())
    }

    /// Stops the thread and waits for it.
    pub fn stop(mut self) {
        self.halt();
    }

    fn halt(&mut self) {
        {
            let mut wake = self.shared.wake.lock().unwrap_or_else(|p| p.into_inner());
            wake.stop = true;
            self.shared.bell.notify_all();
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.halt();
    }
}

fn run(store: &Store, config: &LrsConfig, shared: &Shared) {
    let lrs = Lrs::new(config);
    let mut failures: u32 = 0;
    loop {
        let outcome = round(store, config, &lrs, shared);
        let wait = match outcome {
            Round::Emptied => {
                failures = 0;
                set(shared, |s| s.sending = Sending::Idle);
                config.idle_poll
            }
            Round::More => {
                failures = 0;
                Duration::ZERO
            }
            Round::Retry(reason) => {
                let wait = backoff(config, failures);
                failures = failures.saturating_add(1);
                set(shared, |s| s.sending = Sending::Retrying { reason, wait });
                wait
            }
            // Not retried by itself: only a nudge (new settings, a new session) wakes it.
            Round::Halt(sending) => {
                set(shared, |s| s.sending = sending);
                Duration::MAX
            }
        };
        refresh_counts(store, shared);
        if !sleep(shared, wait) {
            return;
        }
    }
}

enum Round {
    /// The outbox is empty.
    Emptied,
    /// A batch went; there may be more.
    More,
    Retry(String),
    Halt(Sending),
}

fn round(store: &Store, config: &LrsConfig, lrs: &Lrs, shared: &Shared) -> Round {
    let batch = match store.outbox_batch(config.batch.max(1)) {
        Ok(b) => b,
        Err(e) => return Round::Retry(e.to_string()),
    };
    if batch.is_empty() {
        return Round::Emptied;
    }
    set(shared, |s| s.sending = Sending::Sending);
    match send(store, lrs, &batch, shared) {
        Ok(None) => Round::More,
        Ok(Some(round)) => round,
        Err(e) => Round::Halt(Sending::StoreFailed {
            message: e.to_string(),
        }),
    }
}

/// Sends `batch`; a batch the LRS refuses or conflicts on is sent again one
/// statement at a time, so one bad statement does not hold back the others
/// and a resent id is recognised as stored.
fn send(
    store: &Store,
    lrs: &Lrs,
    batch: &[Waiting],
    shared: &Shared,
) -> claim_dojo_records::Result<Option<Round>> {
    let bodies: Vec<&str> = batch.iter().map(|w| w.statement_json.as_str()).collect();
    let rows: Vec<i64> = batch.iter().map(|w| w.row).collect();
    match lrs.post(&bodies) {
        Answer::Stored => {
            store.outbox_sent(&rows)?;
            set(shared, |s| s.sent += rows.len() as u64);
            Ok(None)
        }
        Answer::Conflict if batch.len() == 1 => {
            store.outbox_sent(&rows)?;
            set(shared, |s| s.sent += 1);
            Ok(None)
        }
        Answer::Refused { status, message } if batch.len() == 1 => {
            store.outbox_failed(&rows, &format!("HTTP {status}: {message}"), true)?;
            Ok(None)
        }
        Answer::Conflict | Answer::Refused { .. } => {
            for one in batch {
                if let Some(round) = send(store, lrs, std::slice::from_ref(one), shared)? {
                    return Ok(Some(round));
                }
            }
            Ok(None)
        }
        Answer::Unauthorized { status, message } => {
            let message = format!("HTTP {status}: {message}");
            store.outbox_failed(&rows, &message, false)?;
            Ok(Some(Round::Halt(Sending::Unauthorized { message })))
        }
        Answer::Retry { reason } => {
            store.outbox_failed(&rows, &reason, false)?;
            Ok(Some(Round::Retry(reason)))
        }
    }
}

/// The wait after `failures` failures in a row: first, 2×first, 4×first… up
/// to the maximum.
pub fn backoff(config: &LrsConfig, failures: u32) -> Duration {
    let factor = 2u32.saturating_pow(failures.min(20));
    config
        .backoff_first
        .saturating_mul(factor)
        .min(config.backoff_max)
}

fn refresh_counts(store: &Store, shared: &Shared) {
    if let Ok(c) = store.outbox_counts() {
        set(shared, |s| {
            s.waiting = c.waiting;
            s.rejected = c.rejected;
            s.last_error = c.last_error;
        });
    }
}

fn set(shared: &Shared, f: impl FnOnce(&mut OutboxStatus)) {
    f(&mut shared.status.lock().unwrap_or_else(|p| p.into_inner()));
}

/// Waits `wait` or until nudged; false when asked to stop.
fn sleep(shared: &Shared, wait: Duration) -> bool {
    let deadline = Instant::now().checked_add(wait);
    let mut wake = shared.wake.lock().unwrap_or_else(|p| p.into_inner());
    loop {
        if wake.stop {
            return false;
        }
        if wake.nudged {
            wake.nudged = false;
            return true;
        }
        let left = match deadline {
            Some(d) => d.saturating_duration_since(Instant::now()),
            None => Duration::from_secs(3600),
        };
        if deadline.is_some() && left.is_zero() {
            return true;
        }
        wake = shared
            .bell
            .wait_timeout(wake, left)
            .unwrap_or_else(|p| p.into_inner())
            .0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_maximum() {
        let mut c = LrsConfig::new("http://127.0.0.1:1/xAPI", "k", "s");
        c.backoff_first = Duration::from_millis(500);
        c.backoff_max = Duration::from_secs(5);
        let waits: Vec<_> = (0..6).map(|n| backoff(&c, n).as_millis()).collect();
        assert_eq!(waits, [500, 1000, 2000, 4000, 5000, 5000]);
        assert_eq!(backoff(&c, u32::MAX), Duration::from_secs(5));
    }
}
