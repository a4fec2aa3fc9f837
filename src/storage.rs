//! Learner progress: the format kept in the browser, how it is read back, and the one place
//! that touches localStorage.
//!
//! Stages: raw text (or nothing) from localStorage → [`load`] (parse, check the version, run
//! migrations) → [`Loaded`], which says what happened so the page can tell the learner → the
//! app edits a [`Progress`] → [`Progress::to_json`] → localStorage.
//!
//! A value that cannot be read (garbage, another site's data, a newer version) is never thrown
//! away: the caller copies it to [`KEPT_KEY`] before writing anything, and offers it as a file.
//! Everything here but `local` is pure and tested natively.

mod format;
#[cfg(feature = "web")]
pub mod local;
mod migrate;

pub use format::{LastVisit, Progress, QuizRecord, StoredAnswer, Theme};
pub use migrate::{MIGRATIONS, Migration, migrate};

/// Where progress lives in localStorage.
pub const KEY: &str = "headroom.progress";
/// Where an unreadable value is kept aside.
pub const KEPT_KEY: &str = "headroom.progress.unreadable";
/// The format this build writes. Bump it with a migration in `migrate::MIGRATIONS`.
pub const VERSION: u32 = 1;

/// The id progress uses for a lesson: `course/lesson`.
pub fn lesson_id(course: &str, lesson: &str) -> String {
    format!("{course}/{lesson}")
}

/// The id progress uses for the `n`-th quiz (from 0) of a lesson.
pub fn quiz_id(course: &str, lesson: &str, n: usize) -> String {
    format!("{course}/{lesson}#{n}")
}

/// The id progress uses for the `n`-th ```predict block (from 0) of a lesson.
pub fn prediction_id(course: &str, lesson: &str, n: usize) -> String {
    format!("{course}/{lesson}#predict-{n}")
}

/// What reading the stored value found.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// Nothing stored yet.
    Empty,
    /// Read as is, or after migrating from an older version.
    Ready { progress: Progress, migrated_from: Option<u32> },
    /// Not readable by this build; `raw` must be kept aside, and `reason` told to the learner.
    /// `newer` means a newer Headroom wrote it: this build must not write over it.
    Unreadable { raw: String, reason: String, newer: bool },
}

/// Reads a stored value.
pub fn load(raw: Option<&str>) -> Loaded {
    match raw {
        None => Loaded::Empty,
        Some(raw) if raw.trim().is_empty() => Loaded::Empty,
        Some(raw) => match parse(raw, VERSION, MIGRATIONS) {
            Ok((progress, from)) => {
                Loaded::Ready { progress, migrated_from: (from != VERSION).then_some(from) }
            }
            Err(Unreadable { reason, newer }) => Loaded::Unreadable { raw: raw.to_string(), reason, newer },
        },
    }
}

/// Reads an exported progress file; the message says what is wrong with a bad one.
pub fn import(text: &str) -> Result<Progress, String> {
    parse(text, VERSION, MIGRATIONS).map(|(progress, _)| progress).map_err(|e| e.reason)
}

/// Why a value could not be read.
#[derive(Debug)]
struct Unreadable {
    reason: String,
    newer: bool,
}

impl From<String> for Unreadable {
    fn from(reason: String) -> Self {
        Unreadable { reason, newer: false }
    }
}

impl From<&str> for Unreadable {
    fn from(reason: &str) -> Self {
        reason.to_string().into()
    }
}

/// Parses, checks the version and migrates up to `current`. Returns the progress and the
/// version it was stored in.
fn parse(raw: &str, current: u32, migrations: &[Migration]) -> Result<(Progress, u32), Unreadable> {
    let value: serde_json::Value = serde_json::from_str(raw).map_err(|_| "it is not JSON".to_string())?;
    let version = value
        .get("version")
        .and_then(serde_json::Value::as_u64)
        .ok_or("it has no format version, so it is not Headroom progress")?;
    let version = u32::try_from(version)
        .ok()
        .filter(|v| *v >= 1)
        .ok_or_else(|| format!("its format version {version} is not valid"))?;
    if version > current {
        let reason = format!(
            "it was saved by a newer Headroom (format {version}; this page reads up to {current}); reload to get the newer site"
        );
        return Err(Unreadable { reason, newer: true });
    }
    let value = migrate(value, version, migrations)?;
    let progress: Progress = serde_json::from_value(value)
        .map_err(|e| format!("it looks like Headroom progress but does not fit format {current}: {e}"))?;
    Ok((progress, version))
}

#[cfg(test)]
mod tests;
