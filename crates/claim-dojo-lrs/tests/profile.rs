//! The profile in docs/xapi.md is what the code makes: its complete example
//! is the statement of a fixture session, byte for byte (as pretty JSON);
//! and the statements of one session share a registration, have stable ids,
//! and pass or fail by the 3-minute check and the score threshold.

mod support;

use std::path::Path;

use claim_dojo_core::play::Policy;
use claim_dojo_lrs::{Profile, SessionFacts, statements};
use support::*;

fn doc_example() -> String {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/xapi.md"))
            .unwrap();
    let start = doc
        .find("<!-- example statement -->")
        .expect("the example's marker");
    let block = &doc[start..];
    let open = block.find("```json\n").unwrap() + "```json\n".len();
    let close = block[open..].find("```").unwrap();
    block[open..open + close].to_string()
}

#[test]
fn the_documented_example_is_what_the_code_makes_for_the_fixture_session() {
    let report = report(LATE, 1, Policy::Plausible);
    let facts = SessionFacts {
        uid: "app-0f1e2d3c",
        trainee: "佐藤",
        started_at: at(0),
        ended_at: at(3),
        report_json: &report,
    };
    let mut profile = Profile::default();
    profile.titles.insert(
        "late-parcel".into(),
        ("荷物が届かない".into(), "The parcel that never came".into()),
    );
    let made = statements(&profile, &facts).unwrap();
    assert_eq!(made.len(), 3);
    let shown = format!("{}\n", serde_json::to_string_pretty(&made[2]).unwrap());
    assert_eq!(
        doc_example(),
        shown,
        "docs/xapi.md's example is not what the code makes; the code makes:\n{shown}"
    );
}

#[test]
fn a_sessions_statements_share_a_registration_and_keep_their_ids() {
    let good = report(LATE, 1, Policy::Plausible);
    let silent = report(LATE, 1, Policy::Silent);
    let facts = |json: &'static str, uid: &'static str| SessionFacts {
        uid,
        trainee: "Suzuki",
        started_at: at(0),
        ended_at: at(3),
        report_json: json,
    };
    let good: &'static str = Box::leak(good.into_boxed_str());
    let silent: &'static str = Box::leak(silent.into_boxed_str());
    let p = Profile::default();
    let a = statements(&p, &facts(good, "u1")).unwrap();
    let again = statements(&p, &facts(good, "u1")).unwrap();
    let other = statements(&p, &facts(good, "u2")).unwrap();
    assert_eq!(a, again, "the same session makes the same statements");
    let reg = &a[0]["context"]["registration"];
    assert!(a.iter().all(|s| &s["context"]["registration"] == reg));
    assert_ne!(other[0]["id"], a[0]["id"]);
    assert_ne!(other[0]["context"]["registration"], *reg);
    let verbs: Vec<&str> = a
        .iter()
        .map(|s| s["verb"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(verbs[0], "http://adlnet.gov/expapi/verbs/attempted");
    assert_eq!(verbs[1], "http://adlnet.gov/expapi/verbs/completed");
    // Staying silent never passes; the verb follows the result's success.
    let s = statements(&p, &facts(silent, "u3")).unwrap();
    assert_eq!(s[2]["verb"]["id"], "http://adlnet.gov/expapi/verbs/failed");
    assert_eq!(s[2]["result"]["success"], false);
    for made in [&a, &s] {
        let success = made[2]["result"]["success"].as_bool().unwrap();
        let verb = if success { "passed" } else { "failed" };
        assert_eq!(
            made[2]["verb"]["id"],
            format!("http://adlnet.gov/expapi/verbs/{verb}")
        );
    }
    // A threshold above any score fails even a good call.
    let strict = Profile {
        pass_scaled: 1.01,
        ..Profile::default()
    };
    let s = statements(&strict, &facts(good, "u1")).unwrap();
    assert_eq!(s[2]["result"]["success"], false);
}
