//! The scenario library: every `.ron` file of the scenarios folder as the core
//! loads it, with the diagnostics of broken files, kept fresh by a watcher. A
//! broken save never replaces the last good version of a scenario.

pub mod watch;

#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use bevy::prelude::*;
use claim_dojo_core::load::{io_problem, load_file, scenario_files};
use claim_dojo_core::{Diagnostic, Scenario};

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(watch::plugin);
}

/// What a file looked like when it was last read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
}

impl Stamp {
    pub fn of(path: &Path) -> Option<Stamp> {
        let m = std::fs::metadata(path).ok()?;
        Some(Stamp {
            modified: m.modified().ok(),
            len: m.len(),
        })
    }
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub file: PathBuf,
    /// The last version that loaded without errors.
    pub scenario: Option<Arc<Scenario>>,
    /// Everything the latest load of the file found.
    pub diagnostics: Vec<Diagnostic>,
    /// SHA-256 of the file that gave `scenario`, for the records.
    pub hash: Option<String>,
    stamp: Option<Stamp>,
}

impl Entry {
    fn read(file: PathBuf) -> Entry {
        let stamp = Stamp::of(&file);
        let loaded = load_file(&file);
        let hash = loaded
            .scenario
            .as_ref()
            .and_then(|_| std::fs::read(&file).ok())
            .map(|bytes| claim_dojo_records::content_hash(&bytes));
        Entry {
            file,
            scenario: loaded.scenario.map(Arc::new),
            diagnostics: loaded.diagnostics,
            hash,
            stamp,
        }
    }

    pub fn is_broken(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The latest save is broken, and the last good version still plays.
    pub fn keeps_last_good(&self) -> bool {
        self.is_broken() && self.scenario.is_some()
    }
}

#[derive(Resource, Debug)]
pub struct Library {
    pub dir: PathBuf,
    pub entries: Vec<Entry>,
    /// The folder itself cannot be read.
    pub dir_problem: Option<Diagnostic>,
    /// Grows on every change, so views can tell that something was reloaded.
    pub revision: u64,
}

impl Library {
    pub fn load(dir: &Path) -> Library {
        let mut library = Library {
            dir: dir.to_path_buf(),
            entries: Vec::new(),
            dir_problem: None,
            revision: 0,
        };
        library.rescan();
        library
    }

    /// Reads again the files whose size or time changed, adds new files and drops
    /// deleted ones. Returns the files that changed.
    pub fn rescan(&mut self) -> Vec<PathBuf> {
        let files = self.list_files();
        let mut changed = Vec::new();
        self.entries.retain(|e| {
            let keep = files.contains(&e.file);
            if !keep {
                changed.push(e.file.clone());
            }
            keep
        });
        for file in files {
            match self.entries.iter_mut().find(|e| e.file == file) {
                Some(e) if e.stamp == Stamp::of(&file) => {}
                Some(e) => {
                    let fresh = Entry::read(file.clone());
                    if fresh.scenario.is_some() {
                        e.hash = fresh.hash;
                    }
                    e.scenario = fresh.scenario.or(e.scenario.take());
                    e.diagnostics = fresh.diagnostics;
                    e.stamp = fresh.stamp;
                    changed.push(file);
                }
                None => {
                    self.entries.push(Entry::read(file.clone()));
                    changed.push(file);
                }
            }
        }
        self.entries.sort_by(|a, b| a.file.cmp(&b.file));
        if !changed.is_empty() {
            self.revision += 1;
        }
        changed
    }

    fn list_files(&mut self) -> Vec<PathBuf> {
        if !self.dir.is_dir() {
            // Said in the reader's language (E001's `kind`), never the system's words.
            let kind = if self.dir.exists() {
                "not_a_folder"
            } else {
                "not_found"
            };
            let file = self.dir.display().to_string();
            self.dir_problem = Some(io_problem(&file, kind, kind));
            return Vec::new();
        }
        match scenario_files(&self.dir) {
            Ok(files) => {
                self.dir_problem = None;
                files
            }
            Err(d) => {
                self.dir_problem = Some(d);
                Vec::new()
            }
        }
    }

    /// Every scenario that can be played, in file order.
    pub fn playable(&self) -> impl Iterator<Item = &Arc<Scenario>> {
        self.entries.iter().filter_map(|e| e.scenario.as_ref())
    }

    /// The newest good version of the scenario with this id.
    pub fn get(&self, id: &str) -> Option<Arc<Scenario>> {
        self.playable().find(|s| s.id == id).cloned()
    }

    /// The hash of the file that gave this very version of a scenario.
    pub fn hash_of(&self, scenario: &Arc<Scenario>) -> Option<&str> {
        self.entries
            .iter()
            .find(|e| {
                e.scenario
                    .as_ref()
                    .is_some_and(|s| Arc::ptr_eq(s, scenario))
            })
            .and_then(|e| e.hash.as_deref())
    }

    /// Files whose latest load found errors.
    pub fn broken(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| e.is_broken())
    }
}
