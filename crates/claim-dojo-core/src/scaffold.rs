//! `claim-dojo new`: a commented scenario skeleton with no errors, with
//! Japanese and English placeholders for a trainer to fill in (each one a W014
//! warning until it is replaced), and a good path that passes.

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

/// The first answer of a Primary call: the operator has already given their
/// name on picking up, so accepting the anger comes first.
const ACCEPT_PRIMARY: &str = r#"                (
                    id: "accept",
                    text: (ja: "ご不快な思いをおかけし、申し訳ございません。", en: "I'm sorry for the trouble this has caused you."),
                    next: "facts",
                    anger: -4,         // 作者の怒り変化 / the author's anger change
                    tags: [FeelingsApology],
                ),"#;

/// The first answer of a takeover: the supervisor names themself before any
/// apology (R09) and acknowledges that the customer has to explain again (R10).
const ACCEPT_SECONDARY: &str = r#"                (
                    id: "accept",
                    text: (
                        ja: "お電話代わりました。責任者の(名前)と申します。何度もご説明いただくことになり、ご不快な思いをおかけして申し訳ございません。",
                        en: "This is (name), the supervisor, taking over. I'm sorry you have to explain this again, and for the trouble it has caused you.",
                    ),
                    next: "facts",
                    anger: -4,         // 作者の怒り変化 / the author's anger change
                    tags: [NamesSelf, AcknowledgesBurden, FeelingsApology],
                ),"#;

/// Every placeholder phrase of the skeletons: `validate` warns (W014) about a
/// text that still holds one.
pub const PLACEHOLDERS: &[&str] = &[
    "(タイトル)",
    "(Title)",
    "(研修で学ぶこと)",
    "(What the trainee learns)",
    "(お客様の名前)",
    "(Customer's name)",
    "(お客様の事情)",
    "(The customer's situation)",
    "(お客様の最初の一言)",
    "(The customer's first words)",
    "(研修生へのヒント。任意)",
    "(A tip for the trainee. Optional)",
    "(名前)",
    "(name)",
    "(ありがちな言い訳)",
    "(A tempting excuse)",
    "(振り返りで見せる講師のコメント)",
    "(A trainer's note for the debrief)",
    "(お客様が事情を話す)",
    "(The customer explains)",
    "(お客様の答え)",
    "(The customer's answer)",
    "(怒りが強まった一言)",
    "(Angrier words)",
    "(お客様の最後の一言)",
    "(The customer's last words)",
    "(どんなお客様か)",
    "(Who the customer is)",
    "(元の要件)",
    "(The original request)",
    "(こじれた理由)",
    "(Why it escalated)",
];

/// The skeleton for scenario `id`. `{ID}`, `{ROLE}`, `{HANDOFF}` and `{ACCEPT}` are filled in.
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
        anger: 62,                     // 開始時の怒り 0–100 / anger at the start
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
{ACCEPT}
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
                    anger: -3,
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
                    tags: [Promise, CallsBack, StatesDeadline, NextStep],
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
    let (role, handoff, accept) = match role {
        Role::Primary => ("Primary", "", ACCEPT_PRIMARY),
        Role::Secondary => ("Secondary", HANDOFF, ACCEPT_SECONDARY),
    };
    TEMPLATE
        .replace("{ACCEPT}", accept)
        .replace("{ID}", id)
        .replace("{ROLE}", role)
        .replace("{HANDOFF}", handoff)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Code;
    use crate::load::tree::{self, Kind, Value};

    /// Strings of the skeleton that hold a bracketed phrase: all of them placeholders.
    fn bracketed(v: &Value<'_>, out: &mut usize) {
        match &v.kind {
            Kind::Str(s) if s.contains('(') => *out += 1,
            Kind::Struct { fields, .. } => fields.iter().for_each(|f| bracketed(&f.value, out)),
            Kind::Tuple { items, .. } | Kind::List(items) => {
                items.iter().for_each(|i| bracketed(i, out))
            }
            _ => {}
        }
    }

    #[test]
    fn both_skeletons_have_no_errors_warn_about_every_placeholder_and_their_good_path_passes() {
        for role in [Role::Primary, Role::Secondary] {
            let src = skeleton("my-new-call", role);
            let loaded = crate::load_str("scenarios/my-new-call.ron", &src);
            assert!(!loaded.has_errors(), "{role:?}: {:#?}", loaded.diagnostics);
            assert!(
                loaded
                    .diagnostics
                    .iter()
                    .all(|d| d.code == Code::Placeholder),
                "{role:?}: only placeholders are warned about: {:#?}",
                loaded.diagnostics
            );
            let mut expected = 0;
            let arena = tree::arena_for(&src);
            bracketed(&tree::parse(&src, &arena).unwrap(), &mut expected);
            assert_eq!(loaded.diagnostics.len(), expected, "{role:?}");
            let s = std::sync::Arc::new(loaded.scenario.unwrap());
            assert_eq!(s.role, role);
            let mut session = crate::play::session(&s, 1);
            crate::play::run_choices(
                &mut session,
                &["accept".into(), "check".into(), "next-step".into()],
            )
            .unwrap();
            let card = session.finish();
            assert_eq!(card.outcome, crate::scenario::Outcome::FollowUp, "{role:?}");
            let broken: Vec<_> = card.broken().collect();
            assert!(
                card.deescalation.passed,
                "{role:?}: the good path passes the 3-minute check"
            );
            assert!(card.steps_in_order(), "{role:?}");
            // Only the memo (R20) is missing: `--choices` cannot write one. A
            // supervisor names themself before apologising and acknowledges the
            // burden of explaining again (R09, R10).
            let names: Vec<String> = broken.iter().map(|r| r.to_string()).collect();
            assert!(names.iter().all(|r| r == "R20"), "{role:?}: {names:?}");
        }
    }
}
