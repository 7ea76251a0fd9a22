//! R17 handoff-brief: the handover tells who the customer is, the original
//! request, why it escalated, the state now and what they want; nothing else
//! (seeds 000, 001). It comes up when the trainee hands the call over, and is
//! judged on a spoken brief (a choice's `brief` items) and on the app's handoff
//! form, whichever comes: complete and concise, and a form must carry the facts
//! the customer gave ([`enough_facts`]): five fields of "x" are not a brief.

use super::*;
use crate::scenario::{BriefItem, Tag};
use crate::session::Captured;

/// The five items of a complete brief, as a bit set over `BriefItem`.
pub const COMPLETE: u8 = (1 << BriefItem::Customer as u8)
    | (1 << BriefItem::Request as u8)
    | (1 << BriefItem::Reason as u8)
    | (1 << BriefItem::State as u8)
    | (1 << BriefItem::Wants as u8);

#[derive(Debug, Clone, Default)]
pub struct HandoffBrief {
    j: Judgement,
    handed_over: bool,
}

impl HandoffBrief {
    fn judge(
        &mut self,
        call: &CallFacts,
        by: Option<ChoiceRef>,
        items: u8,
        chatter: bool,
        captured: Option<Captured>,
    ) {
        let missing = (COMPLETE & !items).count_ones();
        if missing > 0 {
            self.j.break_at(call.now, by, "R17-broken-missing");
            self.j.with_n(f64::from(missing));
        } else if chatter {
            self.j.break_at(call.now, by, "R17-broken-chatter");
        } else if let Some(c) = captured.filter(|c| !enough_facts(c)) {
            self.j.break_at(call.now, by, "R17-broken-facts");
            self.j.with_n(f64::from(missed_facts(&c)));
        } else {
            self.j.keep(call.now, by, "R17-kept");
        }
    }
}

impl Rule for HandoffBrief {
    const ID: RuleId = RuleId::ALL[16];

    fn observe(&mut self, moment: &Moment, call: &CallFacts, _: &mut Effects) {
        match *moment {
            Moment::TraineeSays { choice, at, .. } => {
                self.handed_over |= choice.has(Tag::Escalates) || choice.has(Tag::Transfers);
                if !choice.brief.is_empty() {
                    let items = choice
                        .brief
                        .iter()
                        .filter(|b| **b != BriefItem::Chatter)
                        .fold(0u8, |acc, b| acc | 1 << *b as u8);
                    self.judge(
                        call,
                        Some(at),
                        items,
                        choice.brief.contains(&BriefItem::Chatter),
                        None,
                    );
                }
            }
            Moment::Handoff {
                items,
                chatter,
                captured,
            } => self.judge(call, None, items, chatter, Some(captured)),
            _ => {}
        }
    }

    fn conclude(&mut self, call: &CallFacts, _: Outcome) {
        if self.handed_over {
            self.j.settle(call.now, Status::Broken, "R17-broken-none");
        }
    }

    fn judgement(&self) -> Judgement {
        self.j
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::scenario::BriefItem::{Chatter, Customer, Reason, Request, State, Wants};
    use crate::scenario::Tag::{Escalates, FeelingsApology};
    use crate::session::HandoffBrief;

    fn full_form() -> HandoffBrief {
        HandoffBrief {
            customer: "田中様、注文4417のお客様".into(),
            request: "商品の配達".into(),
            reason: "まだ届かないまま二度目の連絡".into(),
            state: "強いお怒り、上司を希望".into(),
            wants: "本日中の再配達".into(),
        }
    }

    #[test]
    fn r17_a_complete_concise_spoken_brief_is_kept() {
        let r = Call::primary()
            .say("c1", &[Escalates])
            .brief("c2", &[Customer, Request, Reason, State, Wants])
            .play();
        r.expect("R17", Kept, Some("c2"));
    }

    #[test]
    fn r17_a_brief_with_chatter_or_gaps_is_broken() {
        let r = Call::primary()
            .say("c1", &[Escalates])
            .brief("c2", &[Customer, Request, Reason, State, Wants, Chatter])
            .play();
        r.expect("R17", Broken, Some("c2"));
        let r = Call::primary()
            .say("c1", &[Escalates])
            .brief("c2", &[Customer, Wants])
            .play();
        r.expect("R17", Broken, Some("c2"));
        assert_eq!(r.rule("R17").n, Some(3.0));
    }

    #[test]
    fn r17_the_handoff_form_is_judged_complete_or_not() {
        Call::primary()
            .say("c1", &[Escalates])
            .handoff(full_form())
            .play()
            .expect("R17", Kept, None);
        let mut gap = full_form();
        gap.reason.clear();
        Call::primary()
            .say("c1", &[Escalates])
            .handoff(gap)
            .play()
            .expect("R17", Broken, None);
        let mut long = full_form();
        long.state = "大変お怒りで".repeat(80);
        Call::primary()
            .say("c1", &[Escalates])
            .handoff(long)
            .play()
            .expect("R17", Broken, None);
    }

    #[test]
    fn r17_a_form_of_junk_carries_no_facts_and_is_broken() {
        let x = || "x".to_string();
        let junk = HandoffBrief {
            customer: x(),
            request: x(),
            reason: x(),
            state: x(),
            wants: x(),
        };
        let r = Call::primary().say("c1", &[Escalates]).handoff(junk).play();
        r.expect("R17", Broken, None);
        assert_eq!(r.rule("R17").reason, "R17-broken-facts");
    }

    #[test]
    fn r17_handing_over_with_no_brief_is_broken_and_no_handover_is_not_tested() {
        Call::primary()
            .say("c1", &[Escalates])
            .play()
            .expect("R17", Broken, None);
        Call::primary()
            .say("c1", &[FeelingsApology])
            .play()
            .expect("R17", NotTested, None);
    }
}
