//! Fluent message catalogs for Japanese and English.
//!
//! The core's own texts (diagnostics, rule explanations, reports, the CLI) are
//! compiled in from `locales/*/`, so the binary works from any directory. The app
//! builds a larger [`Catalog`] with its screen texts on top of the same files.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::text::Lang;

/// Named arguments for a message: name and value. Values that read as numbers are
/// passed to Fluent as numbers so plural selectors work.
pub type Args<'a> = Vec<(&'a str, &'a str)>;

/// The Fluent sources the core ships, per language: (file name, text).
pub const CORE_SOURCES: [(Lang, &str, &str); 10] = [
    (
        Lang::Ja,
        "diagnostics.ftl",
        include_str!("../../../locales/ja-JP/diagnostics.ftl"),
    ),
    (
        Lang::Ja,
        "rules.ftl",
        include_str!("../../../locales/ja-JP/rules.ftl"),
    ),
    (
        Lang::Ja,
        "report.ftl",
        include_str!("../../../locales/ja-JP/report.ftl"),
    ),
    (
        Lang::Ja,
        "cli.ftl",
        include_str!("../../../locales/ja-JP/cli.ftl"),
    ),
    (
        Lang::Ja,
        "voice.ftl",
        include_str!("../../../locales/ja-JP/voice.ftl"),
    ),
    (
        Lang::En,
        "diagnostics.ftl",
        include_str!("../../../locales/en-US/diagnostics.ftl"),
    ),
    (
        Lang::En,
        "rules.ftl",
        include_str!("../../../locales/en-US/rules.ftl"),
    ),
    (
        Lang::En,
        "report.ftl",
        include_str!("../../../locales/en-US/report.ftl"),
    ),
    (
        Lang::En,
        "cli.ftl",
        include_str!("../../../locales/en-US/cli.ftl"),
    ),
    (
        Lang::En,
        "voice.ftl",
        include_str!("../../../locales/en-US/voice.ftl"),
    ),
];

pub struct Catalog {
    ja: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

/// A Fluent file that failed to parse or clashed with another.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogError {
    pub lang: Lang,
    pub file: String,
    pub message: String,
}

impl Catalog {
    /// The core's catalog plus `extra` sources (lang, file name, text).
    pub fn build(extra: &[(Lang, &str, &str)]) -> Result<Catalog, Vec<CatalogError>> {
        let mut catalog = Catalog {
            ja: bundle(Lang::Ja),
            en: bundle(Lang::En),
        };
        let mut errors = Vec::new();
        for &(lang, file, src) in CORE_SOURCES.iter().chain(extra) {
            let err = |message: String| CatalogError {
                lang,
                file: file.to_string(),
                message,
            };
            let resource = match FluentResource::try_new(src.to_string()) {
                Ok(r) => r,
                Err((_, errs)) => {
                    errors.extend(errs.into_iter().map(|e| err(format!("{e:?}"))));
                    continue;
                }
            };
            if let Err(errs) = catalog.bundle_mut(lang).add_resource(resource) {
                errors.extend(errs.into_iter().map(|e| err(format!("{e:?}"))));
            }
        }
        if errors.is_empty() {
            Ok(catalog)
        } else {
            Err(errors)
        }
    }

    fn bundle_mut(&mut self, lang: Lang) -> &mut FluentBundle<FluentResource> {
        match lang {
            Lang::Ja => &mut self.ja,
            Lang::En => &mut self.en,
        }
    }

    fn bundle(&self, lang: Lang) -> &FluentBundle<FluentResource> {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }

    pub fn has(&self, lang: Lang, id: &str) -> bool {
        self.bundle(lang).has_message(id)
    }

    /// The message `id`; a missing message shows as `⟨id⟩` rather than failing, so a
    /// gap in a translation is visible but never stops the program.
    pub fn get(&self, lang: Lang, id: &str, args: &Args) -> String {
        self.format(lang, id, None, args)
            .unwrap_or_else(|| format!("⟨{id}⟩"))
    }

    pub fn attribute(&self, lang: Lang, id: &str, attr: &str, args: &Args) -> Option<String> {
        self.format(lang, id, Some(attr), args)
    }

    fn format(&self, lang: Lang, id: &str, attr: Option<&str>, args: &Args) -> Option<String> {
        let bundle = self.bundle(lang);
        let msg = bundle.get_message(id)?;
        let pattern = match attr {
            None => msg.value()?,
            Some(a) => msg.get_attribute(a)?.value(),
        };
        let mut fargs = FluentArgs::new();
        for &(k, v) in args {
            match v.parse::<f64>() {
                Ok(n) if !v.is_empty() && !v.starts_with('+') => fargs.set(k, FluentValue::from(n)),
                _ => fargs.set(k, FluentValue::from(v)),
            }
        }
        let mut errors = Vec::new();
        Some(
            bundle
                .format_pattern(pattern, Some(&fargs), &mut errors)
                .into_owned(),
        )
    }
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = lang.locale().parse().unwrap_or_default();
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // Isolation marks (U+2068/U+2069) would show as boxes in terminals and JSON.
    b.set_use_isolating(false);
    b
}

/// The core's catalog, built once. The shipped files are checked by tests, so a
/// failure here can only come from editing them without running the tests.
pub fn core() -> &'static Catalog {
    static CORE: OnceLock<Catalog> = OnceLock::new();
    CORE.get_or_init(|| match Catalog::build(&[]) {
        Ok(c) => c,
        Err(errors) => panic!("the shipped Fluent files do not parse: {errors:?}"),
    })
}

pub fn message(lang: Lang, id: &str, args: &Args) -> String {
    core().get(lang, id, args)
}

pub fn attribute(lang: Lang, id: &str, attr: &str, args: &Args) -> Option<String> {
    core().attribute(lang, id, attr, args)
}

/// Every message id defined in a Fluent source, for completeness checks.
pub fn message_ids(src: &str) -> Vec<String> {
    src.lines()
        .filter_map(|l| {
            let (id, _) = l.split_once('=')?;
            let id = id.trim_end();
            let starts_ok = id.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
            let ok = id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            (starts_ok && ok && !l.starts_with(' ')).then(|| id.to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Code;

    #[test]
    fn shipped_sources_parse_and_define_the_same_ids_in_both_languages() {
        assert!(Catalog::build(&[]).is_ok());
        for file in [
            "diagnostics.ftl",
            "rules.ftl",
            "report.ftl",
            "cli.ftl",
            "voice.ftl",
        ] {
            let ids = |lang| {
                let (_, _, src) = CORE_SOURCES
                    .iter()
                    .find(|(l, f, _)| *l == lang && *f == file)
                    .unwrap();
                let mut v = message_ids(src);
                v.sort();
                v
            };
            assert_eq!(
                ids(Lang::Ja),
                ids(Lang::En),
                "{file} differs between ja and en"
            );
        }
    }

    #[test]
    fn every_diagnostic_code_has_a_message_and_hint_in_both_languages() {
        for code in Code::ALL {
            for lang in Lang::ALL {
                assert!(
                    core().has(lang, code.as_str()),
                    "{} missing in {lang:?}",
                    code.as_str()
                );
                assert!(
                    core()
                        .attribute(lang, code.as_str(), "hint", &vec![])
                        .is_some(),
                    "{} has no hint in {lang:?}",
                    code.as_str()
                );
            }
        }
    }

    #[test]
    fn numbers_are_passed_as_numbers_and_missing_ids_are_visible() {
        let c = core();
        assert_eq!(
            c.get(Lang::En, "no-such-message", &vec![]),
            "⟨no-such-message⟩"
        );
        let s = c.get(
            Lang::En,
            "E002",
            &vec![("size", "5000000"), ("limit", "4194304")],
        );
        assert!(s.contains("5,000,000") || s.contains("5000000"), "{s}");
    }
}
