//! R06 no-excuses: no excuses, evasion or D-words (だから、ですから、でも、だって);
//! use words that accept (S-words) instead (seed 004 (1)).

use super::*;
use crate::scenario::Tag;

pub const EXCUSE: f64 = 10.0;

#[derive(Debug, Clone, Default)]
pub struct NoExcuses {
    j: Judgement,
}

impl Rule for NoExcuses {
    const ID: RuleId = RuleId::ALL[5];

    fn observe(&mut self, moment: &Moment, call: &CallFacts, fx: &mut Effects) {
        if let Moment::TraineeSays { choice, at, .. } = *moment
            && choice.has(Tag::Excuse)
        {
            self.j.break_at(call.now, Some(at), "R06-broken");
            fx.add(Self::ID, EXCUSE);
        }
    }

    fn conclude(&mut self, call: &CallFacts, _: Outcome) {
        self.j
            .settle_if_said(call, Status::Kept, "R06-kept", "R06-na");
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
    fn r06_accepting_words_only_is_kept() {
        Call::primary()
            .say("c1", &[FeelingsApology])
            .play()
            .expect("R06", Kept, None);
    }

    #[test]
    fn r06_an_excuse_is_broken_and_raises_anger() {
        Call::primary()
            .say("c1", &[Excuse])
            .play()
            .expect("R06", Broken, Some("c1"));
        let (ok, bad) = Call::primary()
            .say("c1", &[])
            .compare_anger(Call::primary().say("c1", &[Excuse]));
        assert!(bad >= ok + 8.0, "{bad} vs {ok}");
    }
}
