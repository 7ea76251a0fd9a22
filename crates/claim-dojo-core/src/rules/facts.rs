//! What the rules may know of the call so far. The session engine keeps these
//! facts and updates them after every moment, so a rule sees the call as it stood
//! just before the moment it is judging.

use crate::scenario::{Cue, Role, Scenario};

/// A choice by its position: node index and choice index within the node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ChoiceRef {
    pub node: u16,
    pub choice: u16,
}

/// A set of cues, as a bit set (there are fewer than 32 cues).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct CueSet(u32);

impl CueSet {
    pub fn of(cues: &[Cue]) -> CueSet {
        CueSet(cues.iter().fold(0, |acc, &c| acc | 1 << c as u32))
    }

    pub fn has(self, cue: Cue) -> bool {
        self.0 & (1 << cue as u32) != 0
    }

    pub fn add(&mut self, other: CueSet) {
        self.0 |= other.0;
    }
}

#[derive(Debug, Clone, Copy)]
pub struct CallFacts<'a> {
    pub scenario: &'a Scenario,
    /// Call time in milliseconds.
    pub now: u64,
    /// When the 3-minute window opened (the trainee's first words, or the takeover).
    pub window_start: Option<u64>,
    /// Choices the trainee has said.
    pub said: u32,
    /// The trainee has stated name and role.
    pub named_self: bool,
    /// Consecutive choices that apologised, up to the last one.
    pub apology_streak: u32,
    pub apologies: u32,
    /// Step 1 reached: the customer's anger was accepted.
    pub accepted: bool,
    /// The trainee has listened (back-channel, question, restating, inviting the story).
    pub listened: bool,
    /// The trainee has taken stock of the facts (checked one, or let them tell it).
    pub facts_checked: bool,
    /// Changes of the person handling the call; a takeover starts at one.
    pub handovers: u32,
    /// Every cue the customer has voiced so far.
    pub heard: CueSet,
    /// The cues of the line the trainee is answering now.
    pub answering: CueSet,
    /// The declared facts the customer has said so far (a takeover starts with
    /// those of the first handler's record).
    pub heard_facts: crate::scenario::FactSet,
}

impl CallFacts<'_> {
    pub fn takeover(&self) -> bool {
        self.scenario.role == Role::Secondary
    }

    /// Within the first three minutes (before the window opens counts as within).
    pub fn in_window(&self) -> bool {
        self.window_start
            .is_none_or(|s| self.now < s + crate::session::WINDOW_MS)
    }
}
