//! A small harness for rule tests: builds a straight-line call in code, plays it
//! through the real session engine and reads back the verdicts. Tests say what the
//! trainee does; the engine decides what it means.

use std::sync::Arc;

pub use crate::rules::Status::{Broken, Kept, NotTested};
use crate::rules::{Judgement, RuleId, Status};
use crate::scenario::*;
use crate::scoring::Scorecard;
use crate::session::{Action, HandoffBrief, LineRef, Memo, Phase, Session};
use crate::text::Text;

#[derive(Clone)]
enum Act {
    Turn(u64),
    Mid,
    /// Into the pause after the node's line, before its vent goes on.
    VentPause,
    /// Into the customer's "are you there?" line, after a silence past patience.
    WaitingLine,
    Listen,
    Choose(String),
    Memo(Memo),
    Handoff(HandoffBrief),
    RunOut,
}

#[derive(Clone)]
struct Step {
    cues: Vec<Cue>,
    id: String,
    tags: Vec<Tag>,
    brief: Vec<BriefItem>,
    /// Other choices the node offers (a temptation the trainee did not say).
    tempting: Vec<Tag>,
    /// Spoken by a colleague on the internal line, not the customer.
    colleague: bool,
}

/// A call under construction: one node per trainee choice, in a line.
#[derive(Clone)]
pub struct Call {
    role: Role,
    kind: CustomerKind,
    steps: Vec<Step>,
    cues: Vec<Cue>,
    acts: Vec<Act>,
    ending: Ending,
    waiting: bool,
    patient: bool,
    vent: bool,
    tempting: Vec<Tag>,
}

pub struct Played {
    pub card: Scorecard,
    pub session: Session,
}

impl Call {
    pub fn primary() -> Call {
        Call {
            role: Role::Primary,
            kind: CustomerKind::Consumer,
            steps: Vec::new(),
            cues: Vec::new(),
            acts: Vec::new(),
            ending: Ending::Resolved,
            waiting: false,
            patient: false,
            vent: false,
            tempting: Vec::new(),
        }
    }

    pub fn secondary() -> Call {
        Call {
            role: Role::Secondary,
            ..Call::primary()
        }
    }

    pub fn business(mut self) -> Call {
        self.kind = CustomerKind::Business;
        self
    }

    /// A customer who waits long and reacts mildly, for calls longer than 3 minutes.
    pub fn patient(mut self) -> Call {
        self.patient = true;
        self
    }

    pub fn ending(mut self, e: Ending) -> Call {
        self.ending = e;
        self
    }

    /// Gives every node a line the customer says when left waiting.
    pub fn waiting_line(mut self) -> Call {
        self.waiting = true;
        self
    }

    /// Every node's line is followed by a vent of two more lines.
    pub fn vent(mut self) -> Call {
        self.vent = true;
        self
    }

    /// The next customer line carries this cue.
    pub fn cue(mut self, c: Cue) -> Call {
        self.cues.push(c);
        self
    }

    /// The next node also offers a choice with this tag, which the trainee does not say.
    pub fn offering(mut self, tag: Tag) -> Call {
        self.tempting.push(tag);
        self
    }

    fn step(mut self, id: &str, tags: &[Tag], brief: &[BriefItem]) -> Call {
        self.steps.push(Step {
            cues: std::mem::take(&mut self.cues),
            id: id.to_string(),
            tags: tags.to_vec(),
            brief: brief.to_vec(),
            tempting: std::mem::take(&mut self.tempting),
            colleague: false,
        });
        self
    }

    /// Answers in the natural pause after the next node's line, while its vent
    /// is still to come.
    pub fn answer_in_vent(mut self, id: &str, tags: &[Tag]) -> Call {
        self.acts.push(Act::VentPause);
        self.acts.push(Act::Choose(id.to_string()));
        self.step(id, tags, &[])
    }

    /// Stays silent past the customer's patience and answers while they say
    /// their waiting line.
    pub fn answer_waiting_line(mut self, id: &str, tags: &[Tag]) -> Call {
        self.acts.push(Act::WaitingLine);
        self.acts.push(Act::Choose(id.to_string()));
        self.step(id, tags, &[])
    }

    /// A memo of junk written at once, before the customer has said anything.
    pub fn junk_memo_first(mut self) -> Call {
        let x = || "x".to_string();
        self.acts.insert(
            0,
            Act::Memo(Memo {
                when: x(),
                what: x(),
                cause: x(),
            }),
        );
        self
    }

    /// A complete memo written once the call is over.
    pub fn memo_after_the_call(mut self) -> Call {
        self.acts.push(Act::RunOut);
        self.acts.push(Act::Memo(Self::memo_of(true)));
        self
    }

    fn memo_of(complete: bool) -> Memo {
        Memo {
            when: "11月20日".into(),
            what: if complete {
                "注文4417 商品未着".into()
            } else {
                "商品未着".into()
            },
            cause: if complete {
                "配送会社の誤配".into()
            } else {
                String::new()
            },
        }
    }

    /// The line just answered was a colleague's (a `speaker` node), so the
    /// answer was said to them, not to the customer.
    pub fn said_to_colleague(mut self) -> Call {
        if let Some(st) = self.steps.last_mut() {
            st.colleague = true;
        }
        self
    }

    /// Answers the next customer line one second after it ends.
    pub fn say(self, id: &str, tags: &[Tag]) -> Call {
        self.say_after(id, tags, 1.0)
    }

    /// Answers the next customer line `pause_s` seconds after it ends.
    pub fn say_after(mut self, id: &str, tags: &[Tag], pause_s: f64) -> Call {
        self.acts.push(Act::Turn((pause_s * 1000.0) as u64));
        self.acts.push(Act::Choose(id.to_string()));
        self.step(id, tags, &[])
    }

    /// Answers halfway through the next customer line.
    pub fn interrupt(mut self, id: &str, tags: &[Tag]) -> Call {
        self.acts.push(Act::Mid);
        self.acts.push(Act::Choose(id.to_string()));
        self.step(id, tags, &[])
    }

    /// A spoken handoff brief with these items, answered after the line.
    pub fn brief(mut self, id: &str, items: &[BriefItem]) -> Call {
        self.acts.push(Act::Turn(1000));
        self.acts.push(Act::Choose(id.to_string()));
        self.step(id, &[Tag::ExplainsObjectively], items)
    }

    /// A back-channel halfway through the next customer line.
    pub fn listen_mid_line(mut self) -> Call {
        self.acts.push(Act::Mid);
        self.acts.push(Act::Listen);
        self
    }

    /// A memo of the facts heard (`true`), or one that holds only what went wrong.
    pub fn memo(mut self, complete: bool) -> Call {
        self.acts.push(Act::Memo(Self::memo_of(complete)));
        self
    }

    pub fn handoff(mut self, h: HandoffBrief) -> Call {
        self.acts.push(Act::Handoff(h));
        self
    }

    pub fn scenario(&self) -> Scenario {
        let line = Text::new(
            "注文番号4417の商品がまだ届かないんですけど、どうなっているんですか。",
            "My order 4417 still hasn't arrived. What is going on?",
        );
        let vent = if self.vent {
            vec![
                Text::new(
                    "昨日までに届くって書いてあったんですよ。",
                    "It said it would come by yesterday.",
                ),
                Text::new(
                    "今日使うつもりだったのに、本当に困ってるんです。",
                    "I needed it today, and I really don't know what to do.",
                ),
            ]
        } else {
            vec![]
        };
        let choice = |id: String, tags: Vec<Tag>, brief: Vec<BriefItem>, next: String| Choice {
            id,
            text: Text::new("はい、承知いたしました。", "Yes, certainly."),
            next,
            if_angry: None,
            if_calm: None,
            anger: 0.0,
            tags,
            steps: None,
            brief,
            note: None,
            sets: Vec::new(),
            if_set: Vec::new(),
            unless_set: Vec::new(),
            spans: Default::default(),
        };
        let mut nodes: Vec<Node> = self
            .steps
            .iter()
            .enumerate()
            .map(|(i, st)| Node {
                id: format!("n{i}"),
                speaker: st
                    .colleague
                    .then(|| Text::new("前任の担当者", "The first operator")),
                customer: line.clone(),
                waiting: if self.waiting {
                    vec![Text::new("もしもし? 聞いてます?", "Hello? Are you there?")]
                } else {
                    vec![]
                },
                vent: vent.clone(),
                order: ChoiceOrder::Pinned,
                cues: st.cues.clone(),
                choices: {
                    let next = if i + 1 < self.steps.len() {
                        format!("n{}", i + 1)
                    } else {
                        "end".into()
                    };
                    let mut v = vec![choice(
                        st.id.clone(),
                        st.tags.clone(),
                        st.brief.clone(),
                        next.clone(),
                    )];
                    for (k, t) in st.tempting.iter().enumerate() {
                        v.push(choice(
                            format!("{}-tempting-{k}", st.id),
                            vec![*t],
                            vec![],
                            next.clone(),
                        ));
                    }
                    v
                },
                ending: None,
                coach: None,
                spans: Default::default(),
            })
            .collect();
        nodes.push(Node {
            id: "end".into(),
            speaker: None,
            customer: Text::new("わかりました。", "All right."),
            waiting: vec![],
            vent: vec![],
            order: ChoiceOrder::Shuffled,
            cues: std::mem::take(&mut self.cues.clone()),
            choices: vec![],
            ending: Some(self.ending.clone()),
            coach: None,
            spans: Default::default(),
        });
        Scenario {
            format: FORMAT_VERSION,
            id: "test".into(),
            title: Text::new("テスト", "Test"),
            summary: Text::new("テスト", "Test"),
            role: self.role,
            difficulty: 1,
            minutes: 3,
            rules: vec![],
            thermometer: Thermometer::Shown,
            customer_kind: self.kind,
            persona: Persona {
                name: Text::new("田中", "Tanaka"),
                background: Text::new("テスト", "Test"),
                anger: if self.patient { 40.0 } else { 60.0 },
                calm_below: if self.patient { 30.0 } else { 36.0 },
                hang_up_at: 100.0,
                volatility: if self.patient { 0.25 } else { 1.0 },
                patience_s: if self.patient { 60.0 } else { 5.0 },
                chars_per_s: 10.0,
                reactions: Reactions::default(),
                voice: Default::default(),
            },
            handoff: None,
            facts: vec![
                Fact {
                    id: "order".into(),
                    name: Text::new("注文番号", "order number"),
                    forms: vec!["4417".into()],
                    spans: Default::default(),
                },
                Fact {
                    id: "late".into(),
                    name: Text::new("未着", "not delivered"),
                    forms: vec!["届かない".into(), "未着".into(), "届いていない".into()],
                    spans: Default::default(),
                },
            ],
            company: None,
            staff: vec![],
            start: if self.steps.is_empty() {
                "end".into()
            } else {
                "n0".into()
            },
            nodes,
            spans: Default::default(),
            index: Default::default(),
        }
    }

    pub fn play(self) -> Played {
        let mut scenario = self.scenario();
        scenario.build_index();
        let mut s = Session::new(Arc::new(scenario), 7);
        for act in &self.acts {
            match act {
                Act::Turn(pause) => {
                    let wait = s.time_to_turn().expect("a turn should come");
                    s.advance_ms(wait + pause);
                }
                Act::Mid => {
                    while !matches!(s.phase(), Phase::Speaking { .. })
                        || s.speaking()
                            .is_some_and(|(l, _)| !matches!(l.what, LineRef::Node(_)))
                    {
                        let end = s.phase().end().expect("a line should come");
                        s.advance_to(end);
                    }
                    let end = s.phase().end().unwrap();
                    s.advance_to((s.now_ms() + end) / 2);
                }
                Act::VentPause => {
                    let (line, _) = s.speaking().expect("the node's line is being said");
                    s.advance_to(line.end_ms + 100);
                    assert!(
                        matches!(s.phase(), Phase::Speaking { .. }),
                        "still the vent"
                    );
                }
                Act::WaitingLine => {
                    while !s
                        .speaking()
                        .is_some_and(|(l, _)| matches!(l.what, LineRef::Waiting(..)))
                    {
                        let due = s.phase().end().unwrap_or(s.now_ms() + 100);
                        s.advance_to(due.max(s.now_ms() + 100));
                    }
                    s.advance_ms(300);
                }
                Act::RunOut => s.run_out(),
                Act::Listen => s.act(Action::Listen).expect("listen"),
                Act::Choose(id) => s
                    .act(Action::Choose { choice: id.clone() })
                    .expect("choose"),
                Act::Memo(m) => s.act(Action::Memo(m.clone())).expect("memo"),
                Act::Handoff(h) => s.act(Action::Handoff(h.clone())).expect("handoff"),
            }
        }
        let card = s.finish();
        Played { card, session: s }
    }

    pub fn final_anger(self) -> f64 {
        let p = self.play();
        // The anger just after the last thing the trainee said.
        p.session
            .anger_changes()
            .last()
            .map_or(p.session.anger(), |c| c.to)
    }

    pub fn compare_anger(self, other: Call) -> (f64, f64) {
        (self.final_anger(), other.final_anger())
    }
}

impl Played {
    pub fn rule(&self, id: &str) -> Judgement {
        let id = RuleId::parse(id).expect("rule id");
        self.card.rules[id.index()].1
    }

    /// Asserts a rule's status and which choice showed it.
    pub fn expect(&self, id: &str, status: Status, by: Option<&str>) {
        let j = self.rule(id);
        let scenario = self.session.scenario();
        let by_id = j.by.map(|c| {
            scenario.nodes[usize::from(c.node)].choices[usize::from(c.choice)]
                .id
                .as_str()
        });
        assert_eq!((j.status, by_id), (status, by), "{id}: {j:?}");
        assert!(
            j.reason.starts_with(id)
                || (status == NotTested && j.reason == crate::rules::judgement::NOT_TESTED),
            "{id} has no explanation: {j:?}"
        );
    }

    pub fn transcript_has_interruption(&self) -> bool {
        let t = self.session.transcript();
        t.iter().any(|l| l.cut) && t.iter().any(|l| matches!(l.what, LineRef::Interrupted(_)))
    }

    pub fn said_waiting_line(&self) -> bool {
        self.session
            .transcript()
            .iter()
            .any(|l| matches!(l.what, LineRef::Waiting(..)))
    }
}
