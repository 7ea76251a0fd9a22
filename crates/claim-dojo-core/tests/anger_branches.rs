//! A choice may lead elsewhere depending on the anger its words leave:
//! `if_angry` when the customer is still at least that angry, `if_calm` once in
//! the calm band, else `next`. The same words land differently on a furious
//! customer, and a trainer can write that.

use std::sync::Arc;

use claim_dojo_core::scenario::Outcome;
use claim_dojo_core::session::{Action, Session};
use claim_dojo_core::{Lang, Scenario, graph, load_str};

/// Three answers with the same branches; only their anger differs.
const SCENARIO: &str = r#"Scenario(
    format: 1,
    id: "branches",
    title: (ja: "分岐", en: "Branches"),
    summary: (ja: "怒りで分かれる", en: "Split by anger"),
    role: Primary,
    difficulty: 1,
    minutes: 2,
    rules: ["R03", "R06"],
    persona: (
        name: (ja: "田中様", en: "Mr Tanaka"),
        background: (ja: "注文の件", en: "About an order"),
        anger: 50,
        calm_below: 35,
        hang_up_at: 95,
        volatility: 1.0,
        patience_s: 6,
        chars_per_s: 8,
    ),
    facts: [(id: "parcel", name: (ja: "荷物", en: "the parcel"), forms: ["荷物"])],
    start: "open",
    nodes: [
        (
            id: "open",
            customer: (ja: "荷物が届かないんですけど。", en: "My parcel hasn't arrived."),
            choices: [
                (
                    id: "soothe",
                    text: (ja: "ご心配をおかけして申し訳ございません。", en: "I'm sorry to have worried you."),
                    next: "middle", if_angry: (at_least: 70, next: "refuses"), if_calm: "accepts",
                    anger: -10,
                    tags: [FeelingsApology],
                ),
                (
                    id: "plain",
                    text: (ja: "お調べいたします。", en: "Let me look into it."),
                    next: "middle", if_angry: (at_least: 70, next: "refuses"), if_calm: "accepts",
                    tags: [Empathises],
                ),
                (
                    id: "provoke",
                    text: (ja: "配送業者の遅れが原因でして。", en: "The courier is running late."),
                    next: "middle", if_angry: (at_least: 70, next: "refuses"), if_calm: "accepts",
                    anger: 10,
                    tags: [Excuse],
                ),
            ],
        ),
        (id: "middle", customer: (ja: "それで?", en: "And?"), ending: Escalated),
        (id: "refuses", customer: (ja: "もう結構です。", en: "Forget it."), ending: SecondaryComplaint),
        (id: "accepts", customer: (ja: "それなら安心しました。", en: "That's a relief."), ending: Resolved),
    ],
)"#;

fn scenario() -> Arc<Scenario> {
    let loaded = load_str("branches.ron", SCENARIO);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    Arc::new(loaded.scenario.unwrap())
}

/// Answers `choice` when the customer has finished, and plays the call out.
fn outcome_after(choice: &str) -> (f64, Outcome) {
    let mut s = Session::new(scenario(), 7);
    s.advance_ms(s.time_to_turn().unwrap() + 1000);
    s.act(Action::Choose {
        choice: choice.into(),
    })
    .unwrap();
    let anger = s.anger();
    let upcoming = s.upcoming_node().map(|i| s.scenario().nodes[i].id.clone());
    let expected = match choice {
        "soothe" => "accepts",
        "plain" => "middle",
        _ => "refuses",
    };
    assert_eq!(
        upcoming.as_deref(),
        Some(expected),
        "known as soon as it is said"
    );
    (anger, s.finish().outcome)
}

#[test]
fn the_anger_left_by_the_words_picks_the_next_node() {
    let (calm, o) = outcome_after("soothe");
    assert!(calm < 35.0, "{calm}");
    assert_eq!(o, Outcome::Resolved, "calm band: if_calm");
    let (mid, o) = outcome_after("plain");
    assert!((35.0..70.0).contains(&mid), "{mid}");
    assert_eq!(o, Outcome::Escalated, "neither: next");
    let (angry, o) = outcome_after("provoke");
    assert!((70.0..95.0).contains(&angry), "{angry}");
    assert_eq!(o, Outcome::SecondaryComplaint, "still angry: if_angry");
}

#[test]
fn the_graph_draws_each_branch_dashed_with_its_condition() {
    let s = scenario();
    let dot = graph::dot(&s, Lang::En);
    let drawn = |from_to: &str, label: &str| {
        dot.lines()
            .any(|l| l.contains(from_to) && l.contains(label) && l.contains("style=dashed"))
    };
    assert!(
        drawn(
            r#""open" -> "refuses""#,
            r#"[label="provoke (anger ≥ 70, +"#
        ),
        "{dot}"
    );
    assert!(drawn(
        r#""open" -> "accepts""#,
        r#"[label="soothe (if calm, -"#
    ));
    let mermaid = graph::mermaid(&s, Lang::Ja);
    assert!(
        mermaid
            .lines()
            .any(|l| l.starts_with(r#"  n0 -.->|"plain (平静なら, -"#) && l.ends_with("| n3")),
        "{mermaid}"
    );
}
