//! Smells in how choices are tagged: no tags at all (the engine cannot judge the
//! choice), a D-word in the text without the `Excuse` tag, a tag given twice, a
//! takeover (`TakesOver`) in a call the trainee answered first, words that end a
//! hold (`EndsHold`) where the customer is not on hold.

use crate::diagnostic::{Code, Diagnostic};
use crate::rules::d_words;
use crate::scenario::{Role, Tag};
use crate::validate::Cx;

pub fn check(cx: &mut Cx) {
    for (node, choice) in cx.scenario.choices() {
        // A spoken handoff brief is described by its `brief` items instead.
        if choice.tags.is_empty() && choice.brief.is_empty() {
            cx.report(Diagnostic::new(Code::Untagged, choice.spans.id).arg("id", &choice.id));
        }
        if !choice.has(Tag::Excuse)
            && let Some(word) = d_words(&choice.text.ja).first()
        {
            cx.report(
                Diagnostic::new(Code::UntaggedExcuse, choice.spans.id)
                    .arg("id", &choice.id)
                    .arg("word", word),
            );
        }
        if cx.scenario.role == Role::Primary && choice.has(Tag::TakesOver) {
            cx.report(
                Diagnostic::new(Code::TakeoverInPrimary, choice.spans.tags).arg("id", &choice.id),
            );
        }
        if node.speaker.is_none() && choice.has(Tag::EndsHold) {
            cx.report(Diagnostic::new(Code::HoldNotOn, choice.spans.tags).arg("id", &choice.id));
        }
        for (i, tag) in choice.tags.iter().enumerate() {
            if choice.tags[..i].contains(tag) {
                cx.report(
                    Diagnostic::new(Code::RepeatedTag, choice.spans.tags)
                        .arg("id", &choice.id)
                        .arg("tag", tag.name()),
                );
            }
        }
    }
}
