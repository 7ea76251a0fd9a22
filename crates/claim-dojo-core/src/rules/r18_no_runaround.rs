//! R18 no-runaround: each extra transfer is felt as a run-around (たらい回し,
//! seed 004). One change of person is allowed; a takeover already is one. It
//! comes up when the trainee changes the person, or, once the call has changed
//! hands, answers a turn that offered passing it on again.

use super::vocabulary::offers;
use super::*;
use crate::scenario::Tag;

pub const RUNAROUND: f64 = 12.0;

#[derive(Debug, Clone, Default)]
pub struct NoRunaround {
    j: Judgement,
}

impl Rule for NoRunaround {
    const ID: RuleId = RuleId::ALL[17];

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
        if choice.has(Tag::Escalates) || choice.has(Tag::Transfers) {
            if call.handovers >= 1 {
                self.j.break_at(call.now, Some(at), "R18-broken");
                self.j.with_n(f64::from(call.handovers + 1));
                fx.add(Self::ID, RUNAROUND);
            } else {
                self.j.keep(call.now, Some(at), "R18-kept-once");
            }
        } else if call.handovers >= 1
            && (offers(answering, Tag::Escalates) || offers(answering, Tag::Transfers))
        {
            self.j.keep(call.now, Some(at), "R18-kept");
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
    fn r18_one_handover_is_kept() {
        Call::primary()
            .say("c1", &[Escalates])
            .play()
            .expect("R18", Kept, Some("c1"));
        Call::secondary()
            .offering(Transfers)
            .say("c1", &[NamesSelf])
            .play()
            .expect("R18", Kept, Some("c1"));
    }

    #[test]
    fn r18_a_takeover_where_passing_on_never_came_up_is_not_tested() {
        Call::secondary()
            .say("c1", &[NamesSelf])
            .play()
            .expect("R18", NotTested, None);
    }

    #[test]
    fn r18_passing_a_taken_over_call_on_again_is_broken() {
        let r = Call::secondary()
            .say("c1", &[NamesSelf])
            .say("c2", &[Transfers])
            .play();
        r.expect("R18", Broken, Some("c2"));
        let r = Call::primary()
            .say("c1", &[Transfers])
            .say("c2", &[Escalates])
            .play();
        r.expect("R18", Broken, Some("c2"));
    }
}
