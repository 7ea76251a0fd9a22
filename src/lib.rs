//! Claim Dojo (クレーム道場): the desktop app on top of `claim-dojo-core`. Bevy
//! plugins here adapt the core's sessions to screens and input; they decide
//! nothing about a call. The headless commands live in `claim-dojo-cli`.
//! Built without the `app` feature, the crate is the headless commands alone.

#[cfg(feature = "app")]
pub mod app;
