//! docs/authoring.md works when followed word for word: the scenario it gives
//! validates clean, the plays it shows end as it says, the deliberate typo gives
//! the one diagnostic it prints, and the expert playthrough meets its expectations.

mod common;

use std::sync::Arc;

use claim_dojo_core::play;
use claim_dojo_core::scenario::Outcome;

fn blocks() -> Vec<String> {
    let doc = std::fs::read_to_string(common::root().join("docs/authoring.md")).unwrap();
    let mut out = Vec::new();
    let mut rest = doc.as_str();
    while let Some(i) = rest.find("```ron\n") {
        let body = &rest[i + 7..];
        let end = body.find("```").unwrap();
        out.push(body[..end].to_string());
        rest = &body[end..];
    }
    out
}

#[test]
fn the_tutorial_scenario_validates_clean_and_plays_as_described() {
    let b = blocks();
    let loaded = claim_dojo_core::load_str("scenarios/return-postage.ron", &b[0]);
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    let s = Arc::new(loaded.scenario.unwrap());

    let mut good = play::session(&s, 1);
    let path: Vec<String> = ["hear-her-out", "check-order", "own-it", "free-return"]
        .iter()
        .map(|c| c.to_string())
        .collect();
    play::run_choices(&mut good, &path).unwrap();
    let card = good.finish();
    assert_eq!(card.outcome, Outcome::Resolved);
    assert!(card.deescalation.passed && card.steps_in_order());

    let mut bad = play::session(&s, 1);
    play::run_choices(&mut bad, &["policy-first".to_string()]).unwrap();
    let card = bad.finish();
    assert_eq!(card.outcome, Outcome::HungUp);
    let broken: Vec<String> = card.broken().map(|r| r.to_string()).collect();
    for r in ["R01", "R03", "R05", "R06", "R11"] {
        assert!(broken.contains(&r.to_string()), "{r} in {broken:?}");
    }

    let script = play::parse_script("return-postage.expert.ron", &b[1]).unwrap();
    let mut expert = play::session(&s, 1);
    play::run_script(&mut expert, &script).unwrap();
    let unmet = play::unmet(&expert.finish(), script.expect.as_ref().unwrap());
    assert!(unmet.is_empty(), "{unmet:?}");
}

#[test]
fn the_deliberate_typo_gives_exactly_the_diagnostic_shown() {
    let src = blocks()[0].replace("next: \"confirmed\"", "next: \"confirmd\"");
    let loaded = claim_dojo_core::load_str("scenarios/return-postage.ron", &src);
    let errors: Vec<_> = loaded.errors().collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(
        (errors[0].code.as_str(), errors[0].line, errors[0].column),
        ("E025", 74, 27)
    );
    let doc = std::fs::read_to_string(common::root().join("docs/authoring.md")).unwrap();
    let shown = claim_dojo_core::diagnostic::render::human(errors[0], claim_dojo_core::Lang::Ja);
    for line in shown.lines().filter(|l| !l.trim().is_empty()) {
        assert!(
            doc.contains(line.trim_end()),
            "the tutorial does not show: {line}"
        );
    }
}

/// Step 1 shows what `validate` prints for the skeleton: its first placeholder
/// warning, the line that counts the rest, and the summary with no errors.
#[test]
fn the_skeleton_validates_as_step_one_shows() {
    use claim_dojo_core::scaffold::skeleton;
    use claim_dojo_core::scenario::Role;
    use claim_dojo_core::{Lang, i18n};
    let file = "scenarios/return-postage.ron";
    let loaded = claim_dojo_core::load_str(file, &skeleton("return-postage", Role::Primary));
    assert!(!loaded.has_errors());
    let doc = std::fs::read_to_string(common::root().join("docs/authoring.md")).unwrap();
    let step = &doc[doc.find("## 1. ").unwrap()..doc.find("## 2. ").unwrap()];
    let shown = claim_dojo_core::diagnostic::render::human_all(&loaded.diagnostics, Lang::Ja);
    let first = claim_dojo_core::diagnostic::render::human(&loaded.diagnostics[0], Lang::Ja);
    let more = shown.lines().rev().find(|l| !l.trim().is_empty()).unwrap();
    for line in first.lines().chain([more]).filter(|l| !l.trim().is_empty()) {
        assert!(
            step.contains(line.trim_end()),
            "step 1 does not show: {line}"
        );
    }
    let warnings = loaded.diagnostics.len().to_string();
    let summary = i18n::message(
        Lang::Ja,
        "cli-validate-summary",
        &vec![
            ("files", "1"),
            ("errors", "0"),
            ("warnings", warnings.as_str()),
        ],
    );
    assert!(step.contains(&summary), "step 1 does not show: {summary}");
}

/// The guide's example of a call that remembers is the shipped
/// supervisor-demand: each choice it shows has the same destination, tags,
/// brief and flags there.
#[test]
fn the_memory_example_is_what_the_shipped_scenario_does() {
    use claim_dojo_core::scenario::{Choice, Node};
    let ron =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let shipped =
        claim_dojo_core::load_file(&common::root().join("scenarios/supervisor-demand.ron"))
            .scenario
            .expect("supervisor-demand loads");
    let memory: Vec<String> = blocks()
        .into_iter()
        .filter(|b| b.contains("sets:") || b.contains("if_set:"))
        .collect();
    assert_eq!(
        memory.len(),
        2,
        "the choices that set, and the node that tests"
    );
    let mut shown: Vec<Choice> = ron.from_str(&format!("[{}]", memory[0])).unwrap();
    let node: Node = ron
        .from_str(memory[1].trim().trim_end_matches(','))
        .unwrap();
    assert!(shipped.node(&node.id).is_some(), "{}", node.id);
    shown.extend(node.choices);
    assert!(shown.len() >= 5);
    for c in &shown {
        let (_, real) = shipped
            .choices()
            .find(|(_, r)| r.id == c.id)
            .unwrap_or_else(|| panic!("{} is not in supervisor-demand", c.id));
        assert_eq!(
            (
                &c.next,
                &c.tags,
                &c.brief,
                &c.sets,
                &c.if_set,
                &c.unless_set
            ),
            (
                &real.next,
                &real.tags,
                &real.brief,
                &real.sets,
                &real.if_set,
                &real.unless_set
            ),
            "{}",
            c.id
        );
    }
}

#[test]
fn a_path_calm_in_the_window_that_ends_in_a_hang_up_is_never_called_passing() {
    // The tutorial's call with its good ending turned into a hang-up: the calm
    // came in the window, and the call was still lost.
    let src = blocks()[0].replace("ending: Resolved,", "ending: HungUp,");
    let s = Arc::new(
        claim_dojo_core::load_str("scenarios/return-postage.ron", &src)
            .scenario
            .unwrap(),
    );
    let a = claim_dojo_core::analyze::analyze(&s, &Default::default());
    let best = a.best.as_ref().unwrap();
    assert_eq!(best.outcome, "hung_up");
    assert!(
        best.deescalation_passed,
        "the window's calm is still scored"
    );
    assert!(a.passing.is_none(), "no passing path ends in a hang-up");
    let text = claim_dojo_core::analyze::human(&a, claim_dojo_core::Lang::En);
    let best_line = text.lines().find(|l| l.starts_with("Best path:")).unwrap();
    assert!(
        !best_line.contains("passes") && best_line.contains("the call was lost later"),
        "{best_line}"
    );
    assert!(text.contains("No path passes the 3-minute check and keeps the call"));

    let mut lost = play::session(&s, 1);
    play::run_choices(&mut lost, &best.choices).unwrap();
    let card = lost.finish();
    let report = claim_dojo_core::report::Report::build(&lost, &card);
    let said = claim_dojo_core::report::human::human(&report, claim_dojo_core::Lang::En);
    assert!(said.contains("the call was lost later"), "{said}");
}
