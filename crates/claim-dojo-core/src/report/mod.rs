//! The session report: everything a trainee is shown after a call and everything
//! needed to replay it, as one serialisable value (`docs/session-json.md`).
//! Texts come in both languages so one JSON file serves any reader.

pub mod coach;
pub mod human;

pub use human::human;

use serde::{Deserialize, Serialize};

use crate::i18n;
use crate::rules::{ChoiceRef, Judgement, RuleId, Status};
use crate::scenario::Scenario;
use crate::scoring::{Scorecard, StepStatus};
use crate::session::{
    AngerCause, HandoffBrief, LineRef, LoggedAction, Memo, Session, Speaker, WINDOW_MS,
};
use crate::text::{Lang, Text};

pub const REPORT_FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub format: u32,
    pub scenario: String,
    pub seed: u64,
    /// How the call ended, as the scenario's ending says.
    pub outcome: &'static str,
    /// Why that ending earned no outcome points although the call closed: it was
    /// reached through false relief. `null` when the outcome counts as labelled.
    pub outcome_reason: Option<OutcomeReason>,
    pub ended_at_s: f64,
    pub deescalation: DeescalationReport,
    pub steps: Vec<StepReport>,
    pub rules: Vec<RuleReport>,
    /// `[t_seconds, anger]` points; vertical jumps appear as two points at one time.
    pub anger_curve: Vec<[f64; 2]>,
    /// Every anger change with its causes, for the marks on the curve.
    pub marks: Vec<MarkReport>,
    pub score: ScoreReport,
    pub transcript: Vec<LineReport>,
    /// The replayable log.
    pub actions: Vec<ActionReport>,
    pub memo: Option<Memo>,
    pub handoff: Option<HandoffBrief>,
    /// Every declared fact: when the customer said it, and whether the memo and
    /// the handoff form captured it.
    pub facts: Vec<FactReport>,
    /// Every answer with the trainer's note and, where it cost something, the
    /// better answers at that moment (`coach.rs`).
    pub coaching: Vec<coach::Coaching>,
    /// What the call remembered: the flags its answers set, in the scenario's
    /// order. Left out when none, so calls without flags report as before.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutcomeReason {
    /// `unkeepable_promise`, `money_offered` or `personal_exception`.
    pub kind: &'static str,
    pub rule: RuleId,
    pub at_s: f64,
    pub choice: String,
    /// One sentence for the debrief.
    pub detail: Text,
}

/// One declared fact of the scenario as the trainee's records carry it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactReport {
    pub id: String,
    pub name: Text,
    /// When the customer first said it (0 on a takeover for what the first
    /// handler's record holds); `null` when it never came up in this call.
    pub heard_at_s: Option<f64>,
    /// `captured`, `missed` (heard, but not in the memo) or `not_heard`.
    pub memo: &'static str,
    /// The same for the handoff form; `null` when no form was due.
    pub handoff: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeescalationReport {
    pub passed: bool,
    /// `false` when the right move was to hand over at once (R16): the card
    /// then says "not the goal" instead of passed or failed.
    pub goal: bool,
    pub calm_at_s: Option<f64>,
    pub window_start_s: Option<f64>,
    pub deadline_s: Option<f64>,
    pub calm_below: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepReport {
    pub step: u8,
    pub status: StepStatus,
    pub at_s: Option<f64>,
    pub choice: Option<String>,
    pub late: bool,
    /// Points earned (steps after a missing step 1 earn none).
    pub points: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    /// The choice the trainee said, when a choice showed the verdict.
    pub choice: Option<String>,
    /// The trainee's words.
    pub words: Option<Text>,
    /// What showed the verdict, in a sentence.
    pub detail: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleReport {
    pub id: RuleId,
    pub name: &'static str,
    pub title: Text,
    pub status: Status,
    pub at_s: Option<f64>,
    pub evidence: Option<Evidence>,
    /// Why the rule matters.
    pub why: Text,
    /// What puts the rule to the test in a call (for rules not tested).
    pub comes_up: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EffectReport {
    pub rule: RuleId,
    pub delta: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MarkReport {
    pub at_s: f64,
    /// `choice`, `listen` or `waiting`.
    pub cause: &'static str,
    pub choice: Option<String>,
    pub from: f64,
    pub to: f64,
    pub authored: f64,
    pub effects: Vec<EffectReport>,
    pub noise: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartReport {
    pub part: &'static str,
    pub points: u32,
    pub max: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreReport {
    pub total: u32,
    pub max: u32,
    pub parts: Vec<PartReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LineReport {
    pub start_s: f64,
    pub end_s: f64,
    pub speaker: Speaker,
    /// `line`, `vent`, `waiting`, `interrupted`, `hang_up`, `choice` or `listen`.
    pub kind: &'static str,
    pub node: Option<String>,
    pub choice: Option<String>,
    pub text: Text,
    pub cut: bool,
}

/// One logged action as it appears in JSON: `{"at_s": 12.3, "type": "choose", "choice": "c1"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionReport {
    pub at_s: f64,
    #[serde(flatten)]
    pub action: crate::session::Action,
}

pub fn seconds(ms: u64) -> f64 {
    ms as f64 / 1000.0
}

/// Anger rounded to hundredths: enough for any chart, and stable in JSON.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn choice_id(s: &Scenario, c: ChoiceRef) -> String {
    s.nodes[usize::from(c.node)].choices[usize::from(c.choice)]
        .id
        .clone()
}

fn both(id: &str, args: &i18n::Args) -> Text {
    Text {
        ja: i18n::message(Lang::Ja, id, args),
        en: i18n::message(Lang::En, id, args),
    }
}

fn both_attr(id: &str, attr: &str) -> Text {
    let get = |lang| i18n::attribute(lang, id, attr, &vec![]).unwrap_or_default();
    Text {
        ja: get(Lang::Ja),
        en: get(Lang::En),
    }
}

fn rule_report(s: &Scenario, id: RuleId, j: &Judgement) -> RuleReport {
    let n = j.n.map(|n| format!("{}", round2(n)));
    let args: i18n::Args = n.as_deref().map(|n| vec![("n", n)]).unwrap_or_default();
    let evidence = (!j.reason.is_empty()).then(|| Evidence {
        choice: j.by.map(|c| choice_id(s, c)),
        words: j.by.map(|c| {
            s.nodes[usize::from(c.node)].choices[usize::from(c.choice)]
                .text
                .clone()
        }),
        detail: both(j.reason, &args),
    });
    RuleReport {
        id,
        name: id.slug(),
        title: both(&id.to_string(), &vec![]),
        status: j.status,
        at_s: j.at_ms.map(seconds),
        evidence,
        why: both_attr(&id.to_string(), "why"),
        comes_up: both_attr(&id.to_string(), "comes-up"),
    }
}

fn outcome_reason(s: &Scenario, card: &Scorecard) -> Option<OutcomeReason> {
    let u = card.unsound?;
    let kind = match u.rule.number() {
        15 => "money_offered",
        21 => "personal_exception",
        _ => "unkeepable_promise",
    };
    let choice = choice_id(s, u.by);
    let outcome = card.outcome.key();
    Some(OutcomeReason {
        kind,
        rule: u.rule,
        at_s: seconds(u.at_ms),
        detail: Text {
            ja: unsound_detail(Lang::Ja, kind, outcome),
            en: unsound_detail(Lang::En, kind, outcome),
        },
        choice,
    })
}

fn unsound_detail(lang: Lang, kind: &str, outcome: &str) -> String {
    let label = i18n::message(lang, &format!("outcome-{outcome}"), &vec![]);
    i18n::message(
        lang,
        &format!("outcome-unsound-{kind}"),
        &vec![("outcome", label.as_str())],
    )
}

/// The declared facts, when each was heard, and what the memo and form held.
fn fact_reports(session: &Session, card: &Scorecard) -> Vec<FactReport> {
    let s = session.scenario();
    let ix = &s.index;
    let mut heard_at: Vec<Option<u64>> = vec![None; s.facts.len()];
    let mut note = |set: crate::scenario::FactSet, at: u64| {
        for (i, h) in heard_at.iter_mut().enumerate() {
            if set & (1 << i) != 0 && h.is_none() {
                *h = Some(at);
            }
        }
    };
    if s.role == crate::scenario::Role::Secondary {
        note(ix.record_facts, 0);
    }
    for l in session.transcript() {
        let set = match l.what {
            LineRef::Node(n) => ix.line_facts[usize::from(n)],
            LineRef::Vent(n, k) => ix.vent_facts[usize::from(n)][usize::from(k)],
            LineRef::Waiting(n, k) => ix.waiting_facts[usize::from(n)][usize::from(k)],
            _ => 0,
        };
        note(set, l.start_ms);
    }
    let status = |c: Option<crate::session::Captured>, i: usize| {
        let bit = 1u64 << i;
        match c {
            _ if card.facts.heard & bit == 0 => "not_heard",
            Some(c) if c.facts & bit != 0 => "captured",
            _ => "missed",
        }
    };
    let handoff_due = session.has_handed_over();
    s.facts
        .iter()
        .enumerate()
        .map(|(i, f)| FactReport {
            id: f.id.clone(),
            name: f.name.clone(),
            heard_at_s: heard_at[i].map(seconds),
            memo: status(card.facts.memo, i),
            handoff: handoff_due.then(|| status(card.facts.handoff, i)),
        })
        .collect()
}

impl Report {
    pub fn build(session: &Session, card: &Scorecard) -> Report {
        let s = session.scenario();
        let d = &card.deescalation;
        let transcript = session
            .transcript()
            .iter()
            .map(|l| {
                let (kind, node, choice) = match l.what {
                    LineRef::Node(n) => ("line", Some(s.nodes[usize::from(n)].id.clone()), None),
                    LineRef::Waiting(n, _) => {
                        ("waiting", Some(s.nodes[usize::from(n)].id.clone()), None)
                    }
                    LineRef::Vent(n, _) => ("vent", Some(s.nodes[usize::from(n)].id.clone()), None),
                    LineRef::Interrupted(_) => ("interrupted", None, None),
                    LineRef::HangUp(_) => ("hang_up", None, None),
                    LineRef::Choice(c) => (
                        "choice",
                        Some(s.nodes[usize::from(c.node)].id.clone()),
                        Some(choice_id(s, c)),
                    ),
                    LineRef::Listen => ("listen", None, None),
                };
                LineReport {
                    start_s: seconds(l.start_ms),
                    end_s: seconds(l.end_ms),
                    speaker: l.who,
                    kind,
                    node,
                    choice,
                    text: l.text(s).clone(),
                    cut: l.cut,
                }
            })
            .collect();
        let marks = session
            .anger_changes()
            .iter()
            .map(|c| MarkReport {
                at_s: seconds(c.at_ms),
                cause: match c.cause {
                    AngerCause::Choice(_) => "choice",
                    AngerCause::Listen => "listen",
                    AngerCause::Waiting => "waiting",
                },
                choice: match c.cause {
                    AngerCause::Choice(r) => Some(choice_id(s, r)),
                    _ => None,
                },
                from: round2(c.from),
                to: round2(c.to),
                authored: c.authored,
                effects: c
                    .effects
                    .iter()
                    .map(|(rule, delta)| EffectReport { rule, delta })
                    .collect(),
                noise: round2(c.noise),
            })
            .collect();
        Report {
            format: REPORT_FORMAT,
            scenario: s.id.clone(),
            seed: session.seed(),
            outcome: card.outcome.key(),
            outcome_reason: outcome_reason(s, card),
            ended_at_s: seconds(card.ended_ms),
            deescalation: DeescalationReport {
                passed: d.passed,
                goal: d.goal,
                calm_at_s: d.calm_at_ms.map(seconds),
                window_start_s: d.window_start_ms.map(seconds),
                deadline_s: d.window_start_ms.map(|w| seconds(w + WINDOW_MS)),
                calm_below: s.persona.calm_below,
            },
            steps: card
                .steps
                .iter()
                .map(|st| StepReport {
                    step: st.step,
                    status: st.status,
                    at_s: st.at_ms.map(seconds),
                    choice: st.by.map(|c| choice_id(s, c)),
                    late: st.late,
                    points: st.points,
                })
                .collect(),
            rules: card
                .rules
                .iter()
                .map(|(id, j)| rule_report(s, *id, j))
                .collect(),
            anger_curve: session
                .curve()
                .iter()
                .map(|&(t, a)| [seconds(t), round2(a)])
                .collect(),
            marks,
            score: ScoreReport {
                total: card.score.total,
                max: card.score.max,
                parts: card
                    .score
                    .parts
                    .iter()
                    .map(|p| PartReport {
                        part: p.key,
                        points: p.points,
                        max: p.max,
                    })
                    .collect(),
            },
            transcript,
            actions: session.actions().iter().map(ActionReport::from).collect(),
            memo: session.memo().cloned(),
            handoff: session.handoff().cloned(),
            facts: fact_reports(session, card),
            coaching: coach::coach(session),
            flags: s
                .flag_names(session.flags())
                .into_iter()
                .map(String::from)
                .collect(),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

impl From<&LoggedAction> for ActionReport {
    fn from(a: &LoggedAction) -> Self {
        ActionReport {
            at_s: seconds(a.at_ms),
            action: a.action.clone(),
        }
    }
}

impl ActionReport {
    pub fn at_ms(&self) -> u64 {
        (self.at_s * 1000.0).round().max(0.0) as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use crate::scenario::Tag::*;

    #[test]
    fn the_json_has_every_documented_field_and_all_22_rules() {
        let p = Call::primary()
            .say("c1", &[FeelingsApology])
            .say("c2", &[Excuse])
            .play();
        let r = Report::build(&p.session, &p.card);
        let v: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
        for key in [
            "scenario",
            "seed",
            "outcome",
            "deescalation",
            "steps",
            "rules",
            "anger_curve",
            "score",
            "transcript",
            "actions",
        ] {
            assert!(v.get(key).is_some(), "missing {key}");
        }
        assert_eq!(v["outcome"], "resolved");
        assert!(
            v["deescalation"].get("passed").is_some()
                && v["deescalation"].get("calm_at_s").is_some()
        );
        let rules = v["rules"].as_array().unwrap();
        assert_eq!(rules.len(), 23);
        assert_eq!(rules[8]["id"], "R09");
        let r06 = &rules[5];
        assert_eq!(r06["status"], "broken");
        assert_eq!(r06["evidence"]["choice"], "c2");
        assert_eq!(r06["evidence"]["words"]["ja"], "はい、承知いたしました。");
        let steps = v["steps"].as_array().unwrap();
        assert_eq!(steps.len(), 4);
        assert_eq!(steps[0]["status"], "done");
        assert_eq!(v["actions"][0]["type"], "choose");
        assert_eq!(v["actions"][0]["choice"], "c1");
        assert!(v["anger_curve"][0].as_array().unwrap().len() == 2);
        assert_eq!(v["score"]["parts"].as_array().unwrap().len(), 7);
    }

    #[test]
    fn logged_times_survive_the_trip_through_seconds() {
        for ms in [0u64, 1, 999, 12_345, 179_999, 1_799_999] {
            let a = ActionReport {
                at_s: seconds(ms),
                action: crate::session::Action::Listen,
            };
            let back: ActionReport =
                serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
            assert_eq!(back.at_ms(), ms);
        }
    }
}
