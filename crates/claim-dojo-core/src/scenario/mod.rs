//! The scenario a trainer writes: the model (`model`) and how its declared facts
//! are recognised in written text (`facts`); reading files is `crate::load`,
//! checking them is `crate::validate`.

pub mod facts;
pub mod model;

pub use model::*;
