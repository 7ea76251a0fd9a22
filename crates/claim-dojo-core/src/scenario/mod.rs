//! The scenario a trainer writes: the model (`model`) and nothing else; reading
//! files is `crate::load`, checking them is `crate::validate`.

pub mod model;

pub use model::*;
