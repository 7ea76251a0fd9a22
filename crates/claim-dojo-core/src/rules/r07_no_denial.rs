//! R07 no-denial: never contradict an emotional customer (seed 003 §2).

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
        if let Moment::TraineeSays { choice, at, .. } = *moment
            && choice.has(Tag::Denial)
        {
            self.j.break_at(call.now, Some(at), "R07-broken");
            fx.add(Self::ID, DENIAL);
        }
    }

    fn conclude(&mut self, call: &CallFacts, _: Outcome) {
        self.j
            .settle_if_said(call, Status::Kept, "R07-kept", "R07-na");
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
    fn r07_not_contradicting_is_kept() {
        Call::primary()
            .say("c1", &[Restates])
            .play()
            .expect("R07", Kept, None);
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
