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
