//! R23 abuse-by-policy: to abuse (threats, insults, 土下座 or 「家まで来い」,
//! hours of holding the line) neither argue nor give in: warn once, say the call
//! is recorded, and if it goes on, end the call by the company's policy and report
//! to the SV (seeds 002, 001; MHLW カスタマーハラスメント対策企業マニュアル).
//! Anger alone is not abuse: warning or cutting off a merely angry customer is broken.

use super::*;
use crate::scenario::{Cue, Tag};

/// A calm, firm limit (or hearing that the call is recorded) often stops the
/// shouting for a moment: the first warning after abuse.
pub const FIRM_LIMIT: f64 = -4.0;
/// Warning a complainant who is angry but not abusive treats them as an abuser.
pub const WARNED_COMPLAINANT: f64 = 8.0;

/// What giving in to abuse looks like: money, a visit, a promise or an exception
/// extracted by threats.
const GIVING_IN: &[Tag] = &[
    Tag::OffersMoney,
    Tag::OffersVisit,
    Tag::UnkeepablePromise,
    Tag::PersonalDiscretion,
];

#[derive(Debug, Clone, Default)]
pub struct AbuseByPolicy {
    j: Judgement,
    warned: bool,
    recorded: bool,
    /// Abuse heard again after the warning.
    went_on: bool,
    /// Abuse heard again after both the warning and the recording notice: the
    /// next answer must end the call ("warn once"), not warn again or plead.
    persisted: bool,
}

impl AbuseByPolicy {
    /// The verdict on ending the call by policy with the call as it stands.
    fn ending(&self, abuse: bool) -> (Status, &'static str) {
        if !abuse {
            (Status::Broken, "R23-broken-angry")
        } else if !self.warned {
            (Status::Broken, "R23-broken-unwarned")
        } else if !self.recorded {
            (Status::Broken, "R23-broken-unrecorded")
        } else if !self.went_on {
            (Status::Broken, "R23-broken-early")
        } else {
            (Status::Kept, "R23-kept")
        }
    }

    fn judge(
        &mut self,
        at_ms: u64,
        by: Option<ChoiceRef>,
        (status, reason): (Status, &'static str),
    ) {
        if status == Status::Kept {
            self.j.keep(at_ms, by, reason);
        } else {
            self.j.break_at(at_ms, by, reason);
        }
    }
}

impl Rule for AbuseByPolicy {
    const ID: RuleId = RuleId::ALL[22];

    fn observe(&mut self, moment: &Moment, call: &CallFacts, fx: &mut Effects) {
        match *moment {
            Moment::CustomerSays { node } => {
                let abusive = node.cues.contains(&Cue::Abuse);
                self.went_on |= self.warned && abusive;
                self.persisted |= self.warned && self.recorded && abusive;
            }
            Moment::TraineeSays { choice, at, .. } => {
                let abuse = call.heard.has(Cue::Abuse);
                if self.persisted
                    && call.answering.has(Cue::Abuse)
                    && !choice.has(Tag::EndsByPolicy)
                {
                    // Warned once, told it is recorded, and the abuse goes on: a
                    // second warning, a plea or more talk lets it go on.
                    self.j.break_at(call.now, Some(at), "R23-broken-endured");
                }
                let warns = choice.has(Tag::WarnsConduct);
                let records = choice.has(Tag::StatesRecording);
                if warns || records {
                    if abuse {
                        if !self.warned && !self.recorded {
                            fx.add(Self::ID, FIRM_LIMIT);
                        }
                        self.warned |= warns;
                        self.recorded |= records;
                    } else {
                        self.j
                            .break_at(call.now, Some(at), "R23-broken-warned-angry");
                        fx.add(Self::ID, WARNED_COMPLAINANT);
                    }
                }
                if call.answering.has(Cue::Abuse) && GIVING_IN.iter().any(|&t| choice.has(t)) {
                    self.j.break_at(call.now, Some(at), "R23-broken-gave-in");
                }
                if choice.has(Tag::EndsByPolicy) {
                    let verdict = self.ending(abuse);
                    self.judge(call.now, Some(at), verdict);
                }
            }
            _ => {}
        }
    }

    fn conclude(&mut self, call: &CallFacts, outcome: Outcome) {
        let abuse = call.heard.has(Cue::Abuse);
        if outcome == Outcome::EndedByPolicy && self.j.is_pending() {
            // Ended by policy without the words that say so (the validator warns).
            let verdict = self.ending(abuse);
            self.judge(call.now, None, verdict);
        } else if !abuse {
            // No abuse and no call ended by policy: R23 never came up (not tested).
        } else if !self.warned {
            self.j
                .settle(call.now, Status::Broken, "R23-broken-never-warned");
        } else if self.went_on {
            self.j
                .settle(call.now, Status::Broken, "R23-broken-endured");
        } else {
            self.j.settle(call.now, Status::Kept, "R23-kept-warned");
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
    use crate::scenario::{Cue, Ending, Outcome};

    /// Abuse, a warning with the recording notice, abuse again, the call ended.
    fn by_the_book() -> Call {
        Call::primary()
            .say("c1", &[FeelingsApology])
            .cue(Cue::Abuse)
            .say("c2", &[WarnsConduct, StatesRecording])
            .cue(Cue::Abuse)
            .say("c3", &[EndsByPolicy])
            .ending(Ending::EndedByPolicy)
    }

    #[test]
    fn r23_warning_then_ending_when_the_abuse_goes_on_is_kept_and_scores_the_outcome() {
        let r = by_the_book().play();
        r.expect("R23", Kept, Some("c3"));
        assert_eq!(r.card.outcome, Outcome::EndedByPolicy);
        let outcome = r
            .card
            .score
            .parts
            .iter()
            .find(|p| p.key == "outcome")
            .unwrap();
        assert_eq!(outcome.points, outcome.max);
    }

    #[test]
    fn r23_ending_the_call_on_a_merely_angry_customer_is_broken_and_a_failed_outcome() {
        let r = Call::primary()
            .say("c1", &[FeelingsApology])
            .say("c2", &[EndsByPolicy])
            .ending(Ending::EndedByPolicy)
            .play();
        r.expect("R23", Broken, Some("c2"));
        assert_eq!(r.rule("R23").reason, "R23-broken-angry");
        let outcome = r
            .card
            .score
            .parts
            .iter()
            .find(|p| p.key == "outcome")
            .unwrap();
        assert_eq!(outcome.points, 0);
    }

    #[test]
    fn r23_ending_on_abuse_without_a_warning_or_before_it_went_on_is_broken() {
        let unwarned = Call::primary()
            .cue(Cue::Abuse)
            .say("c1", &[EndsByPolicy])
            .ending(Ending::EndedByPolicy)
            .play();
        unwarned.expect("R23", Broken, Some("c1"));
        assert_eq!(unwarned.rule("R23").reason, "R23-broken-unwarned");
        // Warned, but the customer stopped: the call should have gone on.
        let early = Call::primary()
            .cue(Cue::Abuse)
            .say("c1", &[WarnsConduct, StatesRecording])
            .say("c2", &[EndsByPolicy])
            .ending(Ending::EndedByPolicy)
            .play();
        early.expect("R23", Broken, Some("c2"));
        assert_eq!(early.rule("R23").reason, "R23-broken-early");
        let unrecorded = Call::primary()
            .cue(Cue::Abuse)
            .say("c1", &[WarnsConduct])
            .cue(Cue::Abuse)
            .say("c2", &[EndsByPolicy])
            .ending(Ending::EndedByPolicy)
            .play();
        assert_eq!(unrecorded.rule("R23").reason, "R23-broken-unrecorded");
    }

    #[test]
    fn r23_warning_a_customer_who_is_only_angry_is_broken_and_angers() {
        let r = Call::primary().say("c1", &[WarnsConduct]).play();
        r.expect("R23", Broken, Some("c1"));
        let (warned, listened) = Call::primary()
            .say("c1", &[StatesRecording])
            .compare_anger(Call::primary().say("c1", &[Restates]));
        assert!(warned > listened + 6.0, "{warned} vs {listened}");
    }

    #[test]
    fn r23_a_warning_after_abuse_steadies_the_customer_and_kept_if_it_stops_the_abuse() {
        let (warned, silent) = Call::primary()
            .cue(Cue::Abuse)
            .say("c1", &[WarnsConduct, StatesRecording])
            .compare_anger(Call::primary().cue(Cue::Abuse).say("c1", &[BackChannel]));
        assert!(warned < silent, "{warned} vs {silent}");
        let r = Call::primary()
            .cue(Cue::Abuse)
            .say("c1", &[WarnsConduct, StatesRecording])
            .say("c2", &[NextStep])
            .play();
        assert_eq!(
            (r.rule("R23").status, r.rule("R23").reason),
            (Kept, "R23-kept-warned")
        );
    }

    #[test]
    fn r23_giving_in_or_never_warning_or_enduring_the_abuse_is_broken() {
        let gave_in = Call::primary()
            .cue(Cue::Abuse)
            .say("c1", &[OffersVisit])
            .play();
        gave_in.expect("R23", Broken, Some("c1"));
        assert_eq!(gave_in.rule("R23").reason, "R23-broken-gave-in");
        let never = Call::primary()
            .cue(Cue::Abuse)
            .say("c1", &[FeelingsApology])
            .play();
        assert_eq!(
            (never.rule("R23").status, never.rule("R23").reason),
            (Broken, "R23-broken-never-warned")
        );
        let endured = Call::primary()
            .cue(Cue::Abuse)
            .say("c1", &[WarnsConduct, StatesRecording])
            .cue(Cue::Abuse)
            .say("c2", &[FeelingsApology])
            .play();
        assert_eq!(endured.rule("R23").reason, "R23-broken-endured");
    }

    #[test]
    fn r23_abuse_that_goes_on_after_the_warning_is_answered_by_ending_the_call_not_by_more_talk() {
        // Warn once: a second warning or a plea to abuse that went on after the
        // warning and the notice breaks R23, and a later end by policy no longer
        // earns the outcome.
        for (words, tags) in [
            ("c3", &[WarnsConduct, Request][..]),
            ("c3", &[FeelingsApology, Request][..]),
        ] {
            let r = Call::primary()
                .cue(Cue::Abuse)
                .say("c2", &[WarnsConduct, StatesRecording])
                .cue(Cue::Abuse)
                .say(words, tags)
                .cue(Cue::Abuse)
                .say("c4", &[EndsByPolicy])
                .ending(Ending::EndedByPolicy)
                .play();
            r.expect("R23", Broken, Some("c3"));
            assert_eq!(r.rule("R23").reason, "R23-broken-endured");
            let outcome = r
                .card
                .score
                .parts
                .iter()
                .find(|p| p.key == "outcome")
                .unwrap();
            assert_eq!(outcome.points, 0, "{tags:?}");
        }
        // Before the notice, completing it is still by the book.
        let r = Call::primary()
            .cue(Cue::Abuse)
            .say("c1", &[WarnsConduct])
            .cue(Cue::Abuse)
            .say("c2", &[StatesRecording])
            .cue(Cue::Abuse)
            .say("c3", &[EndsByPolicy])
            .ending(Ending::EndedByPolicy)
            .play();
        r.expect("R23", Kept, Some("c3"));
    }

    #[test]
    fn r23_without_abuse_or_a_policy_ending_is_not_tested() {
        Call::primary()
            .say("c1", &[FeelingsApology])
            .play()
            .expect("R23", NotTested, None);
    }
}
