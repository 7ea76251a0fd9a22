//! The scenario model: what a trainer writes in `scenarios/<id>.ron`, as Rust types.
//!
//! `docs/scenario-format.md` documents every field. The loader in `crate::load`
//! reads these types with positions for diagnostics; the serde derives exist so that
//! plain `ron::from_str` reads the same files (the benchmark baseline and a check
//! that the format is real RON).

use serde::{Deserialize, Serialize};

use crate::rules::RuleId;
use crate::span::Span;
use crate::text::Text;

/// The format version this build reads.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub format: u32,
    pub id: String,
    pub title: Text,
    pub summary: Text,
    pub role: Role,
    /// 1 (gentle) to 5 (hardest).
    pub difficulty: u8,
    /// Expected length of the call in minutes.
    pub minutes: u32,
    /// The rules of the catalog this scenario is meant to exercise.
    pub rules: Vec<RuleId>,
    #[serde(default)]
    pub thermometer: Thermometer,
    #[serde(default)]
    pub customer_kind: CustomerKind,
    pub persona: Persona,
    /// The first handler's record, for `Secondary` scenarios.
    #[serde(default)]
    pub handoff: Option<HandoffRecord>,
    /// What a trainee's memo and handoff brief should capture (R20, R17), each
    /// with the forms that count as having written it down.
    #[serde(default)]
    pub facts: Vec<Fact>,
    /// The company the trainee answers for, as the call names it. The pack keeps
    /// company, staff and customer names distinct across scenarios, so a debrief
    /// list never shows one name for two companies (E065 if the call never says it).
    #[serde(default)]
    pub company: Option<Text>,
    /// The company's people the call names: the trainee's own name when they give
    /// it, colleagues the customer is promised (E065 if the call never says one).
    #[serde(default)]
    pub staff: Vec<Text>,
    /// Id of the node the call opens with.
    pub start: String,
    pub nodes: Vec<Node>,
    #[serde(skip)]
    pub spans: ScenarioSpans,
    /// Lookups the engine needs on every choice; see [`Scenario::build_index`].
    #[serde(skip)]
    pub index: ScenarioIndex,
}

/// What the session engine looks up on every choice, computed once per scenario:
/// node positions by id, where each choice leads, and the spoken length of every
/// line (Japanese characters without white space).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScenarioIndex {
    pub by_id: std::collections::HashMap<String, usize>,
    /// Per node, per choice: the positions of the nodes it may lead to.
    pub targets: Vec<Vec<Targets>>,
    pub line_chars: Vec<u32>,
    pub waiting_chars: Vec<Vec<u32>>,
    pub vent_chars: Vec<Vec<u32>>,
    pub choice_chars: Vec<Vec<u32>>,
    /// The declared facts each customer line says, as bit sets over `facts`
    /// (the node's line, its vent lines, its waiting lines).
    pub line_facts: Vec<FactSet>,
    pub vent_facts: Vec<Vec<FactSet>>,
    pub waiting_facts: Vec<Vec<FactSet>>,
    /// The declared facts written in the first handler's record.
    pub record_facts: FactSet,
    /// Each fact's forms, normalised for matching.
    pub fact_forms: Vec<Vec<String>>,
    /// The flags the choices set or test, by bit position: those set, in the
    /// order first set in the file, then those only tested. Past [`MAX_FLAGS`]
    /// a flag has no bit (E072 refuses the scenario).
    pub flags: Vec<String>,
    /// Per node, per choice: the flags it sets and the flags it is offered on.
    pub gates: Vec<Vec<Gate>>,
}

/// A set of flags by position in [`ScenarioIndex::flags`].
pub type FlagSet = u64;

/// The most flags a scenario may use.
pub const MAX_FLAGS: usize = 64;

/// A choice's part in the call's memory, as bit sets over the scenario's flags.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Gate {
    /// Set once the choice is said, for the rest of the call.
    pub sets: FlagSet,
    /// Offered only when all of these are set…
    pub if_set: FlagSet,
    /// …and none of these.
    pub unless_set: FlagSet,
}

impl Gate {
    /// Whether the choice is offered when `flags` are set.
    pub fn open(self, flags: FlagSet) -> bool {
        flags & self.if_set == self.if_set && flags & self.unless_set == 0
    }

    pub fn is_gated(self) -> bool {
        self.if_set | self.unless_set != 0
    }
}

/// Where the parts of a scenario stand in its file; filled by the loader, empty
/// when a scenario is built in code.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScenarioSpans {
    pub whole: Span,
    pub id: Span,
    pub rules: Vec<Span>,
    pub start: Span,
    pub handoff: Span,
    pub persona: Span,
    pub facts: Span,
    pub company: Span,
    pub staff: Vec<Span>,
}

/// Who the trainee plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// First-line operator (一次対応).
    Primary,
    /// Supervisor taking over a call someone else handled first (二次対応).
    Secondary,
}

/// Whether the anger thermometer is shown by default (a trainee may still change it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Thermometer {
    #[default]
    Shown,
    Hidden,
}

/// Consumer calls and business-to-business calls are judged alike except for R22,
/// which asks a B2B client for the cause and the prevention measure with a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum CustomerKind {
    #[default]
    Consumer,
    Business,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Persona {
    pub name: Text,
    pub background: Text,
    /// Anger at the start of the call, 0–100.
    pub anger: f64,
    /// The calm band is every anger below this value.
    pub calm_below: f64,
    /// Reaching this anger ends the call: the customer hangs up.
    pub hang_up_at: f64,
    /// How hard the customer reacts: every anger change is multiplied by it.
    pub volatility: f64,
    /// Seconds of silence the customer tolerates after they stop speaking.
    pub patience_s: f64,
    /// Speaking rate in Japanese characters per second.
    pub chars_per_s: f64,
    #[serde(default)]
    pub reactions: Reactions,
    /// How the app's voice sounds for this customer (optional).
    #[serde(default)]
    pub voice: PersonaVoice,
}

/// The customer's voice, relative to the shipped voice: a middle-aged man and a
/// young woman should not sound alike. Anger moves it further (`docs/voice.md`).
#[derive(Debug, Clone, Copy, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonaVoice {
    /// Half-tones above (+) or below (−) the voice's own pitch, −12 to 12.
    #[serde(default)]
    pub pitch: f64,
    /// −1 (lighter, smaller) to 1 (darker, fuller), 0 the voice as it is.
    #[serde(default)]
    pub timbre: f64,
}

/// What the customer says when the engine, not the script, makes them react.
/// Empty lists fall back to the engine's built-in lines.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reactions {
    #[serde(default)]
    pub interrupted: Vec<Text>,
    #[serde(default)]
    pub hang_up: Vec<Text>,
}

/// The first handler's record that a supervisor reads before taking over. Any part
/// may be missing or wrong on purpose: checking it against the customer is the skill.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandoffRecord {
    /// Who handled the call first.
    pub operator: Text,
    #[serde(default)]
    pub customer: Option<Text>,
    #[serde(default)]
    pub request: Option<Text>,
    #[serde(default)]
    pub reason: Option<Text>,
    #[serde(default)]
    pub state: Option<Text>,
    #[serde(default)]
    pub wants: Option<Text>,
    #[serde(default)]
    pub notes: Vec<Text>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    pub id: String,
    /// Who speaks this node, when it is not the customer (e.g. the supervisor who
    /// answers a handoff); the customer waits on hold meanwhile.
    #[serde(default)]
    pub speaker: Option<Text>,
    /// What the customer says on reaching this node.
    pub customer: Text,
    /// Said one after another while the trainee stays silent past the customer's patience.
    #[serde(default)]
    pub waiting: Vec<Text>,
    /// More of the customer's complaint, said after `customer` with short natural
    /// pauses: the turn comes only when it has all been said. Answering before is
    /// cutting the customer off (R01, R02); letting it run is listening.
    #[serde(default)]
    pub vent: Vec<Text>,
    /// The order the choices are shown in: drawn from the session seed at every
    /// visit, unless the author pins the file's order where order is the lesson.
    #[serde(default)]
    pub order: ChoiceOrder,
    /// What the customer's words do, for the rules to judge the answer by.
    #[serde(default)]
    pub cues: Vec<Cue>,
    #[serde(default)]
    pub choices: Vec<Choice>,
    /// Present on the nodes that end the call.
    #[serde(default)]
    pub ending: Option<Ending>,
    /// A trainer's tip shown beside the choices while this node is answered
    /// (tutorials, practice); never part of the call itself.
    #[serde(default)]
    pub coach: Option<Text>,
    #[serde(skip)]
    pub spans: NodeSpans,
}

/// Where a choice leads, as node positions (`None`: an unknown id).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Targets {
    pub next: Option<u16>,
    /// The anger from which `if_angry` applies, and its node.
    pub if_angry: Option<(f64, Option<u16>)>,
    pub if_calm: Option<Option<u16>>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct NodeSpans {
    pub whole: Span,
    pub id: Span,
    pub customer: Span,
}

/// How a node's choices are ordered on screen and for `--policy first`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Deserialize)]
pub enum ChoiceOrder {
    /// A fresh order at each visit, drawn from the session seed.
    #[default]
    Shuffled,
    /// The order of the file, for nodes where the order is the lesson.
    Pinned,
}

/// Something the customer tells (an order number, a date, what went wrong) that
/// a memo or a handoff brief should carry. A form counts when the written text
/// holds it after normalisation: NFKC (full- and half-width digits and letters
/// alike), lower case, katakana read as hiragana, spaces and punctuation ignored.
/// Kanji and kana spellings of one word are listed as separate forms.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub id: String,
    /// What the fact is, for the debrief (「注文番号」).
    pub name: Text,
    pub forms: Vec<String>,
    #[serde(skip)]
    pub spans: FactSpans,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct FactSpans {
    pub id: Span,
    pub forms: Span,
}

/// A set of declared facts by position (a scenario declares at most 64).
pub type FactSet = u64;

/// The most facts a scenario may declare.
pub const MAX_FACTS: usize = 64;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub text: Text,
    /// Id of the node the call moves to.
    pub next: String,
    /// Where the call goes instead when, after these words, the customer is still
    /// at least this angry: the same words land differently on a furious customer.
    #[serde(default)]
    pub if_angry: Option<IfAngry>,
    /// Where the call goes instead when these words bring the customer into the
    /// calm band (checked after `if_angry`).
    #[serde(default)]
    pub if_calm: Option<String>,
    /// The author's anger change for this utterance, before the engine's rule effects.
    #[serde(default)]
    pub anger: f64,
    /// What the utterance does; the rule engine judges by these.
    #[serde(default)]
    pub tags: Vec<Tag>,
    /// Which recovery steps it advances, when the author overrides the inference from tags.
    #[serde(default)]
    pub steps: Option<Vec<u8>>,
    /// For a spoken handoff to a supervisor: which parts of a brief it contains (R17).
    #[serde(default)]
    pub brief: Vec<BriefItem>,
    /// A trainer's note on this choice, shown in the debrief and author mode.
    #[serde(default)]
    pub note: Option<Text>,
    /// Flags these words set, for the rest of the call: what later nodes may
    /// remember (「同僚に確認した」).
    #[serde(default)]
    pub sets: Vec<String>,
    /// Offered only when every one of these flags is set.
    #[serde(default)]
    pub if_set: Vec<String>,
    /// Offered only when none of these flags is set.
    #[serde(default)]
    pub unless_set: Vec<String>,
    #[serde(skip)]
    pub spans: ChoiceSpans,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChoiceSpans {
    pub whole: Span,
    pub id: Span,
    pub next: Span,
    pub if_angry_next: Span,
    pub if_calm: Span,
    pub tags: Span,
    pub anger: Span,
    pub steps: Span,
    /// Where each flag of `sets`, `if_set` and `unless_set` is written.
    pub sets: Vec<Span>,
    pub if_set: Vec<Span>,
    pub unless_set: Vec<Span>,
}

/// A branch on the customer's anger after the trainee's words.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IfAngry {
    /// 0–100: the branch is taken when anger is at or above this.
    pub at_least: f64,
    pub next: String,
}

/// How a call ends.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub enum Ending {
    Resolved,
    FollowUp {
        deadline: Text,
    },
    Escalated,
    HungUp,
    SecondaryComplaint,
    /// The trainee ended the call by the company's policy after abuse (R23).
    EndedByPolicy,
}

impl Ending {
    pub fn outcome(&self) -> Outcome {
        match self {
            Ending::Resolved => Outcome::Resolved,
            Ending::FollowUp { .. } => Outcome::FollowUp,
            Ending::Escalated => Outcome::Escalated,
            Ending::HungUp => Outcome::HungUp,
            Ending::SecondaryComplaint => Outcome::SecondaryComplaint,
            Ending::EndedByPolicy => Outcome::EndedByPolicy,
        }
    }
}

/// The outcome of a session, as reports name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Resolved,
    FollowUp,
    Escalated,
    HungUp,
    SecondaryComplaint,
    /// The trainee ended the call by policy; a success only when R23 was kept.
    EndedByPolicy,
}

impl Outcome {
    pub const ALL: [Outcome; 6] = [
        Outcome::Resolved,
        Outcome::FollowUp,
        Outcome::Escalated,
        Outcome::HungUp,
        Outcome::SecondaryComplaint,
        Outcome::EndedByPolicy,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Outcome::Resolved => "resolved",
            Outcome::FollowUp => "follow_up",
            Outcome::Escalated => "escalated",
            Outcome::HungUp => "hung_up",
            Outcome::SecondaryComplaint => "secondary_complaint",
            Outcome::EndedByPolicy => "ended_by_policy",
        }
    }

    /// The outcome a `key` names (reports and analyses keep the key).
    pub fn from_key(key: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.key() == key)
    }

    /// The call was lost: the customer hung up or complained further. Calm
    /// earlier in such a call never makes it a passing one, and a choice into
    /// it is drawn red.
    pub fn is_lost(self) -> bool {
        matches!(self, Outcome::HungUp | Outcome::SecondaryComplaint)
    }
}

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn name(self) -> &'static str {
                match self { $($name::$variant => stringify!($variant)),+ }
            }

            pub fn from_name(s: &str) -> Option<$name> {
                match s { $(stringify!($variant) => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

vocabulary! {
    /// What a trainee's utterance does. Authors describe what is said; the rules judge.
    Tag {
        /// States name and role (「責任者の山田と申します」).
        NamesSelf,
        /// Apologises for the discomfort caused, not for a fault (「ご不快な思いをおかけし」).
        FeelingsApology,
        /// Apologises for the fault itself (「こちらの手違いでした」).
        FaultApology,
        /// Shows understanding without apologising (「それはご心配でしたね」).
        Empathises,
        /// Acknowledges the burden of having to explain again (「何度もご説明いただき」).
        AcknowledgesBurden,
        /// An excuse, evasion or a D-word (だから、ですから、でも、だって).
        Excuse,
        /// Contradicts the customer (「そんなはずはございません」).
        Denial,
        /// Blurs an answer so it sounds like a promise (「前向きに検討します」).
        Hedges,
        /// Asks the customer a question.
        AsksQuestion,
        /// Checks a fact against the record or the customer's account.
        ChecksFact,
        /// Lets the customer tell what happened in their own words.
        InvitesStory,
        /// Restates or summarises what the customer said.
        Restates,
        /// A back-channel (はい、ええ、さようでございますか).
        BackChannel,
        /// Proposes a solution.
        ProposesSolution,
        /// Offers an alternative the organisation can really provide.
        OffersAlternative,
        /// Asks the customer to do something (お願い).
        Request,
        /// A promise that can be kept.
        Promise,
        /// A promise that cannot be kept.
        UnkeepablePromise,
        /// States a concrete deadline or time.
        StatesDeadline,
        /// Says what happens after the call.
        NextStep,
        /// 「どうさせていただければご満足いただけますか」.
        AsksWhatWouldSatisfy,
        /// Volunteers money or goods beyond what the contract provides.
        OffersMoney,
        /// Declines by the company's rules (「承りかねます」).
        DeclinesByPolicy,
        /// Explains objectively why something is or is not possible.
        ExplainsObjectively,
        /// Acts on personal judgement instead of the company's rules.
        PersonalDiscretion,
        /// Hands the call to a supervisor (changes the person).
        Escalates,
        /// Transfers the call to another department.
        Transfers,
        /// Offers to call back (changes the time).
        CallsBack,
        /// Offers a visit (changes the place).
        OffersVisit,
        /// Reports the cause and the prevention measure.
        CauseAndPrevention,
        /// Says the details are being written down (「控えさせていただきます」).
        NotesDetails,
        /// Warns about the customer's conduct and what follows if it goes on
        /// (「このようなお言葉が続くようでしたら、お電話を終了させていただきます」).
        WarnsConduct,
        /// Says the call is being recorded (「この通話は録音しております」).
        StatesRecording,
        /// Ends the call by the company's policy (「これでお電話を終了させていただきます」).
        EndsByPolicy,
        /// Says the call has changed hands (「お電話代わりました」): the words with
        /// which whoever takes over picks the call up. It changes nothing by
        /// itself; R09 judges the name and role that should follow (W025 in a
        /// `Primary` call, which nobody takes over).
        TakesOver,
        /// Takes the customer off hold after a colleague's line
        /// (「お待たせいたしました。」): at a `speaker` node these words are said
        /// to the customer, not to the colleague, so they move the anger and show
        /// the recovery steps like any answer (W026 at a node without a speaker).
        EndsHold,
    }
}

vocabulary! {
    /// What a customer's line does, so the rules know what the answer must meet.
    Cue {
        /// Asks for a supervisor (「上司を出せ」).
        DemandsSupervisor,
        /// Complains about how the call itself was handled (二次クレーム).
        SecondaryComplaint,
        /// Asks for money or goods.
        DemandsMoney,
        /// 「誠意を見せろ」: a vague demand that hints at money.
        DemandsSincerity,
        /// Asks for something that cannot be done.
        ImpossibleDemand,
        /// Holds the trainee personally responsible (「あなたが責任を取れ」).
        BlamesPersonally,
        /// By this line, the facts show the fault is ours.
        FaultConfirmed,
        /// The customer says the fault is ours (「そっちのミスでしょう」)
        /// before any fact shows it: the moment for a limited apology, for
        /// the worry only, not for a fault (R05).
        ClaimsFault,
        /// The customer cannot be satisfied on this call.
        Deadlock,
        /// The customer has already called about this before.
        RepeatCaller,
        /// Abuse: threats, insults, demands to kneel (土下座) or to come to the
        /// house, holding the line for hours (R23). Anger alone is not abuse.
        Abuse,
    }
}

vocabulary! {
    /// A part of a handoff brief to a supervisor (R17).
    BriefItem {
        /// Who the customer is.
        Customer,
        /// The original request.
        Request,
        /// Why it escalated.
        Reason,
        /// The state now.
        State,
        /// What the customer wants.
        Wants,
        /// Anything else (apologies to the supervisor, the operator's feelings…).
        Chatter,
    }
}

impl Scenario {
    /// Every Japanese text a trainee or trainer reads in the call: title, summary,
    /// persona, the first handler's record, each line, vent, waiting line, coach and
    /// speaker note, deadline, answer and answer note (not the declared `company`
    /// and `staff`, which name what these texts say).
    pub fn japanese_texts(&self) -> Vec<&str> {
        let mut all: Vec<&Text> = vec![
            &self.title,
            &self.summary,
            &self.persona.name,
            &self.persona.background,
        ];
        if let Some(h) = &self.handoff {
            all.push(&h.operator);
            all.extend(
                [&h.customer, &h.request, &h.reason, &h.state, &h.wants]
                    .into_iter()
                    .flatten(),
            );
            all.extend(&h.notes);
        }
        for n in &self.nodes {
            all.push(&n.customer);
            all.extend(&n.vent);
            all.extend(&n.waiting);
            all.extend(n.coach.iter().chain(n.speaker.iter()));
            if let Some(Ending::FollowUp { deadline }) = &n.ending {
                all.push(deadline);
            }
            for c in &n.choices {
                all.push(&c.text);
                all.extend(c.note.iter());
            }
        }
        all.into_iter().map(|t| t.ja.as_str()).collect()
    }

    /// Indexes node ids; the loader does it, code that builds scenarios should too.
    /// With duplicate ids (a validation error) the first node wins.
    pub fn build_index(&mut self) {
        let mut by_id = std::collections::HashMap::with_capacity(self.nodes.len());
        for (i, n) in self.nodes.iter().enumerate() {
            by_id.entry(n.id.clone()).or_insert(i);
        }
        let chars = |t: &Text| t.spoken_chars() as u32;
        self.index = ScenarioIndex {
            targets: self
                .nodes
                .iter()
                .map(|n| {
                    n.choices
                        .iter()
                        .map(|c| {
                            let at = |id: &String| by_id.get(id).map(|&i| i as u16);
                            Targets {
                                next: at(&c.next),
                                if_angry: c.if_angry.as_ref().map(|b| (b.at_least, at(&b.next))),
                                if_calm: c.if_calm.as_ref().map(at),
                            }
                        })
                        .collect()
                })
                .collect(),
            line_chars: self.nodes.iter().map(|n| chars(&n.customer)).collect(),
            waiting_chars: self
                .nodes
                .iter()
                .map(|n| n.waiting.iter().map(chars).collect())
                .collect(),
            vent_chars: self
                .nodes
                .iter()
                .map(|n| n.vent.iter().map(chars).collect())
                .collect(),
            choice_chars: self
                .nodes
                .iter()
                .map(|n| n.choices.iter().map(|c| chars(&c.text)).collect())
                .collect(),
            by_id,
            ..Default::default()
        };
        self.index_facts();
        self.index_flags();
    }

    /// Gives every flag a bit, set flags first so that the flags a scenario
    /// really uses keep theirs even past the limit.
    fn index_flags(&mut self) {
        let mut flags: Vec<String> = Vec::new();
        let set = self.choices().flat_map(|(_, c)| c.sets.iter());
        let tested = self
            .choices()
            .flat_map(|(_, c)| c.if_set.iter().chain(c.unless_set.iter()));
        for f in set.chain(tested) {
            if !flags.contains(f) {
                flags.push(f.clone());
            }
        }
        let bits = |names: &[String]| -> FlagSet {
            names
                .iter()
                .filter_map(|n| flags.iter().position(|f| f == n))
                .filter(|&i| i < MAX_FLAGS)
                .fold(0, |acc, i| acc | 1 << i)
        };
        self.index.gates = self
            .nodes
            .iter()
            .map(|n| {
                n.choices
                    .iter()
                    .map(|c| Gate {
                        sets: bits(&c.sets),
                        if_set: bits(&c.if_set),
                        unless_set: bits(&c.unless_set),
                    })
                    .collect()
            })
            .collect();
        self.index.flags = flags;
    }

    /// The names of the flags in a set, in the order of [`ScenarioIndex::flags`].
    pub fn flag_names(&self, set: FlagSet) -> Vec<&str> {
        self.index
            .flags
            .iter()
            .take(MAX_FLAGS)
            .enumerate()
            .filter(|(i, _)| set & (1 << i) != 0)
            .map(|(_, f)| f.as_str())
            .collect()
    }

    /// Which declared facts each customer line and the handoff record say.
    fn index_facts(&mut self) {
        let forms: Vec<Vec<String>> = self
            .facts
            .iter()
            .map(|f| f.forms.iter().map(|x| super::facts::normalise(x)).collect())
            .collect();
        let found = |t: &Text| super::facts::found_in(&forms, &t.ja);
        let ix = &mut self.index;
        ix.line_facts = self.nodes.iter().map(|n| found(&n.customer)).collect();
        ix.vent_facts = self
            .nodes
            .iter()
            .map(|n| n.vent.iter().map(found).collect())
            .collect();
        ix.waiting_facts = self
            .nodes
            .iter()
            .map(|n| n.waiting.iter().map(found).collect())
            .collect();
        ix.record_facts = self
            .handoff
            .as_ref()
            .map_or(0, |h| h.texts().fold(0, |acc, t| acc | found(t)));
        ix.fact_forms = forms;
    }

    /// The declared facts a written text (a memo, a handoff form) holds.
    pub fn facts_in(&self, written: &str) -> FactSet {
        super::facts::found_in(&self.index.fact_forms, written)
    }

    pub fn is_indexed(&self) -> bool {
        self.index.by_id.len() <= self.nodes.len()
            && self.index.targets.len() == self.nodes.len()
            && self.index.gates.len() == self.nodes.len()
            && !self.nodes.is_empty()
    }

    pub fn node(&self, id: &str) -> Option<&Node> {
        self.node_index(id).map(|i| &self.nodes[i])
    }

    pub fn node_index(&self, id: &str) -> Option<usize> {
        if self.is_indexed() {
            self.index.by_id.get(id).copied()
        } else {
            self.nodes.iter().position(|n| n.id == id)
        }
    }

    pub fn choices(&self) -> impl Iterator<Item = (&Node, &Choice)> {
        self.nodes
            .iter()
            .flat_map(|n| n.choices.iter().map(move |c| (n, c)))
    }
}

impl HandoffRecord {
    /// Every text of the record: operator, the five items, notes.
    pub fn texts(&self) -> impl Iterator<Item = &Text> {
        std::iter::once(&self.operator)
            .chain(
                [
                    &self.customer,
                    &self.request,
                    &self.reason,
                    &self.state,
                    &self.wants,
                ]
                .into_iter()
                .flatten(),
            )
            .chain(self.notes.iter())
    }
}

impl Node {
    pub fn is_ending(&self) -> bool {
        self.ending.is_some()
    }

    pub fn choice(&self, id: &str) -> Option<&Choice> {
        self.choices.iter().find(|c| c.id == id)
    }
}

impl Choice {
    pub fn has(&self, tag: Tag) -> bool {
        self.tags.contains(&tag)
    }

    /// Every node id this choice may lead to, with where it is written: `next`
    /// first, then the anger branches.
    pub fn destinations(&self) -> impl Iterator<Item = (&str, Span)> {
        std::iter::once((self.next.as_str(), self.spans.next))
            .chain(
                self.if_angry
                    .as_ref()
                    .map(|b| (b.next.as_str(), self.spans.if_angry_next)),
            )
            .chain(self.if_calm.as_deref().map(|id| (id, self.spans.if_calm)))
    }
}
