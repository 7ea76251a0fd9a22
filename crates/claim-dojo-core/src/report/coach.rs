//! What a trainer would say at each answer: the trainer's note on the words the
//! trainee chose, what they did to the customer (anger, rules), and, where they
//! broke a rule or cost anger, the answers that would have done better at that
//! same moment, with their notes and what the anger would have done.
//!
//! Nothing here is guessed. The session is replayed from its log (same scenario,
//! seed and timed actions) up to each answer, and every other offered choice is
//! said on a copy of the replay at the same call time: the copy draws the same
//! noise, so the difference between two answers is the engine's, not chance.
//! Only the moment itself is compared (the anger jump and the rules the words
//! broke or kept then); where each path would have led afterwards is the model
//! call's business (`crate::analyze`).

use std::sync::Arc;

use serde::Serialize;

use super::{round2, seconds};
use crate::play::TURN_PAUSE_MS;
use crate::rules::RuleId;
use crate::session::{Action, Event, Phase, Session};
use crate::text::Text;

/// At most this many better answers are listed at one turn.
pub const MAX_BETTER: usize = 3;
/// An anger jump smaller than this by less than this is no better.
pub const ANGER_MARGIN: f64 = 0.5;

/// Some words said at one moment, and what the engine made of them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Utterance {
    pub choice: String,
    pub words: Text,
    /// The trainer's note on these words (`note:` in the scenario).
    pub note: Option<Text>,
    /// Anger just before and just after the words.
    pub anger_from: f64,
    pub anger_to: f64,
    /// Rules the words broke at this moment, or were penalised under.
    pub broken: Vec<RuleId>,
    /// Rules the words showed kept for the first time.
    pub kept: Vec<RuleId>,
    /// The anger the words themselves added: the jump without the engine's
    /// noise (a calm answer can still come out a point up by chance).
    #[serde(skip)]
    pub own_delta: f64,
}

impl Utterance {
    pub fn delta(&self) -> f64 {
        self.anger_to - self.anger_from
    }

    /// Whether the words broke a rule or themselves made the customer angrier.
    pub fn cost(&self) -> bool {
        !self.broken.is_empty() || self.own_delta > 0.0
    }
}

/// One answer of the trainee, coached.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coaching {
    /// When the answer was said, in call time.
    pub at_s: f64,
    /// The node answered.
    pub node: String,
    /// Said while the customer was still speaking.
    pub interrupted: bool,
    pub said: Utterance,
    /// The same words one natural pause after the customer had finished, when
    /// they were said while the customer was still speaking.
    pub if_waited: Option<Utterance>,
    /// Answers that would have done better at this moment, best first. Empty
    /// when the answer broke no rule and cost no anger.
    pub better: Vec<Utterance>,
}

/// Coaches every answer of a session (finished or not) by replaying its log.
pub fn coach(session: &Session) -> Vec<Coaching> {
    let scenario = Arc::clone(session.scenario());
    let mut replay = Session::new(Arc::clone(&scenario), session.seed());
    let mut out = Vec::new();
    for logged in session.actions() {
        replay.advance_to(logged.at_ms);
        if let Action::Choose { choice } = &logged.action
            && let Some(c) = coach_answer(&replay, choice)
        {
            out.push(c);
        }
        // A refused action was refused in the session too: the log holds only
        // accepted ones, and a jump made in author mode is not in it.
        let _ = replay.act(logged.action.clone());
    }
    out
}

fn coach_answer(before: &Session, choice: &str) -> Option<Coaching> {
    let said = probe(before, choice)?;
    let node = &before.scenario().nodes[before.current_node()];
    let interrupted = matches!(before.phase(), Phase::Speaking { .. });
    let if_waited = interrupted
        .then(|| {
            let mut later = before.clone();
            later.advance_ms(later.time_to_turn()? + TURN_PAUSE_MS);
            probe(&later, choice)
        })
        .flatten();
    let better = if said.cost() {
        let others: Vec<Utterance> = before
            .offered()
            .iter()
            .filter(|c| c.id != choice)
            .filter_map(|c| probe(before, &c.id))
            .collect();
        better_than(&said, others)
    } else {
        Vec::new()
    };
    Some(Coaching {
        at_s: seconds(before.now_ms()),
        node: node.id.clone(),
        interrupted,
        said,
        if_waited,
        better,
    })
}

/// Says `id` on a copy of `before` and reads what the engine did.
fn probe(before: &Session, id: &str) -> Option<Utterance> {
    let mut s = before.clone();
    let _ = s.take_events();
    let anger_from = s.anger();
    let changes = s.anger_changes().len();
    s.choose(id).ok()?;
    let mut broken = Vec::new();
    let mut kept = Vec::new();
    for e in s.take_events() {
        match e {
            Event::RuleBroken { rule, .. } => add(&mut broken, rule),
            Event::RuleKept { rule, .. } => add(&mut kept, rule),
            _ => {}
        }
    }
    // A rule already broken earlier is not broken "again" as an event, but the
    // anger it adds to these words shows it judged them.
    let mut noise = 0.0;
    if let Some(change) = s.anger_changes().get(changes) {
        noise = change.noise * s.scenario().persona.volatility;
        for (rule, delta) in change.effects.iter() {
            if delta > 0.0 {
                add(&mut broken, rule);
            }
        }
    }
    kept.retain(|r| !broken.contains(r));
    broken.sort();
    kept.sort();
    let choice = s.scenario().nodes[before.current_node()].choice(id)?;
    Some(Utterance {
        choice: id.to_string(),
        words: choice.text.clone(),
        note: choice.note.clone(),
        anger_from: round2(anger_from),
        anger_to: round2(s.anger()),
        broken,
        kept,
        own_delta: s.anger() - anger_from - noise,
    })
}

fn add(rules: &mut Vec<RuleId>, rule: RuleId) {
    if !rules.contains(&rule) {
        rules.push(rule);
    }
}

/// The alternatives that do better than `said`, best first: those that break
/// no rule when there are any (and then only if `said` broke one or they cost
/// less anger), else those that break fewer rules.
fn better_than(said: &Utterance, mut others: Vec<Utterance>) -> Vec<Utterance> {
    let clean = others.iter().any(|o| o.broken.is_empty());
    others.retain(|o| {
        if clean {
            o.broken.is_empty()
                && (!said.broken.is_empty() || o.delta() + ANGER_MARGIN <= said.delta())
        } else {
            o.broken.len() < said.broken.len()
        }
    });
    others.sort_by(|a, b| {
        (a.broken.len(), a.delta())
            .partial_cmp(&(b.broken.len(), b.delta()))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    others.truncate(MAX_BETTER);
    others
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::play;
    use crate::scenario::Scenario;
    use crate::session::Session;

    /// A parcel that never came: accept the burden or make an excuse, then a
    /// dated or a vague call-back.
    const PARCEL: &str = r#"Scenario(
        format: 1, id: "parcel", role: Primary, difficulty: 1, minutes: 3, rules: ["R06"],
        title: (ja: "届かない荷物", en: "The parcel"), summary: (ja: "届かない。", en: "Late."),
        persona: (name: (ja: "佐藤 様", en: "Ms Sato"), background: (ja: "二度目。", en: "Twice."),
            anger: 62, calm_below: 40, hang_up_at: 92, volatility: 1.0, patience_s: 8, chars_per_s: 12),
        start: "open",
        nodes: [
            (id: "open", cues: [RepeatCaller],
             customer: (ja: "もしもし、先週頼んだ荷物がまだ届かないんですけど。昨日も電話したんですよ。", en: "Hello, my parcel still hasn't come. I called yesterday too."),
             choices: [
                (id: "accept", next: "details", anger: -4, tags: [FeelingsApology, AcknowledgesBurden],
                 text: (ja: "二度もお電話をいただくことになり、ご不快な思いをおかけして申し訳ございません。", en: "I'm sorry you've had to call us twice.")),
                (id: "excuse", next: "angrier", anger: 2, tags: [FaultApology, Excuse],
                 text: (ja: "申し訳ございません。ですが、今週は配送が大変混み合っておりまして", en: "I'm sorry. But deliveries are extremely busy this week."),
                 note: (ja: "混雑の説明は言い訳に聞こえる。", en: "Explaining the rush sounds like an excuse.")),
             ]),
            (id: "details", customer: (ja: "注文番号は 4417 です。", en: "The order number is 4417."),
             choices: [
                (id: "callback-dated", next: "end", anger: -3, tags: [CallsBack, StatesDeadline, NextStep],
                 text: (ja: "お調べして、本日 17 時までにお電話いたします。", en: "I'll call you back by 5 p.m. today.")),
                (id: "callback-vague", next: "end", tags: [CallsBack, NextStep],
                 text: (ja: "確認しまして、折り返しご連絡いたします。", en: "I'll check and get back to you."),
                 note: (ja: "いつまでに、がない。", en: "No time given.")),
             ]),
            (id: "angrier", customer: (ja: "もう結構です。", en: "Forget it."), ending: SecondaryComplaint),
            (id: "end", customer: (ja: "待ってます。", en: "I'll wait."), ending: FollowUp(deadline: (ja: "本日 17 時まで", en: "by 5 p.m. today"))),
        ],
    )"#;

    fn parcel() -> Arc<Scenario> {
        let loaded = crate::load_str("parcel.ron", PARCEL);
        Arc::new(
            loaded
                .scenario
                .unwrap_or_else(|| panic!("the test scenario loads: {:?}", loaded.diagnostics)),
        )
    }

    fn played(choices: &[&str], seed: u64) -> Session {
        let mut s = play::session(&parcel(), seed);
        let ids: Vec<String> = choices.iter().map(|c| c.to_string()).collect();
        play::run_choices(&mut s, &ids).expect("the choices are offered");
        s.finish();
        s
    }

    #[test]
    fn an_excuse_gets_its_note_and_the_better_answer_with_what_the_anger_would_have_done() {
        let s = played(&["excuse"], 3);
        let coached = coach(&s);
        assert_eq!(coached.len(), 1);
        let c = &coached[0];
        assert_eq!(
            (c.node.as_str(), c.said.choice.as_str()),
            ("open", "excuse")
        );
        assert!(!c.interrupted);
        assert_eq!(
            c.said.note.as_ref().map(|n| n.ja.as_str()),
            Some("混雑の説明は言い訳に聞こえる。")
        );
        assert!(
            c.said.broken.contains(&RuleId::parse("R06").unwrap()),
            "the excuse broke R06: {:?}",
            c.said.broken
        );
        let better: Vec<&str> = c.better.iter().map(|b| b.choice.as_str()).collect();
        assert_eq!(better, ["accept"]);
        let accept = &c.better[0];
        assert!(accept.broken.is_empty());
        assert_eq!(accept.anger_from, c.said.anger_from, "the same moment");
        assert!(
            accept.delta() < 0.0 && c.said.delta() > 0.0,
            "accepting calms, the excuse angers: {} vs {}",
            accept.delta(),
            c.said.delta()
        );
    }

    #[test]
    fn what_the_alternative_would_have_done_is_what_saying_it_does() {
        // The replayed "better" answer is exactly the session where it was said.
        let excuse = coach(&played(&["excuse"], 11));
        let accepted = coach(&played(&["accept", "callback-dated"], 11));
        let would = &excuse[0].better[0];
        assert_eq!(would, &accepted[0].said);
        assert!(
            accepted[0].better.is_empty(),
            "nothing beats the model answer"
        );
    }

    #[test]
    fn an_answer_that_costs_nothing_lists_no_better_one_and_a_vague_one_does() {
        let coached = coach(&played(&["accept", "callback-vague"], 5));
        assert!(!coached[0].said.cost() && coached[0].better.is_empty());
        let vague = &coached[1];
        assert_eq!(vague.said.choice, "callback-vague");
        assert_eq!(vague.said.broken, [RuleId::parse("R14").unwrap()]);
        let dated = &vague.better[0];
        assert_eq!(dated.choice, "callback-dated");
        assert!(dated.broken.is_empty());
        assert!(dated.kept.contains(&RuleId::parse("R14").unwrap()));
    }

    #[test]
    fn an_interruption_is_compared_with_the_same_words_after_the_customer_finished() {
        let mut s = play::session(&parcel(), 2);
        s.advance_ms(1_500);
        s.choose("accept").unwrap();
        s.finish();
        let c = &coach(&s)[0];
        assert!(c.interrupted);
        assert!(c.said.broken.contains(&RuleId::parse("R02").unwrap()));
        let waited = c.if_waited.as_ref().expect("the same words, later");
        assert!(!waited.broken.contains(&RuleId::parse("R02").unwrap()));
        assert!(waited.delta() < c.said.delta());
    }

    #[test]
    fn the_report_json_carries_notes_and_better_answers() {
        let mut s = played(&["excuse"], 3);
        let card = s.finish();
        let v: serde_json::Value =
            serde_json::from_str(&super::super::Report::build(&s, &card).to_json()).unwrap();
        let c = &v["coaching"][0];
        assert_eq!(c["said"]["choice"], "excuse");
        assert_eq!(
            c["said"]["note"]["en"],
            "Explaining the rush sounds like an excuse."
        );
        assert_eq!(c["better"][0]["choice"], "accept");
        assert!(
            c["better"][0]["anger_to"].as_f64().unwrap() < c["said"]["anger_to"].as_f64().unwrap()
        );
        let broken = c["said"]["broken"].as_array().unwrap();
        assert!(broken.iter().any(|r| r == "R06"), "{broken:?}");
    }
}
