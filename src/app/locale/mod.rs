//! The app's words: the core's Fluent catalog plus `locales/*/ui.ftl`, and
//! [`Tr`], the one way screens turn a message id into text in the chosen language.
//!
//! Convention, checked by a test: UI text is written as `tr.text("id")` or
//! `tr.args("id", …)` with a literal id, so every id in `src/app` can be found
//! and checked against both locales. `tr.key(…)` is for ids built at run time
//! from the core's vocabularies (outcomes, steps, rule ids), checked separately.

#[cfg(test)]
mod tests;

use std::sync::Arc;

use bevy::prelude::*;
use claim_dojo_core::i18n::{Catalog, CatalogError};
use claim_dojo_core::{Lang, Text};

pub const UI_SOURCES: [(Lang, &str, &str); 2] = [
    (
        Lang::Ja,
        "ui.ftl",
        include_str!("../../../locales/ja-JP/ui.ftl"),
    ),
    (
        Lang::En,
        "ui.ftl",
        include_str!("../../../locales/en-US/ui.ftl"),
    ),
];

/// The catalog, shared by every screen.
#[derive(Resource, Clone)]
pub struct Texts(Arc<Catalog>);

impl Texts {
    /// The core's messages and the UI's. A broken `ui.ftl` (the tests forbid
    /// it) still leaves the core's texts, and every UI id shows as `⟨id⟩`.
    pub fn load() -> Texts {
        match Catalog::build(&UI_SOURCES) {
            Ok(c) => Texts(Arc::new(c)),
            Err(errors) => {
                report(&errors);
                Texts(Arc::new(Catalog::build(&[]).unwrap_or_else(|_| {
                    unreachable!("the core's catalog is tested")
                })))
            }
        }
    }

    pub fn tr(&self, lang: Lang) -> Tr<'_> {
        Tr {
            catalog: &self.0,
            lang,
        }
    }
}

fn report(errors: &[CatalogError]) {
    for e in errors {
        error!("{} ({:?}): {}", e.file, e.lang, e.message);
    }
}

/// Text in one language.
#[derive(Clone, Copy)]
pub struct Tr<'a> {
    catalog: &'a Catalog,
    pub lang: Lang,
}

impl Tr<'_> {
    /// A message without arguments; the id must be a literal (see the module doc).
    pub fn text(&self, id: &'static str) -> String {
        self.catalog.get(self.lang, id, &Vec::new())
    }

    /// A message with named arguments.
    pub fn args(&self, id: &'static str, args: &[(&str, &str)]) -> String {
        self.catalog.get(self.lang, id, &args.to_vec())
    }

    /// A message whose id is built at run time from the core's vocabulary.
    pub fn key(&self, id: &str) -> String {
        self.catalog.get(self.lang, id, &Vec::new())
    }

    /// An attribute of a message whose id is built at run time (e.g. a hint).
    pub fn key_attr(&self, id: &str, attr: &str) -> Option<String> {
        self.catalog.attribute(self.lang, id, attr, &Vec::new())
    }

    /// A scenario text in this language.
    pub fn pick<'t>(&self, text: &'t Text) -> &'t str {
        text.get(self.lang)
    }
}
