//! The rule book: one instance of every rule for one session, fed the same moments.
//! A plain struct (no boxing) so a session is cheap to create and to clone.

use crate::scenario::Outcome;

use super::*;

macro_rules! book {
    ($($field:ident: $module:ident::$ty:ident),+ $(,)?) => {
        #[derive(Debug, Clone, Default)]
        pub struct RuleBook {
            $($field: $module::$ty),+
        }

        impl RuleBook {
            pub fn observe(&mut self, moment: &Moment, call: &CallFacts, fx: &mut Effects) {
                $(self.$field.observe(moment, call, fx);)+
            }

            pub fn conclude(&mut self, call: &CallFacts, outcome: Outcome) {
                $(self.$field.conclude(call, outcome);)+
            }

            /// Undoes every verdict of "kept" reached since `before` (a copy of
            /// this book taken before a moment): that rule goes back to where it
            /// stood. Rules kept earlier, and every break, stay.
            pub fn void_keeps(&mut self, before: &RuleBook) {
                $(
                    if self.$field.judgement().status == Status::Kept
                        && before.$field.judgement().status != Status::Kept
                    {
                        self.$field = before.$field.clone();
                    }
                )+
            }

            /// How many times any rule has been broken so far.
            pub fn breaks(&self) -> u32 {
                0 $(+ u32::from(self.$field.judgement().breaks))+
            }

            /// The rules broken so far, one bit per rule in catalog order (a
            /// break stays: see [`Judgement::break_at`]).
            pub fn broken_rules(&self) -> u32 {
                0 $(| (u32::from(self.$field.judgement().status == Status::Broken)
                    << $module::$ty::ID.index()))+
            }

            /// How many rules are kept so far for good: kept, and judged once
            /// ([`Rule::KEEP_IS_FINAL`]).
            pub fn kept_for_good(&self) -> u32 {
                0 $(+ u32::from(
                    <$module::$ty as Rule>::KEEP_IS_FINAL
                        && self.$field.judgement().status == Status::Kept,
                ))+
            }

            /// One rule's verdict so far.
            pub fn judgement_of(&self, id: RuleId) -> Judgement {
                $(if $module::$ty::ID == id {
                    return self.$field.judgement();
                })+
                Judgement::default()
            }

            /// Every rule's verdict, in catalog order (R01 first).
            pub fn judgements(&self) -> [(RuleId, Judgement); RuleId::COUNT] {
                [$(($module::$ty::ID, self.$field.judgement())),+]
            }
        }
    };
}

book! {
    r01: r01_listen_first::ListenFirst,
    r02: r02_no_interrupt::NoInterrupt,
    r03: r03_feelings_apology::FeelingsApology,
    r04: r04_no_over_apology::NoOverApology,
    r05: r05_fault_apology_after_facts::FaultApologyAfterFacts,
    r06: r06_no_excuses::NoExcuses,
    r07: r07_no_denial::NoDenial,
    r08: r08_pause_not_wait::PauseNotWait,
    r09: r09_name_before_apology::NameBeforeApology,
    r10: r10_acknowledge_repeat_burden::AcknowledgeRepeatBurden,
    r11: r11_no_solution_jump::NoSolutionJump,
    r12: r12_fact_inventory::FactInventory,
    r13: r13_request_vs_promise::RequestVsPromise,
    r14: r14_next_step_deadline::NextStepDeadline,
    r15: r15_no_money_promise::NoMoneyPromise,
    r16: r16_escalate_promptly::EscalatePromptly,
    r17: r17_handoff_brief::HandoffBrief,
    r18: r18_no_runaround::NoRunaround,
    r19: r19_three_changes::ThreeChanges,
    r20: r20_memo::Memo,
    r21: r21_follow_policy::FollowPolicy,
    r22: r22_cause_and_prevention::CauseAndPrevention,
    r23: r23_abuse_by_policy::AbuseByPolicy,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_book_holds_every_rule_once_in_catalog_order() {
        let ids: Vec<RuleId> = RuleBook::default()
            .judgements()
            .iter()
            .map(|(id, _)| *id)
            .collect();
        assert_eq!(ids, RuleId::ALL.to_vec());
    }
}
