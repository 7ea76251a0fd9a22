//! The running transcript of a call: who said what, from when to when. Lines point
//! into the scenario instead of copying its text, so a session allocates little.

use std::sync::LazyLock;

use crate::rules::ChoiceRef;
use crate::scenario::Scenario;
use crate::text::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Speaker {
    Customer,
    /// Someone other than the customer, named by the node (e.g. the supervisor).
    Other,
    Trainee,
}

/// What a transcript line says, by reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineRef {
    /// A node's main line.
    Node(u16),
    /// The k-th waiting line of a node.
    Waiting(u16, u16),
    /// The k-th line of a node's vent.
    Vent(u16, u16),
    /// The customer protesting an interruption (k-th reaction).
    Interrupted(u16),
    /// The customer hanging up (k-th reaction).
    HangUp(u16),
    /// A choice the trainee said.
    Choice(ChoiceRef),
    /// A back-channel (はい / ええ).
    Listen,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TranscriptLine {
    pub start_ms: u64,
    pub end_ms: u64,
    pub who: Speaker,
    pub what: LineRef,
    /// Cut off before its end (the trainee interrupted, or the customer hung up).
    pub cut: bool,
    /// The customer's anger when the line started: it sets how fast it is said
    /// (`tempo`), and in the app how the voice sounds.
    pub anger: f64,
}

static INTERRUPTED: LazyLock<Vec<Text>> = LazyLock::new(|| {
    vec![
        Text::new(
            "ちょっと、まだ話している途中なんですけど!",
            "Excuse me, I haven't finished!",
        ),
        Text::new("最後まで聞いてもらえますか。", "Could you let me finish?"),
        Text::new(
            "だから、人の話を聞きなさいよ!",
            "Will you listen to me for once!",
        ),
    ]
});

static HANG_UP: LazyLock<Vec<Text>> = LazyLock::new(|| {
    vec![Text::new(
        "もう結構です! 失礼します!",
        "Forget it! Goodbye!",
    )]
});

static BACK_CHANNEL: LazyLock<Text> = LazyLock::new(|| Text::new("はい……", "Yes…"));

/// The text of a reaction: the persona's own lines, else the engine's.
fn reaction<'a>(own: &'a [Text], builtin: &'a [Text], k: u16) -> &'a Text {
    let list = if own.is_empty() { builtin } else { own };
    &list[usize::from(k) % list.len()]
}

/// How many different interruption reactions the scenario can say.
pub fn interrupted_count(s: &Scenario) -> usize {
    let own = s.persona.reactions.interrupted.len();
    if own == 0 { INTERRUPTED.len() } else { own }
}

pub fn hang_up_count(s: &Scenario) -> usize {
    let own = s.persona.reactions.hang_up.len();
    if own == 0 { HANG_UP.len() } else { own }
}

impl LineRef {
    pub fn text<'a>(&self, s: &'a Scenario) -> &'a Text {
        match *self {
            LineRef::Node(n) => &s.nodes[usize::from(n)].customer,
            LineRef::Waiting(n, k) => &s.nodes[usize::from(n)].waiting[usize::from(k)],
            LineRef::Vent(n, k) => &s.nodes[usize::from(n)].vent[usize::from(k)],
            LineRef::Interrupted(k) => reaction(&s.persona.reactions.interrupted, &INTERRUPTED, k),
            LineRef::HangUp(k) => reaction(&s.persona.reactions.hang_up, &HANG_UP, k),
            LineRef::Choice(c) => &s.nodes[usize::from(c.node)].choices[usize::from(c.choice)].text,
            LineRef::Listen => &BACK_CHANNEL,
        }
    }
}

impl TranscriptLine {
    pub fn text<'a>(&self, s: &'a Scenario) -> &'a Text {
        self.what.text(s)
    }

    /// The node this line belongs to, when it is a node's line.
    pub fn node(&self) -> Option<u16> {
        match self.what {
            LineRef::Node(n) | LineRef::Waiting(n, _) | LineRef::Vent(n, _) => Some(n),
            LineRef::Choice(c) => Some(c.node),
            _ => None,
        }
    }
}
