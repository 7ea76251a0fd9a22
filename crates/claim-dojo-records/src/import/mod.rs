//! Importers of older formats, one file each. Every importer is idempotent:
//! a record's uid comes from its content, so running it twice adds nothing.

pub mod json_results;

pub use json_results::import_json_results;

use crate::error::StoreError;

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportSummary {
    /// Sessions added now.
    pub added: u32,
    /// Files already imported before.
    pub already: u32,
    /// Files that could not be read as session reports, each with why.
    pub skipped: Vec<StoreError>,
}
