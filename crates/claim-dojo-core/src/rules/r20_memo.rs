//! R20 memo: record when it happened, what the complaint is and its cause (seed 004
//! (1)). Kept by the app's memo pad with all three filled in, or by saying the
//! details are being noted (`NotesDetails`).

use super::*;
use crate::scenario::Tag;

#[derive(Debug, Clone, Default)]
pub struct Memo {
    j: Judgement,
}

impl Rule for Memo {
    const ID: RuleId = RuleId::ALL[19];

    fn observe(&mut self, moment: &Moment, call: &CallFacts, _: &mut Effects) {
        match *moment {
            Moment::Memo { complete: true } => self.j.keep(call.now, None, "R20-kept-memo"),
            Moment::TraineeSays { choice, at, .. } if choice.has(Tag::NotesDetails) => {
                self.j.keep(call.now, Some(at), "R20-kept-spoken");
            }
            _ => {}
        }
    }

    fn conclude(&mut self, call: &CallFacts, _: Outcome) {
        self.j
            .settle_if_said(call, Status::Broken, "R20-broken", "R20-na");
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
    fn r20_a_complete_memo_is_kept() {
        Call::primary()
            .say("c1", &[FeelingsApology])
            .memo(true)
            .play()
            .expect("R20", Kept, None);
        Call::primary()
            .say("c1", &[NotesDetails])
            .play()
            .expect("R20", Kept, Some("c1"));
    }

    #[test]
    fn r20_no_memo_or_a_memo_without_the_cause_is_broken() {
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
}
