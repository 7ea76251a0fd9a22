//! Turns the positioned RON tree into the scenario model, reporting every shape
//! mistake (unknown or missing fields, wrong types, unknown tags…) instead of
//! stopping at the first. Whatever decodes is kept so later checks can still run.

use crate::diagnostic::{Code, Diagnostic, suggest};
use crate::rules::RuleId;
use crate::scenario::model::*;
use crate::span::Span;
use crate::text::Text;

use super::tree::{Field, Kind, Value};

pub struct Decoder {
    pub diags: Vec<Diagnostic>,
    /// A node or choice failed to decode, so the call graph is incomplete.
    pub graph_lost: bool,
}

/// The fields of one struct value, checked against the names its type allows.
struct Fields<'v> {
    fields: &'v [Field<'v>],
    span: Span,
    /// Known field names that an unknown field looks like a typo of: their
    /// absence is already explained, so it is not reported again as missing.
    typo_of: Vec<&'static str>,
}

fn describe(v: &Value<'_>) -> &'static str {
    match &v.kind {
        Kind::Str(_) => "string",
        Kind::Char(_) => "char",
        Kind::Number { .. } => "number",
        Kind::Bool(_) => "bool",
        Kind::Ident(_) => "identifier",
        Kind::Struct { .. } => "struct",
        Kind::Tuple { items: [], .. } => "()",
        Kind::Tuple { .. } => "tuple",
        Kind::List(_) => "list",
        Kind::Map(_) => "map",
    }
}

impl Decoder {
    pub fn new() -> Decoder {
        Decoder {
            diags: Vec::new(),
            graph_lost: false,
        }
    }

    fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    fn wrong_type(&mut self, v: &Value<'_>, expected: &str) {
        let d = Diagnostic::new(Code::WrongType, v.span)
            .arg("expected", expected)
            .arg("found", describe(v));
        self.push(d);
    }

    /// Opens a struct of type `ty` whose fields may be `allowed`; reports a wrong
    /// type name, unknown fields (with a suggestion) and fields given twice.
    fn fields<'v>(
        &mut self,
        v: &'v Value<'v>,
        ty: &str,
        allowed: &[&'static str],
    ) -> Option<Fields<'v>> {
        let (name, fields) = match &v.kind {
            Kind::Struct { name, fields } => (name, *fields),
            // `()` is an empty struct with every field missing.
            Kind::Tuple { name, items: [] } => (name, &[][..]),
            _ => {
                self.wrong_type(v, ty);
                return None;
            }
        };
        if let Some(n) = name
            && n.name != ty
        {
            let d = Diagnostic::new(Code::WrongType, n.span)
                .arg("expected", ty)
                .arg("found", n.name);
            self.push(d);
        }
        let mut typo_of = Vec::new();
        for (i, f) in fields.iter().enumerate() {
            if !allowed.contains(&f.name.name) {
                let guess = suggest(f.name.name, allowed.iter().copied());
                if let Some(g) = guess {
                    typo_of.extend(allowed.iter().copied().filter(|a| *a == g));
                }
                let d = Diagnostic::new(Code::UnknownField, f.name.span)
                    .arg("field", f.name.name)
                    .arg("type", ty)
                    .arg("expected", allowed.join(", "))
                    .suggest(guess);
                self.push(d);
            } else if let Some(first) = fields[..i].iter().find(|g| g.name.name == f.name.name) {
                let d = Diagnostic::new(Code::DuplicateField, f.name.span)
                    .arg("field", f.name.name)
                    .arg("first", first.name.span.start);
                self.push(d);
            }
        }
        Some(Fields {
            fields,
            span: v.span,
            typo_of,
        })
    }

    fn required<'v>(
        &mut self,
        f: &Fields<'v>,
        name: &'static str,
        ty: &str,
    ) -> Option<&'v Value<'v>> {
        let v = f.get(name);
        if v.is_none() && !f.typo_of.contains(&name) {
            // Point at the opening of the struct, where the field belongs.
            let at = Span::new(f.span.start as usize, f.span.start as usize + 1);
            self.push(
                Diagnostic::new(Code::MissingField, at)
                    .arg("field", name)
                    .arg("type", ty),
            );
        }
        v
    }

    fn string(&mut self, v: &Value<'_>) -> Option<String> {
        match &v.kind {
            Kind::Str(s) => Some(s.to_string()),
            _ => {
                self.wrong_type(v, "string");
                None
            }
        }
    }

    fn number(&mut self, v: &Value<'_>) -> Option<f64> {
        match v.kind {
            Kind::Number { value, .. } => Some(value),
            _ => {
                self.wrong_type(v, "number");
                None
            }
        }
    }

    fn integer(&mut self, v: &Value<'_>, min: f64, max: f64) -> Option<f64> {
        match v.kind {
            Kind::Number { value, int: true } => {
                self.range(value, min, max, v.span);
                Some(value)
            }
            _ => {
                self.wrong_type(v, "integer");
                None
            }
        }
    }

    fn real(&mut self, v: &Value<'_>, min: f64, max: f64) -> Option<f64> {
        let n = self.number(v)?;
        self.range(n, min, max, v.span);
        Some(n)
    }

    fn range(&mut self, n: f64, min: f64, max: f64, span: Span) {
        if !(min..=max).contains(&n) {
            let d = Diagnostic::new(Code::OutOfRange, span)
                .arg("value", fmt_num(n))
                .arg("min", fmt_num(min))
                .arg("max", fmt_num(max));
            self.push(d);
        }
    }

    fn list<'v, T>(
        &mut self,
        v: &'v Value<'v>,
        mut item: impl FnMut(&mut Self, &'v Value<'v>) -> Option<T>,
    ) -> Option<Vec<T>> {
        match &v.kind {
            Kind::List(items) => Some(items.iter().filter_map(|i| item(self, i)).collect()),
            _ => {
                self.wrong_type(v, "list");
                None
            }
        }
    }

    /// `None`, `Some(x)` or — as with RON's `implicit_some` — a bare `x`.
    fn option<'v, T>(
        &mut self,
        v: &'v Value<'v>,
        item: impl FnOnce(&mut Self, &'v Value<'v>) -> Option<T>,
    ) -> Option<Option<T>> {
        match &v.kind {
            Kind::Ident(n) if *n == "None" => Some(None),
            Kind::Tuple {
                name: Some(n),
                items,
            } if n.name == "Some" && items.len() == 1 => item(self, &items[0]).map(Some),
            _ => item(self, v).map(Some),
        }
    }

    /// A Japanese and English text; a missing or empty language is a missing translation.
    fn text(&mut self, v: &Value<'_>) -> Option<Text> {
        let f = self.fields(v, "Text", &["ja", "en"])?;
        let lang = |dec: &mut Self, key: &'static str| -> String {
            match f.get(key) {
                None => {
                    dec.push(Diagnostic::new(Code::MissingTranslation, v.span).arg("lang", key));
                    String::new()
                }
                Some(s) => {
                    let s = dec.string(s).unwrap_or_default();
                    if s.trim().is_empty() {
                        dec.push(
                            Diagnostic::new(
                                Code::MissingTranslation,
                                f.get(key).map_or(v.span, |x| x.span),
                            )
                            .arg("lang", key),
                        );
                    }
                    s
                }
            }
        };
        let ja = lang(self, "ja");
        let en = lang(self, "en");
        Some(Text { ja, en })
    }

    /// A unit enum variant such as `Primary`, checked against `names`.
    fn variant<'v>(
        &mut self,
        v: &'v Value<'v>,
        ty: &str,
        names: &[&str],
        code: Code,
    ) -> Option<&'v str> {
        let (name, span) = match &v.kind {
            Kind::Ident(n) => (*n, v.span),
            Kind::Tuple { name: Some(n), .. } | Kind::Struct { name: Some(n), .. } => {
                (n.name, n.span)
            }
            _ => {
                self.wrong_type(v, ty);
                return None;
            }
        };
        if names.contains(&name) {
            Some(name)
        } else {
            let d = Diagnostic::new(code, span)
                .arg("name", name)
                .arg("type", ty)
                .suggest(suggest(name, names.iter().copied()));
            self.push(d);
            None
        }
    }

    fn id(&mut self, v: &Value<'_>) -> Option<String> {
        let s = self.string(v)?;
        let ok = !s.is_empty()
            && s.len() <= 64
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        if !ok {
            self.push(Diagnostic::new(Code::InvalidId, v.span).arg("id", &s));
        }
        Some(s)
    }

    pub fn scenario(&mut self, v: &Value<'_>) -> Option<Scenario> {
        const FIELDS: &[&str] = &[
            "format",
            "id",
            "title",
            "summary",
            "role",
            "difficulty",
            "minutes",
            "rules",
            "thermometer",
            "customer_kind",
            "persona",
            "handoff",
            "facts",
            "company",
            "staff",
            "start",
            "nodes",
        ];
        let f = self.fields(v, "Scenario", FIELDS)?;
        let format = self.required(&f, "format", "Scenario").and_then(|x| {
            let n = self.integer(x, 0.0, f64::from(u32::MAX))?;
            if n != f64::from(FORMAT_VERSION) {
                self.diags
                    .retain(|d| !(d.code == Code::OutOfRange && d.span == x.span));
                self.push(
                    Diagnostic::new(Code::UnsupportedFormat, x.span)
                        .arg("found", fmt_num(n))
                        .arg("supported", FORMAT_VERSION),
                );
            }
            Some(n as u32)
        });
        let id = self
            .required(&f, "id", "Scenario")
            .and_then(|x| self.id(x).map(|s| (s, x.span)));
        let title = self
            .required(&f, "title", "Scenario")
            .and_then(|x| self.text(x));
        let summary = self
            .required(&f, "summary", "Scenario")
            .and_then(|x| self.text(x));
        let role = self.required(&f, "role", "Scenario").and_then(|x| {
            self.variant(x, "Role", &["Primary", "Secondary"], Code::UnknownVariant)
                .map(|n| match n {
                    "Primary" => Role::Primary,
                    _ => Role::Secondary,
                })
        });
        let difficulty = self
            .required(&f, "difficulty", "Scenario")
            .and_then(|x| self.integer(x, 1.0, 5.0));
        let minutes = self
            .required(&f, "minutes", "Scenario")
            .and_then(|x| self.integer(x, 1.0, 60.0));
        let mut rule_spans = Vec::new();
        let rules = self.required(&f, "rules", "Scenario").and_then(|x| {
            self.list(x, |d, r| {
                let s = d.string(r)?;
                match RuleId::parse(&s) {
                    Some(id) => {
                        rule_spans.push(r.span);
                        Some(id)
                    }
                    None => {
                        d.push(Diagnostic::new(Code::UnknownRule, r.span).arg("id", &s));
                        None
                    }
                }
            })
        });
        let thermometer = match f.get("thermometer") {
            None => Some(Thermometer::Shown),
            Some(x) => self
                .variant(x, "Thermometer", &["Shown", "Hidden"], Code::UnknownVariant)
                .map(|n| {
                    if n == "Hidden" {
                        Thermometer::Hidden
                    } else {
                        Thermometer::Shown
                    }
                }),
        };
        let customer_kind = match f.get("customer_kind") {
            None => Some(CustomerKind::Consumer),
            Some(x) => self
                .variant(
                    x,
                    "CustomerKind",
                    &["Consumer", "Business"],
                    Code::UnknownVariant,
                )
                .map(|n| {
                    if n == "Business" {
                        CustomerKind::Business
                    } else {
                        CustomerKind::Consumer
                    }
                }),
        };
        let persona_v = self.required(&f, "persona", "Scenario");
        let persona = persona_v.and_then(|x| self.persona(x));
        let handoff_v = f.get("handoff");
        let handoff = match handoff_v {
            None => Some(None),
            Some(x) => self.option(x, |d, y| d.handoff(y)),
        };
        let facts_v = f.get("facts");
        let facts = match facts_v {
            None => Some(Vec::new()),
            Some(x) => self.list(x, |d, t| d.fact(t)),
        };
        let company_v = f.get("company");
        let company = match company_v {
            None => Some(None),
            Some(x) => self.text(x).map(Some),
        };
        let mut staff_spans = Vec::new();
        let staff = match f.get("staff") {
            None => Some(Vec::new()),
            Some(x) => self.list(x, |d, t| {
                staff_spans.push(t.span);
                d.text(t)
            }),
        };
        let start = self
            .required(&f, "start", "Scenario")
            .and_then(|x| self.string(x).map(|s| (s, x.span)));
        let nodes = self.required(&f, "nodes", "Scenario").and_then(|x| {
            self.list(x, |d, n| {
                let node = d.node(n);
                d.graph_lost |= node.is_none();
                node
            })
        });

        let (id, id_span) = id?;
        let (start, start_span) = start?;
        let mut scenario = Scenario {
            format: format?,
            id,
            title: title?,
            summary: summary?,
            role: role?,
            difficulty: difficulty? as u8,
            minutes: minutes? as u32,
            rules: rules?,
            thermometer: thermometer?,
            customer_kind: customer_kind?,
            persona: persona?,
            handoff: handoff?,
            facts: facts?,
            company: company?,
            staff: staff?,
            start,
            nodes: nodes?,
            spans: ScenarioSpans {
                whole: v.span,
                id: id_span,
                rules: rule_spans,
                start: start_span,
                handoff: handoff_v.map_or(Span::default(), |h| h.span),
                persona: persona_v.map_or(Span::default(), |p| p.span),
                facts: facts_v.map_or(Span::default(), |p| p.span),
                company: company_v.map_or(Span::default(), |p| p.span),
                staff: staff_spans,
            },
            index: Default::default(),
        };
        scenario.build_index();
        Some(scenario)
    }

    /// `(id: "order", name: (ja: …, en: …), forms: ["HD-20581", "20581"])`.
    fn fact(&mut self, v: &Value<'_>) -> Option<Fact> {
        let f = self.fields(v, "Fact", &["id", "name", "forms"])?;
        let id = self
            .required(&f, "id", "Fact")
            .and_then(|x| self.id(x).map(|s| (s, x.span)));
        let name = self.required(&f, "name", "Fact").and_then(|x| self.text(x));
        let forms_v = self.required(&f, "forms", "Fact");
        let forms = forms_v.and_then(|x| self.list(x, |d, s| d.string(s)));
        let (id, id_span) = id?;
        Some(Fact {
            id,
            name: name?,
            forms: forms?,
            spans: FactSpans {
                id: id_span,
                forms: forms_v.map_or(v.span, |x| x.span),
            },
        })
    }

    fn persona(&mut self, v: &Value<'_>) -> Option<Persona> {
        const FIELDS: &[&str] = &[
            "name",
            "background",
            "anger",
            "calm_below",
            "hang_up_at",
            "volatility",
            "patience_s",
            "chars_per_s",
            "reactions",
            "voice",
        ];
        let f = self.fields(v, "Persona", FIELDS)?;
        let name = self
            .required(&f, "name", "Persona")
            .and_then(|x| self.text(x));
        let background = self
            .required(&f, "background", "Persona")
            .and_then(|x| self.text(x));
        let real = |d: &mut Self, key: &'static str, min: f64, max: f64| {
            d.required(&f, key, "Persona")
                .and_then(|x| d.real(x, min, max))
        };
        let anger = real(self, "anger", 0.0, 100.0);
        let calm_below = real(self, "calm_below", 1.0, 100.0);
        let hang_up_at = real(self, "hang_up_at", 1.0, 100.0);
        let volatility = real(self, "volatility", 0.25, 3.0);
        let patience_s = real(self, "patience_s", 1.0, 60.0);
        let chars_per_s = real(self, "chars_per_s", 2.0, 30.0);
        let reactions = match f.get("reactions") {
            None => Some(Reactions::default()),
            Some(x) => self.reactions(x),
        };
        let voice = match f.get("voice") {
            None => Some(PersonaVoice::default()),
            Some(x) => self.persona_voice(x),
        };
        Some(Persona {
            name: name?,
            background: background?,
            anger: anger?,
            calm_below: calm_below?,
            hang_up_at: hang_up_at?,
            volatility: volatility?,
            patience_s: patience_s?,
            chars_per_s: chars_per_s?,
            reactions: reactions?,
            voice: voice?,
        })
    }

    fn persona_voice(&mut self, v: &Value<'_>) -> Option<PersonaVoice> {
        let f = self.fields(v, "PersonaVoice", &["pitch", "timbre"])?;
        let mut real = |key, min, max| match f.get(key) {
            None => Some(0.0),
            Some(x) => self.real(x, min, max),
        };
        let pitch = real("pitch", -12.0, 12.0);
        let timbre = real("timbre", -1.0, 1.0);
        Some(PersonaVoice {
            pitch: pitch?,
            timbre: timbre?,
        })
    }

    fn reactions(&mut self, v: &Value<'_>) -> Option<Reactions> {
        let f = self.fields(v, "Reactions", &["interrupted", "hang_up"])?;
        let texts = |d: &mut Self, key| match f.get(key) {
            None => Some(Vec::new()),
            Some(x) => d.list(x, |d, t| d.text(t)),
        };
        let interrupted = texts(self, "interrupted");
        let hang_up = texts(self, "hang_up");
        Some(Reactions {
            interrupted: interrupted?,
            hang_up: hang_up?,
        })
    }

    fn handoff(&mut self, v: &Value<'_>) -> Option<HandoffRecord> {
        const FIELDS: &[&str] = &[
            "operator", "customer", "request", "reason", "state", "wants", "notes",
        ];
        let f = self.fields(v, "HandoffRecord", FIELDS)?;
        let operator = self
            .required(&f, "operator", "HandoffRecord")
            .and_then(|x| self.text(x));
        let opt = |d: &mut Self, key| match f.get(key) {
            None => Some(None),
            Some(x) => d.option(x, |d, t| d.text(t)),
        };
        let customer = opt(self, "customer");
        let request = opt(self, "request");
        let reason = opt(self, "reason");
        let state = opt(self, "state");
        let wants = opt(self, "wants");
        let notes = match f.get("notes") {
            None => Some(Vec::new()),
            Some(x) => self.list(x, |d, t| d.text(t)),
        };
        Some(HandoffRecord {
            operator: operator?,
            customer: customer?,
            request: request?,
            reason: reason?,
            state: state?,
            wants: wants?,
            notes: notes?,
        })
    }

    fn node(&mut self, v: &Value<'_>) -> Option<Node> {
        const FIELDS: &[&str] = &[
            "id", "speaker", "customer", "waiting", "vent", "cues", "order", "choices", "ending",
            "coach",
        ];
        let f = self.fields(v, "Node", FIELDS)?;
        let id = self
            .required(&f, "id", "Node")
            .and_then(|x| self.id(x).map(|s| (s, x.span)));
        let speaker = match f.get("speaker") {
            None => Some(None),
            Some(x) => self.option(x, |d, t| d.text(t)),
        };
        let customer_v = self.required(&f, "customer", "Node");
        let customer = customer_v.and_then(|x| self.text(x));
        let waiting = match f.get("waiting") {
            None => Some(Vec::new()),
            Some(x) => self.list(x, |d, t| d.text(t)),
        };
        let vent = match f.get("vent") {
            None => Some(Vec::new()),
            Some(x) => self.list(x, |d, t| d.text(t)),
        };
        let order = match f.get("order") {
            None => Some(ChoiceOrder::Shuffled),
            Some(x) => self
                .variant(
                    x,
                    "ChoiceOrder",
                    &["Shuffled", "Pinned"],
                    Code::UnknownVariant,
                )
                .map(|n| {
                    if n == "Pinned" {
                        ChoiceOrder::Pinned
                    } else {
                        ChoiceOrder::Shuffled
                    }
                }),
        };
        let cues = match f.get("cues") {
            None => Some(Vec::new()),
            Some(x) => self.list(x, |d, c| {
                d.variant(c, "Cue", &names(Cue::ALL, Cue::name), Code::UnknownCue)
                    .and_then(Cue::from_name)
            }),
        };
        let choices = match f.get("choices") {
            None => Some(Vec::new()),
            Some(x) => self.list(x, |d, c| {
                let choice = d.choice(c);
                d.graph_lost |= choice.is_none();
                choice
            }),
        };
        let ending = match f.get("ending") {
            None => Some(None),
            Some(x) => self.option(x, |d, e| d.ending(e)),
        };
        let coach = match f.get("coach") {
            None => Some(None),
            Some(x) => self.option(x, |d, t| d.text(t)),
        };
        let (id, id_span) = id?;
        Some(Node {
            id,
            coach: coach?,
            speaker: speaker?,
            customer: customer?,
            waiting: waiting?,
            vent: vent?,
            order: order?,
            cues: cues?,
            choices: choices?,
            ending: ending?,
            spans: NodeSpans {
                whole: v.span,
                id: id_span,
                customer: customer_v.map_or(v.span, |c| c.span),
            },
        })
    }

    fn choice(&mut self, v: &Value<'_>) -> Option<Choice> {
        const FIELDS: &[&str] = &[
            "id",
            "text",
            "next",
            "if_angry",
            "if_calm",
            "anger",
            "tags",
            "steps",
            "brief",
            "note",
            "sets",
            "if_set",
            "unless_set",
        ];
        let f = self.fields(v, "Choice", FIELDS)?;
        let id = self
            .required(&f, "id", "Choice")
            .and_then(|x| self.id(x).map(|s| (s, x.span)));
        let text = self
            .required(&f, "text", "Choice")
            .and_then(|x| self.text(x));
        let next = self
            .required(&f, "next", "Choice")
            .and_then(|x| self.string(x).map(|s| (s, x.span)));
        let if_angry = match f.get("if_angry") {
            None => Some(None),
            Some(x) => self.option(x, |d, b| d.if_angry(b)),
        };
        let if_calm = match f.get("if_calm") {
            None => Some(None),
            Some(x) => self.option(x, |d, t| d.string(t).map(|s| (s, t.span))),
        };
        let anger = match f.get("anger") {
            None => Some(0.0),
            Some(x) => self.real(x, -40.0, 40.0),
        };
        let tags_v = f.get("tags");
        let tags = match tags_v {
            None => Some(Vec::new()),
            Some(x) => self.list(x, |d, t| {
                d.variant(t, "Tag", &names(Tag::ALL, Tag::name), Code::UnknownTag)
                    .and_then(Tag::from_name)
            }),
        };
        let steps = match f.get("steps") {
            None => Some(None),
            Some(x) => self.option(x, |d, l| {
                d.list(l, |d, s| d.integer(s, 1.0, 4.0).map(|n| n as u8))
            }),
        };
        let brief = match f.get("brief") {
            None => Some(Vec::new()),
            Some(x) => self.list(x, |d, b| {
                d.variant(
                    b,
                    "BriefItem",
                    &names(BriefItem::ALL, BriefItem::name),
                    Code::UnknownBriefItem,
                )
                .and_then(BriefItem::from_name)
            }),
        };
        let note = match f.get("note") {
            None => Some(None),
            Some(x) => self.option(x, |d, t| d.text(t)),
        };
        let mut flags = |key: &str| -> Option<(Vec<String>, Vec<Span>)> {
            match f.get(key) {
                None => Some(Default::default()),
                Some(x) => self
                    .list(x, |d, n| d.id(n).map(|s| (s, n.span)))
                    .map(|l| l.into_iter().unzip()),
            }
        };
        let sets = flags("sets");
        let if_set = flags("if_set");
        let unless_set = flags("unless_set");
        let (id, id_span) = id?;
        let (next, next_span) = next?;
        let (sets, sets_spans) = sets?;
        let (if_set, if_set_spans) = if_set?;
        let (unless_set, unless_set_spans) = unless_set?;
        let (if_angry, if_angry_next) = match if_angry? {
            Some((b, span)) => (Some(b), span),
            None => (None, Span::default()),
        };
        let (if_calm, if_calm_span) = match if_calm? {
            Some((to, span)) => (Some(to), span),
            None => (None, Span::default()),
        };
        Some(Choice {
            id,
            text: text?,
            next,
            if_angry,
            if_calm,
            anger: anger?,
            tags: tags?,
            steps: steps?,
            brief: brief?,
            note: note?,
            sets,
            if_set,
            unless_set,
            spans: ChoiceSpans {
                whole: v.span,
                id: id_span,
                next: next_span,
                if_angry_next,
                if_calm: if_calm_span,
                tags: tags_v.map_or(v.span, |t| t.span),
                anger: f.get("anger").map_or(v.span, |t| t.span),
                steps: f.get("steps").map_or(v.span, |t| t.span),
                sets: sets_spans,
                if_set: if_set_spans,
                unless_set: unless_set_spans,
            },
        })
    }

    /// `(at_least: 70, next: "node")`, with where its `next` is written.
    fn if_angry(&mut self, v: &Value<'_>) -> Option<(IfAngry, Span)> {
        let f = self.fields(v, "IfAngry", &["at_least", "next"])?;
        let at_least = self
            .required(&f, "at_least", "IfAngry")
            .and_then(|x| self.real(x, 0.0, 100.0));
        let next = self
            .required(&f, "next", "IfAngry")
            .and_then(|x| self.string(x).map(|s| (s, x.span)));
        let (next, span) = next?;
        Some((
            IfAngry {
                at_least: at_least?,
                next,
            },
            span,
        ))
    }

    fn ending(&mut self, v: &Value<'_>) -> Option<Ending> {
        const NAMES: &[&str] = &[
            "Resolved",
            "FollowUp",
            "Escalated",
            "HungUp",
            "SecondaryComplaint",
            "EndedByPolicy",
        ];
        let name = self.variant(v, "Ending", NAMES, Code::UnknownVariant)?;
        if name == "FollowUp" {
            // `FollowUp(deadline: (ja: …, en: …))`: a struct variant.
            let f = self.fields(v, "FollowUp", &["deadline"])?;
            let deadline = self
                .required(&f, "deadline", "FollowUp")
                .and_then(|x| self.text(x))?;
            return Some(Ending::FollowUp { deadline });
        }
        if !matches!(v.kind, Kind::Ident(_)) {
            self.wrong_type(v, name);
            return None;
        }
        Some(match name {
            "Resolved" => Ending::Resolved,
            "Escalated" => Ending::Escalated,
            "HungUp" => Ending::HungUp,
            "EndedByPolicy" => Ending::EndedByPolicy,
            _ => Ending::SecondaryComplaint,
        })
    }
}

impl Default for Decoder {
    fn default() -> Self {
        Decoder::new()
    }
}

impl<'v> Fields<'v> {
    fn get(&self, name: &str) -> Option<&'v Value<'v>> {
        self.fields
            .iter()
            .find(|f| f.name.name == name)
            .map(|f| &f.value)
    }
}

fn names<T: Copy>(all: &[T], name: fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|&t| name(t)).collect()
}

pub(crate) fn fmt_num(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}
