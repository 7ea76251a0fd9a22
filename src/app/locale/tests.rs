//! Every message id the app uses exists in both languages, and both `ui.ftl`
//! files define the same ids; ids built at run time from the core's
//! vocabularies are checked against every value they can take.

use std::path::Path;

use claim_dojo_core::i18n::message_ids;
use claim_dojo_core::rules::RuleId;
use claim_dojo_core::scenario::Outcome;
use claim_dojo_core::scoring::StepStatus;
use claim_dojo_core::{Code, Lang};

use super::{Texts, UI_SOURCES};

/// Literal ids passed to `.text("…")` or `.args("…"` in `src/app` (also when
/// rustfmt puts the id on the next line), with the file each came from.
/// Comments are skipped.
fn ids_in_code() -> Vec<(String, String)> {
    let mut found = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app");
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|x| x != "rs") {
                continue;
            }
            let src = std::fs::read_to_string(&path).unwrap();
            let code: String = src
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            for call in [".text(", ".args("] {
                for (at, _) in code.match_indices(call) {
                    let rest = code[at + call.len()..].trim_start();
                    if let Some(literal) = rest.strip_prefix('"')
                        && let Some(end) = literal.find('"')
                        && end > 0
                        && literal[..end]
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '-')
                    {
                        found.push((literal[..end].to_string(), path.display().to_string()));
                    }
                }
            }
        }
    }
    found
}

#[test]
fn every_id_used_in_the_app_exists_in_both_languages() {
    let texts = Texts::load();
    let used = ids_in_code();
    assert!(
        used.len() > 100,
        "the scan found only {} ids: is the pattern still right?",
        used.len()
    );
    let missing: Vec<_> = used
        .iter()
        .flat_map(|(id, file)| {
            Lang::ALL
                .into_iter()
                .filter(|l| !texts.0.has(*l, id))
                .map(move |l| format!("{id} ({l:?}) in {file}"))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "missing messages:\n{}",
        missing.join("\n")
    );
}

#[test]
fn both_ui_files_parse_and_define_the_same_ids_all_used() {
    assert!(
        claim_dojo_core::i18n::Catalog::build(&UI_SOURCES).is_ok(),
        "ui.ftl does not parse"
    );
    let ids = |lang: Lang| {
        let (_, _, src) = UI_SOURCES.iter().find(|(l, _, _)| *l == lang).unwrap();
        let mut v = message_ids(src);
        v.sort();
        v
    };
    assert_eq!(
        ids(Lang::Ja),
        ids(Lang::En),
        "ja-JP and en-US ui.ftl differ"
    );
    let used: Vec<String> = ids_in_code().into_iter().map(|(id, _)| id).collect();
    let unused: Vec<_> = ids(Lang::Ja)
        .into_iter()
        .filter(|id| !used.contains(id))
        .collect();
    assert!(
        unused.is_empty(),
        "ui.ftl has messages no code uses: {unused:?}"
    );
}

#[test]
fn ids_built_at_run_time_exist_for_every_value() {
    let texts = Texts::load();
    let mut ids: Vec<String> = Outcome::ALL
        .iter()
        .map(|o| format!("outcome-{}", o.key()))
        .collect();
    ids.extend((1..=4).map(|s| format!("step-{s}")));
    ids.extend(
        [StepStatus::Done, StepStatus::Missed, StepStatus::OutOfOrder]
            .map(|s| format!("step-status-{}", s.key())),
    );
    ids.extend(
        [
            "deescalation",
            "step1",
            "step2",
            "step3",
            "step4",
            "rules",
            "outcome",
        ]
        .map(|p| format!("score-part-{p}")),
    );
    ids.extend(["rule-status-kept", "rule-status-broken", "report-steps"].map(String::from));
    ids.extend(RuleId::ALL.iter().map(|r| r.to_string()));
    ids.extend(Code::ALL.iter().map(|c| c.as_str().to_string()));
    for lang in Lang::ALL {
        for id in &ids {
            assert!(texts.0.has(lang, id), "{id} missing in {lang:?}");
        }
    }
}

#[test]
fn a_missing_id_shows_as_itself_rather_than_nothing() {
    let texts = Texts::load();
    assert_eq!(texts.tr(Lang::En).key("no-such-id"), "⟨no-such-id⟩");
    assert_eq!(texts.tr(Lang::Ja).text("app-name"), "クレーム道場");
    assert_eq!(texts.tr(Lang::En).text("app-name"), "Claim Dojo");
}
