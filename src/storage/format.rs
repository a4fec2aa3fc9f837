//! The progress format, version [`super::VERSION`]. The edits the page makes are in `edit.rs`.
//!
//! Every record carries the time it was made (`Millis`, given by the caller: this module reads
//! no clock), so two copies of progress can be merged ([`super::merge`]). Lesson ids are
//! `course/lesson`; quiz ids `course/lesson#n` or `course/lesson#predict-n`; goal ids
//! `course/lesson#goal-name`.
//!
//! Removals are kept as times, not by deleting: a reset is [`Progress::reset_at`], a lesson
//! marked not done keeps its `cleared` time, a quiz whose answers were cleared keeps its own.
//! That is what stops an older copy in another tab from bringing them back.
//!
//! The fields are private to `storage` so that every edit goes through a method that stamps it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Milliseconds since the Unix epoch. 0 means "before format 2 kept times".
pub type Millis = u64;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    pub(super) version: u32,
    /// When progress was last reset. Lessons, answers, goals and the last visit belong to the
    /// reset they were recorded after; a copy with an older reset loses them on merge.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub(super) reset: Millis,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(super) lessons: BTreeMap<String, LessonMark>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(super) quizzes: BTreeMap<String, QuizRecord>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(super) goals: BTreeMap<String, Goal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) last: Option<LastVisit>,
    #[serde(default, skip_serializing_if = "ThemeChoice::is_default")]
    pub(super) theme: ThemeChoice,
}

/// A lesson's "done" mark.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LessonMark {
    /// When it was first marked done (since `cleared`); `None`: not done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) done: Option<Millis>,
    /// When it was last marked not done; a copy with an older `cleared` loses to this one.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub(super) cleared: Millis,
}

/// A quiz's answers, by question index (from 0).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizRecord {
    /// When its answers were last cleared ("Clear answers").
    #[serde(default, skip_serializing_if = "is_zero")]
    pub(super) cleared: Millis,
    #[serde(default)]
    pub(super) answers: BTreeMap<u32, AnswerRecord>,
}

/// One answered question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerRecord {
    pub at: Millis,
    /// Whether it was right when it was first answered. `None` for an answer kept by format 1,
    /// which counted right answers per quiz rather than per question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub right: Option<bool>,
    pub answer: StoredAnswer,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
pub enum StoredAnswer {
    Choices(Vec<usize>),
    Number(f64),
}

/// A graded challenge met: when, the goal as the lesson wrote it then, and the scenario (as a
/// query) that met it. Format 3 added `goal`, so a lesson whose goal is rewritten does not
/// show the old success as the new goal met; a record kept by format 2 has `goal` empty
/// ("met before format 3"), which counts for whatever the lesson's goal is now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub at: Millis,
    pub goal: String,
    pub query: String,
}

impl Goal {
    /// Whether this record is a success at the goal `text` (as a lesson writes it now).
    pub fn is_for(&self, text: &str) -> bool {
        self.goal.is_empty() || self.goal == text
    }
}

/// The lesson visited last. (How far down it the learner was is not kept here: the page keeps
/// that for the tab only.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LastVisit {
    pub lesson: String,
    pub at: Millis,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeChoice {
    pub value: Theme,
    pub at: Millis,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follow the system setting.
    #[default]
    System,
    Light,
    Dark,
}

fn is_zero(t: &Millis) -> bool {
    *t == 0
}

impl ThemeChoice {
    fn is_default(&self) -> bool {
        *self == ThemeChoice::default()
    }
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            version: super::VERSION,
            reset: 0,
            lessons: BTreeMap::new(),
            quizzes: BTreeMap::new(),
            goals: BTreeMap::new(),
            last: None,
            theme: ThemeChoice::default(),
        }
    }
}

impl From<&crate::content::quiz::Answer> for StoredAnswer {
    fn from(answer: &crate::content::quiz::Answer) -> Self {
        use crate::content::quiz::Answer;
        match answer {
            Answer::Choices(picked) => StoredAnswer::Choices(picked.clone()),
            Answer::Number(x) => StoredAnswer::Number(*x),
        }
    }
}

impl From<&StoredAnswer> for crate::content::quiz::Answer {
    fn from(stored: &StoredAnswer) -> Self {
        use crate::content::quiz::Answer;
        match stored {
            StoredAnswer::Choices(picked) => Answer::Choices(picked.clone()),
            StoredAnswer::Number(x) => Answer::Number(*x),
        }
    }
}
