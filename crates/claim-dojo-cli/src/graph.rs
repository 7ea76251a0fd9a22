//! `claim-dojo graph SCENARIO --format dot|mermaid`.

use std::path::Path;

use claim_dojo_core::{Lang, graph};

use super::{Format, GraphFormat, Io, load_scenario};

pub fn run(scenario: &Path, format: GraphFormat, lang: Lang, io: &mut Io) -> u8 {
    let Some(s) = load_scenario(scenario, Format::Human, lang, io) else {
        return 1;
    };
    let text = match format {
        GraphFormat::Dot => graph::dot(&s, lang),
        GraphFormat::Mermaid => graph::mermaid(&s, lang),
    };
    let _ = write!(io.out, "{text}");
    0
}
