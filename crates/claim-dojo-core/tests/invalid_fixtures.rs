//! Every file in tests/fixtures/invalid/ holds mistakes a trainer can make, each
//! marked where it stands: either a caret line under the bad input
//!
//! ```text
//!             next: "ned",
//! //                ^ E025
//! ```
//!
//! (the caret's character column is the column expected on the line above), or a
//! header `// expect: E006 at 45:13` where no line can follow (a truncated file).
//! The loader must report each code at exactly that line and column, with a
//! message and a hint in both languages, and refuse the scenario when it is an error.

mod common;

use claim_dojo_core::load::load_bytes;
use claim_dojo_core::text::Lang;

struct Mark {
    code: String,
    line: u32,
    column: u32,
}

fn marks(text: &str) -> Vec<Mark> {
    let mut out = Vec::new();
    for (i, l) in text.lines().enumerate() {
        if let Some(rest) = l.strip_prefix("// expect: ") {
            let (code, at) = rest.split_once(" at ").expect("`// expect: CODE at L:C`");
            let (line, column) = at.trim().split_once(':').unwrap();
            out.push(Mark {
                code: code.trim().into(),
                line: line.parse().unwrap(),
                column: column.parse().unwrap(),
            });
        } else if l.starts_with("//") && l.trim_start_matches(['/', ' ']).starts_with("^ ") {
            let caret = l.chars().position(|c| c == '^').unwrap();
            let code = l[l.find('^').unwrap() + 1..].trim();
            out.push(Mark {
                code: code.into(),
                line: i as u32, // 1-based number of the line above
                column: caret as u32 + 1,
            });
        }
    }
    out
}

#[test]
fn every_fixture_reports_its_codes_at_their_line_and_column_in_both_languages() {
    let files = common::files("tests/fixtures/invalid", "ron");
    assert!(files.len() >= 25, "only {} fixtures", files.len());
    let mut checked = 0;
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(path).unwrap();
        let loaded = load_bytes(&name, &bytes);
        let expected = marks(&String::from_utf8_lossy(&bytes));
        assert!(!expected.is_empty(), "{name} marks no expected diagnostic");
        for m in &expected {
            let found = loaded
                .diagnostics
                .iter()
                .find(|d| d.code.as_str() == m.code && d.line == m.line && d.column == m.column);
            let Some(d) = found else {
                let got: Vec<String> = loaded
                    .diagnostics
                    .iter()
                    .map(|d| format!("{} {}:{}", d.code.as_str(), d.line, d.column))
                    .collect();
                panic!(
                    "{name}: expected {} at {}:{}, got {got:?}",
                    m.code, m.line, m.column
                );
            };
            for lang in Lang::ALL {
                let msg = d.message(lang);
                let hint = d.hint(lang).unwrap_or_default();
                assert!(
                    !msg.is_empty() && !msg.contains('⟨'),
                    "{name} {lang:?}: {msg}"
                );
                assert!(
                    !hint.is_empty() && !hint.contains('⟨'),
                    "{name} {lang:?} hint: {hint}"
                );
                assert!(!msg.contains("{ $"), "{name}: unfilled argument in {msg}");
            }
            checked += 1;
        }
        let errors = expected.iter().any(|m| m.code.starts_with('E'));
        assert_eq!(
            loaded.scenario.is_none(),
            errors,
            "{name}: a scenario with errors is refused, one with warnings is not"
        );
    }
    assert!(checked >= 30, "{checked} marks checked");
}

#[test]
fn several_mistakes_in_one_file_are_all_reported() {
    let path = common::root().join("tests/fixtures/invalid/many_errors_all_reported.ron");
    let loaded = claim_dojo_core::load_file(&path);
    let codes: Vec<&str> = loaded.errors().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["E012", "E017", "E025", "E031"]);
}
