//! How tags group into what the rules talk about (apologies, listening, solutions),
//! the inference of recovery steps from tags, D-word spotting, and which parts of a
//! scenario exercise each rule.

use crate::scenario::{Choice, Cue, CustomerKind, Node, Role, Scenario, Tag};

use super::RuleId;

pub const APOLOGY: &[Tag] = &[Tag::FeelingsApology, Tag::FaultApology];

/// Showing the customer they are heard: R01's "hear them out".
pub const LISTENING: &[Tag] = &[
    Tag::BackChannel,
    Tag::InvitesStory,
    Tag::AsksQuestion,
    Tag::ChecksFact,
    Tag::Restates,
];

/// Apologising for the fault or explaining: what R01 wants to come after listening.
pub const SUBSTANTIVE: &[Tag] = &[
    Tag::FaultApology,
    Tag::ExplainsObjectively,
    Tag::ProposesSolution,
    Tag::OffersAlternative,
    Tag::Excuse,
    Tag::Denial,
    Tag::Promise,
    Tag::UnkeepablePromise,
    Tag::DeclinesByPolicy,
    Tag::OffersMoney,
];

/// A solution or an explanation: what R11 keeps out of the first three minutes
/// until the anger has been accepted.
pub const SOLUTION: &[Tag] = &[
    Tag::ProposesSolution,
    Tag::OffersAlternative,
    Tag::ExplainsObjectively,
    Tag::Promise,
    Tag::UnkeepablePromise,
    Tag::DeclinesByPolicy,
    Tag::OffersMoney,
];

/// Taking stock of the facts (step 2).
pub const FACTS: &[Tag] = &[
    Tag::InvitesStory,
    Tag::ChecksFact,
    Tag::Restates,
    Tag::AsksQuestion,
];

/// What R12 counts as having taken stock before acting: checking a fact or letting
/// the customer tell it. Restating a complaint or asking for a name is not a check.
pub const STOCKTAKING: &[Tag] = &[Tag::InvitesStory, Tag::ChecksFact];

/// Acting on the facts: what R12 wants to come after taking stock of them. An
/// explanation is left to R01 and R11, so one utterance is not punished three times.
pub const ACTING: &[Tag] = &[
    Tag::ProposesSolution,
    Tag::OffersAlternative,
    Tag::Promise,
    Tag::UnkeepablePromise,
    Tag::OffersMoney,
];

/// Words that buy calm with something that will not hold, and the rule they
/// break: an unkeepable promise or a hedge (R13), money offered (R15), a personal
/// exception (R21). Such words keep no other rule and advance no step, and calm
/// they bring does not pass the 3-minute check.
pub fn false_relief(choice: &Choice) -> Option<RuleId> {
    unsound_ending(choice).or_else(|| choice.has(Tag::Hedges).then_some(RuleId::ALL[12]))
}

/// Words after which no ending counts as resolved, whatever its label: the
/// customer agreed to an unkeepable promise (R13), money (R15) or a personal
/// exception (R21).
pub fn unsound_ending(choice: &Choice) -> Option<RuleId> {
    if choice.has(Tag::UnkeepablePromise) {
        Some(RuleId::ALL[12])
    } else if choice.has(Tag::OffersMoney) {
        Some(RuleId::ALL[14])
    } else if choice.has(Tag::PersonalDiscretion) {
        Some(RuleId::ALL[20])
    } else {
        None
    }
}

/// Whether the node being answered offered a choice with `tag`: the trainee was
/// tempted, and saying something else shows the rule handled.
pub fn offers(node: &Node, tag: Tag) -> bool {
    node.choices.iter().any(|c| c.has(tag))
}

/// Whether the customer hears `choice` said at `node`. At a `speaker` node
/// (a colleague on the internal line) the customer is on hold and the words
/// are the colleague's, unless they take the customer off hold (`EndsHold`).
pub fn heard_by_customer(node: &Node, choice: &Choice) -> bool {
    node.speaker.is_none() || choice.has(Tag::EndsHold)
}

pub fn any(choice: &Choice, group: &[Tag]) -> bool {
    choice.tags.iter().any(|t| group.contains(t))
}

/// The recovery steps a choice advances, as a bit set (bit 1 = step 1 … bit 4).
/// They follow from the tags; an authored `steps` can only leave some out:
/// 1 accepting the anger, 2 taking stock of the facts, 3 drawing the line between
/// requests and promises, 4 showing the next step.
pub fn steps_of(choice: &Choice) -> u8 {
    let inferred = inferred_steps(choice);
    match &choice.steps {
        // An author may narrow the inference, never widen it (E045).
        Some(steps) => {
            steps
                .iter()
                .filter(|s| (1..=4).contains(*s))
                .fold(0, |acc, s| acc | 1 << s)
                & inferred
        }
        None => inferred,
    }
}

/// The recovery steps a choice's tags show, as a bit set (bit 1 = step 1 … bit 4).
pub fn inferred_steps(choice: &Choice) -> u8 {
    let mut set = 0;
    for &tag in &choice.tags {
        let step = match tag {
            Tag::FeelingsApology | Tag::Empathises | Tag::AcknowledgesBurden => 1,
            Tag::InvitesStory | Tag::ChecksFact | Tag::Restates | Tag::AsksQuestion => 2,
            Tag::ProposesSolution
            | Tag::OffersAlternative
            | Tag::DeclinesByPolicy
            | Tag::ExplainsObjectively
            | Tag::AsksWhatWouldSatisfy
            | Tag::Promise
            | Tag::Request
            | Tag::WarnsConduct => 3,
            Tag::NextStep
            | Tag::CallsBack
            | Tag::OffersVisit
            | Tag::CauseAndPrevention
            | Tag::Escalates
            | Tag::EndsByPolicy => 4,
            _ => continue,
        };
        set |= 1 << step;
    }
    set
}

/// The anger effect a choice has whatever the call so far, from its tags alone
/// (the first-time values of `docs/anger-model.md`), plus the author's change. A
/// guide for drawing graphs; the engine's real effect also depends on context.
pub fn static_effect(choice: &Choice) -> f64 {
    let tag_effect = |t: &Tag| match t {
        Tag::Excuse => 10.0,
        Tag::Denial => 12.0,
        Tag::Hedges => 4.0,
        Tag::OffersMoney => 3.0,
        Tag::UnkeepablePromise => -6.0,
        Tag::PersonalDiscretion => -4.0,
        Tag::WarnsConduct | Tag::StatesRecording => -4.0,
        Tag::FeelingsApology | Tag::InvitesStory => -6.0,
        Tag::ChecksFact | Tag::Restates => -2.0,
        Tag::AsksWhatWouldSatisfy => -3.0,
        _ => 0.0,
    };
    choice.anger + choice.tags.iter().map(tag_effect).sum::<f64>()
}

/// D-words (だから、ですから、でも、だって) that open a sentence or clause in
/// Japanese text: the words of excuses (seed 004).
pub fn d_words(ja: &str) -> Vec<&'static str> {
    const WORDS: [&str; 4] = ["ですから", "だから", "だって", "でも"];
    let mut found = Vec::new();
    let mut at_boundary = true;
    let mut rest = ja;
    while let Some(c) = rest.chars().next() {
        if at_boundary
            && let Some(w) = WORDS.iter().find(|w| rest.starts_with(**w))
            && !found.contains(w)
        {
            found.push(*w);
        }
        at_boundary = matches!(c, '。' | '、' | '!' | '！' | '?' | '？' | '「' | '…' | '—')
            || c.is_whitespace();
        rest = &rest[c.len_utf8()..];
    }
    found
}

fn has_tag(s: &Scenario, tags: &[Tag]) -> bool {
    s.choices().any(|(_, c)| any(c, tags))
}

fn has_cue(s: &Scenario, cues: &[Cue]) -> bool {
    s.nodes
        .iter()
        .any(|n| n.cues.iter().any(|c| cues.contains(c)))
}

/// Whether anything in the scenario bears on the rule, so that some path could
/// keep or break it (what `analyze` counts as exercised). Used to warn about rules a scenario lists but never exercises.
pub fn exercised(rule: RuleId, s: &Scenario) -> bool {
    use Tag::*;
    let secondary = s.role == Role::Secondary;
    match rule.number() {
        1 => has_tag(s, SUBSTANTIVE) && has_tag(s, LISTENING),
        // Every line can be interrupted and every silence can grow too long.
        2 | 8 => s.nodes.iter().any(|n| !n.choices.is_empty()),
        3 | 4 => has_tag(s, APOLOGY),
        5 => has_tag(s, &[FaultApology]) || has_cue(s, &[Cue::FaultConfirmed, Cue::ClaimsFault]),
        6 => has_tag(s, &[Excuse]),
        7 => has_tag(s, &[Denial]),
        // Judged on every takeover (and R10 after a repeat caller's line) with or
        // without a tag that keeps them: every path then breaks them when none
        // does, which is an exercise (`analyze` names it as never kept), as W002
        // and `analyze` agree.
        9 => secondary,
        10 => secondary || has_cue(s, &[Cue::RepeatCaller]),
        11 => has_tag(s, SOLUTION),
        12 => has_tag(s, FACTS) || has_tag(s, ACTING),
        13 => {
            has_tag(s, &[UnkeepablePromise, Hedges, OffersAlternative])
                || has_cue(s, &[Cue::ImpossibleDemand])
        }
        14 => has_tag(s, &[NextStep, CallsBack, StatesDeadline]),
        15 => {
            has_tag(s, &[OffersMoney, AsksWhatWouldSatisfy])
                || has_cue(s, &[Cue::DemandsMoney, Cue::DemandsSincerity])
        }
        16 => !secondary && has_cue(s, &[Cue::DemandsSupervisor, Cue::SecondaryComplaint]),
        17 => has_tag(s, &[Escalates, Transfers]),
        18 => has_tag(s, &[Escalates, Transfers]),
        19 => has_cue(s, &[Cue::Deadlock]),
        20 => !s.facts.is_empty(),
        21 => {
            has_tag(s, &[PersonalDiscretion, DeclinesByPolicy])
                || has_cue(s, &[Cue::BlamesPersonally])
        }
        22 => {
            has_tag(s, &[CauseAndPrevention])
                || (s.customer_kind == CustomerKind::Business && has_cue(s, &[Cue::FaultConfirmed]))
        }
        23 => {
            has_cue(s, &[Cue::Abuse]) || has_tag(s, &[WarnsConduct, StatesRecording, EndsByPolicy])
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn d_words_are_found_at_the_start_of_a_clause_only() {
        assert_eq!(
            d_words("ですから、規約にございますとおり"),
            vec!["ですから"]
        );
        assert_eq!(
            d_words("申し訳ございません。でも、配送業者が"),
            vec!["でも"]
        );
        assert_eq!(d_words("だって、そう書いてありますから"), vec!["だって"]);
        assert!(d_words("いつでもご連絡ください").is_empty());
        assert!(d_words("何度でもお調べいたします").is_empty());
        assert!(d_words("お待たせしております").is_empty());
    }
}

#[cfg(test)]
mod heard_tests {
    use crate::rules::testing::*;
    use crate::scenario::Tag::*;
    use crate::scoring::StepStatus;

    #[test]
    fn a_question_to_a_colleague_is_no_step_and_words_that_end_the_hold_are() {
        // The supervisor asks the first operator on the internal line, then
        // accepts the customer's anger, then checks the facts with the customer:
        // the steps come in order, whatever was asked of the colleague.
        let asked = Call::secondary()
            .say("ask-colleague", &[AsksQuestion])
            .said_to_colleague()
            .say("c1", &[NamesSelf, AcknowledgesBurden])
            .say("c2", &[ChecksFact])
            .play();
        assert_eq!(asked.card.steps[0].status, StepStatus::Done);
        assert_eq!(asked.card.steps[1].status, StepStatus::Done);
        // Words that take the customer off hold are said to the customer: the
        // same question now asks them to explain again (R10), and the burden
        // acknowledged there is step 1 at once, not at the next answer.
        Call::secondary()
            .say("back-and-ask", &[EndsHold, AsksQuestion])
            .said_to_colleague()
            .say("c1", &[NamesSelf, AcknowledgesBurden])
            .play()
            .expect("R10", Broken, Some("back-and-ask"));
        let first_step = |tags: &[crate::scenario::Tag]| {
            Call::secondary()
                .say("burden", tags)
                .said_to_colleague()
                .say("c1", &[NamesSelf, AcknowledgesBurden])
                .say("c2", &[ChecksFact])
                .play()
                .card
                .steps[0]
                .at_ms
                .unwrap()
        };
        let to_colleague = first_step(&[NamesSelf, AcknowledgesBurden]);
        let off_hold = first_step(&[EndsHold, NamesSelf, AcknowledgesBurden]);
        assert!(off_hold < to_colleague, "{off_hold} ms, {to_colleague} ms");
    }
}
