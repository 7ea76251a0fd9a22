//! R09 name-before-apology: whoever takes over a call states name and role before
//! any apology, so the power balance does not tip (seed 000). It comes up on a
//! takeover at the supervisor's first words: naming yourself first keeps it, an
//! apology first breaks it, never naming yourself breaks it too.
//!
//! The cost of apologising first is not an anger spike: the apology itself calms
//! for a moment. What is lost is standing. A name said after the apology steadies
//! nothing, and the first time the handler draws the line (declines by the rules,
//! or answers an impossible or money demand with an explanation or an alternative),
//! the customer, who now holds the upper hand, takes it harder. 「お電話代わりました。
//! 責任者の○○と申します。このたびは…」 (the name, then the apology, in one breath) is
//! kept: authors list `NamesSelf` before the apology tag when the words say it first.

use super::vocabulary::{APOLOGY, any};
use super::*;
use crate::scenario::{Choice, Cue, Tag};

/// Knowing who they now speak to steadies the customer.
pub const NAMED_CALM: f64 = -3.0;
/// The first line drawn after an apology-first takeover lands on a customer who
/// holds the upper hand.
pub const LOST_STANDING: f64 = 6.0;

#[derive(Debug, Clone, Default)]
pub struct NameBeforeApology {
    j: Judgement,
    /// The standing lost by apologising first has been paid for.
    paid: bool,
}

/// Whether the words draw the line on what the customer wants.
fn draws_line(choice: &Choice, call: &CallFacts) -> bool {
    let demand = [
        Cue::ImpossibleDemand,
        Cue::DemandsMoney,
        Cue::DemandsSincerity,
    ]
    .iter()
    .any(|&c| call.answering.has(c));
    choice.has(Tag::DeclinesByPolicy)
        || (demand && (choice.has(Tag::ExplainsObjectively) || choice.has(Tag::OffersAlternative)))
}

/// Whether the name comes before the apology in one utterance (tags in spoken order).
fn names_before_apologising(choice: &Choice) -> bool {
    let pos = |pred: &dyn Fn(&Tag) -> bool| choice.tags.iter().position(pred);
    match (
        pos(&|t| *t == Tag::NamesSelf),
        pos(&|t| APOLOGY.contains(t)),
    ) {
        (Some(name), Some(apology)) => name < apology,
        (Some(_), None) => true,
        _ => false,
    }
}

impl Rule for NameBeforeApology {
    const ID: RuleId = RuleId::ALL[8];
    // Every keep comes with the trainee's name said, after which the first
    // apology can only keep it.
    const KEEP_IS_FINAL: bool = true;

    fn observe(&mut self, moment: &Moment, call: &CallFacts, fx: &mut Effects) {
        let Moment::TraineeSays { choice, at, .. } = *moment else {
            return;
        };
        if !call.takeover() {
            return;
        }
        let names = choice.has(Tag::NamesSelf);
        let apologises = any(choice, APOLOGY);
        if apologises && call.apologies == 0 {
            if call.named_self || names_before_apologising(choice) {
                self.j.keep(call.now, Some(at), "R09-kept");
            } else if names {
                self.j
                    .break_at(call.now, Some(at), "R09-broken-same-breath");
            } else {
                self.j.break_at(call.now, Some(at), "R09-broken");
            }
        }
        if names && !call.named_self && !self.j.is_broken() {
            fx.add(Self::ID, NAMED_CALM);
            self.j.keep(call.now, Some(at), "R09-kept");
        }
        if self.j.is_broken() && !self.paid && draws_line(choice, call) {
            self.paid = true;
            fx.add(Self::ID, LOST_STANDING);
        }
    }

    fn conclude(&mut self, call: &CallFacts, _: Outcome) {
        if call.takeover() && call.said > 0 && !call.named_self {
            self.j.settle(call.now, Status::Broken, "R09-broken-never");
        }
    }

    fn judgement(&self) -> Judgement {
        self.j
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::scenario::Cue;
    use crate::scenario::Tag::*;

    #[test]
    fn r09_naming_yourself_before_apologising_on_a_takeover_is_kept() {
        let r = Call::secondary()
            .say("c1", &[NamesSelf])
            .say("c2", &[FeelingsApology])
            .play();
        r.expect("R09", Kept, Some("c1"));
    }

    #[test]
    fn r09_the_name_then_a_feelings_apology_in_one_breath_is_kept() {
        // 「お電話代わりました。責任者の田村と申します。このたびは…申し訳ございません」
        let r = Call::secondary()
            .say("c1", &[NamesSelf, FeelingsApology])
            .play();
        r.expect("R09", Kept, Some("c1"));
        // 「申し訳ございません、責任者の田村です」: the apology came first.
        let r = Call::secondary()
            .say("c1", &[FeelingsApology, NamesSelf])
            .play();
        r.expect("R09", Broken, Some("c1"));
        assert_eq!(r.rule("R09").reason, "R09-broken-same-breath");
    }

    #[test]
    fn r09_apology_before_name_is_broken_but_calms_for_a_moment() {
        let r = Call::secondary()
            .say("c1", &[FeelingsApology])
            .say("c2", &[NamesSelf])
            .play();
        r.expect("R09", Broken, Some("c1"));
        // No spike: the apology still lowers the temperature at first.
        let p = Call::secondary().say("c1", &[FeelingsApology]).play();
        let first = p.session.anger_changes()[0];
        assert!(first.to < first.from, "{first:?}");
        assert!(
            first
                .effects
                .iter()
                .all(|(rule, d)| rule.number() != 9 || d <= 0.0)
        );
    }

    /// An opener, then the customer's impossible demand, then the refusal.
    fn takeover(opening: &[&[crate::scenario::Tag]]) -> Call {
        let mut call = Call::secondary();
        for (i, tags) in opening.iter().enumerate() {
            call = call.say(&format!("o{i}"), tags);
        }
        call.say("story", &[InvitesStory])
            .cue(Cue::ImpossibleDemand)
            .say(
                "line",
                &[DeclinesByPolicy, ExplainsObjectively, OffersAlternative],
            )
    }

    /// The anger change the refusal caused.
    fn refusal_change(call: Call) -> f64 {
        let p = call.play();
        let c = p.session.anger_changes().last().copied().unwrap();
        c.to - c.from
    }

    #[test]
    fn r09_the_cost_comes_later_the_refusal_lands_harder_and_the_late_name_steadies_nothing() {
        let named_first = takeover(&[&[NamesSelf], &[FeelingsApology]]);
        let sorry_first = takeover(&[&[FeelingsApology], &[NamesSelf]]);
        let (good, bad) = (
            refusal_change(named_first.clone()),
            refusal_change(sorry_first.clone()),
        );
        assert!(bad > good + 5.0, "refusal: {bad} vs {good}");
        // The late name earns none of the calm an early one does.
        let named = named_first.play();
        let late = sorry_first.play();
        let r09 = |p: &crate::rules::testing::Played| -> f64 {
            p.session
                .anger_changes()
                .iter()
                .flat_map(|c| c.effects.iter())
                .filter(|(rule, d)| rule.number() == 9 && *d < 0.0)
                .map(|(_, d)| d)
                .sum()
        };
        assert!(r09(&named) < 0.0 && r09(&late) == 0.0);
        // The cost is paid once.
        let twice = takeover(&[&[FeelingsApology], &[NamesSelf]])
            .say("again", &[DeclinesByPolicy])
            .play();
        let paid: usize = twice
            .session
            .anger_changes()
            .iter()
            .filter(|c| {
                c.effects
                    .iter()
                    .any(|(rule, d)| rule.number() == 9 && d > 0.0)
            })
            .count();
        assert_eq!(paid, 1);
    }

    #[test]
    fn r09_is_not_tested_on_a_first_line_call() {
        Call::primary()
            .say("c1", &[FeelingsApology])
            .play()
            .expect("R09", NotTested, None);
    }
}
