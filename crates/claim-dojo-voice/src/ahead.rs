//! Synthesis ahead of time on background threads: the app says what it may need
//! (most urgent first), the threads make it (or read it from the disk cache) and
//! hand it back. Nothing here ever blocks the caller; idle threads sleep.

use std::collections::{HashSet, VecDeque};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use crate::{Cache, Key, Speech, Synthesiser, Utterance, VoiceError};

/// A request done: the sound, or why there is none.
#[derive(Debug)]
pub struct Finished {
    pub key: Key,
    pub result: Result<Arc<Speech>, VoiceError>,
    /// Whether it was synthesised now (rather than read from the cache).
    pub made: bool,
    /// When it was asked for, and how long it took from then.
    pub asked: Instant,
    pub took: Duration,
}

#[derive(Default)]
struct Queue {
    pending: VecDeque<(Utterance, Key, Instant)>,
    /// Every key ever asked for: each is made once.
    asked: HashSet<Key>,
    stop: bool,
}

impl Queue {
    /// Queues `u` unless it was asked for before; whether a thread should wake.
    fn want(&mut self, u: Utterance, urgent: bool) -> bool {
        let key = u.key();
        if let Some(at) = self.pending.iter().position(|(_, k, _)| *k == key) {
            if urgent && let Some(job) = self.pending.remove(at) {
                self.pending.push_front(job);
            }
            return false;
        }
        if !self.asked.insert(key.clone()) {
            return false;
        }
        if urgent {
            self.pending.push_front((u, key, Instant::now()));
        } else {
            self.pending.push_back((u, key, Instant::now()));
        }
        true
    }

    fn forget_pending(&mut self) {
        for (_, k, _) in self.pending.drain(..) {
            self.asked.remove(&k);
        }
    }

    fn forget(&mut self) {
        self.pending.clear();
        self.asked.clear();
    }
}

type Shared = Arc<(Mutex<Queue>, Condvar)>;

pub struct Ahead {
    shared: Shared,
    done: Mutex<Receiver<Finished>>,
}

impl Ahead {
    /// Starts `threads` synthesis threads.
    pub fn start(synth: Arc<Synthesiser>, cache: Cache, threads: usize) -> Ahead {
        let shared: Shared = Arc::default();
        let (tx, rx) = mpsc::channel();
        for i in 0..threads.max(1) {
            let (shared, tx, synth, cache) = (
                Arc::clone(&shared),
                tx.clone(),
                Arc::clone(&synth),
                cache.clone(),
            );
            let spawned = std::thread::Builder::new()
                .name(format!("voice-ahead-{i}"))
                .spawn(move || work(&shared, &tx, &synth, &cache));
            if spawned.is_err() {
                break;
            }
        }
        Ahead {
            shared,
            done: Mutex::new(rx),
        }
    }

    /// Asks for `u`, once: at the front of the queue when `urgent`, else at the back.
    /// An urgent request for something still waiting moves it to the front.
    pub fn want(&self, u: Utterance, urgent: bool) {
        let (lock, wake) = &*self.shared;
        let Ok(mut q) = lock.lock() else { return };
        if q.want(u, urgent) {
            wake.notify_one();
        }
    }

    /// Drops what was asked for and not started: the call moved on. It may be
    /// asked for again.
    pub fn forget_pending(&self) {
        if let Ok(mut q) = self.shared.0.lock() {
            q.forget_pending();
        }
    }

    /// Forgets everything asked for: what waits is dropped, and anything may be
    /// asked for again (what was made then comes from the disk cache). For a
    /// new call, or another call about to start, whose lines are not held yet.
    pub fn forget(&self) {
        if let Ok(mut q) = self.shared.0.lock() {
            q.forget();
        }
    }

    /// How many requests wait for a thread.
    pub fn pending(&self) -> usize {
        self.shared.0.lock().map_or(0, |q| q.pending.len())
    }

    /// What finished since the last call.
    pub fn finished(&self) -> Vec<Finished> {
        self.done
            .lock()
            .map(|rx| rx.try_iter().collect())
            .unwrap_or_default()
    }

    /// Waits for the next finished request, at most `timeout` (tests and benches).
    pub fn wait_for(&self, timeout: Duration) -> Option<Finished> {
        self.done.lock().ok()?.recv_timeout(timeout).ok()
    }
}

impl Drop for Ahead {
    /// The threads finish the line they are on and end; nobody waits for them.
    fn drop(&mut self) {
        let (lock, wake) = &*self.shared;
        if let Ok(mut q) = lock.lock() {
            q.stop = true;
            q.pending.clear();
        }
        wake.notify_all();
    }
}

fn work(shared: &Shared, tx: &Sender<Finished>, synth: &Synthesiser, cache: &Cache) {
    let (lock, wake) = &**shared;
    loop {
        let job = {
            let Ok(mut q) = lock.lock() else { return };
            loop {
                if q.stop {
                    return;
                }
                if let Some(job) = q.pending.pop_front() {
                    break job;
                }
                q = match wake.wait(q) {
                    Ok(q) => q,
                    Err(_) => return,
                };
            }
        };
        let (u, key, asked) = job;
        let (result, made) = match cache.get_or_speak(synth, &u) {
            Ok((speech, made)) => (Ok(Arc::new(speech)), made),
            Err(e) => (Err(e), false),
        };
        let finished = Finished {
            key,
            result,
            made,
            asked,
            took: asked.elapsed(),
        };
        if tx.send(finished).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mapping::params;

    fn line(text: &str) -> Utterance {
        Utterance {
            text: text.into(),
            voice: params(Default::default(), 50.0),
            target_ms: 1_000,
        }
    }

    fn waiting(q: &Queue) -> Vec<&str> {
        q.pending.iter().map(|(u, _, _)| u.text.as_str()).collect()
    }

    #[test]
    fn a_line_is_asked_for_once_and_urgent_ones_jump_the_queue() {
        let mut q = Queue::default();
        assert!(q.want(line("a"), false));
        assert!(q.want(line("b"), false));
        assert!(!q.want(line("a"), false));
        assert!(
            !q.want(line("b"), true),
            "already waiting: moved, not added"
        );
        assert!(q.want(line("c"), true));
        assert_eq!(waiting(&q), ["c", "b", "a"]);
        q.pending.pop_front();
        assert!(!q.want(line("c"), true), "made once, even when started");
    }

    #[test]
    fn forgetting_lets_a_new_call_ask_again_for_what_an_old_one_made() {
        let mut q = Queue::default();
        q.want(line("made"), false);
        q.want(line("waiting"), false);
        q.pending.pop_front();
        q.forget_pending();
        assert!(q.pending.is_empty());
        assert!(q.want(line("waiting"), false), "dropped, so asked again");
        assert!(!q.want(line("made"), false), "made in this call: held");
        q.forget();
        assert!(q.want(line("made"), false), "forgotten: asked again");
    }
}
