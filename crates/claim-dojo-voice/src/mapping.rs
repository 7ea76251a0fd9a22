//! Anger in the voice: the temperature when a line starts sets its pitch,
//! intonation and loudness, on top of the persona's own pitch and timbre. Its
//! speed is the engine's (`claim_dojo_core::session::tempo`): the synthesis is
//! fitted to the duration the engine gives the line. Every number is here and in
//! `docs/voice.md`.

use claim_dojo_core::scenario::PersonaVoice;

/// The anger at which the voice is as the persona sets it.
pub const NEUTRAL_ANGER: f64 = 50.0;
/// Half-tones higher per point of anger above neutral: ±3 at 0 and 100.
pub const PITCH_PER_POINT: f64 = 0.06;
/// Loudness at neutral anger, in dB. Mei's own level already reaches full scale,
/// so the voice starts below it and rises with anger.
pub const VOLUME_AT_NEUTRAL_DB: f64 = -6.0;
/// dB louder per point of anger above neutral: −11 dB at 0, −1 dB at 100.
pub const VOLUME_PER_POINT_DB: f64 = 0.1;
/// Intonation (Open JTalk's weight of the pitch contour's variance, `-jf`) per
/// point of anger above neutral: an angry voice rises and falls more.
pub const INTONATION_PER_POINT: f64 = 0.006;
/// Open JTalk's all-pass constant for Mei (`-a`), and how far a persona's timbre
/// moves it: a larger constant sounds like a larger, darker voice.
pub const ALL_PASS: f64 = 0.55;
pub const ALL_PASS_PER_TIMBRE: f64 = 0.05;
/// Anger is heard in steps of this many points: lines are synthesised ahead for a
/// step, and a step changes the engine's duration by under 1 %.
pub const ANGER_STEP: f64 = 5.0;

/// How someone other than the customer sounds (the supervisor who takes a
/// handoff): lower, fuller and calm, so the trainee hears that the customer is on hold.
pub const OTHER_VOICE: PersonaVoice = PersonaVoice {
    pitch: -4.0,
    timbre: 0.6,
};
pub const OTHER_ANGER: f64 = 35.0;

/// What the synthesiser is asked for, besides the text and the duration.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct VoiceParams {
    /// Open JTalk `-fm`: half-tones added to the voice's pitch.
    pub half_tones: f64,
    /// Open JTalk `-a`: the all-pass constant (timbre).
    pub all_pass: f64,
    /// Open JTalk `-g`: loudness in dB.
    pub volume_db: f64,
    /// Open JTalk `-jf`: how much the pitch rises and falls.
    pub intonation: f64,
}

/// The anger step a line is voiced at.
pub fn anger_step(anger: f64) -> f64 {
    ((anger.clamp(0.0, 100.0) / ANGER_STEP).round() * ANGER_STEP).clamp(0.0, 100.0)
}

/// The voice of a persona at `anger` (taken at its step).
pub fn params(voice: PersonaVoice, anger: f64) -> VoiceParams {
    let over = anger_step(anger) - NEUTRAL_ANGER;
    VoiceParams {
        half_tones: round2(voice.pitch + PITCH_PER_POINT * over),
        all_pass: round2((ALL_PASS + ALL_PASS_PER_TIMBRE * voice.timbre).clamp(0.4, 0.7)),
        volume_db: round2(VOLUME_AT_NEUTRAL_DB + VOLUME_PER_POINT_DB * over),
        intonation: round2((1.0 + INTONATION_PER_POINT * over).clamp(0.6, 1.4)),
    }
}

/// Two decimals: the parameters go into cache keys and onto a command line.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_angrier_customer_sounds_higher_louder_and_more_agitated() {
        let voice = PersonaVoice::default();
        let calm = params(voice, 25.0);
        let furious = params(voice, 90.0);
        assert!(furious.half_tones > calm.half_tones);
        assert!(furious.volume_db > calm.volume_db);
        assert!(furious.intonation > calm.intonation);
        assert_eq!(furious.all_pass, calm.all_pass, "anger leaves the timbre");
        assert!(furious.volume_db < 0.0, "never above the voice's own level");
    }

    #[test]
    fn a_persona_sets_the_base_pitch_and_timbre() {
        let man = PersonaVoice {
            pitch: -7.0,
            timbre: 0.8,
        };
        let (m, w) = (params(man, 60.0), params(PersonaVoice::default(), 60.0));
        assert_eq!(m.half_tones, w.half_tones - 7.0);
        assert!(m.all_pass > w.all_pass);
    }

    #[test]
    fn anger_is_voiced_in_steps() {
        assert_eq!(anger_step(61.0), 60.0);
        assert_eq!(anger_step(63.0), 65.0);
        assert_eq!(anger_step(140.0), 100.0);
        assert_eq!(
            params(PersonaVoice::default(), 61.0),
            params(PersonaVoice::default(), 59.0)
        );
    }
}
