//! Play scripts: a list of timed trainee actions in RON, read with the same
//! positioned reader as scenarios so every mistake has its line and column.
//!
//! ```ron
//! Script(
//!     scenario: "late-delivery",   // optional: refuse to run on another scenario
//!     seed: 7,                     // optional: `--seed` wins when given
//!     actions: [
//!         WaitTurn,                // until the customer has finished speaking
//!         Wait(1.0),               // seconds of call time
//!         Choose("name-first"),
//!         Answer("ask-order"),     // WaitTurn, Wait(1.0), Choose
//!         Listen,                  // a back-channel
//!         Memo(when: "…", what: "…", cause: "…"),
//!         Handoff(customer: "…", request: "…", reason: "…", state: "…", wants: "…"),
//!     ],
//!     expect: (outcome: Resolved, deescalation: Passed, steps_in_order: true, broken: []),
//! )
//! ```
//! A bare list of actions is a script too.

use crate::diagnostic::{Code, Diagnostic, suggest};
use crate::load::tree::{self, Kind, Value};
use crate::rules::RuleId;
use crate::scenario::Outcome;
use crate::session::{HandoffBrief, Memo};
use crate::span::{LineIndex, Span};

/// The pause `Answer` and `--choices` leave after the customer stops: a natural 間.
pub const TURN_PAUSE_MS: u64 = 1_000;

#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    Wait(u64),
    WaitTurn,
    Choose(String),
    Answer(String),
    Listen,
    Memo(Memo),
    Handoff(HandoffBrief),
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScriptStep {
    pub step: Step,
    pub span: Span,
}

/// What a playthrough test expects of its result.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Expect {
    pub outcome: Option<Outcome>,
    pub deescalation: Option<bool>,
    pub steps_in_order: Option<bool>,
    /// Exactly the rules that must be broken.
    pub broken: Option<Vec<RuleId>>,
    /// Rules that must be kept (others may be too).
    pub kept: Vec<RuleId>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Script {
    pub scenario: Option<String>,
    pub seed: Option<u64>,
    pub steps: Vec<ScriptStep>,
    pub expect: Option<Expect>,
}

/// Reads a script; on failure, every diagnostic found, placed in `file`.
pub fn parse_script(file: &str, src: &str) -> Result<Script, Vec<Diagnostic>> {
    let index = LineIndex::new(src);
    let place = |ds: Vec<Diagnostic>| {
        ds.into_iter()
            .map(|d| d.locate(file, src, &index))
            .collect::<Vec<_>>()
    };
    if src.len() as u64 > crate::load::MAX_FILE_BYTES {
        return Err(place(vec![
            Diagnostic::new(Code::TooLarge, Span::point(0))
                .arg("size", src.len())
                .arg("limit", crate::load::MAX_FILE_BYTES),
        ]));
    }
    let arena = tree::arena_for(src);
    let value =
        tree::parse(src, &arena).map_err(|e| place(vec![crate::load::syntax_diagnostic(&e)]))?;
    let mut r = Reader {
        diags: Vec::new(),
        src,
    };
    let script = r.script(&value);
    if r.diags.is_empty() {
        Ok(script)
    } else {
        Err(place(r.diags))
    }
}

struct Reader<'s> {
    diags: Vec<Diagnostic>,
    src: &'s str,
}

const STEPS: &[&str] = &[
    "Wait", "WaitTurn", "Choose", "Answer", "Listen", "Memo", "Handoff",
];

impl Reader<'_> {
    fn wrong(&mut self, v: &Value<'_>, expected: &str) {
        self.diags.push(
            Diagnostic::new(Code::WrongType, v.span)
                .arg("expected", expected)
                .arg("found", kind_name(v)),
        );
    }

    fn script(&mut self, v: &Value<'_>) -> Script {
        let mut script = Script::default();
        let fields = match &v.kind {
            Kind::List(_) => {
                script.steps = self.steps(v);
                return script;
            }
            Kind::Struct { fields, .. } => fields,
            _ => {
                self.wrong(v, "Script(…) or [actions]");
                return script;
            }
        };
        const FIELDS: [&str; 4] = ["scenario", "seed", "actions", "expect"];
        for f in fields.iter() {
            match f.name.name {
                "scenario" => script.scenario = self.string(&f.value),
                "seed" => script.seed = self.seed(&f.value),
                "actions" => script.steps = self.steps(&f.value),
                "expect" => script.expect = Some(self.expect(&f.value)),
                other => self.diags.push(
                    Diagnostic::new(Code::UnknownField, f.name.span)
                        .arg("field", other)
                        .arg("type", "Script")
                        .arg("expected", FIELDS.join(", "))
                        .suggest(suggest(other, FIELDS)),
                ),
            }
        }
        script
    }

    fn string(&mut self, v: &Value<'_>) -> Option<String> {
        match &v.kind {
            Kind::Str(s) => Some(s.to_string()),
            _ => {
                self.wrong(v, "string");
                None
            }
        }
    }

    /// A seed is a whole number from 0 to 2⁶⁴−1, read from its digits (a float
    /// would lose the last digits of a large seed, or clamp one too large).
    fn seed(&mut self, v: &Value<'_>) -> Option<u64> {
        let Kind::Number { value, int } = v.kind else {
            self.wrong(v, "integer");
            return None;
        };
        let text: String = self.src[v.span.start as usize..v.span.end as usize]
            .chars()
            .filter(|&c| c != '_')
            .collect();
        let body = text.strip_prefix('+').unwrap_or(&text);
        let parsed = match body.get(..2) {
            Some("0x") => u64::from_str_radix(&body[2..], 16).ok(),
            Some("0o") => u64::from_str_radix(&body[2..], 8).ok(),
            Some("0b") => u64::from_str_radix(&body[2..], 2).ok(),
            _ => body.parse::<u64>().ok(),
        };
        match parsed {
            Some(n) => Some(n),
            None if int || !(0.0..=u64::MAX as f64).contains(&value) => {
                self.diags.push(
                    Diagnostic::new(Code::OutOfRange, v.span)
                        .arg("value", text.as_str())
                        .arg("min", 0)
                        .arg("max", u64::MAX),
                );
                None
            }
            None => {
                self.wrong(v, "integer");
                None
            }
        }
    }

    fn number(&mut self, v: &Value<'_>) -> Option<f64> {
        match v.kind {
            Kind::Number { value, .. } if value >= 0.0 && value.is_finite() => Some(value),
            _ => {
                self.wrong(v, "number ≥ 0");
                None
            }
        }
    }

    fn steps(&mut self, v: &Value<'_>) -> Vec<ScriptStep> {
        let Kind::List(items) = &v.kind else {
            self.wrong(v, "list");
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|i| self.step(i).map(|step| ScriptStep { step, span: i.span }))
            .collect()
    }

    fn step(&mut self, v: &Value<'_>) -> Option<Step> {
        let (name, name_span, args): (&str, Span, &[Value]) = match &v.kind {
            Kind::Ident(n) => (n, v.span, &[]),
            Kind::Tuple {
                name: Some(n),
                items,
            } => (n.name, n.span, items),
            Kind::Struct {
                name: Some(n),
                fields,
            } => {
                let get = |k: &str| {
                    fields
                        .iter()
                        .find(|f| f.name.name == k)
                        .and_then(|f| match &f.value.kind {
                            Kind::Str(s) => Some(s.to_string()),
                            _ => None,
                        })
                        .unwrap_or_default()
                };
                return match n.name {
                    "Memo" => Some(Step::Memo(Memo {
                        when: get("when"),
                        what: get("what"),
                        cause: get("cause"),
                    })),
                    "Handoff" => Some(Step::Handoff(HandoffBrief {
                        customer: get("customer"),
                        request: get("request"),
                        reason: get("reason"),
                        state: get("state"),
                        wants: get("wants"),
                    })),
                    other => {
                        self.unknown_step(other, n.span);
                        None
                    }
                };
            }
            _ => {
                self.wrong(v, "an action such as Choose(\"id\")");
                return None;
            }
        };
        let one = |r: &mut Reader<'_>| -> Option<&Value<'_>> {
            if args.len() == 1 {
                Some(&args[0])
            } else {
                r.wrong(v, &format!("{name}(…) with one value"));
                None
            }
        };
        match name {
            "WaitTurn" => Some(Step::WaitTurn),
            "Listen" => Some(Step::Listen),
            "Wait" => one(self)
                .and_then(|a| self.number(a))
                .map(|s| Step::Wait((s * 1000.0).round() as u64)),
            "Choose" => one(self).and_then(|a| self.string(a)).map(Step::Choose),
            "Answer" => one(self).and_then(|a| self.string(a)).map(Step::Answer),
            other => {
                self.unknown_step(other, name_span);
                None
            }
        }
    }

    fn unknown_step(&mut self, name: &str, span: Span) {
        self.diags.push(
            Diagnostic::new(Code::UnknownVariant, span)
                .arg("name", name)
                .arg("type", "Action")
                .suggest(suggest(name, STEPS.iter().copied())),
        );
    }

    fn expect(&mut self, v: &Value<'_>) -> Expect {
        let mut e = Expect::default();
        let Kind::Struct { fields, .. } = &v.kind else {
            self.wrong(v, "(outcome: …, …)");
            return e;
        };
        for f in fields.iter() {
            let val = &f.value;
            match f.name.name {
                "outcome" => {
                    e.outcome = match &val.kind {
                        Kind::Ident(n) => Outcome::ALL
                            .iter()
                            .copied()
                            .find(|o| outcome_name(*o) == *n),
                        _ => None,
                    };
                    if e.outcome.is_none() {
                        self.wrong(
                            val,
                            "Resolved, FollowUp, Escalated, HungUp, SecondaryComplaint or EndedByPolicy",
                        );
                    }
                }
                "deescalation" => match &val.kind {
                    Kind::Ident(n) if *n == "Passed" => e.deescalation = Some(true),
                    Kind::Ident(n) if *n == "Failed" => e.deescalation = Some(false),
                    _ => self.wrong(val, "Passed or Failed"),
                },
                "steps_in_order" => match val.kind {
                    Kind::Bool(b) => e.steps_in_order = Some(b),
                    _ => self.wrong(val, "true or false"),
                },
                "broken" => e.broken = Some(self.rule_list(val)),
                "kept" => e.kept = self.rule_list(val),
                other => self.diags.push(
                    Diagnostic::new(Code::UnknownField, f.name.span)
                        .arg("field", other)
                        .arg("type", "Expect")
                        .arg(
                            "expected",
                            "outcome, deescalation, steps_in_order, broken, kept",
                        )
                        .suggest(suggest(
                            other,
                            [
                                "outcome",
                                "deescalation",
                                "steps_in_order",
                                "broken",
                                "kept",
                            ],
                        )),
                ),
            }
        }
        e
    }

    fn rule_list(&mut self, v: &Value<'_>) -> Vec<RuleId> {
        let Kind::List(items) = &v.kind else {
            self.wrong(v, "list of rule ids");
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|i| {
                let s = self.string(i)?;
                let id = RuleId::parse(&s);
                if id.is_none() {
                    self.diags
                        .push(Diagnostic::new(Code::UnknownRule, i.span).arg("id", &s));
                }
                id
            })
            .collect()
    }
}

pub fn outcome_name(o: Outcome) -> &'static str {
    match o {
        Outcome::Resolved => "Resolved",
        Outcome::FollowUp => "FollowUp",
        Outcome::Escalated => "Escalated",
        Outcome::HungUp => "HungUp",
        Outcome::SecondaryComplaint => "SecondaryComplaint",
        Outcome::EndedByPolicy => "EndedByPolicy",
    }
}

fn kind_name(v: &Value<'_>) -> &'static str {
    match v.kind {
        Kind::Str(_) => "string",
        Kind::Number { .. } => "number",
        Kind::Bool(_) => "bool",
        Kind::Ident(_) => "identifier",
        Kind::List(_) => "list",
        _ => "value",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_action_and_the_expectations() {
        let src = r#"Script(seed: 3, actions: [WaitTurn, Wait(1.5), Choose("a"), Answer("b"), Listen,
            Memo(when: "w", what: "x", cause: "y")], expect: (outcome: Resolved, deescalation: Passed, broken: ["R06"]))"#;
        let s = parse_script("s.ron", src).unwrap();
        assert_eq!(s.seed, Some(3));
        let steps: Vec<_> = s.steps.iter().map(|s| s.step.clone()).collect();
        assert_eq!(steps[1], Step::Wait(1500));
        assert_eq!(steps[3], Step::Answer("b".into()));
        assert!(matches!(&steps[5], Step::Memo(m) if m.cause == "y"));
        let e = s.expect.unwrap();
        assert_eq!(e.outcome, Some(Outcome::Resolved));
        assert_eq!(e.broken.unwrap()[0].to_string(), "R06");
    }

    #[test]
    fn seeds_are_read_as_integers_and_a_seed_out_of_range_is_placed() {
        let s = parse_script("s.ron", "Script(seed: 9007199254740993, actions: [])").unwrap();
        assert_eq!(
            s.seed,
            Some(9_007_199_254_740_993),
            "no rounding through a float"
        );
        let s = parse_script("s.ron", "Script(seed: 18446744073709551615, actions: [])").unwrap();
        assert_eq!(s.seed, Some(u64::MAX));
        for (src, code) in [
            ("Script(\n  seed: 1e25, actions: [])", Code::OutOfRange),
            (
                "Script(\n  seed: 18446744073709551616, actions: [])",
                Code::OutOfRange,
            ),
            ("Script(\n  seed: -1, actions: [])", Code::OutOfRange),
            ("Script(\n  seed: 1.5, actions: [])", Code::WrongType),
        ] {
            let err = parse_script("s.ron", src).unwrap_err();
            assert_eq!(
                (err[0].code, err[0].line, err[0].column),
                (code, 2, 9),
                "{src}"
            );
        }
    }

    #[test]
    fn a_malformed_script_points_at_line_and_column() {
        let src = "[\n  WaitTurn,\n  Chose(\"a\"),\n]";
        //                   ^ typo on line 3, column 3
        let err = parse_script("s.ron", src).unwrap_err();
        assert_eq!(
            (err[0].code, err[0].line, err[0].column),
            (Code::UnknownVariant, 3, 3)
        );
        assert_eq!(
            err[0].args.iter().find(|a| a.0 == "suggestion").unwrap().1,
            "Choose"
        );
        let err = parse_script("s.ron", "[WaitTurn, Wait(\"x\")").unwrap_err();
        assert_eq!(err[0].code, Code::UnexpectedEnd);
    }
}
