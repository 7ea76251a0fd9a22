//! R20 memo: record when it happened, what the complaint is and its cause (seed 004
//! (1)). It comes up once the customer has said one of the scenario's declared
//! facts: from then on a record is due. Kept when the last memo written during
//! the call holds enough of the facts the customer had said by then
//! ([`enough_facts`]); a memo of "x", one written before anything was said, one
//! written after the call, or none at all breaks it. Saying 「控えさせていただきます」
//! is a courtesy, not a record.

use super::*;
use crate::session::Captured;

#[derive(Debug, Clone, Default)]
pub struct Memo {
    j: Judgement,
    /// The last memo written during the call, as it was judged.
    last: Option<Captured>,
}

impl Rule for Memo {
    const ID: RuleId = RuleId::ALL[19];

    fn observe(&mut self, moment: &Moment, _: &CallFacts, _: &mut Effects) {
        if let Moment::Memo { captured, .. } = *moment {
            self.last = Some(captured);
        }
    }

    fn conclude(&mut self, call: &CallFacts, _: Outcome) {
        if call.heard_facts == 0 {
            return;
        }
        match self.last {
            Some(c) if enough_facts(&c) => self.j.keep(c.at_ms, None, "R20-kept-memo"),
            Some(c) => {
                self.j.break_at(c.at_ms, None, "R20-broken-facts");
                self.j.with_n(f64::from(missed_facts(&c)));
            }
            None => self.j.break_at(call.now, None, "R20-broken"),
        }
    }

    fn judgement(&self) -> Judgement {
        self.j
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::scenario::Tag::*;

    #[test]
    fn r20_a_memo_of_the_facts_heard_is_kept() {
        Call::primary()
            .say("c1", &[FeelingsApology])
            .memo(true)
            .play()
            .expect("R20", Kept, None);
    }

    #[test]
    fn r20_no_memo_or_a_memo_without_the_facts_is_broken() {
        Call::primary()
            .say("c1", &[FeelingsApology])
            .play()
            .expect("R20", Broken, None);
        Call::primary()
            .say("c1", &[FeelingsApology])
            .memo(false)
            .play()
            .expect("R20", Broken, None);
    }

    #[test]
    fn r20_a_junk_memo_written_at_once_or_after_the_call_is_broken() {
        let junk = Call::primary()
            .junk_memo_first()
            .say("c1", &[FeelingsApology])
            .play();
        junk.expect("R20", Broken, None);
        let late = Call::primary()
            .say("c1", &[FeelingsApology])
            .memo_after_the_call()
            .play();
        late.expect("R20", Broken, None);
    }

    #[test]
    fn r20_saying_the_details_are_noted_is_not_a_record() {
        Call::primary()
            .say("c1", &[NotesDetails])
            .play()
            .expect("R20", Broken, None);
    }
}
