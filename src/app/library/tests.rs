//! Live reload on a real folder: a good save is played at once, a broken save
//! shows its diagnostics and keeps the last good version, and a new file joins.

use std::time::{Duration, Instant};

use bevy::prelude::*;

use super::Library;
use crate::app::testing::*;

fn title(app: &App) -> Option<String> {
    app.world()
        .resource::<Library>()
        .get("late-parcel")
        .map(|s| s.title.ja.clone())
}

/// Updates, as the woken event loop would, until `done` or a few seconds pass.
fn wait(app: &mut App, done: impl Fn(&App) -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(5) {
        app.update();
        if done(app) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

#[test]
fn saves_reload_within_a_second_and_broken_ones_keep_the_last_good_version() {
    let data = scratch("reload");
    let dir = data.join("scenarios");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("late-parcel.ron");
    let good = std::fs::read_to_string(fixtures().join("late-parcel.ron")).unwrap();
    std::fs::write(&file, &good).unwrap();
    let mut app = app(&dir, &data, japanese());
    assert_eq!(title(&app).as_deref(), Some("届かない荷物"));

    let edited = good.replace("届かない荷物", "まだ届かない荷物");
    std::fs::write(&file, &edited).unwrap();
    let start = Instant::now();
    assert!(
        wait(&mut app, |a| title(a).as_deref()
            == Some("まだ届かない荷物")),
        "a good save reloads"
    );
    assert!(
        start.elapsed() < Duration::from_millis(1_500),
        "within about a second: {:?}",
        start.elapsed()
    );

    let broken = edited.replace("next: \"details\"", "next: \"detials\"");
    std::fs::write(&file, broken).unwrap();
    assert!(
        wait(&mut app, |a| a
            .world()
            .resource::<Library>()
            .broken()
            .count()
            == 1),
        "a broken save shows"
    );
    let library = app.world().resource::<Library>();
    let entry = &library.entries[0];
    assert!(entry.keeps_last_good());
    let error = entry.diagnostics.iter().find(|d| d.is_error()).unwrap();
    assert_eq!(error.code.as_str(), "E025");
    assert!(
        error.line > 1 && error.column > 1,
        "placed at its line and column"
    );
    assert!(error.message(claim_dojo_core::Lang::Ja).contains("detials"));
    assert_eq!(
        title(&app).as_deref(),
        Some("まだ届かない荷物"),
        "the last good version still plays"
    );

    std::fs::write(
        dir.join("takeover.ron"),
        std::fs::read_to_string(fixtures().join("takeover.ron")).unwrap(),
    )
    .unwrap();
    assert!(
        wait(&mut app, |a| a
            .world()
            .resource::<Library>()
            .get("takeover")
            .is_some()),
        "a new file joins"
    );
}

#[test]
fn a_missing_folder_is_said_in_the_readers_language_and_counted_apart() {
    let data = scratch("no-folder");
    let app = app(&data.join("nowhere"), &data, japanese());
    let library = app.world().resource::<Library>();
    assert_eq!(library.entries.len(), 0);
    assert_eq!(library.broken().count(), 0, "a folder is not a scenario");
    let problem = library
        .dir_problem
        .as_ref()
        .expect("the folder is reported");
    let ja = problem.message(claim_dojo_core::Lang::Ja);
    assert!(ja.contains("フォルダもありません"), "{ja}");
    assert!(!ja.contains("not"), "no English in Japanese: {ja}");
    let en = problem.message(claim_dojo_core::Lang::En);
    assert!(en.contains("no such file or folder"), "{en}");
}
