//! The rule catalog R01–R23 of DOMAIN.md: one file per rule, each a small unit that
//! watches the moments of a call, adds its anger effects and keeps its verdict.
//!
//! The session engine (`crate::session`) feeds every rule the same [`Moment`]s with
//! the [`CallFacts`] as they stood just before the moment; a rule never calls out.

mod book;
mod facts;
mod id;
mod judgement;
pub mod vocabulary;

mod r01_listen_first;
mod r02_no_interrupt;
mod r03_feelings_apology;
mod r04_no_over_apology;
mod r05_fault_apology_after_facts;
mod r06_no_excuses;
mod r07_no_denial;
pub(crate) mod r08_pause_not_wait;
mod r09_name_before_apology;
mod r10_acknowledge_repeat_burden;
mod r11_no_solution_jump;
mod r12_fact_inventory;
mod r13_request_vs_promise;
mod r14_next_step_deadline;
mod r15_no_money_promise;
mod r16_escalate_promptly;
mod r17_handoff_brief;
mod r18_no_runaround;
mod r19_three_changes;
mod r20_memo;
mod r21_follow_policy;
mod r22_cause_and_prevention;
mod r23_abuse_by_policy;

#[cfg(test)]
pub(crate) mod testing;

pub use book::RuleBook;
pub use facts::{CallFacts, ChoiceRef, CueSet};
pub use id::RuleId;
pub use judgement::{Effects, Judgement, NOT_TESTED, Status, diminished};
pub(crate) use r08_pause_not_wait as waiting;
pub use vocabulary::{d_words, exercised, static_effect, steps_of};

use crate::scenario::{Choice, Node, Outcome};

/// Rules judged on every answer (R02, R08) are kept only once the trainee has
/// answered this many times without breaking them: one polite greeting before
/// the customer hangs up shows nothing.
pub const ANSWERS_TO_SHOW: u32 = 3;

/// A memo or a handoff form carries the facts when it holds at least this share
/// (numerator, denominator; rounded up) of the declared facts the customer had
/// said by the time it was written.
pub const FACTS_TO_CAPTURE: (u32, u32) = (2, 3);

/// Whether a written memo or form holds enough of the facts heard by then. With
/// nothing heard yet, nothing can be captured: a memo written before the
/// customer has said anything is not a record of the call.
pub fn enough_facts(c: &crate::session::Captured) -> bool {
    let heard = c.heard.count_ones();
    let got = (c.facts & c.heard).count_ones();
    let (num, den) = FACTS_TO_CAPTURE;
    heard > 0 && got * den >= heard * num
}

/// How many of the facts heard by then a memo or form left out.
pub fn missed_facts(c: &crate::session::Captured) -> u32 {
    (c.heard & !c.facts).count_ones()
}

/// Something that happened in the call, as the rules see it.
#[derive(Debug, Clone, Copy)]
pub enum Moment<'a> {
    /// The customer (or the node's speaker) starts a node's line; its cues are heard.
    CustomerSays { node: &'a Node },
    /// The trainee says a choice, answering `answering`; `interrupted` when the
    /// customer was still speaking.
    TraineeSays {
        choice: &'a Choice,
        at: ChoiceRef,
        answering: &'a Node,
        interrupted: bool,
        /// Said before the customer's vent had run its course (in a line or a
        /// pause between two): answering too early.
        cut_vent: bool,
    },
    /// The customer said the whole of a vent, and the trainee let it run.
    VentHeard,
    /// A back-channel (はい / ええ) outside the scripted choices.
    Listens {
        during_speech: bool,
        first_this_line: bool,
    },
    /// The trainee answered `gap_ms` after the customer stopped, within their patience.
    Paused { gap_ms: u64 },
    /// The silence has just passed the customer's patience.
    LeftWaiting { silence_ms: u64 },
    /// The memo pad was written during the call; `complete` when all three of
    /// when, what and cause are filled in, `captured` the declared facts it holds.
    Memo {
        complete: bool,
        captured: crate::session::Captured,
    },
    /// The handoff form was sent.
    Handoff {
        items: u8,
        chatter: bool,
        captured: crate::session::Captured,
    },
    /// The three minutes after the trainee's first words have passed.
    WindowClosed,
}

/// The interface every rule file implements.
pub trait Rule {
    const ID: RuleId;
    /// Once kept, the rule stays kept to the end of the call: it is judged once
    /// (every later moment finds it no longer pending). The analyser's lowest
    /// possible score counts such keeps (analyze/bound.rs); a rule whose later
    /// answers can still break it must leave this false.
    const KEEP_IS_FINAL: bool = false;
    fn observe(&mut self, moment: &Moment, call: &CallFacts, fx: &mut Effects);
    fn conclude(&mut self, call: &CallFacts, outcome: Outcome);
    fn judgement(&self) -> Judgement;
}

#[cfg(test)]
mod tests {
    use crate::i18n;
    use crate::text::Lang;

    /// Every verdict sentence a rule file names exists in both languages, and every
    /// rule has a title and a reason why it matters.
    #[test]
    fn every_reason_the_rules_give_is_written_in_both_languages() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
        let mut reasons = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let src = std::fs::read_to_string(&path).unwrap();
            for (i, _) in src.match_indices("\"R") {
                let lit: String = src[i + 1..].chars().take_while(|&c| c != '"').collect();
                if lit.len() > 4
                    && lit.as_bytes()[3] == b'-'
                    && lit[1..3].bytes().all(|b| b.is_ascii_digit())
                {
                    reasons += 1;
                    for lang in Lang::ALL {
                        assert!(
                            i18n::core().has(lang, &lit),
                            "{lit} ({}) missing in {lang:?}",
                            path.display()
                        );
                    }
                }
            }
        }
        assert!(reasons > 60, "found only {reasons} reasons");
        for rule in super::RuleId::ALL {
            for lang in Lang::ALL {
                let id = rule.to_string();
                assert!(i18n::core().has(lang, &id));
                assert!(i18n::core().attribute(lang, &id, "why", &vec![]).is_some());
                assert!(
                    i18n::core()
                        .attribute(lang, &id, "comes-up", &vec![])
                        .is_some(),
                    "{id} does not say when it comes up ({lang:?})"
                );
            }
        }
        for lang in Lang::ALL {
            assert!(i18n::core().has(lang, super::judgement::NOT_TESTED));
        }
    }
}
