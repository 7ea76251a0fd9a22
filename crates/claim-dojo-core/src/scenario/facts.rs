//! Recognising a scenario's declared facts in what someone wrote or said: both
//! sides are normalised the same way (NFKC, lower case, katakana read as
//! hiragana, white space and punctuation dropped), then a fact is found when the
//! text holds one of its forms. Kanji and kana spellings of one word are
//! different forms: the author lists them.

use unicode_normalization::UnicodeNormalization;

use super::model::FactSet;

/// The text as it is compared: `ＨＤ－２０５８１` and `hd 20581` both read `hd20581`.
pub fn normalise(s: &str) -> String {
    let fold = |c: char| c.to_lowercase().map(katakana_as_hiragana);
    let keep = |c: &char| !c.is_whitespace() && !is_punctuation(*c);
    // Most text is already NFKC (plain kana, kanji, ASCII): the quick check
    // spares it the decomposition tables, which would cost more than the rest
    // of a scripted session.
    if unicode_normalization::is_nfkc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        s.chars().flat_map(fold).filter(keep).collect()
    } else {
        s.nfkc().flat_map(fold).filter(keep).collect()
    }
}

fn katakana_as_hiragana(c: char) -> char {
    match c {
        'ァ'..='ヶ' | 'ヽ' | 'ヾ' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
        _ => c,
    }
}

/// Punctuation that writers use freely around the same fact (「」、。・…〜 and
/// ASCII marks, which NFKC has already made of the full-width ones). The long
/// vowel mark ー is part of words and stays.
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '、' | '。'
                | '・'
                | '「'
                | '」'
                | '『'
                | '』'
                | '【'
                | '】'
                | '…'
                | '〜'
                | '～'
                | '‐'
                | '−'
                | '–'
                | '—'
        )
}

/// The facts (by position in `forms`, already normalised) that `text` holds.
pub fn found_in(forms: &[Vec<String>], text: &str) -> FactSet {
    if forms.is_empty() {
        return 0;
    }
    let text = normalise(text);
    forms
        .iter()
        .enumerate()
        .take(super::model::MAX_FACTS)
        .filter(|(_, fs)| {
            fs.iter()
                .any(|f| !f.is_empty() && text.contains(f.as_str()))
        })
        .fold(0, |acc, (i, _)| acc | 1 << i)
}

/// How many facts a set holds.
pub fn count(set: FactSet) -> u32 {
    set.count_ones()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_and_half_width_case_spaces_and_punctuation_read_alike() {
        assert_eq!(normalise("ＨＤ－２０５８１"), "hd20581");
        assert_eq!(normalise("hd 20581"), "hd20581");
        assert_eq!(normalise("１１／２０"), normalise("11/20"));
        assert_eq!(normalise("「返金」。"), "返金");
    }

    #[test]
    fn katakana_reads_as_hiragana_and_the_long_vowel_mark_stays() {
        assert_eq!(normalise("ヘルメット"), "へるめっと");
        assert_eq!(normalise("ﾍﾙﾒｯﾄ"), "へるめっと", "half-width katakana too");
        assert_eq!(normalise("メール"), "めーる");
    }

    #[test]
    fn a_fact_is_found_by_any_of_its_forms() {
        let forms = vec![
            vec![normalise("HD-20581"), normalise("20581")],
            vec![normalise("午前中"), normalise("ごぜんちゅう")],
            vec![normalise("15時"), normalise("3時")],
        ];
        assert_eq!(found_in(&forms, "注文 ２０５８１、ゴゼンチュウ指定"), 0b011);
        assert_eq!(found_in(&forms, "x"), 0);
        assert_eq!(count(found_in(&forms, "hd20581 午前中 3時")), 3);
    }
}
