//! The trainee's settings: the language of every string, the thermometer (hard
//! mode hides it) and the text speed, which is the call's time scale. They are
//! kept between runs in a small RON file (`Paths::settings`), written only when
//! the trainee changes something.

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use claim_dojo_core::Lang;
use claim_dojo_core::scenario::{Scenario, Thermometer};
use serde::{Deserialize, Serialize};

pub fn plugin(app: &mut App) {
    app.add_systems(Update, keep.run_if(resource_changed::<Settings>));
}

#[derive(Resource, Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    pub lang: Lang,
    pub thermometer: ThermometerChoice,
    pub speed: TextSpeed,
    /// The customer speaks (`app/voice`), or the call is text only.
    pub voice: bool,
    /// The voice's volume, 0 to 1.
    pub voice_volume: f32,
}

impl Settings {
    pub fn new(lang: Lang) -> Settings {
        Settings {
            lang,
            thermometer: ThermometerChoice::AsScenario,
            speed: TextSpeed::Normal,
            voice: true,
            voice_volume: 0.8,
        }
    }

    pub fn other_lang(&self) -> Lang {
        match self.lang {
            Lang::Ja => Lang::En,
            Lang::En => Lang::Ja,
        }
    }
}

/// Whether the trainee sees the anger thermometer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThermometerChoice {
    /// The scenario's default (`thermometer: Hidden` makes it hard mode).
    AsScenario,
    Show,
    /// Hard mode: a real customer shows no number.
    Hide,
}

impl ThermometerChoice {
    pub const ALL: [ThermometerChoice; 3] = [
        ThermometerChoice::AsScenario,
        ThermometerChoice::Show,
        ThermometerChoice::Hide,
    ];

    pub fn shows(self, scenario: &Scenario) -> bool {
        match self {
            ThermometerChoice::AsScenario => scenario.thermometer == Thermometer::Shown,
            ThermometerChoice::Show => true,
            ThermometerChoice::Hide => false,
        }
    }

    pub fn next(self) -> ThermometerChoice {
        let i = Self::ALL.iter().position(|c| *c == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }
}

/// How fast the call runs against the wall clock. Scoring is in call time, so a
/// slower speed only gives more time to read and think.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextSpeed {
    Slow,
    Normal,
    Fast,
}

impl TextSpeed {
    pub const ALL: [TextSpeed; 3] = [TextSpeed::Slow, TextSpeed::Normal, TextSpeed::Fast];

    /// The relative speed of `Time<Virtual>` during a call.
    pub fn factor(self) -> f32 {
        match self {
            TextSpeed::Slow => 0.75,
            TextSpeed::Normal => 1.0,
            TextSpeed::Fast => 1.25,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            TextSpeed::Slow => "0.75×",
            TextSpeed::Normal => "1×",
            TextSpeed::Fast => "1.25×",
        }
    }

    pub fn next(self) -> TextSpeed {
        let i = Self::ALL.iter().position(|c| *c == self).unwrap_or(1);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }
}

/// What the settings file holds. Every field may be missing, so a file written by
/// an older version, or trimmed by hand, still gives what it has.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
struct Saved {
    lang: Option<Lang>,
    thermometer: Option<ThermometerChoice>,
    speed: Option<TextSpeed>,
    #[serde(default)]
    voice: Option<bool>,
    #[serde(default)]
    voice_volume: Option<f32>,
}

/// Where the settings are kept, and what was last read from or written there.
#[derive(Resource, Debug, Clone)]
pub struct SettingsFile {
    pub path: PathBuf,
    saved: Settings,
}

impl SettingsFile {
    pub fn new(path: PathBuf, saved: Settings) -> SettingsFile {
        SettingsFile { path, saved }
    }
}

impl Settings {
    /// The settings to start with: the saved ones over `fallback`, except that a
    /// language chosen on the command line wins. A file that cannot be read is
    /// reported and left as it is; it is replaced only when the trainee changes
    /// a setting.
    pub fn restore(
        path: &Path,
        fallback: Settings,
        lang_given: bool,
    ) -> (Settings, Option<String>) {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (fallback, None),
            Err(e) => return (fallback, Some(format!("{}: {e}", path.display()))),
        };
        let saved: Saved = match ron::from_str(&text) {
            Ok(s) => s,
            Err(e) => {
                let at = e.span.start;
                let problem = format!("{}:{}:{}: {}", path.display(), at.line, at.col, e.code);
                return (fallback, Some(problem));
            }
        };
        let restored = Settings {
            lang: match (lang_given, saved.lang) {
                (false, Some(lang)) => lang,
                _ => fallback.lang,
            },
            thermometer: saved.thermometer.unwrap_or(fallback.thermometer),
            speed: saved.speed.unwrap_or(fallback.speed),
            voice: saved.voice.unwrap_or(fallback.voice),
            voice_volume: saved
                .voice_volume
                .map_or(fallback.voice_volume, |v| v.clamp(0.0, 1.0)),
        };
        (restored, None)
    }

    fn save(&self, path: &Path) -> std::io::Result<()> {
        let saved = Saved {
            lang: Some(self.lang),
            thermometer: Some(self.thermometer),
            speed: Some(self.speed),
            voice: Some(self.voice),
            voice_volume: Some(self.voice_volume),
        };
        let text = ron::ser::to_string_pretty(&saved, ron::ser::PrettyConfig::default())
            .map_err(std::io::Error::other)?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        // Written beside and renamed, so a crash mid-write never leaves half a file.
        let tmp = path.with_extension("ron.tmp");
        std::fs::write(
            &tmp,
            format!("// Claim Dojo's settings, written by the app.\n{text}\n"),
        )?;
        std::fs::rename(&tmp, path)
    }
}

/// Writes the settings when the trainee has changed one. Screens take the
/// resource mutably every frame they draw, so "changed" alone is not enough.
fn keep(settings: Res<Settings>, mut file: ResMut<SettingsFile>) {
    if *settings == file.saved {
        return;
    }
    file.saved = *settings;
    if let Err(e) = settings.save(&file.path) {
        warn!(
            "could not save the settings to {}: {e}",
            file.path.display()
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("claim-dojo-settings-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir.join("settings.ron")
    }

    fn hard_english() -> Settings {
        Settings {
            lang: Lang::En,
            thermometer: ThermometerChoice::Hide,
            speed: TextSpeed::Slow,
            voice: false,
            voice_volume: 0.35,
        }
    }

    #[test]
    fn saved_settings_come_back_and_a_language_given_on_the_command_line_wins() {
        let path = scratch("roundtrip");
        hard_english().save(&path).unwrap();
        let fallback = Settings::new(Lang::Ja);
        assert_eq!(
            Settings::restore(&path, fallback, false),
            (hard_english(), None)
        );
        let (given, problem) = Settings::restore(&path, fallback, true);
        assert_eq!(problem, None);
        assert_eq!(given.lang, Lang::Ja);
        assert_eq!(given.thermometer, ThermometerChoice::Hide);
    }

    #[test]
    fn no_file_is_the_first_run_and_a_partial_file_keeps_what_it_has() {
        let path = scratch("partial");
        let fallback = Settings::new(Lang::En);
        assert_eq!(Settings::restore(&path, fallback, false), (fallback, None));
        std::fs::write(&path, "(speed: Some(Fast))").unwrap();
        let (s, problem) = Settings::restore(&path, fallback, false);
        assert_eq!(problem, None);
        assert_eq!((s.lang, s.speed), (Lang::En, TextSpeed::Fast));
    }

    #[test]
    fn a_broken_file_is_reported_with_its_place_and_left_untouched() {
        let path = scratch("broken");
        std::fs::write(&path, "(\n  speed: Some(Warp),\n)").unwrap();
        let fallback = Settings::new(Lang::Ja);
        let (s, problem) = Settings::restore(&path, fallback, false);
        assert_eq!(s, fallback);
        let problem = problem.expect("a problem");
        assert!(problem.contains("settings.ron:2:"), "{problem}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "(\n  speed: Some(Warp),\n)"
        );
    }

    #[test]
    fn a_setting_changed_on_the_menu_is_there_at_the_next_start() {
        use crate::app::testing;
        let data = testing::scratch("settings-kept");
        let mut app = testing::app(&testing::fixtures(), &data, testing::japanese());
        let file = data.join("settings.ron");
        for _ in 0..3 {
            app.update();
        }
        assert!(!file.exists(), "nothing is written until a setting changes");
        testing::press(&mut app, KeyCode::KeyL);
        testing::press(&mut app, KeyCode::KeyT);
        let now = *app.world().resource::<Settings>();
        assert_eq!(now.lang, Lang::En);
        assert_ne!(now.thermometer, ThermometerChoice::AsScenario);
        let (restored, problem) = Settings::restore(&file, testing::japanese(), false);
        assert_eq!((restored, problem), (now, None));
    }
}
