//! Placeholder text left in: a phrase of `claim-dojo new`'s skeleton such as
//! `(タイトル)`, or a text that is nothing but a phrase in brackets. A skeleton
//! validates without errors, so without this warning its placeholders would
//! reach trainees.
//!
//! It reads the positioned tree rather than the model, because texts carry no
//! positions in the model and a placeholder is best shown exactly where it stands.

use crate::diagnostic::{Code, Diagnostic};
use crate::load::tree::{Kind, Value};
use crate::scaffold::PLACEHOLDERS;

/// W014 for every string in `value` that still holds a placeholder.
pub fn check(value: &Value<'_>, out: &mut Vec<Diagnostic>) {
    match &value.kind {
        Kind::Str(s) => {
            if let Some(found) = placeholder(s) {
                out.push(Diagnostic::new(Code::Placeholder, value.span).arg("text", found));
            }
        }
        Kind::Struct { fields, .. } => fields.iter().for_each(|f| check(&f.value, out)),
        Kind::Tuple { items, .. } | Kind::List(items) => items.iter().for_each(|i| check(i, out)),
        Kind::Map(entries) => entries.iter().for_each(|(_, v)| check(v, out)),
        _ => {}
    }
}

/// The placeholder in `text`, if it holds one.
pub fn placeholder(text: &str) -> Option<&str> {
    // Every placeholder starts with a bracket, and most texts have none: look
    // only where a bracket stands (a single-character search is a memchr; this
    // check reads every string of the file).
    let mut brackets = text
        .match_indices('(')
        .chain(text.match_indices('（'))
        .map(|(i, _)| i)
        .peekable();
    brackets.peek()?;
    if let Some(p) = brackets.find_map(|i| PLACEHOLDERS.iter().find(|p| text[i..].starts_with(**p)))
    {
        return Some(p);
    }
    let t = text.trim();
    let whole =
        (t.starts_with('(') && t.ends_with(')')) || (t.starts_with('（') && t.ends_with('）'));
    // `(…)` with no other bracket inside: one phrase in brackets, not "(a) and (b)".
    let inner = t
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）']);
    (whole && !inner.contains(['(', ')', '（', '）']) && !inner.trim().is_empty()).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skeleton_phrases_and_bracketed_texts_are_placeholders_but_asides_are_not() {
        assert_eq!(placeholder("(タイトル)"), Some("(タイトル)"));
        assert_eq!(placeholder("(お客様の名前)様"), Some("(お客様の名前)"));
        assert_eq!(placeholder("（ここに台詞）"), Some("（ここに台詞）"));
        assert_eq!(
            placeholder("(What she says first)"),
            Some("(What she says first)")
        );
        assert_eq!(placeholder("緑茶2L(6本入り)を20ケース"), None);
        assert_eq!(placeholder("大西 様(丸光ドラッグ 港北店 店長)"), None);
        assert_eq!(placeholder("(R12, R14) are broken (twice)"), None);
        assert_eq!(placeholder("()"), None);
        assert_eq!(placeholder("申し訳ございません。"), None);
    }
}
