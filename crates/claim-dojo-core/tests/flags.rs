//! Scenarios that remember: a choice `sets` a flag for the rest of the call, and
//! a choice with `if_set` / `unless_set` is offered only when its flags hold.
//! One supervisor node with gated answers replaces copies of the node per route.

use std::sync::Arc;

use claim_dojo_core::analyze::Search;
use claim_dojo_core::play::{self, Policy, what_if};
use claim_dojo_core::report::Report;
use claim_dojo_core::session::{ActError, Session};
use claim_dojo_core::{Lang, Scenario, graph, load_str};

/// Asking the colleague (or not) is remembered; the supervisor's node offers
/// the brief that fits.
const SCENARIO: &str = r#"Scenario(
    format: 1,
    id: "memory",
    title: (ja: "記憶", en: "Memory"),
    summary: (ja: "同僚に確認したかを覚えている", en: "Remembers whether the colleague was asked"),
    role: Primary,
    difficulty: 1,
    minutes: 2,
    rules: ["R16", "R17"],
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
                    id: "ask-colleague",
                    text: (ja: "担当の者に確認いたします。", en: "Let me check with a colleague."),
                    next: "demand",
                    tags: [ChecksFact],
                    sets: ["asked_colleague"],
                ),
                (
                    id: "apologise",
                    text: (ja: "ご不便をおかけし申し訳ございません。", en: "I'm sorry for the trouble."),
                    next: "demand",
                    tags: [FeelingsApology],
                ),
            ],
        ),
        (
            id: "demand",
            customer: (ja: "上の人を出して。", en: "Put your boss on."),
            cues: [DemandsSupervisor],
            choices: [
                (
                    id: "escalate",
                    text: (ja: "責任者に代わります。", en: "I'll put my supervisor on."),
                    next: "sv",
                    tags: [Escalates],
                ),
            ],
        ),
        (
            id: "sv",
            speaker: (ja: "SV", en: "Supervisor"),
            customer: (ja: "状況は?", en: "What's going on?"),
            choices: [
                (
                    id: "brief-checked",
                    text: (ja: "荷物の件で、担当に確認済みです。", en: "The parcel; the desk has been asked."),
                    next: "end",
                    tags: [Restates],
                    steps: [],
                    brief: [Customer, Request, Reason, State, Wants],
                    if_set: ["asked_colleague"],
                ),
                (
                    id: "brief-thin",
                    text: (ja: "荷物の件です。", en: "It's about a parcel."),
                    next: "end",
                    tags: [Restates],
                    steps: [],
                    brief: [Request],
                    unless_set: ["asked_colleague"],
                ),
            ],
        ),
        (
            id: "end",
            speaker: (ja: "SV", en: "Supervisor"),
            customer: (ja: "代わります。", en: "I'll take it."),
            ending: Escalated,
        ),
    ],
)"#;

fn scenario(src: &str) -> Arc<Scenario> {
    let loaded = load_str("memory.ron", src);
    assert!(!loaded.has_errors(), "{:#?}", loaded.diagnostics);
    Arc::new(loaded.scenario.unwrap())
}

fn offered(s: &Session) -> Vec<String> {
    let mut ids: Vec<String> = s.offered().iter().map(|c| c.id.clone()).collect();
    ids.sort();
    ids
}

/// Plays `route` promptly and returns the session at the next turn.
fn at_turn(sc: &Arc<Scenario>, route: &[&str]) -> Session {
    let mut s = play::session(sc, 1);
    let ids: Vec<String> = route.iter().map(|c| c.to_string()).collect();
    play::run_choices(&mut s, &ids).unwrap();
    let ms = s.time_to_turn().unwrap();
    s.advance_ms(ms + play::TURN_PAUSE_MS);
    s
}

#[test]
fn a_gated_choice_is_offered_only_when_its_flags_hold_and_cannot_be_said_otherwise() {
    let sc = scenario(SCENARIO);
    let asked = at_turn(&sc, &["ask-colleague", "escalate"]);
    assert_eq!(offered(&asked), ["brief-checked"]);
    assert_eq!(sc.flag_names(asked.flags()), ["asked_colleague"]);

    let mut not_asked = at_turn(&sc, &["apologise", "escalate"]);
    assert_eq!(offered(&not_asked), ["brief-thin"]);
    assert_eq!(not_asked.flags(), 0);
    match not_asked.choose("brief-checked") {
        Err(ActError::NotOffered { offered, .. }) => assert_eq!(offered, ["brief-thin"]),
        other => panic!("a gated choice was accepted: {other:?}"),
    }
    not_asked.choose("brief-thin").unwrap();
}

#[test]
fn the_flags_are_part_of_the_state_the_analyser_merges_on() {
    let sc = scenario(SCENARIO);
    let asked = at_turn(&sc, &["ask-colleague", "escalate"]);
    let mut same_but_flag = at_turn(&sc, &["ask-colleague", "escalate"]);
    assert_eq!(asked.state_key(), same_but_flag.state_key());
    // Two routes that differ in what they remember are two states.
    let not_asked = at_turn(&sc, &["apologise", "escalate"]);
    assert_ne!(asked.state_key(), not_asked.state_key());
    same_but_flag.choose("brief-checked").unwrap();
    assert_ne!(asked.state_key(), same_but_flag.state_key());

    // Merged search and every path agree, and both only play offered choices.
    let merged = Search::exhaustive(&sc, 10_000, 1);
    let all = Search::every_path(&sc, 10_000, 1);
    assert!(merged.exhaustive && all.exhaustive);
    assert_eq!(merged.paths, 2);
    assert_eq!(all.paths, 2);
    // The two paths are the two routes, each with the brief it offers.
    let mut paths = vec![
        merged.best().unwrap().choices.clone(),
        merged.worst().unwrap().choices.clone(),
    ];
    paths.sort();
    assert_eq!(
        paths,
        [
            ["apologise", "escalate", "brief-thin"],
            ["ask-colleague", "escalate", "brief-checked"]
        ]
    );
    assert_eq!(
        merged.best().unwrap().card.score.total,
        all.best().unwrap().card.score.total
    );
}

#[test]
fn what_if_restarts_remember_the_flags_set_before_the_restart() {
    let sc = scenario(SCENARIO);
    for seed in [2, 5, 9, 14] {
        let mut s = play::session(&sc, seed);
        play::policy::run(&mut s, Policy::Random, seed);
        let card = s.finish();
        let r = Report::build(&s, &card);
        for at in 0..r.actions.len() {
            let mut again = what_if::resume(&sc, seed, &r.actions, at).unwrap();
            let replayed: Vec<_> = r.actions[at..].iter().map(|a| a.action.clone()).collect();
            for (a, action) in r.actions[at..].iter().zip(replayed) {
                again.advance_to(a.at_ms());
                again.act(action).unwrap();
            }
            let card2 = again.finish();
            assert_eq!(again.flags(), s.flags(), "seed {seed} at {at}");
            assert_eq!(card2.score.total, card.score.total, "seed {seed} at {at}");
        }
    }
}

#[test]
fn graphs_show_what_a_choice_sets_and_needs_escaped() {
    let sc = scenario(SCENARIO);
    let dot = graph::dot(&sc, Lang::En);
    assert!(dot.contains("sets asked_colleague"), "{dot}");
    assert!(dot.contains("if asked_colleague"), "{dot}");
    assert!(dot.contains("unless asked_colleague"), "{dot}");
    let mermaid = graph::mermaid(&sc, Lang::Ja);
    assert!(mermaid.contains("asked_colleague"), "{mermaid}");
    // Both briefs are numbered: each is played on a route that offers it.
    for id in ["brief-checked", "brief-thin"] {
        assert!(dot.contains(&format!("label=\"{id}")), "{id}: {dot}");
    }
}

#[test]
fn a_node_whose_choices_need_flags_no_route_sets_is_refused() {
    // Both briefs need the flag: after `apologise` the supervisor's node has no answer.
    let src = SCENARIO.replace(
        r#"unless_set: ["asked_colleague"]"#,
        r#"if_set: ["asked_colleague"]"#,
    );
    let loaded = load_str("memory.ron", &src);
    let e071: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "E071")
        .collect();
    assert_eq!(e071.len(), 1, "{:#?}", loaded.diagnostics);
    let hint = e071[0].hint(Lang::En).unwrap();
    assert!(hint.contains("`apologise` → `escalate`"), "{hint}");
    assert!(loaded.scenario.is_none());
}

#[test]
fn more_than_sixty_four_flags_are_refused_at_the_first_one_past_the_limit() {
    let many: Vec<String> = (0..65).map(|i| format!("\"f{i}\"")).collect();
    let src = SCENARIO.replace(
        r#"sets: ["asked_colleague"]"#,
        &format!(r#"sets: ["asked_colleague", {}]"#, many.join(", ")),
    );
    let loaded = load_str("memory.ron", &src);
    let d = loaded
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == "E072")
        .expect("E072");
    // `asked_colleague` is flag 0, so `f63` is the 65th.
    assert_eq!(&src[d.span.start as usize..d.span.end as usize], "\"f63\"");
    assert!(loaded.scenario.is_none());
}

#[test]
fn two_routes_that_differ_only_in_what_they_remember_are_not_merged() {
    // `check` and `check-too` are the same words to the engine (text, tags,
    // anger); only `check` sets the flag, and only the flag decides the brief.
    let src = SCENARIO.replace(
        r#"(
                    id: "apologise",
                    text: (ja: "ご不便をおかけし申し訳ございません。", en: "I'm sorry for the trouble."),
                    next: "demand",
                    tags: [FeelingsApology],
                ),"#,
        r#"(
                    id: "ask-colleague-too",
                    text: (ja: "担当の者に確認いたします。", en: "Let me check with a colleague."),
                    next: "demand",
                    tags: [ChecksFact],
                ),"#,
    );
    assert_ne!(src, SCENARIO);
    let sc = scenario(&src);
    let merged = Search::exhaustive(&sc, 10_000, 1);
    let all = Search::every_path(&sc, 10_000, 1);
    assert_eq!(all.paths, 2);
    assert_eq!(merged.paths, 2, "the flag keeps the two states apart");
    assert_eq!(merged.visited, all.visited);
    for (m, a) in [(merged.best(), all.best()), (merged.worst(), all.worst())] {
        assert_eq!(m.unwrap().card.score.total, a.unwrap().card.score.total);
    }
    assert_ne!(
        all.best().unwrap().card.score.total,
        all.worst().unwrap().card.score.total,
        "the remembered brief scores differently"
    );
}

#[test]
fn the_report_says_what_the_call_remembered_and_nothing_when_it_remembered_nothing() {
    let sc = scenario(SCENARIO);
    let json = |route: &[&str]| {
        let mut s = play::session(&sc, 1);
        let ids: Vec<String> = route.iter().map(|c| c.to_string()).collect();
        play::run_choices(&mut s, &ids).unwrap();
        let card = s.finish();
        serde_json::to_value(Report::build(&s, &card)).unwrap()
    };
    let asked = json(&["ask-colleague", "escalate", "brief-checked"]);
    assert_eq!(asked["flags"], serde_json::json!(["asked_colleague"]));
    let not_asked = json(&["apologise", "escalate", "brief-thin"]);
    assert!(not_asked.get("flags").is_none(), "{not_asked}");
}
