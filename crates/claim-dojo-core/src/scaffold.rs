//! `claim-dojo new`: a commented scenario skeleton that validates clean, with
//! Japanese and English placeholders for a trainer to fill in.

use crate::scenario::Role;

const HANDOFF: &str = r#"    // 二次対応: SV が引き継ぐ前に読む一次対応者の記録。わざと不完全・誤りでもよい。
    // Secondary: the first handler's record the supervisor reads before taking over.
    handoff: (
        operator: (ja: "オペレーター 鈴木", en: "Operator Suzuki"),
        customer: (ja: "(どんなお客様か)", en: "(Who the customer is)"),
        request: (ja: "(元の要件)", en: "(The original request)"),
        reason: (ja: "(こじれた理由)", en: "(Why it escalated)"),
        // state: …, wants: …, notes: [ … ]   (any of these may be left out)
    ),
"#;

/// The skeleton for scenario `id`. `{ID}`, `{ROLE}` and `{HANDOFF}` are filled in.
const TEMPLATE: &str = r#"// {ID}.ron — Claim Dojo scenario (format 1). See docs/scenario-format.md and docs/authoring.md.
// Check it:   claim-dojo validate scenarios/{ID}.ron
// Play it:    claim-dojo play scenarios/{ID}.ron --choices accept,check,next-step
// Analyse it: claim-dojo analyze scenarios/{ID}.ron
Scenario(
    format: 1,
    id: "{ID}",
    title: (ja: "(タイトル)", en: "(Title)"),
    summary: (ja: "(研修で学ぶこと)", en: "(What the trainee learns)"),
    role: {ROLE},
    difficulty: 2,                     // 1 (やさしい) – 5 (難しい)
    minutes: 4,                        // 想定通話時間 / expected minutes
    rules: ["R03", "R06", "R12", "R14"], // このシナリオで教えるルール / rules it teaches
    persona: (
        name: (ja: "(お客様の名前)様", en: "(Customer's name)"),
        background: (ja: "(お客様の事情)", en: "(The customer's situation)"),
        anger: 65,                     // 開始時の怒り 0–100 / anger at the start
        calm_below: 40,                // これ未満が平静帯 / the calm band lies below this
        hang_up_at: 92,                // ここで電話を切る / she hangs up here
        volatility: 1.0,               // 反応の強さ 0.25–3 / how hard she reacts
        patience_s: 6,                 // 沈黙に耐える秒数 / seconds of silence tolerated
        chars_per_s: 8,                // 話す速さ(日本語の文字/秒) / speaking rate
    ),
{HANDOFF}    // メモと引き継ぎシートに控えるべき事実。書き方(forms)のどれかが書かれていれば控えたとみなす。
    // Facts a memo and a handoff brief should carry; any of the forms counts.
    facts: [
        (id: "order", name: (ja: "注文番号", en: "order number"), forms: ["1234"]),
    ],
    start: "open",
    nodes: [
        (
            id: "open",
            customer: (ja: "(お客様の最初の一言)", en: "(The customer's first words)"),
            waiting: [(ja: "……もしもし? 聞いてます?", en: "…Hello? Are you there?")],
            coach: (ja: "(研修生へのヒント。任意)", en: "(A tip for the trainee. Optional)"),
            choices: [
                (
                    id: "accept",
                    text: (ja: "ご不快な思いをおかけし、申し訳ございません。", en: "I'm sorry for the trouble this has caused you."),
                    next: "facts",
                    anger: -3,         // 作者の怒り変化 / the author's anger change
                    tags: [FeelingsApology],
                ),
                (
                    id: "excuse",
                    text: (ja: "(ありがちな言い訳)", en: "(A tempting excuse)"),
                    next: "angrier",
                    anger: 3,
                    tags: [Excuse],
                    note: (ja: "(振り返りで見せる講師のコメント)", en: "(A trainer's note for the debrief)"),
                ),
            ],
        ),
        (
            id: "facts",
            customer: (ja: "(お客様が事情を話す)", en: "(The customer explains)"),
            choices: [
                (
                    id: "check",
                    text: (ja: "念のため、ご注文番号を確認させていただけますか。", en: "May I confirm your order number?"),
                    next: "answer",
                    tags: [ChecksFact],
                ),
            ],
        ),
        (
            id: "answer",
            customer: (ja: "(お客様の答え。例: 注文番号は 1234 です)", en: "(The customer's answer, e.g. It's order 1234)"),
            choices: [
                (
                    id: "next-step",
                    text: (ja: "本日 17 時までに、担当からお電話いたします。", en: "Someone will call you back by 5 p.m. today."),
                    next: "end-follow-up",
                    tags: [CallsBack, StatesDeadline, NextStep],
                ),
            ],
        ),
        (
            id: "angrier",
            customer: (ja: "(怒りが強まった一言)", en: "(Angrier words)"),
            ending: SecondaryComplaint,
        ),
        (
            id: "end-follow-up",
            customer: (ja: "(お客様の最後の一言)", en: "(The customer's last words)"),
            ending: FollowUp(deadline: (ja: "本日 17 時まで", en: "by 5 p.m. today")),
        ),
    ],
)
"#;

pub fn skeleton(id: &str, role: Role) -> String {
    let (role, handoff) = match role {
        Role::Primary => ("Primary", ""),
        Role::Secondary => ("Secondary", HANDOFF),
    };
    TEMPLATE
        .replace("{ID}", id)
        .replace("{ROLE}", role)
        .replace("{HANDOFF}", handoff)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_skeletons_validate_clean_and_play() {
        for role in [Role::Primary, Role::Secondary] {
            let src = skeleton("my-new-call", role);
            let loaded = crate::load_str("scenarios/my-new-call.ron", &src);
            assert!(
                loaded.diagnostics.is_empty(),
                "{role:?}: {:#?}",
                loaded.diagnostics
            );
            let s = std::sync::Arc::new(loaded.scenario.unwrap());
            assert_eq!(s.role, role);
            let mut session = crate::play::session(&s, 1);
            crate::play::run_choices(
                &mut session,
                &["accept".into(), "check".into(), "next-step".into()],
            )
            .unwrap();
            assert_eq!(session.finish().outcome, crate::scenario::Outcome::FollowUp);
        }
    }
}
