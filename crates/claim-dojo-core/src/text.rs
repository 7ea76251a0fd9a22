//! Scenario text in both languages, and the language a reader has chosen.

use serde::{Deserialize, Serialize};

/// A language the product ships in. Japanese is first: it is the default wherever
/// nothing else is known, and scenario timing is measured on the Japanese text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Ja, Lang::En];

    /// The BCP 47 tag of the Fluent locale folder (`locales/ja-JP`, `locales/en-US`).
    pub fn locale(self) -> &'static str {
        match self {
            Lang::Ja => "ja-JP",
            Lang::En => "en-US",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    /// Reads `ja`, `en`, `ja-JP`, `en_US.UTF-8` and the like; anything else is `None`.
    pub fn parse(s: &str) -> Option<Lang> {
        let head = s
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match head.as_str() {
            "ja" | "jp" => Some(Lang::Ja),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A piece of text written by a trainer, in Japanese and English.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub ja: String,
    pub en: String,
}

impl Text {
    pub fn new(ja: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            ja: ja.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }

    /// The length that sets how long a line takes to say: Japanese characters that
    /// are not white space. English is shown over the same time, so a session never
    /// depends on the language it is displayed in.
    pub fn spoken_chars(&self) -> usize {
        self.ja.chars().filter(|c| !c.is_whitespace()).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_parses_system_locales_and_rejects_others() {
        assert_eq!(Lang::parse("ja_JP.UTF-8"), Some(Lang::Ja));
        assert_eq!(Lang::parse("en-US"), Some(Lang::En));
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("fr_FR"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn spoken_length_counts_japanese_without_spaces() {
        let t = Text::new("はい、 承知 しました", "Yes, certainly");
        assert_eq!(t.spoken_chars(), 9);
    }
}
