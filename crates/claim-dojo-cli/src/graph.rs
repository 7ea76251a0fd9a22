//! `claim-dojo graph SCENARIO --format dot|mermaid [--from NODE] [--depth N]`.

use std::path::Path;

use claim_dojo_core::graph::{self, GraphError, Options};
use claim_dojo_core::{Lang, i18n};

use super::{Format, GraphFormat, Io, load_scenario};

pub fn run(scenario: &Path, format: GraphFormat, options: &Options, lang: Lang, io: &mut Io) -> u8 {
    let Some(s) = load_scenario(scenario, Format::Human, lang, io) else {
        return 1;
    };
    let format = match format {
        GraphFormat::Dot => graph::Format::Dot,
        GraphFormat::Mermaid => graph::Format::Mermaid,
    };
    match graph::draw(&s, lang, format, options) {
        Ok(text) => {
            let _ = write!(io.out, "{text}");
            0
        }
        Err(GraphError::NoNode(id)) => {
            let _ = writeln!(
                io.err,
                "{}",
                i18n::message(lang, "cli-graph-no-node", &vec![("id", id.as_str())])
            );
            2
        }
    }
}
