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
pub use judgement::{Effects, Judgement, Status};
pub(crate) use r08_pause_not_wait as waiting;
pub use vocabulary::{d_words, exercised, static_effect, steps_of};

use crate::scenario::{Choice, Node, Outcome};

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
    },
    /// A back-channel (はい / ええ) outside the scripted choices.
    Listens {
        during_speech: bool,
        first_this_line: bool,
    },
    /// The trainee answered `gap_ms` after the customer stopped, within their patience.
    Paused { gap_ms: u64 },
    /// The silence has just passed the customer's patience.
    LeftWaiting { silence_ms: u64 },
    /// The memo pad was written; `complete` when it holds when, what and cause.
    Memo { complete: bool },
    /// The handoff form was sent.
    Handoff { items: u8, chatter: bool },
    /// The three minutes after the trainee's first words have passed.
    WindowClosed,
}

/// The interface every rule file implements.
pub trait Rule {
    const ID: RuleId;
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
            }
        }
    }
}
