//! The call clock: who is speaking, until when, and what happens when a line ends
//! or a silence runs past the customer's patience. Every timed thing is scheduled
//! at an exact millisecond, so the call does not depend on how time is sliced.

use crate::rules::waiting::{WAIT_RATE_PER_S, WAITING_LINE_ANGER};
use crate::rules::{Effects, Moment};
use crate::scenario::Outcome;

use super::transcript::{self, LineRef, Speaker, TranscriptLine};
use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// The customer (or the node's speaker) is saying transcript line `line` until `end`.
    Speaking {
        line: usize,
        end: u64,
    },
    /// The trainee is saying their choice until `end`.
    Trainee {
        end: u64,
    },
    /// The short gap before the customer answers.
    Gap {
        end: u64,
    },
    /// The customer waits for an answer; their patience runs out at `since + patience`.
    Silence {
        since: u64,
        patience: u64,
    },
    /// Left waiting past patience with nothing more to say: anger climbs.
    Climb,
    Ended,
}

impl Phase {
    pub fn end(self) -> Option<u64> {
        match self {
            Phase::Speaking { end, .. } | Phase::Trainee { end } | Phase::Gap { end } => Some(end),
            _ => None,
        }
    }
}

impl Session {
    /// How long a line takes to say, in milliseconds, if it starts now.
    pub(super) fn line_ms(&self, line: LineRef) -> u64 {
        super::tempo::spoken_ms(&self.scenario, line, self.anger.at(self.now))
    }

    /// The natural pause after a line when more of the same vent follows it.
    pub(super) fn trailing_pause(&self, line: LineRef) -> u64 {
        let vent_len = |n: u16| self.scenario.nodes[usize::from(n)].vent.len();
        match line {
            LineRef::Node(n) if vent_len(n) > 0 => VENT_PAUSE_MS,
            LineRef::Vent(n, k) if usize::from(k) + 1 < vent_len(n) => VENT_PAUSE_MS,
            _ => 0,
        }
    }

    /// The next time something is due, if anything ever is.
    pub(super) fn next_due(&self) -> Option<u64> {
        if self.outcome.is_some() {
            return None;
        }
        let phase = match self.phase {
            Phase::Speaking { end, .. } | Phase::Trainee { end } | Phase::Gap { end } => Some(end),
            Phase::Silence { since, patience } => Some(since + patience),
            Phase::Climb => self.anger.reaches(self.scenario.persona.hang_up_at),
            Phase::Ended => None,
        };
        let window = self
            .facts
            .window_start
            .filter(|_| !self.window_closed)
            .map(|s| s + WINDOW_MS);
        [phase, window, self.calm_due(), Some(MAX_CALL_MS)]
            .into_iter()
            .flatten()
            .min()
    }

    /// Handles whatever is due at `self.now`.
    pub(super) fn fire(&mut self) {
        if self.now >= MAX_CALL_MS {
            self.end_call(Outcome::HungUp);
            return;
        }
        if !self.window_closed
            && let Some(start) = self.facts.window_start
            && self.now >= start + WINDOW_MS
        {
            self.window_closed = true;
            self.confirm_calm(false);
            self.observe_alone(Moment::WindowClosed);
            return;
        }
        if self.calm_due().is_some_and(|due| self.now >= due) {
            self.confirm_calm(false);
            return;
        }
        match self.phase {
            Phase::Speaking { line, end } if self.now >= end => {
                self.emit(Event::LineFinished { line, cut: false });
                self.line_end = self.now;
                let vent_heard = match self.transcript[line].what {
                    LineRef::Vent(n, k) => {
                        usize::from(k) + 1 == self.scenario.nodes[usize::from(n)].vent.len()
                    }
                    _ => false,
                };
                if vent_heard {
                    // The customer said all of it, and nobody cut them off.
                    self.observe_alone(Moment::VentHeard);
                    if self.outcome.is_some() || self.ending == Some(Outcome::HungUp) {
                        return;
                    }
                }
                self.next_line_or_silence();
            }
            Phase::Trainee { end } if self.now >= end => {
                self.phase = Phase::Gap {
                    end: self.now + REPLY_GAP_MS,
                };
            }
            Phase::Gap { end } if self.now >= end => self.next_line_or_silence(),
            Phase::Silence { since, patience } if self.now >= since + patience => {
                self.left_waiting(since)
            }
            Phase::Climb => self.hang_up(),
            _ => {}
        }
    }

    fn next_line_or_silence(&mut self) {
        if let Some(next) = self.queue.pop_front() {
            self.start_line(next);
        } else if let Some(outcome) = self.ending {
            self.end_call(outcome);
        } else {
            let patience = (self.scenario.persona.patience_s * 1000.0).round() as u64;
            // After a "waiting" line the customer is shorter of patience.
            let patience = if self.waiting_said > 0 {
                patience / 2
            } else {
                patience
            };
            self.listen_used = false;
            self.phase = Phase::Silence {
                since: self.now,
                patience: patience.max(500),
            };
        }
    }

    /// The silence has run past the customer's patience.
    fn left_waiting(&mut self, since: u64) {
        self.emit(Event::LeftWaiting { at_ms: self.now });
        let mut fx = Effects::default();
        self.observe(
            &Moment::LeftWaiting {
                silence_ms: self.now - since,
            },
            &mut fx,
        );
        let node = &self.scenario.nodes[usize::from(self.node)];
        if usize::from(self.waiting_said) < node.waiting.len() {
            let v = self.scenario.persona.volatility;
            fx.add(crate::rules::RuleId::ALL[7], WAITING_LINE_ANGER);
            self.change_anger(v * fx.total(), AngerCause::Waiting, 0.0, fx, 0.0, false);
            let k = self.waiting_said;
            self.waiting_said += 1;
            self.start_line(LineRef::Waiting(self.node, k));
            self.check_hang_up();
        } else {
            self.anger
                .start_climb(self.now, WAIT_RATE_PER_S * self.scenario.persona.volatility);
            self.phase = Phase::Climb;
        }
    }

    pub(super) fn start_line(&mut self, line: LineRef) {
        let end = self.now + self.line_ms(line);
        let who = match line {
            LineRef::Node(n) if self.scenario.nodes[usize::from(n)].speaker.is_some() => {
                Speaker::Other
            }
            _ => Speaker::Customer,
        };
        let index = self.push_line(who, line, end);
        // The pause inside a vent belongs to the customer's turn.
        self.phase = Phase::Speaking {
            line: index,
            end: end + self.trailing_pause(line),
        };
        self.listen_used = false;
        let ix = &self.scenario.index;
        self.facts.heard_facts |= match line {
            LineRef::Node(n) => ix.line_facts[usize::from(n)],
            LineRef::Vent(n, k) => ix.vent_facts[usize::from(n)][usize::from(k)],
            LineRef::Waiting(n, k) => ix.waiting_facts[usize::from(n)][usize::from(k)],
            _ => 0,
        };
        if let LineRef::Node(n) = line {
            // The vent comes right after the node's line, before anything queued.
            let vent = self.scenario.nodes[usize::from(n)].vent.len() as u16;
            for k in (0..vent).rev() {
                self.queue.push_front(LineRef::Vent(n, k));
            }
            self.node = n;
            self.answered = false;
            self.waiting_said = 0;
            let scenario = Arc::clone(&self.scenario);
            let node = &scenario.nodes[usize::from(n)];
            let cues = crate::rules::CueSet::of(&node.cues);
            self.facts.heard.add(cues);
            self.facts.answering = cues;
            if let Some(e) = &node.ending {
                self.ending = Some(e.outcome());
                self.answered = true;
            }
            self.observe_alone(Moment::CustomerSays { node });
        }
    }

    pub(super) fn push_line(&mut self, who: Speaker, what: LineRef, end: u64) -> usize {
        self.transcript.push(TranscriptLine {
            start_ms: self.now,
            end_ms: end,
            who,
            what,
            cut: false,
            anger: self.anger.at(self.now),
        });
        let index = self.transcript.len() - 1;
        self.emit(Event::LineStarted(index));
        index
    }

    /// Cuts the line being spoken (by the customer or the trainee) at `now`.
    pub(super) fn cut_current_line(&mut self) {
        let line = match self.phase {
            Phase::Speaking { line, .. } => Some(line),
            Phase::Trainee { .. } => self
                .transcript
                .iter()
                .rposition(|l| l.who == Speaker::Trainee),
            _ => None,
        };
        if let Some(line) = line {
            let l = &mut self.transcript[line];
            if l.end_ms > self.now {
                l.end_ms = self.now;
                l.cut = true;
                self.emit(Event::LineFinished { line, cut: true });
            }
        }
    }

    /// Anger reached the hang-up threshold: the customer cuts in, says so and hangs up.
    pub(super) fn hang_up(&mut self) {
        self.anger.stop_climb(self.now);
        self.cut_current_line();
        self.queue.clear();
        self.ending = Some(Outcome::HungUp);
        self.answered = true;
        let k = self.interruptions % transcript::hang_up_count(&self.scenario) as u16;
        self.start_line(LineRef::HangUp(k));
    }

    pub(super) fn end_call(&mut self, outcome: Outcome) {
        self.anger.stop_climb(self.now);
        // Calm that lasts until the customer says goodbye has held.
        self.confirm_calm(true);
        self.phase = Phase::Ended;
        self.outcome = Some(outcome);
        self.emit(Event::CallEnded {
            outcome,
            at_ms: self.now,
        });
    }

    /// The anger curve up to now, in (milliseconds, anger).
    pub fn curve(&self) -> Vec<(u64, f64)> {
        self.anger.curve_until(self.now)
    }
}
