//! Learner progress: the format kept in the browser, how it is read back and merged, and the
//! one place that touches localStorage.
//!
//! Stages: raw text (or nothing) from localStorage → [`load`] (parse, check the version, run
//! migrations) → [`Loaded`], which says what happened so the page can tell the learner → the
//! app edits a [`Progress`], stamping each edit with the time → before every write,
//! [`plan_write`] re-reads what is stored and merges ([`sync`]) so another tab's work is kept →
//! [`Progress::to_json`] → localStorage. A file to import goes through [`import`].
//!
//! A value that cannot be read (garbage, another site's data, a newer version) is never thrown
//! away: the caller copies it to [`KEPT_KEY`] before writing anything, and offers it as a file.
//! A value written by a newer format is never written over.
//! Everything here but `local` is pure (no clock: the caller passes the time) and tested
//! natively.

mod edit;
mod format;
pub mod import;
#[cfg(feature = "web")]
pub mod local;
mod merge;
mod migrate;
pub mod review;

pub use format::{
    AnswerRecord, Goal, LastVisit, LessonMark, Millis, Progress, QuizRecord, StoredAnswer, Theme, ThemeChoice,
};
pub use import::{Changes, ImportMode, Imported, import, plan_import};
pub use merge::{merge, sync};
pub use migrate::{MIGRATIONS, Migration, migrate};
pub use review::{REVIEW_AGAIN_AFTER, ReviewState};

/// Where progress lives in localStorage.
pub const KEY: &str = "headroom.progress";
/// Where an unreadable value is kept aside.
pub const KEPT_KEY: &str = "headroom.progress.unreadable";
/// The format this build writes. Bump it with a migration in `migrate::MIGRATIONS`.
pub const VERSION: u32 = 3;

/// The latest time a browser's clock can give (ECMAScript's limit on a `Date`, in ms). A stored
/// time past it is damage: trusted, it would win every merge and outlast every reset.
pub const MAX_TIME: Millis = 8_640_000_000_000_000;

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

/// The id progress uses for a lesson's graded challenge `name`.
pub fn goal_id(course: &str, lesson: &str, name: &str) -> String {
    format!("{course}/{lesson}#goal-{name}")
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
        Some(raw) if without_bom(raw).trim().is_empty() => Loaded::Empty,
        Some(raw) => match parse(without_bom(raw), VERSION, MIGRATIONS) {
            Ok((progress, from)) => {
                Loaded::Ready { progress, migrated_from: (from != VERSION).then_some(from) }
            }
            Err(Unreadable { reason, newer }) => Loaded::Unreadable { raw: raw.to_string(), reason, newer },
        },
    }
}

/// What the page must do to save its progress, decided by [`plan_write`].
#[derive(Debug, Clone, PartialEq)]
pub enum Write {
    /// Store `progress` under [`KEY`] and show it: the page's progress merged with what was
    /// stored (another tab's work included).
    Save(Progress),
    /// What is stored already holds everything the page has: show `progress` (it may hold
    /// another tab's work), write nothing.
    Unchanged(Progress),
    /// The stored value cannot be read. Copy `raw` to [`KEPT_KEY`] (`keep_aside`) first; only
    /// if that succeeds, store `progress`. Tell the learner `reason`.
    KeepAsideThenSave { raw: String, reason: String, progress: Progress },
    /// Write nothing: a newer Headroom wrote what is stored. Tell the learner `reason`.
    Refuse { reason: String },
}

/// Decides a write: the page re-reads the stored value (`load`) just before every write and
/// passes it here with its own progress. It never plans a write over a newer format, never
/// over an unreadable value that has not been kept aside, and never drops what another tab
/// stored since this page last read it.
pub fn plan_write(stored: Loaded, ours: &Progress) -> Write {
    match stored {
        Loaded::Empty => Write::Save(ours.clone()),
        Loaded::Ready { progress, migrated_from } => {
            let merged = sync(&progress, ours);
            if migrated_from.is_none() && merged == progress {
                Write::Unchanged(merged)
            } else {
                Write::Save(merged)
            }
        }
        Loaded::Unreadable { reason, newer: true, .. } => Write::Refuse {
            reason: format!(
                "Your progress is not being saved: {reason}. Nothing on this page will overwrite the saved copy."
            ),
        },
        Loaded::Unreadable { raw, reason, newer: false } => {
            let reason = format!(
                "The saved progress could not be read ({reason}); it is kept aside and can be downloaded."
            );
            Write::KeepAsideThenSave { raw, reason, progress: ours.clone() }
        }
    }
}

/// A leading byte order mark, as some editors write, is not part of the JSON.
fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
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
    let value: serde_json::Value = serde_json::from_str(raw).map_err(|e| format!("it is not JSON ({e})"))?;
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
    let progress: Progress = serde_json::from_value(value).map_err(|e| {
        // Read from the text again for the line and column, where the text is in this format.
        let e = if version == current { serde_json::from_str::<Progress>(raw).err().unwrap_or(e) } else { e };
        format!("it looks like Headroom progress but does not fit format {current}: {e}")
    })?;
    if progress.newest() > MAX_TIME {
        return Err("it has a time later than any date a browser can give, so it is damaged".into());
    }
    Ok((progress, version))
}

#[cfg(test)]
mod tests;
