//! R06 no-excuses: no excuses, evasion or D-words (だから、ですから、でも、だって);
//! use words that accept (S-words) instead (seed 004 (1)). It comes up when the
//! trainee answers a turn that offered an excuse: answering it with accepting
//! words keeps the rule, an excuse anywhere breaks it.

use super::vocabulary::offers;
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
        let Moment::TraineeSays {
            choice,
            at,
            answering,
            ..
        } = *moment
        else {
            return;
        };
        if choice.has(Tag::Excuse) {
            self.j.break_at(call.now, Some(at), "R06-broken");
            fx.add(Self::ID, EXCUSE);
        } else if offers(answering, Tag::Excuse) {
            self.j.keep(call.now, Some(at), "R06-kept");
        }
    }

    fn conclude(&mut self, _: &CallFacts, _: Outcome) {}

    fn judgement(&self) -> Judgement {
        self.j
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::scenario::Tag::*;

    #[test]
    fn r06_accepting_words_where_an_excuse_was_offered_are_kept() {
        Call::primary()
            .offering(Excuse)
            .say("c1", &[FeelingsApology])
            .play()
            .expect("R06", Kept, Some("c1"));
    }

    #[test]
    fn r06_no_excuse_on_offer_does_not_test_it() {
        Call::primary()
            .say("c1", &[FeelingsApology])
            .play()
            .expect("R06", NotTested, None);
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
