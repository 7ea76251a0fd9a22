//! Authors describe, the engine scores: an authored `anger` is the flavour of the
//! words, never the verdict. It may not contradict the tags (an excuse or a
//! contradiction that calms the customer, an apology that angers them more than
//! a little) and is capped, so the rule effects always decide the lesson.

use crate::diagnostic::{Code, Diagnostic};
use crate::rules::vocabulary::{APOLOGY, any};
use crate::scenario::Tag;
use crate::validate::Cx;

/// The largest authored change, either way.
pub const AUTHORED_MAX: f64 = 10.0;
/// The most an apology may anger by itself (a stiff phrasing), when nothing in
/// its tags says it does harm.
pub const APOLOGY_MAX: f64 = 3.0;

/// Tags whose words the engine punishes: an authored change may add to that,
/// never soften it into calm.
const HARMFUL: &[Tag] = &[Tag::Excuse, Tag::Denial, Tag::Hedges];

pub fn check(cx: &mut Cx) {
    for (_, c) in cx.scenario.choices() {
        if c.anger.abs() > AUTHORED_MAX {
            cx.report(
                Diagnostic::new(Code::AngerTooLarge, c.spans.anger)
                    .arg("id", &c.id)
                    .arg("value", c.anger)
                    .arg("max", AUTHORED_MAX),
            );
            continue;
        }
        let harmful = c.tags.iter().find(|t| HARMFUL.contains(t));
        if let Some(tag) = harmful
            && c.anger < 0.0
        {
            cx.report(
                Diagnostic::new(Code::AngerContradictsTags, c.spans.anger)
                    .arg("id", &c.id)
                    .arg("value", c.anger)
                    .arg("tag", tag.name())
                    .arg("bound", 0),
            );
        } else if harmful.is_none() && any(c, APOLOGY) && c.anger > APOLOGY_MAX {
            let tag = c
                .tags
                .iter()
                .find(|t| APOLOGY.contains(t))
                .map_or("", |t| t.name());
            cx.report(
                Diagnostic::new(Code::AngerContradictsTags, c.spans.anger)
                    .arg("id", &c.id)
                    .arg("value", c.anger)
                    .arg("tag", tag)
                    .arg("bound", APOLOGY_MAX),
            );
        }
    }
}
