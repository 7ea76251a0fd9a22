//! The session engine: a scenario played on a call clock. It is driven only by
//! explicit time (`advance`) and trainee actions (`act`), draws its noise from a
//! seeded generator, and tells what happened as [`Event`]s; it never draws or waits.
//! The same scenario, seed and timed actions give the same call, every time.

pub mod anger;
pub mod author;
mod clock;
pub mod tempo;
pub mod transcript;

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::Duration;

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use crate::rules::{CallFacts, ChoiceRef, Effects, Moment, RuleBook, steps_of, vocabulary};

/// Fisher–Yates with a small seeded generator (SplitMix64): the shown order of a
/// node's choices for one visit.
fn shuffle<T>(items: &mut [T], key: u64) {
    let mut state = key;
    let mut next = || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    for i in (1..items.len()).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}
use crate::scenario::{BriefItem, Outcome, Role, Scenario, Tag, Targets};
use crate::scoring::{self, Scorecard};

pub use anger::{Anger, AngerCause, AngerChange};
pub use clock::Phase;
pub use tempo::spoken_ms;
pub use transcript::{LineRef, Speaker, TranscriptLine};

/// The de-escalation window: three minutes of call time.
pub const WINDOW_MS: u64 = 180_000;
/// How fast the trainee speaks, in Japanese characters per second.
pub const TRAINEE_CHARS_PER_S: f64 = 8.0;
/// The customer starts answering this long after the trainee stops.
pub const REPLY_GAP_MS: u64 = 600;
/// No line is shorter than this.
pub const MIN_LINE_MS: u64 = 800;
/// A call that has not ended after this long ends with the customer hanging up.
pub const MAX_CALL_MS: u64 = 30 * 60_000;
/// The natural pause between the lines of a vent: the customer draws breath and
/// goes on. It is part of their turn, not a silence that tries their patience.
pub const VENT_PAUSE_MS: u64 = 1_200;
/// Calm counts for the 3-minute check when it holds this long (or to the end of
/// the window, or of the call): a momentary dip is not de-escalation.
pub const CALM_HOLD_MS: u64 = 20_000;

/// Something the trainee does. Silence is not an action: it is time passing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Action {
    /// Say one of the offered choices, by id.
    Choose { choice: String },
    /// A back-channel (はい / ええ).
    Listen,
    /// The memo pad's contents (R20).
    Memo(Memo),
    /// The handoff form sent to a supervisor (R17).
    Handoff(HandoffBrief),
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Memo {
    pub when: String,
    pub what: String,
    pub cause: String,
}

impl Memo {
    pub fn is_complete(&self) -> bool {
        [&self.when, &self.what, &self.cause]
            .iter()
            .all(|f| !f.trim().is_empty())
    }

    /// The three fields as one text, for finding the facts it holds.
    pub fn text(&self) -> String {
        [self.when.as_str(), self.what.as_str(), self.cause.as_str()].join("\n")
    }
}

/// The five parts of a handoff brief (seed 000): who the customer is, the original
/// request, why it escalated, the state now and what they want.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandoffBrief {
    pub customer: String,
    pub request: String,
    pub reason: String,
    pub state: String,
    pub wants: String,
}

/// A brief longer than this (in characters) carries more than the five facts.
pub const BRIEF_MAX_CHARS: usize = 400;

impl HandoffBrief {
    pub fn fields(&self) -> [(BriefItem, &str); 5] {
        [
            (BriefItem::Customer, &self.customer),
            (BriefItem::Request, &self.request),
            (BriefItem::Reason, &self.reason),
            (BriefItem::State, &self.state),
            (BriefItem::Wants, &self.wants),
        ]
    }

    /// The parts filled in, as a bit set over `BriefItem`.
    pub fn items(&self) -> u8 {
        self.fields()
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .fold(0, |acc, (item, _)| acc | 1 << *item as u8)
    }

    /// The five fields as one text, for finding the facts it holds.
    pub fn text(&self) -> String {
        self.fields()
            .iter()
            .map(|(_, v)| *v)
            .collect::<Vec<_>>()
            .join("\n")
    }

    pub fn is_chatty(&self) -> bool {
        self.fields()
            .iter()
            .map(|(_, v)| v.chars().count())
            .sum::<usize>()
            > BRIEF_MAX_CHARS
    }
}

/// An action with the call time it was taken at: the replayable log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoggedAction {
    pub at_ms: u64,
    pub action: Action,
}

/// Why an action was refused. The session is unchanged after a refusal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActError {
    CallOver,
    /// The trainee is still saying their previous line, or the customer is answering it.
    NotYourTurn,
    /// No offered choice has this id.
    NotOffered {
        choice: String,
        offered: Vec<String>,
    },
    /// A handoff form without having handed the call over.
    NoHandover,
}

impl std::fmt::Display for ActError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ActError::CallOver => write!(f, "the call is over"),
            ActError::NotYourTurn => write!(f, "the trainee cannot speak now"),
            ActError::NotOffered { choice, offered } => {
                write!(
                    f,
                    "choice `{choice}` is not offered now (offered: {})",
                    offered.join(", ")
                )
            }
            ActError::NoHandover => write!(f, "there is no handover to brief"),
        }
    }
}

impl ActError {
    /// A stable key for the reason, for messages in the reader's language.
    pub fn key(&self) -> &'static str {
        match self {
            ActError::CallOver => "call-over",
            ActError::NotYourTurn => "not-your-turn",
            ActError::NotOffered { .. } => "not-offered",
            ActError::NoHandover => "no-handover",
        }
    }
}

impl Action {
    /// The action as a script writes it: `Choose("id")`, `Listen`, `Memo`, `Handoff`.
    pub fn name(&self) -> String {
        match self {
            Action::Choose { choice } => format!("Choose(\"{choice}\")"),
            Action::Listen => "Listen".into(),
            Action::Memo(_) => "Memo".into(),
            Action::Handoff(_) => "Handoff".into(),
        }
    }
}

impl std::error::Error for ActError {}

/// What happened, for a view to present.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Event {
    /// A transcript line began (index into the transcript).
    LineStarted(usize),
    LineFinished {
        line: usize,
        cut: bool,
    },
    AngerChanged(AngerChange),
    /// The customer was left waiting past their patience.
    LeftWaiting {
        at_ms: u64,
    },
    RuleBroken {
        rule: crate::rules::RuleId,
        at_ms: u64,
    },
    /// A rule was shown kept (it may still be broken later).
    RuleKept {
        rule: crate::rules::RuleId,
        at_ms: u64,
    },
    StepReached {
        step: u8,
        at_ms: u64,
    },
    Calmed {
        at_ms: u64,
    },
    CallEnded {
        outcome: Outcome,
        at_ms: u64,
    },
}

/// The first moment a recovery step was advanced.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StepMark {
    pub at_ms: u64,
    /// Sequence number of the trainee's choice (0 = first).
    pub act: u32,
    pub by: ChoiceRef,
}

/// The facts the rules see, without the scenario (which the session holds apart).
#[derive(Debug, Clone, Copy, Default, Hash)]
pub(crate) struct Facts {
    window_start: Option<u64>,
    said: u32,
    named_self: bool,
    apology_streak: u32,
    apologies: u32,
    accepted: bool,
    listened: bool,
    facts_checked: bool,
    handovers: u32,
    escalated: bool,
    heard: crate::rules::CueSet,
    answering: crate::rules::CueSet,
    /// The declared facts the customer has said (or the first record holds).
    heard_facts: crate::scenario::FactSet,
}

/// Something said that buys calm or closes a call on ground that will not hold:
/// an unkeepable promise (R13), money offered (R15), a personal exception (R21).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FalseRelief {
    pub rule: crate::rules::RuleId,
    pub at_ms: u64,
    pub by: ChoiceRef,
}

/// The declared facts a written memo or handoff form held when it was judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Captured {
    pub at_ms: u64,
    /// The facts the customer had said by then.
    pub heard: crate::scenario::FactSet,
    /// The declared facts the text holds.
    pub facts: crate::scenario::FactSet,
}

/// A stretch of calm not yet long enough to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct CalmRun {
    since: u64,
    /// It began with false relief (R13, R15, R21): it never counts.
    bought: bool,
}

#[derive(Debug, Clone)]
pub struct Session {
    scenario: Arc<Scenario>,
    seed: u64,
    rng: ChaCha8Rng,
    now: u64,
    carry_ns: u128,
    phase: Phase,
    /// Customer lines still to say, in order.
    queue: VecDeque<LineRef>,
    /// The node whose line the trainee is answering.
    node: u16,
    answered: bool,
    /// When the customer last stopped speaking.
    line_end: u64,
    /// A back-channel has already been used on this line or silence.
    listen_used: bool,
    waiting_said: u16,
    interruptions: u16,
    ending: Option<Outcome>,
    outcome: Option<Outcome>,
    facts: Facts,
    rules: RuleBook,
    anger: Anger,
    changes: Vec<AngerChange>,
    transcript: Vec<TranscriptLine>,
    actions: Vec<LoggedAction>,
    steps: [Option<StepMark>; 4],
    calm_at: Option<u64>,
    calm_run: Option<CalmRun>,
    window_closed: bool,
    memo: Option<Memo>,
    handoff: Option<HandoffBrief>,
    memo_captured: Option<Captured>,
    handoff_captured: Option<Captured>,
    false_relief: Option<FalseRelief>,
    /// What the call remembers: the flags the choices said so far have set.
    flags: crate::scenario::FlagSet,
    events: Vec<Event>,
    record_events: bool,
}

impl Session {
    /// Starts a call at time 0: the customer begins the start node's line.
    /// The scenario must be one the loader accepted (no errors).
    pub fn new(scenario: Arc<Scenario>, seed: u64) -> Session {
        // Scenarios from the loader are indexed; one built in code may not be yet.
        let scenario = if scenario.is_indexed() {
            scenario
        } else {
            let mut s = (*scenario).clone();
            s.build_index();
            Arc::new(s)
        };
        let start = scenario.node_index(&scenario.start).unwrap_or(0) as u16;
        let mut facts = Facts::default();
        if scenario.role == Role::Secondary {
            // The takeover is the first change of person, and opens the window.
            facts.handovers = 1;
            facts.window_start = Some(0);
            // The supervisor has read the first handler's record.
            facts.heard_facts = scenario.index.record_facts;
        }
        let mut s = Session {
            anger: Anger::new(scenario.persona.anger),
            scenario,
            seed,
            rng: ChaCha8Rng::seed_from_u64(seed),
            now: 0,
            carry_ns: 0,
            phase: Phase::Ended,
            queue: VecDeque::new(),
            node: start,
            answered: true,
            line_end: 0,
            listen_used: false,
            waiting_said: 0,
            interruptions: 0,
            ending: None,
            outcome: None,
            facts,
            rules: RuleBook::default(),
            // A call of the shipped pack has 10–40 lines and anger changes:
            // reserving them spares each simulated session a chain of regrowths.
            changes: Vec::with_capacity(32),
            transcript: Vec::with_capacity(32),
            actions: Vec::with_capacity(16),
            steps: [None; 4],
            calm_at: None,
            calm_run: None,
            window_closed: false,
            memo: None,
            handoff: None,
            memo_captured: None,
            handoff_captured: None,
            false_relief: None,
            flags: 0,
            events: Vec::new(),
            record_events: true,
        };
        s.check_calm(false);
        s.start_line(LineRef::Node(start));
        s
    }

    /// Stops collecting events (for simulations that only want the result).
    pub fn without_events(mut self) -> Session {
        self.record_events = false;
        self.events.clear();
        self
    }

    pub fn scenario(&self) -> &Arc<Scenario> {
        &self.scenario
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Call time in milliseconds.
    pub fn now_ms(&self) -> u64 {
        self.now
    }

    pub fn anger(&self) -> f64 {
        self.anger.at(self.now)
    }

    pub fn phase(&self) -> Phase {
        self.phase
    }

    pub fn is_over(&self) -> bool {
        self.outcome.is_some()
    }

    pub fn outcome(&self) -> Option<Outcome> {
        self.outcome
    }

    pub fn transcript(&self) -> &[TranscriptLine] {
        &self.transcript
    }

    pub fn anger_changes(&self) -> &[AngerChange] {
        &self.changes
    }

    pub fn actions(&self) -> &[LoggedAction] {
        &self.actions
    }

    pub fn memo(&self) -> Option<&Memo> {
        self.memo.as_ref()
    }

    pub fn handoff(&self) -> Option<&HandoffBrief> {
        self.handoff.as_ref()
    }

    /// Whether the trainee has handed the call over (a handoff form is due).
    pub fn has_handed_over(&self) -> bool {
        self.facts.escalated
    }

    /// When the 3-minute window opened, if it has.
    pub fn window_start_ms(&self) -> Option<u64> {
        self.facts.window_start
    }

    /// When the first calm that held began (see [`CALM_HOLD_MS`]); known once it has held.
    pub fn calm_at_ms(&self) -> Option<u64> {
        self.calm_at
    }

    /// Whether the 3-minute check can still be passed from here: the window has
    /// not opened, calm came within it, a calm stretch that began within it is
    /// still running (it is confirmed later), or the window is still open.
    pub fn window_still_passable(&self) -> bool {
        let Some(start) = self.facts.window_start else {
            return true;
        };
        let end = start + WINDOW_MS;
        match self.calm_at {
            Some(calm) => calm <= end,
            None => {
                self.now <= end
                    || self
                        .calm_run
                        .is_some_and(|run| !run.bought && run.since.max(start) <= end)
            }
        }
    }

    /// The rules broken so far, one bit per rule in catalog order. A break stays
    /// to the end of the call.
    pub fn rules_broken_so_far(&self) -> u32 {
        self.rules.broken_rules()
    }

    /// How many rules are kept so far for good (see `RuleBook::kept_for_good`).
    pub fn rules_kept_for_good(&self) -> u32 {
        self.rules.kept_for_good()
    }

    /// One rule's verdict so far (before the call's end concludes it).
    pub fn rule_so_far(&self, id: crate::rules::RuleId) -> crate::rules::Judgement {
        self.rules.judgement_of(id)
    }

    /// The first unkeepable promise, money offer or personal exception, if any.
    pub fn false_relief(&self) -> Option<FalseRelief> {
        self.false_relief
    }

    /// The flags the choices said so far have set (`Scenario::flag_names` names them).
    pub fn flags(&self) -> crate::scenario::FlagSet {
        self.flags
    }

    /// The declared facts the customer has said so far (on a takeover, with the record's).
    pub fn heard_facts(&self) -> crate::scenario::FactSet {
        self.facts.heard_facts
    }

    /// What the memo held when last written during the call.
    pub fn memo_captured(&self) -> Option<Captured> {
        self.memo_captured
    }

    /// What the handoff form held when last sent during the call.
    pub fn handoff_captured(&self) -> Option<Captured> {
        self.handoff_captured
    }

    /// Index of the node the trainee is answering.
    pub fn current_node(&self) -> usize {
        usize::from(self.node)
    }

    /// Index of the node whose line the customer says next, once the lines before
    /// it are said: after a choice, where it led (anger branches decided).
    pub fn upcoming_node(&self) -> Option<usize> {
        self.queue.iter().find_map(|l| match l {
            LineRef::Node(n) => Some(usize::from(*n)),
            _ => None,
        })
    }

    /// The lines the customer (or the node's speaker) will say before the trainee
    /// can answer, in order: a protest at an interruption, then the next node's line.
    pub fn queued_lines(&self) -> impl Iterator<Item = LineRef> + '_ {
        self.queue.iter().copied()
    }

    /// How many of the current node's waiting lines were said since it started.
    pub fn waiting_said(&self) -> u16 {
        self.waiting_said
    }

    /// How many times the trainee interrupted: picks the next protest.
    pub fn interruptions(&self) -> u16 {
        self.interruptions
    }

    /// Takes the events since the last call.
    pub fn take_events(&mut self) -> Vec<Event> {
        std::mem::take(&mut self.events)
    }

    /// Whether the trainee may say a choice now (while the customer speaks, too).
    fn offering(&self) -> bool {
        !self.answered
            && !matches!(
                self.phase,
                Phase::Trainee { .. } | Phase::Gap { .. } | Phase::Ended
            )
    }

    /// The choices the trainee may say now (while the customer speaks, too), in
    /// the order they are shown: drawn from the session seed for this visit of
    /// the node, unless the node pins its order. The app's keys 1–9 and
    /// `--policy first` follow this order.
    pub fn offered(&self) -> Vec<&crate::scenario::Choice> {
        if !self.offering() {
            return Vec::new();
        }
        let node = &self.scenario.nodes[usize::from(self.node)];
        let gates = &self.scenario.index.gates[usize::from(self.node)];
        // A choice whose flags do not hold is not there at all: not shown, not sayable.
        let mut shown: Vec<&crate::scenario::Choice> = node
            .choices
            .iter()
            .zip(gates)
            .filter(|(_, g)| g.open(self.flags))
            .map(|(c, _)| c)
            .collect();
        if node.order == crate::scenario::ChoiceOrder::Shuffled {
            shuffle(&mut shown, self.visit_key());
        }
        shown
    }

    /// What the order of this visit is drawn from: the seed, the node and how
    /// many choices were said before (a revisit comes after at least one more).
    /// It is not drawn from the session's noise stream, so showing the choices
    /// changes nothing else in the call.
    fn visit_key(&self) -> u64 {
        self.seed ^ (u64::from(self.node) << 40) ^ (u64::from(self.facts.said) << 20)
    }

    /// The customer line being spoken now, with how far it has got (0–1).
    pub fn speaking(&self) -> Option<(&TranscriptLine, f64)> {
        let Phase::Speaking { line, .. } = self.phase else {
            return None;
        };
        let l = &self.transcript[line];
        let span = l.end_ms.saturating_sub(l.start_ms).max(1) as f64;
        Some((
            l,
            (self.now.saturating_sub(l.start_ms) as f64 / span).clamp(0.0, 1.0),
        ))
    }

    /// Milliseconds until the trainee can answer without interrupting: 0 when they
    /// can now, `None` when no answer is possible any more (the call is ending).
    pub fn time_to_turn(&self) -> Option<u64> {
        if self.outcome.is_some() || self.ending.is_some() {
            return None;
        }
        match self.phase {
            Phase::Silence { .. } | Phase::Climb => Some(0),
            _ => {
                // Walk the lines still to say; choices come with the next node's line.
                let mut t = self.phase.end().unwrap_or(self.now);
                if matches!(self.phase, Phase::Trainee { .. }) {
                    t += REPLY_GAP_MS;
                }
                for l in &self.queue {
                    if let LineRef::Node(n) = l
                        && self.scenario.nodes[usize::from(*n)].is_ending()
                    {
                        return None;
                    }
                    t += self.line_ms(*l) + self.trailing_pause(*l);
                    // A node's vent is queued when its line starts: count it now.
                    if let LineRef::Node(n) = l {
                        let vent = self.scenario.nodes[usize::from(*n)].vent.len() as u16;
                        for k in 0..vent {
                            let v = LineRef::Vent(*n, k);
                            t += self.line_ms(v) + self.trailing_pause(v);
                        }
                    }
                }
                Some(t.saturating_sub(self.now))
            }
        }
    }

    /// Lets `dt` of call time pass. Sub-millisecond remainders carry over, so any
    /// slicing of time into frames reaches the same millisecond.
    pub fn advance(&mut self, dt: Duration) {
        self.carry_ns += dt.as_nanos();
        let ms = (self.carry_ns / 1_000_000) as u64;
        self.carry_ns %= 1_000_000;
        self.advance_ms(ms);
    }

    pub fn advance_ms(&mut self, ms: u64) {
        self.advance_to(self.now.saturating_add(ms));
    }

    /// Lets time pass until call time `t` (milliseconds); earlier times do nothing.
    pub fn advance_to(&mut self, t: u64) {
        while let Some(due) = self.next_due() {
            if due > t {
                break;
            }
            self.now = self.now.max(due);
            self.fire();
        }
        if self.outcome.is_none() {
            self.now = self.now.max(t);
        }
    }

    /// Lets the call run in silence until it ends.
    pub fn run_out(&mut self) {
        self.advance_to(u64::MAX);
    }

    pub fn act(&mut self, action: Action) -> Result<(), ActError> {
        match &action {
            Action::Choose { choice } => self.say(choice)?,
            Action::Listen => self.listen()?,
            Action::Memo(m) => {
                self.memo = Some(m.clone());
                // A memo written after the call is kept, but no longer judged:
                // R20 asks for a record taken while the customer speaks.
                if self.outcome.is_none() {
                    let captured = self.capture(&m.text());
                    self.memo_captured = Some(captured);
                    self.observe_alone(Moment::Memo {
                        complete: m.is_complete(),
                        captured,
                    });
                }
            }
            Action::Handoff(h) => {
                if !self.facts.escalated {
                    return Err(ActError::NoHandover);
                }
                self.handoff = Some(h.clone());
                let captured = self.capture(&h.text());
                self.handoff_captured = Some(captured);
                self.observe_alone(Moment::Handoff {
                    items: h.items(),
                    chatter: h.is_chatty(),
                    captured,
                });
            }
        }
        self.actions.push(LoggedAction {
            at_ms: self.now,
            action,
        });
        Ok(())
    }

    /// Says the offered choice `id` (what `act(Action::Choose { .. })` does,
    /// without building an `Action`).
    pub fn choose(&mut self, id: &str) -> Result<(), ActError> {
        self.say(id)?;
        self.actions.push(LoggedAction {
            at_ms: self.now,
            action: Action::Choose {
                choice: id.to_string(),
            },
        });
        Ok(())
    }

    /// The declared facts a written text holds, against those heard by now.
    fn capture(&self, written: &str) -> Captured {
        Captured {
            at_ms: self.now,
            heard: self.facts.heard_facts,
            facts: self.scenario.facts_in(written),
        }
    }

    fn say(&mut self, id: &str) -> Result<(), ActError> {
        if self.outcome.is_some() {
            return Err(ActError::CallOver);
        }
        let scenario = Arc::clone(&self.scenario);
        let node = &scenario.nodes[usize::from(self.node)];
        let gates = &scenario.index.gates[usize::from(self.node)];
        let found = node
            .choices
            .iter()
            .position(|c| c.id == id)
            .filter(|&ci| gates[ci].open(self.flags));
        let Some(ci) = found.filter(|_| self.offering()) else {
            if !self.offering() && !self.answered_by_ending() {
                return Err(ActError::NotYourTurn);
            }
            return Err(ActError::NotOffered {
                choice: id.to_string(),
                offered: self.offered().iter().map(|c| c.id.clone()).collect(),
            });
        };
        let choice = &node.choices[ci];
        let at = ChoiceRef {
            node: self.node,
            choice: ci as u16,
        };
        // Answering a "are you there?" line is what the customer asked for; any
        // other line still running is cut off. A vent runs until its last line
        // ends: answering in one of its pauses cuts the customer off too.
        let speaking = self.speaking_line().map(|l| l.what);
        let interrupted = speaking.is_some_and(|l| !matches!(l, LineRef::Waiting(..)));
        let cut_vent = interrupted && self.vent_running();

        let mut fx = Effects::default();
        if let Phase::Silence { .. } = self.phase {
            let gap = self.now - self.line_end;
            if self.waiting_said == 0 && gap >= crate::rules::waiting::PAUSE_MIN_MS {
                self.observe(&Moment::Paused { gap_ms: gap }, &mut fx);
            }
        }
        let false_relief = vocabulary::false_relief(choice);
        let before = false_relief.is_some().then(|| self.rules.clone());
        let verdicts = self.record_events.then(|| self.rules.judgements());
        let breaks = self.rules.breaks();
        self.observe_quietly(
            &Moment::TraineeSays {
                choice,
                at,
                answering: node,
                interrupted,
                cut_vent,
            },
            &mut fx,
        );
        // Words that break a rule advance no step; words of false relief also
        // keep no other rule in the same breath: the verdicts must not praise
        // what the same words spoil (an unkeepable promise is never also "a
        // next step with a deadline").
        let broke_a_rule = self.rules.breaks() > breaks;
        if let Some(before) = before {
            self.rules.void_keeps(&before);
        }
        if let Some(verdicts) = verdicts {
            self.emit_verdicts(&verdicts);
        }
        if let Some(rule) = vocabulary::unsound_ending(choice)
            && self.false_relief.is_none()
        {
            self.false_relief = Some(FalseRelief {
                rule,
                at_ms: self.now,
                by: at,
            });
        }
        let noise: f64 = self.rng.random_range(-1.0..=1.0);
        let v = scenario.persona.volatility;
        self.anger.stop_climb(self.now);
        // Words said to someone else (a supervisor taking a handoff) are judged by
        // the rules, but the customer on hold does not hear them.
        let heard = vocabulary::heard_by_customer(node, choice);
        if heard {
            self.change_anger(
                v * (choice.anger + fx.total() + noise),
                AngerCause::Choice(at),
                choice.anger,
                fx,
                noise,
                false_relief.is_some(),
            );
        }

        if speaking.is_some() {
            self.cut_current_line();
        }
        if cut_vent {
            self.queue.retain(|l| !matches!(l, LineRef::Vent(..)));
        }
        if interrupted {
            let k = self.interruptions % transcript::interrupted_count(&scenario) as u16;
            self.interruptions += 1;
            self.queue.push_front(LineRef::Interrupted(k));
        }
        self.record_choice(choice, at, broke_a_rule, heard);
        self.flags |= gates[ci].sets;
        self.answered = true;
        if let Some(next) = self.destination(scenario.index.targets[usize::from(at.node)][ci]) {
            self.queue.push_back(LineRef::Node(next));
        }
        let end = self.now + self.line_ms(LineRef::Choice(at));
        self.push_line(Speaker::Trainee, LineRef::Choice(at), end);
        self.phase = Phase::Trainee { end };
        self.check_hang_up();
        Ok(())
    }

    /// The customer line being spoken now (its pause after included), if any.
    fn speaking_line(&self) -> Option<&TranscriptLine> {
        match self.phase {
            Phase::Speaking { line, .. } => self.transcript.get(line),
            _ => None,
        }
    }

    /// Whether the customer is still in the middle of a vent: saying the node's
    /// line or one of its vent lines, or pausing between them.
    fn vent_running(&self) -> bool {
        match self.speaking_line().map(|l| l.what) {
            Some(LineRef::Node(n)) => !self.scenario.nodes[usize::from(n)].vent.is_empty(),
            Some(LineRef::Vent(..)) => true,
            _ => false,
        }
    }

    /// Where the words just said lead, given the anger they left: `if_angry` when
    /// the customer is still that angry, else `if_calm` in the calm band, else `next`.
    fn destination(&self, to: Targets) -> Option<u16> {
        let anger = self.anger.at(self.now);
        match (to.if_angry, to.if_calm) {
            (Some((at_least, node)), _) if anger >= at_least => node,
            (_, Some(node)) if anger < self.scenario.persona.calm_below => node,
            _ => to.next,
        }
    }

    fn answered_by_ending(&self) -> bool {
        self.ending.is_some()
    }

    /// Updates the facts after a choice was said and judged. Words that broke a
    /// rule advance no recovery step: a step is shown by a move done right. Nor
    /// do words the customer does not hear: the steps are the conversation with
    /// the customer, and a question to a colleague is not one of its moves.
    fn record_choice(
        &mut self,
        choice: &crate::scenario::Choice,
        at: ChoiceRef,
        broke_a_rule: bool,
        heard: bool,
    ) {
        let f = &mut self.facts;
        let act = f.said;
        f.said += 1;
        f.window_start.get_or_insert(self.now);
        f.named_self |= choice.has(Tag::NamesSelf);
        if vocabulary::any(choice, vocabulary::APOLOGY) {
            f.apology_streak += 1;
            f.apologies += 1;
        } else {
            f.apology_streak = 0;
        }
        f.listened |= vocabulary::any(choice, vocabulary::LISTENING);
        f.facts_checked |= vocabulary::any(choice, vocabulary::STOCKTAKING);
        if choice.has(Tag::Escalates) || choice.has(Tag::Transfers) {
            f.handovers += 1;
            f.escalated = true;
        }
        let steps = if broke_a_rule || !heard {
            0
        } else {
            steps_of(choice)
        };
        for step in 1..=4u8 {
            if steps & (1 << step) != 0 && self.steps[usize::from(step - 1)].is_none() {
                self.steps[usize::from(step - 1)] = Some(StepMark {
                    at_ms: self.now,
                    act,
                    by: at,
                });
                self.emit(Event::StepReached {
                    step,
                    at_ms: self.now,
                });
            }
        }
        self.facts.accepted = self.steps[0].is_some();
    }

    fn listen(&mut self) -> Result<(), ActError> {
        if self.outcome.is_some() {
            return Err(ActError::CallOver);
        }
        if matches!(self.phase, Phase::Trainee { .. } | Phase::Gap { .. }) {
            return Err(ActError::NotYourTurn);
        }
        let first = !self.listen_used;
        self.listen_used = true;
        let during_speech = matches!(self.phase, Phase::Speaking { .. });
        if let Phase::Silence { since, .. } = &mut self.phase
            && first
        {
            // One "はい" tells the customer you are there: their patience restarts once.
            *since = self.now;
        }
        let mut fx = Effects::default();
        self.observe(
            &Moment::Listens {
                during_speech,
                first_this_line: first,
            },
            &mut fx,
        );
        if !fx.is_empty() {
            let v = self.scenario.persona.volatility;
            self.change_anger(v * fx.total(), AngerCause::Listen, 0.0, fx, 0.0, false);
        }
        self.facts.listened = true;
        if self.facts.window_start.is_none() {
            self.facts.window_start = Some(self.now);
            self.check_calm(false);
        }
        self.push_line(Speaker::Trainee, LineRef::Listen, self.now);
        self.check_hang_up();
        Ok(())
    }

    fn observe(&mut self, moment: &Moment, fx: &mut Effects) {
        if !self.record_events {
            self.observe_quietly(moment, fx);
            return;
        }
        let before = self.rules.judgements();
        self.observe_quietly(moment, fx);
        self.emit_verdicts(&before);
    }

    /// The rules see the moment; no events yet.
    fn observe_quietly(&mut self, moment: &Moment, fx: &mut Effects) {
        let call = CallFacts::new(&self.scenario, self.now, &self.facts);
        self.rules.observe(moment, &call, fx);
    }

    /// Tells the verdicts that changed since `before`.
    fn emit_verdicts(&mut self, before: &[(crate::rules::RuleId, crate::rules::Judgement)]) {
        if !self.record_events {
            return;
        }
        for ((rule, old), (_, new)) in before.iter().zip(self.rules.judgements()) {
            let (rule, at_ms) = (*rule, self.now);
            if new.status != old.status {
                match new.status {
                    crate::rules::Status::Broken => {
                        self.events.push(Event::RuleBroken { rule, at_ms })
                    }
                    crate::rules::Status::Kept => self.events.push(Event::RuleKept { rule, at_ms }),
                    _ => {}
                }
            }
        }
    }

    /// Observes a moment that is not a choice; its effects, if any, apply at once.
    fn observe_alone(&mut self, moment: Moment) {
        let mut fx = Effects::default();
        self.observe(&moment, &mut fx);
        if !fx.is_empty() && self.outcome.is_none() {
            let v = self.scenario.persona.volatility;
            let cause = if matches!(moment, Moment::VentHeard { .. }) {
                AngerCause::Listen
            } else {
                AngerCause::Waiting
            };
            self.change_anger(v * fx.total(), cause, 0.0, fx, 0.0, false);
            self.check_hang_up();
        }
    }

    fn change_anger(
        &mut self,
        delta: f64,
        cause: AngerCause,
        authored: f64,
        effects: Effects,
        noise: f64,
        false_relief: bool,
    ) {
        let (from, to) = self.anger.jump(self.now, delta);
        let change = AngerChange {
            at_ms: self.now,
            from,
            to,
            cause,
            authored,
            effects,
            noise,
        };
        self.changes.push(change);
        self.emit(Event::AngerChanged(change));
        self.check_calm(false_relief);
    }

    /// Starts or ends a stretch of calm after anger changed; `bought` when the
    /// change came from false relief. Then confirms a stretch that has held.
    fn check_calm(&mut self, bought: bool) {
        let calm = self.anger.at(self.now) < self.scenario.persona.calm_below;
        match (calm, self.calm_run) {
            (true, None) => {
                self.calm_run = Some(CalmRun {
                    since: self.now,
                    bought,
                })
            }
            (false, Some(_)) => self.calm_run = None,
            _ => {}
        }
        self.confirm_calm(false);
    }

    /// When the running stretch of calm will have held long enough, if it can count.
    fn calm_due(&self) -> Option<u64> {
        let run = self
            .calm_run
            .filter(|r| !r.bought && self.calm_at.is_none())?;
        let start = self.facts.window_start?;
        Some(run.since.max(start) + CALM_HOLD_MS)
    }

    /// Confirms the running stretch of calm when it has held for
    /// [`CALM_HOLD_MS`], reached the end of the window or the end of the call
    /// (`ending`). A climb may have ended it since the last change: anger only
    /// rises while climbing, so being calm now means calm throughout.
    fn confirm_calm(&mut self, ending: bool) {
        let (Some(run), Some(start), None) = (self.calm_run, self.facts.window_start, self.calm_at)
        else {
            return;
        };
        if self.anger.at(self.now) >= self.scenario.persona.calm_below {
            self.calm_run = None;
            return;
        }
        let since = run.since.max(start);
        let window_end = start + WINDOW_MS;
        let held = self.now >= since + CALM_HOLD_MS
            || (self.now >= window_end && since <= window_end)
            || ending;
        if held && !run.bought && self.now >= start {
            self.calm_at = Some(since);
            self.emit(Event::Calmed { at_ms: since });
        }
    }

    fn check_hang_up(&mut self) {
        if self.outcome.is_none()
            && self.ending != Some(Outcome::HungUp)
            && self.anger.at(self.now) >= self.scenario.persona.hang_up_at
        {
            self.hang_up();
        }
    }

    fn emit(&mut self, e: Event) {
        if self.record_events {
            self.events.push(e);
        }
    }

    /// Builds the session's verdicts. A call still running is first let run out in
    /// silence, as if the trainee said nothing more.
    pub fn finish(&mut self) -> Scorecard {
        self.run_out();
        let outcome = self.outcome.unwrap_or(Outcome::HungUp);
        let call = CallFacts::new(&self.scenario, self.now, &self.facts);
        let mut rules = self.rules.clone();
        rules.conclude(&call, outcome);
        let mut judgements = rules.judgements();
        // A rule the call never put to the test was not kept: it earns nothing.
        for (_, j) in &mut judgements {
            j.not_tested_if_pending();
        }
        scoring::score(self, &judgements, outcome)
    }

    pub fn step_marks(&self) -> &[Option<StepMark>; 4] {
        &self.steps
    }

    /// A summary of everything that shapes the rest of the call and its score:
    /// the node, the facts, the flags, the verdicts so far, the steps reached and in what
    /// order, anger to the point and call time to the second. Two sessions with
    /// the same key play on alike, so the analyser explores one of them.
    pub fn state_key(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.node.hash(&mut h);
        self.answered.hash(&mut h);
        self.facts.hash(&mut h);
        (self.anger.at(self.now).round() as i64).hash(&mut h);
        (self.now / 1000).hash(&mut h);
        self.calm_at.is_some().hash(&mut h);
        self.calm_run.map(|r| r.bought).hash(&mut h);
        self.false_relief.is_some().hash(&mut h);
        self.flags.hash(&mut h);
        self.outcome.hash(&mut h);
        for (_, j) in self.rules.judgements() {
            j.status.hash(&mut h);
        }
        for m in &self.steps {
            m.map(|m| m.act).hash(&mut h);
        }
        h.finish()
    }
}

impl CallFacts<'_> {
    pub(crate) fn new<'a>(scenario: &'a Scenario, now: u64, f: &Facts) -> CallFacts<'a> {
        CallFacts {
            scenario,
            now,
            window_start: f.window_start,
            said: f.said,
            named_self: f.named_self,
            apology_streak: f.apology_streak,
            apologies: f.apologies,
            accepted: f.accepted,
            listened: f.listened,
            facts_checked: f.facts_checked,
            handovers: f.handovers,
            heard: f.heard,
            answering: f.answering,
            heard_facts: f.heard_facts,
        }
    }
}
