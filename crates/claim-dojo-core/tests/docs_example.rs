//! The complete example in docs/scenario-format.md is a real, clean scenario.

mod common;

#[test]
fn the_documented_example_validates_clean_and_plays() {
    let doc = std::fs::read_to_string(common::root().join("docs/scenario-format.md")).unwrap();
    let start = doc.find("```ron\n").expect("a ron block") + 7;
    let end = start + doc[start..].find("```").unwrap();
    let loaded = claim_dojo_core::load_str("example-late-parcel.ron", &doc[start..end]);
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    let scenario = std::sync::Arc::new(loaded.scenario.unwrap());
    let mut s = claim_dojo_core::play::session(&scenario, 1);
    claim_dojo_core::play::run_choices(&mut s, &["accept".into(), "callback-dated".into()])
        .unwrap();
    let card = s.finish();
    assert_eq!(card.outcome, claim_dojo_core::scenario::Outcome::FollowUp);
}

/// Every diagnostic code is in the table of docs/scenario-format.md, with what
/// it means and an example of what gives it.
#[test]
fn every_diagnostic_code_is_documented_with_an_example() {
    let doc = std::fs::read_to_string(common::root().join("docs/scenario-format.md")).unwrap();
    let table = &doc[doc.find("## Diagnostics").expect("a Diagnostics section")..];
    for code in claim_dojo_core::Code::ALL {
        let code = code.as_str();
        let row = table
            .lines()
            .find(|l| l.starts_with(&format!("| {code} |")))
            .unwrap_or_else(|| panic!("{code} is not in the table of diagnostics"));
        let cells: Vec<&str> = row.split(" | ").map(str::trim).collect();
        assert!(
            cells.len() >= 3
                && cells[1].len() > 5
                && cells[2].trim_end_matches('|').trim().len() > 5,
            "{code} needs a meaning and an example: {row}"
        );
    }
}
