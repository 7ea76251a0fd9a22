//! Recognising a scenario's declared facts in what someone wrote or said: both
//! sides are normalised the same way (NFKC, lower case, katakana read as
//! hiragana, white space and punctuation dropped), then a fact is found when the
//! text holds one of its forms. Kanji and kana spellings of one word are
//! different forms: the author lists them.

use unicode_normalization::UnicodeNormalization;

use super::model::FactSet;

/// The text as it is compared: `ＨＤ－２０５８１` and `hd 20581` both read `hd20581`.
pub fn normalise(s: &str) -> String {
    // Memos and handoff forms are normalised on every write, which made this the
    // costliest step of a scripted session; most of what trainees type (ASCII,
    // kana, kanji, 、。「」) is left alone by NFKC and has no case, so it is
    // folded here without the Unicode tables.
    let mut out = String::with_capacity(s.len());
    let ascii = |c: char, out: &mut String| {
        if !c.is_whitespace() && !c.is_ascii_punctuation() {
            out.push(c.to_ascii_lowercase());
        }
    };
    for c in s.chars() {
        match c {
            '\u{0}'..='\u{7f}' => ascii(c, &mut out),
            // NFKC reads full-width ASCII (ＨＤ－２０５８１) as ASCII.
            '\u{ff01}'..='\u{ff5e}' => {
                ascii(char::from_u32(c as u32 - 0xfee0).unwrap_or(c), &mut out)
            }
            // Punctuation (、。「」『』【】〜・…—–‐−) and the full-width space:
            // dropped, as NFKC and `is_punctuation` would drop them.
            '\u{3001}'..='\u{3002}'
            | '\u{300c}'..='\u{3011}'
            | '\u{301c}'
            | '\u{30fb}'
            | '\u{2010}'
            | '\u{2013}'..='\u{2014}'
            | '\u{2026}'
            | '\u{2212}'
            | '\u{3000}' => {}
            'ァ'..='ヶ' => out.push(katakana_as_hiragana(c)),
            '\u{3005}'
            | '\u{3041}'..='\u{3096}'
            | '\u{30f7}'..='\u{30fa}'
            | '\u{30fc}'
            | '\u{4e00}'..='\u{9fff}'
            | '\u{3007}'
            | '\u{2018}'..='\u{2019}'
            | '\u{201c}'..='\u{201d}'
            | '\u{2190}'..='\u{2193}' => out.push(c),
            _ => return normalise_unicode(s),
        }
    }
    out
}

/// The characters `normalise` reads without the Unicode tables: NFKC leaves
/// them as they are (or, for full-width ASCII, maps them one to one), and none
/// has a lower case other than ASCII's.
#[cfg(test)]
fn is_plain(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{7f}'
            | '\u{3001}'..='\u{3002}'
            | '\u{3005}'
            | '\u{300c}'..='\u{3011}'
            | '\u{301c}'
            | '\u{3041}'..='\u{3096}'
            | '\u{30a1}'..='\u{30fc}'
            | '\u{4e00}'..='\u{9fff}'
            | '\u{2190}'..='\u{2193}'
            | '\u{ff01}'..='\u{ff5e}'
            | '\u{2010}'
            | '\u{2013}'..='\u{2014}'
            | '\u{2026}'
            | '\u{2212}'
            | '\u{3000}'
            | '\u{3007}'
            | '\u{2018}'..='\u{2019}'
            | '\u{201c}'..='\u{201d}'
    )
}

/// The general case: NFKC, then Unicode lower case.
fn normalise_unicode(s: &str) -> String {
    let fold = |c: char| c.to_lowercase().map(katakana_as_hiragana);
    let keep = |c: &char| !c.is_whitespace() && !is_punctuation(*c);
    // Most text is already NFKC: the quick check spares it the decomposition
    // tables.
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
    fn the_plain_path_reads_every_plain_character_as_the_unicode_path_does() {
        let ranges = [
            0u32..0x80,
            0x3001..0x3003,
            0x3005..0x3006,
            0x300c..0x3012,
            0x301c..0x301d,
            0x3041..0x3097,
            0x30a1..0x30fd,
            0x4e00..0xa000,
            0x2190..0x2194,
            0xff01..0xff5f,
            0x2010..0x2011,
            0x2013..0x2015,
            0x2026..0x2027,
            0x2212..0x2213,
            0x3000..0x3001,
            0x3007..0x3008,
            0x2018..0x201a,
            0x201c..0x201e,
        ];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            assert!(is_plain(c), "{c:?}");
            let s = format!("a{c}ア");
            assert_eq!(
                normalise(&s),
                normalise_unicode(&s),
                "{c:?} U+{:04X}",
                c as u32
            );
        }
        // Just outside the plain set: NFKC or a lower case changes them, and
        // the whole text takes the Unicode path.
        for c in ['ヾ', 'ヿ', '゛', 'ｱ', 'É', '㈱', '①', '\u{2015}'] {
            assert!(!is_plain(c), "{c:?}");
            let s = format!("ＨＤ{c}ア");
            assert_eq!(normalise(&s), normalise_unicode(&s), "{c:?}");
        }
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
