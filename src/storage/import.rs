//! Importing a progress file: limits, validation against the catalog, and a summary of what
//! would change before anything is applied.
//!
//! Flow: the page checks the file's size with [`check_size`] before reading it → [`import`]
//! checks the text's length again, parses and migrates it like a stored value, leaves out (and
//! reports) every entry this site does not have, and moves times in the future to `now` →
//! [`plan_import`] computes the progress that merging or replacing would give and the
//! [`Changes`] it makes → the learner chooses, and only then does the page apply it (as an edit
//! of its progress, saved through `plan_write` like any other).

use std::collections::BTreeMap;

use super::edit::stamp;
use super::format::{Goal, Millis, Progress, QuizRecord, StoredAnswer};
use super::{MIGRATIONS, VERSION, merge, parse, without_bom};
use crate::content::Catalog;

/// The largest progress file read: 1 MiB. Every lesson on the site done and every check and
/// prediction answered makes a file of about 67 KB (`tests/import_limits.rs` keeps it under a
/// quarter of the cap).
pub const MAX_BYTES: u64 = 1024 * 1024;
/// Quizzes (or predictions) per lesson, questions per quiz, and choices per answer that an
/// imported file may name. Lessons have far fewer.
pub const MAX_QUIZZES_PER_LESSON: u32 = 100;
pub const MAX_QUESTIONS: u32 = 100;
pub const MAX_CHOICES: usize = 64;
/// The longest scenario query a goal may keep.
pub const MAX_QUERY_BYTES: usize = 2048;

/// Refuses a file bigger than [`MAX_BYTES`], before it is read.
pub fn check_size(bytes: u64) -> Result<(), String> {
    if bytes > MAX_BYTES {
        Err(format!(
            "the file is {} KiB; a progress file is at most {} KiB, so this is not one",
            bytes.div_ceil(1024),
            MAX_BYTES / 1024
        ))
    } else {
        Ok(())
    }
}

/// A file that can be imported: what it holds that this site knows, and what was left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    progress: Progress,
    /// The format the file was written in.
    pub from_version: u32,
    /// One line per entry left out, saying why.
    pub left_out: Vec<String>,
    /// How many times in the file were in the future (after `now`) and were moved to `now`.
    pub future_times: usize,
}

/// Merge the file into the current progress, or replace the current progress with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// Lessons done in either are done, the later answer to each question is kept, goals met in
    /// either are met (as two tabs merge, but the file counts as recorded since the last reset).
    Merge,
    /// The file's lessons, answers and goals, and nothing else. Older copies in other tabs
    /// cannot bring back what it removed.
    Replace,
}

/// Reads a progress file. The message says what is wrong with a file that cannot be imported;
/// entries this site does not have are left out and listed in [`Imported::left_out`].
pub fn import(text: &str, catalog: &Catalog, now: Millis) -> Result<Imported, String> {
    check_size(text.len() as u64)?;
    let text = without_bom(text);
    if text.trim().is_empty() {
        return Err("the file is empty".into());
    }
    let (file, from_version) = parse(text, VERSION, MIGRATIONS).map_err(|e| e.reason)?;
    let mut check = Check { catalog, now, left_out: Vec::new(), future_times: 0 };
    let progress = check.progress(file);
    Ok(Imported { progress, from_version, left_out: check.left_out, future_times: check.future_times })
}

impl Imported {
    /// What the file holds (after leaving out what this site does not have).
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// The entries left out, for the learner: the first few, and how many more.
    pub fn left_out_summary(&self) -> Option<String> {
        const SHOWN: usize = 5;
        let (first, rest) = self.left_out.split_at(self.left_out.len().min(SHOWN));
        if first.is_empty() {
            return None;
        }
        let mut text = format!("Left out of the import: {}", first.join("; "));
        if !rest.is_empty() {
            text.push_str(&format!("; and {} more", rest.len()));
        }
        text.push('.');
        Some(text)
    }
}

/// What importing `imported` into `ours` would give, and what it would change. Nothing is
/// applied: the page shows the changes and applies the progress if the learner agrees.
pub fn plan_import(
    ours: &Progress,
    imported: &Imported,
    mode: ImportMode,
    now: Millis,
) -> (Progress, Changes) {
    let file = &imported.progress;
    let after = match mode {
        ImportMode::Merge => merge(ours, &Progress { reset: ours.reset, ..file.clone() }),
        ImportMode::Replace => {
            let mut replaced = Progress {
                reset: stamp(now, ours.newest()),
                lessons: file
                    .lessons
                    .iter()
                    .filter(|(_, m)| m.done.is_some())
                    .map(|(id, m)| (id.clone(), super::LessonMark { done: m.done, cleared: 0 }))
                    .collect(),
                quizzes: file
                    .quizzes
                    .iter()
                    .filter(|(_, q)| !q.answers.is_empty())
                    .map(|(id, q)| (id.clone(), QuizRecord { cleared: 0, answers: q.answers.clone() }))
                    .collect(),
                ..file.clone()
            };
            replaced.theme = super::merge::later_theme(ours.theme, file.theme);
            replaced
        }
    };
    let changes = Changes::between(ours, &after);
    (after, changes)
}

/// What an import (or any edit) changes, for the learner to read before it is applied.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    pub lessons_added: Vec<String>,
    pub lessons_removed: Vec<String>,
    pub answers_added: usize,
    pub answers_changed: usize,
    pub answers_removed: usize,
    pub goals_added: Vec<String>,
    pub goals_removed: Vec<String>,
    pub theme_changed: bool,
}

impl Changes {
    pub fn between(before: &Progress, after: &Progress) -> Changes {
        let done =
            |p: &Progress| p.completed().map(str::to_string).collect::<std::collections::BTreeSet<_>>();
        let (was, now) = (done(before), done(after));
        let goals = |p: &Progress| p.goals.keys().cloned().collect::<std::collections::BTreeSet<_>>();
        let (had, has) = (goals(before), goals(after));
        let answers = |p: &Progress| -> BTreeMap<(String, u32), StoredAnswer> {
            p.quizzes
                .iter()
                .flat_map(|(id, q)| q.answers.iter().map(move |(i, a)| ((id.clone(), *i), a.answer.clone())))
                .collect()
        };
        let (old, new) = (answers(before), answers(after));
        Changes {
            lessons_added: now.difference(&was).cloned().collect(),
            lessons_removed: was.difference(&now).cloned().collect(),
            answers_added: new.keys().filter(|k| !old.contains_key(*k)).count(),
            answers_changed: new.iter().filter(|(k, a)| old.get(*k).is_some_and(|o| o != *a)).count(),
            answers_removed: old.keys().filter(|k| !new.contains_key(*k)).count(),
            goals_added: has.difference(&had).cloned().collect(),
            goals_removed: had.difference(&has).cloned().collect(),
            theme_changed: before.theme() != after.theme(),
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == Changes::default()
    }

    /// One sentence for the learner, e.g. "2 lessons marked done, 1 unmarked; 5 answers added".
    pub fn describe(&self) -> String {
        let count = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut parts = Vec::new();
        let lessons: Vec<String> = [
            (self.lessons_added.len(), "lesson marked done", "lessons marked done"),
            (self.lessons_removed.len(), "lesson no longer done", "lessons no longer done"),
        ]
        .into_iter()
        .filter(|(n, ..)| *n > 0)
        .map(|(n, one, many)| count(n, one, many))
        .collect();
        if !lessons.is_empty() {
            parts.push(lessons.join(", "));
        }
        let answers: Vec<String> = [
            (self.answers_added, "answer added", "answers added"),
            (self.answers_changed, "answer changed", "answers changed"),
            (self.answers_removed, "answer removed", "answers removed"),
        ]
        .into_iter()
        .filter(|(n, ..)| *n > 0)
        .map(|(n, one, many)| count(n, one, many))
        .collect();
        if !answers.is_empty() {
            parts.push(answers.join(", "));
        }
        let goals: Vec<String> = [
            (self.goals_added.len(), "goal met", "goals met"),
            (self.goals_removed.len(), "goal no longer met", "goals no longer met"),
        ]
        .into_iter()
        .filter(|(n, ..)| *n > 0)
        .map(|(n, one, many)| count(n, one, many))
        .collect();
        if !goals.is_empty() {
            parts.push(goals.join(", "));
        }
        if self.theme_changed {
            parts.push("the colour theme changes".into());
        }
        if parts.is_empty() { "Nothing would change.".into() } else { format!("{}.", parts.join("; ")) }
    }
}

/// Validation of an imported file against the catalog.
struct Check<'a> {
    catalog: &'a Catalog,
    now: Millis,
    left_out: Vec<String>,
    future_times: usize,
}

impl Check<'_> {
    fn progress(&mut self, file: Progress) -> Progress {
        let mut out = Progress { reset: self.time(file.reset), ..Progress::default() };
        for (id, mut mark) in file.lessons {
            if self.lesson_known(&id) {
                mark.done = mark.done.map(|t| self.time(t));
                mark.cleared = self.time(mark.cleared);
                out.lessons.insert(id, mark);
            } else {
                self.leave_out(format!("lesson {} is not on this site", shown(&id)));
            }
        }
        for (id, record) in file.quizzes {
            if let Some(record) = self.quiz(&id, record) {
                out.quizzes.insert(id, record);
            }
        }
        for (id, goal) in file.goals {
            if let Some(goal) = self.goal(&id, goal) {
                out.goals.insert(id, goal);
            }
        }
        out.last = file.last.and_then(|mut last| {
            if self.lesson_known(&last.lesson) {
                last.at = self.time(last.at);
                Some(last)
            } else {
                self.leave_out(format!(
                    "the last lesson visited, {}, is not on this site",
                    shown(&last.lesson)
                ));
                None
            }
        });
        out.theme = file.theme;
        out.theme.at = self.time(out.theme.at);
        out
    }

    fn quiz(&mut self, id: &str, mut record: QuizRecord) -> Option<QuizRecord> {
        let known = id.split_once('#').is_some_and(|(lesson, n)| {
            let n = n.strip_prefix("predict-").unwrap_or(n);
            self.lesson_known(lesson) && is_number_below(n, MAX_QUIZZES_PER_LESSON)
        });
        if !known {
            self.leave_out(format!("answers to {}, which is not a check on this site", shown(id)));
            return None;
        }
        record.cleared = self.time(record.cleared);
        let answers = std::mem::take(&mut record.answers);
        for (index, mut answer) in answers {
            let possible = match &answer.answer {
                StoredAnswer::Choices(picked) => {
                    !picked.is_empty()
                        && picked.len() <= MAX_CHOICES
                        && picked.iter().all(|c| *c < MAX_CHOICES)
                }
                StoredAnswer::Number(x) => x.is_finite(),
            };
            if index >= MAX_QUESTIONS || !possible {
                self.leave_out(format!(
                    "question {} of {}: not an answer this site can give",
                    index + 1,
                    shown(id)
                ));
                continue;
            }
            answer.at = self.time(answer.at);
            record.answers.insert(index, answer);
        }
        Some(record)
    }

    fn goal(&mut self, id: &str, mut goal: Goal) -> Option<Goal> {
        let known = id.split_once("#goal-").is_some_and(|(lesson, name)| {
            self.lesson_known(lesson)
                && (1..=64).contains(&name.len())
                && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        });
        if !known {
            self.leave_out(format!("goal {} is not on this site", shown(id)));
            return None;
        }
        if goal.query.len() > MAX_QUERY_BYTES
            || goal.query.chars().any(char::is_control)
            || goal.goal.len() > MAX_QUERY_BYTES
            || goal.goal.chars().any(char::is_control)
        {
            self.leave_out(format!("goal {}: its scenario is not one this site writes", shown(id)));
            return None;
        }
        goal.at = self.time(goal.at);
        Some(goal)
    }

    fn lesson_known(&self, id: &str) -> bool {
        id.split_once('/').is_some_and(|(course, lesson)| self.catalog.lesson(course, lesson).is_some())
    }

    /// A time from the file, moved to `now` if it is in the future.
    fn time(&mut self, t: Millis) -> Millis {
        if t > self.now {
            self.future_times += 1;
            self.now
        } else {
            t
        }
    }

    fn leave_out(&mut self, why: String) {
        self.left_out.push(why);
    }
}

fn is_number_below(text: &str, limit: u32) -> bool {
    !text.is_empty()
        && text.len() <= 3
        && text.bytes().all(|b| b.is_ascii_digit())
        && text.parse::<u32>().is_ok_and(|n| n < limit)
}

/// An id from a file as the learner should see it: quoted, and cut short if it is long.
fn shown(id: &str) -> String {
    const MAX: usize = 60;
    let clean: String = id.chars().map(|c| if c.is_control() { '\u{fffd}' } else { c }).collect();
    match clean.char_indices().nth(MAX) {
        Some((cut, _)) => format!("\u{201c}{}\u{2026}\u{201d}", &clean[..cut]),
        None => format!("\u{201c}{clean}\u{201d}"),
    }
}
