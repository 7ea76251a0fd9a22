//! R07 no-denial: never contradict an emotional customer (seed 003 §2). It comes
//! up when the trainee answers a turn that offered a contradiction.

use super::vocabulary::offers;
use super::*;
use crate::scenario::Tag;

pub const DENIAL: f64 = 12.0;

#[derive(Debug, Clone, Default)]
pub struct NoDenial {
    j: Judgement,
}

impl Rule for NoDenial {
    const ID: RuleId = RuleId::ALL[6];

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
        if choice.has(Tag::Denial) {
            self.j.break_at(call.now, Some(at), "R07-broken");
            fx.add(Self::ID, DENIAL);
        } else if offers(answering, Tag::Denial) {
            self.j.keep(call.now, Some(at), "R07-kept");
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
    fn r07_not_contradicting_where_a_denial_was_offered_is_kept() {
        Call::primary()
            .offering(Denial)
            .say("c1", &[Restates])
            .play()
            .expect("R07", Kept, Some("c1"));
        Call::primary()
            .say("c1", &[Restates])
            .play()
            .expect("R07", NotTested, None);
    }

    #[test]
    fn r07_contradicting_is_broken_and_raises_anger() {
        Call::primary()
            .say("c1", &[AsksQuestion])
            .say("c2", &[Denial])
            .play()
            .expect("R07", Broken, Some("c2"));
        let (ok, bad) = Call::primary()
            .say("c1", &[])
            .compare_anger(Call::primary().say("c1", &[Denial]));
        assert!(bad >= ok + 10.0, "{bad} vs {ok}");
    }
}
