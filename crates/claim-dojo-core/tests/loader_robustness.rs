//! The loader never panics: random bytes, random mutations of a valid scenario
//! (truncation, deleted and doubled characters), deep nesting and oversized input
//! all end in diagnostics. And what it accepts, plain `ron` reads the same way.

mod common;

use claim_dojo_core::load::{MAX_FILE_BYTES, load_bytes, load_str};
use claim_dojo_core::{Code, Scenario};
use proptest::prelude::*;

fn example() -> String {
    let doc = std::fs::read_to_string(common::root().join("docs/scenario-format.md")).unwrap();
    let start = doc.find("```ron\n").unwrap() + 7;
    let end = start + doc[start..].find("```").unwrap();
    doc[start..end].to_string()
}

fn valid_sources() -> Vec<(String, String)> {
    let mut v = vec![("example-late-parcel.ron".to_string(), example())];
    if let Ok(dir) = std::fs::read_dir(common::root().join("scenarios")) {
        for e in dir.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "ron") {
                v.push((
                    p.file_name().unwrap().to_string_lossy().into(),
                    std::fs::read_to_string(&p).unwrap(),
                ));
            }
        }
    }
    v
}

#[derive(Debug, Clone)]
enum Mutation {
    Truncate(usize),
    Delete(usize),
    Double(usize),
    Replace(usize, char),
}

fn mutate(src: &str, muts: &[Mutation]) -> String {
    let mut chars: Vec<char> = src.chars().collect();
    for m in muts {
        if chars.is_empty() {
            break;
        }
        match *m {
            Mutation::Truncate(i) => chars.truncate(i % chars.len()),
            Mutation::Delete(i) => {
                chars.remove(i % chars.len());
            }
            Mutation::Double(i) => {
                let i = i % chars.len();
                chars.insert(i, chars[i]);
            }
            Mutation::Replace(i, c) => {
                let i = i % chars.len();
                chars[i] = c;
            }
        }
    }
    chars.into_iter().collect()
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Truncate),
        any::<usize>().prop_map(Mutation::Delete),
        any::<usize>().prop_map(Mutation::Double),
        (
            any::<usize>(),
            prop::sample::select(vec![
                '(', ')', '[', ']', '"', ',', ':', '\\', '/', '*', 'x', '9', 'あ'
            ])
        )
            .prop_map(|(i, c)| Mutation::Replace(i, c)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_give_diagnostics_not_panics(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let loaded = load_bytes("random.ron", &bytes);
        prop_assert!(loaded.scenario.is_none() || loaded.diagnostics.iter().all(|d| !d.is_error()));
        prop_assert!(loaded.scenario.is_some() || loaded.has_errors());
    }

    #[test]
    fn mutated_scenarios_give_diagnostics_not_panics(muts in prop::collection::vec(mutation(), 1..6)) {
        let src = mutate(&example(), &muts);
        let loaded = load_str("example-late-parcel.ron", &src);
        // Either it still reads as a scenario, or it says exactly where it does not.
        if loaded.scenario.is_none() {
            let first = loaded.errors().next().expect("a refused file has an error");
            prop_assert!(first.line >= 1 && first.column >= 1);
        }
    }
}

#[test]
fn truncating_at_every_character_is_always_reported() {
    let src = example();
    // A cut inside the trailing white space leaves a whole file: cut only before
    // the last character that matters.
    let whole = src.trim_end().len();
    let cuts: Vec<usize> = src
        .char_indices()
        .map(|(i, _)| i)
        .step_by(7)
        .filter(|&i| i < whole)
        .collect();
    for cut in cuts {
        let loaded = load_str("x.ron", &src[..cut]);
        assert!(loaded.has_errors(), "a file cut at byte {cut} was accepted");
    }
}

#[test]
fn a_hundred_thousand_open_brackets_are_one_clear_diagnostic() {
    let src = format!("Scenario(rules: {}", "[".repeat(100_000));
    let loaded = load_str("deep.ron", &src);
    assert_eq!(
        loaded.errors().map(|d| d.code).collect::<Vec<_>>(),
        [Code::TooDeep]
    );
    let src = "(".repeat(100_000);
    assert_eq!(
        load_str("deep.ron", &src).errors().next().unwrap().code,
        Code::TooDeep
    );
}

#[test]
fn a_file_over_four_mebibytes_is_refused_before_reading() {
    let big = vec![b' '; MAX_FILE_BYTES as usize + 1];
    let dir = std::env::temp_dir().join(format!("claim-dojo-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big.ron");
    std::fs::write(&path, &big).unwrap();
    let loaded = claim_dojo_core::load_file(&path);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(loaded.diagnostics.len(), 1);
    assert_eq!(loaded.diagnostics[0].code, Code::TooLarge);
    assert_eq!(
        load_bytes("big.ron", &big).diagnostics[0].code,
        Code::TooLarge
    );
}

fn strip_spans(mut s: Scenario) -> Scenario {
    s.spans = Default::default();
    s.index = Default::default();
    for f in &mut s.facts {
        f.spans = Default::default();
    }
    for n in &mut s.nodes {
        n.spans = Default::default();
        for c in &mut n.choices {
            c.spans = Default::default();
        }
    }
    s
}

#[test]
fn plain_ron_reads_every_valid_scenario_the_same_way() {
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    for (name, src) in valid_sources() {
        let ours = load_str(&name, &src)
            .scenario
            .unwrap_or_else(|| panic!("{name} does not load"));
        let theirs: Scenario = options
            .from_str(&src)
            .unwrap_or_else(|e| panic!("{name}: ron says {e}"));
        assert_eq!(strip_spans(ours), theirs, "{name}");
    }
}
