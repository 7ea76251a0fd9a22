//! Author mode's jump: move a running call to any node, so a trainer can try a
//! branch without playing up to it. Anger, facts and verdicts so far stay as
//! they are; the jump is not an action and is not logged, so a session with a
//! jump is a trial and cannot be replayed.

use super::Session;
use super::transcript::LineRef;

/// Why a jump was refused. The session is unchanged after a refusal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JumpError {
    UnknownNode(String),
    CallOver,
}

impl std::fmt::Display for JumpError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            JumpError::UnknownNode(id) => write!(f, "there is no node `{id}`"),
            JumpError::CallOver => write!(f, "the call is over"),
        }
    }
}

impl std::error::Error for JumpError {}

impl Session {
    /// Cuts whatever is being said and has the customer start node `id`'s line
    /// now; its choices are offered as usual.
    pub fn jump_to(&mut self, id: &str) -> Result<(), JumpError> {
        if self.outcome.is_some() {
            return Err(JumpError::CallOver);
        }
        let node = self
            .scenario
            .node_index(id)
            .ok_or_else(|| JumpError::UnknownNode(id.to_string()))?;
        self.anger.stop_climb(self.now);
        self.cut_current_line();
        self.queue.clear();
        self.ending = None;
        self.start_line(LineRef::Node(node as u16));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::session::Speaker;

    const SCENARIO: &str = r#"Scenario(
        format: 1, id: "jump", title: (ja: "跳ぶ", en: "Jump"), summary: (ja: "試し", en: "Trial"),
        role: Primary, difficulty: 1, minutes: 1, rules: ["R02"],
        persona: (name: (ja: "佐藤様", en: "Ms Sato"), background: (ja: "荷物", en: "Parcel"),
            anger: 60, calm_below: 40, hang_up_at: 95, volatility: 1.0, patience_s: 6, chars_per_s: 8),
        start: "open",
        nodes: [
            (id: "open", customer: (ja: "荷物が届きません。", en: "My parcel is late."),
             choices: [
                (id: "sorry", text: (ja: "ご不快な思いをおかけしました。", en: "I am sorry."), next: "details", tags: [FeelingsApology]),
                (id: "excuse", text: (ja: "混み合っておりまして。", en: "We are busy."), next: "angrier", tags: [Excuse]),
             ]),
            (id: "details", customer: (ja: "番号は四四一七です。", en: "It is 4417."),
             choices: [
                (id: "callback-dated", text: (ja: "本日十七時までにお電話します。", en: "By 5 today."), next: "fine", tags: [CallsBack, StatesDeadline]),
                (id: "callback-vague", text: (ja: "折り返します。", en: "I will call back."), next: "fine", tags: [CallsBack]),
             ]),
            (id: "angrier", customer: (ja: "もう結構です。", en: "Forget it."), ending: SecondaryComplaint),
            (id: "fine", customer: (ja: "待ってます。", en: "I will wait."), ending: Resolved),
        ],
    )"#;

    fn scenario() -> Arc<crate::Scenario> {
        let loaded = crate::load_str("jump.ron", SCENARIO);
        assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
        Arc::new(loaded.scenario.unwrap())
    }

    #[test]
    fn a_jump_starts_the_node_now_and_offers_its_choices() {
        let mut s = Session::new(scenario(), 1);
        s.advance_ms(500);
        s.jump_to("details").unwrap();
        let (line, _) = s.speaking().expect("the customer speaks the new node");
        assert_eq!(line.who, Speaker::Customer);
        assert_eq!(line.start_ms, 500);
        assert!(
            s.transcript()[0].cut,
            "the opening line was cut by the jump"
        );
        assert_eq!(s.scenario().nodes[s.current_node()].id, "details");
        let ids: Vec<_> = s.offered().iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["callback-dated", "callback-vague"]);
    }

    #[test]
    fn a_jump_to_an_ending_ends_the_call_after_its_line() {
        let mut s = Session::new(scenario(), 1);
        s.jump_to("angrier").unwrap();
        s.run_out();
        assert_eq!(
            s.outcome(),
            Some(crate::scenario::Outcome::SecondaryComplaint)
        );
    }

    #[test]
    fn unknown_nodes_and_finished_calls_refuse_the_jump() {
        let mut s = Session::new(scenario(), 1);
        assert_eq!(
            s.jump_to("nowhere"),
            Err(JumpError::UnknownNode("nowhere".into()))
        );
        s.run_out();
        assert_eq!(s.jump_to("details"), Err(JumpError::CallOver));
    }
}
