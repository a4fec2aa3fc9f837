//! The progress format, version [`super::VERSION`], and the edits the page makes to it.
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
//! The fields are private so that every edit goes through a method that stamps it.

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

/// A graded challenge met: when, and the scenario (as a query) that met it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub at: Millis,
    pub query: String,
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

/// A time for an edit made `now` that must come after `floor` (what it replaces), even if the
/// clock went backwards.
pub(super) fn stamp(now: Millis, floor: Millis) -> Millis {
    now.max(floor.saturating_add(1))
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

impl Progress {
    pub fn to_json(&self) -> String {
        // Plain data with string keys and finite numbers always serializes; the fallback keeps
        // this total.
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn to_pretty_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    pub fn version(&self) -> u32 {
        self.version
    }

    /// When progress was last reset (0: never).
    pub fn reset_at(&self) -> Millis {
        self.reset
    }

    // ---- lessons ----

    pub fn is_complete(&self, lesson: &str) -> bool {
        self.completed_at(lesson).is_some()
    }

    /// When the lesson was marked done (0: before format 2 kept times).
    pub fn completed_at(&self, lesson: &str) -> Option<Millis> {
        self.lessons.get(lesson).and_then(|m| m.done)
    }

    /// A lesson's mark, done or cleared, if it has one.
    pub fn lesson(&self, lesson: &str) -> Option<&LessonMark> {
        self.lessons.get(lesson)
    }

    /// Every lesson mark, done or cleared, in id order.
    pub fn lessons(&self) -> impl Iterator<Item = (&str, &LessonMark)> {
        self.lessons.iter().map(|(id, m)| (id.as_str(), m))
    }

    /// The lessons marked done, in id order.
    pub fn completed(&self) -> impl Iterator<Item = &str> {
        self.lessons.iter().filter(|(_, m)| m.done.is_some()).map(|(id, _)| id.as_str())
    }

    pub fn completed_count(&self) -> usize {
        self.completed().count()
    }

    /// Marks a lesson done or not done. Marking a done lesson done again keeps its first time.
    pub fn set_complete(&mut self, lesson: &str, done: bool, now: Millis) {
        if !done && !self.is_complete(lesson) {
            return;
        }
        let reset = self.reset;
        let mark = self.lessons.entry(lesson.to_string()).or_default();
        match (done, mark.done) {
            (true, Some(_)) => {}
            (true, None) => mark.done = Some(stamp(now, reset.max(mark.cleared))),
            (false, None) => {}
            (false, Some(at)) => {
                mark.cleared = stamp(now, reset.max(at).max(mark.cleared));
                mark.done = None;
            }
        }
    }

    // ---- quizzes ----

    pub fn quiz(&self, id: &str) -> Option<&QuizRecord> {
        self.quizzes.get(id)
    }

    /// Every quiz record, in id order.
    pub fn quizzes(&self) -> impl Iterator<Item = (&str, &QuizRecord)> {
        self.quizzes.iter().map(|(id, q)| (id.as_str(), q))
    }

    /// Records an answer to question `index` of a quiz of `questions` questions. A second
    /// answer to the same question replaces the first but keeps whether the first was right.
    /// Returns false (and records nothing) for an index past the quiz or a number that is not
    /// finite (JSON cannot keep it).
    pub fn record_answer(
        &mut self,
        quiz: &str,
        questions: usize,
        index: usize,
        answer: StoredAnswer,
        correct: bool,
        now: Millis,
    ) -> bool {
        let Ok(slot) = u32::try_from(index) else { return false };
        let answer = match answer {
            StoredAnswer::Number(x) if !x.is_finite() => return false,
            // -0 and 0 are the same answer; keep one spelling so copies compare equal.
            StoredAnswer::Number(x) => StoredAnswer::Number(x + 0.0),
            choices => choices,
        };
        if index >= questions {
            return false;
        }
        let reset = self.reset;
        let record = self.quizzes.entry(quiz.to_string()).or_default();
        let floor = reset.max(record.cleared);
        let (floor, right) = match record.answers.get(&slot) {
            Some(old) => (floor.max(old.at), old.right),
            None => (floor, Some(correct)),
        };
        record.answers.insert(slot, AnswerRecord { at: stamp(now, floor), right, answer });
        true
    }

    /// Clears a quiz's answers so it can be taken again.
    pub fn clear_quiz(&mut self, quiz: &str, now: Millis) {
        let reset = self.reset;
        if let Some(record) = self.quizzes.get_mut(quiz) {
            let newest = record.answers.values().map(|a| a.at).max().unwrap_or(0);
            record.cleared = stamp(now, reset.max(record.cleared).max(newest));
            record.answers.clear();
        }
    }

    // ---- goals ----

    pub fn goal(&self, id: &str) -> Option<&Goal> {
        self.goals.get(id)
    }

    pub fn goals(&self) -> impl Iterator<Item = (&str, &Goal)> {
        self.goals.iter().map(|(id, g)| (id.as_str(), g))
    }

    /// Records a goal met by the scenario `query`. A goal already met keeps its first record.
    pub fn meet_goal(&mut self, id: &str, query: &str, now: Millis) {
        let reset = self.reset;
        self.goals
            .entry(id.to_string())
            .or_insert_with(|| Goal { at: stamp(now, reset), query: query.to_string() });
    }

    // ---- the last visit and the theme ----

    /// The lesson visited last.
    pub fn last_lesson(&self) -> Option<&str> {
        self.last.as_ref().map(|l| l.lesson.as_str())
    }

    /// The last visit, with its time.
    pub fn last_visit(&self) -> Option<&LastVisit> {
        self.last.as_ref()
    }

    pub fn visit(&mut self, lesson: &str, now: Millis) {
        let floor = self.reset.max(self.last.as_ref().map_or(0, |l| l.at));
        self.last = Some(LastVisit { lesson: lesson.to_string(), at: stamp(now, floor) });
    }

    pub fn theme(&self) -> Theme {
        self.theme.value
    }

    /// The theme, with the time it was chosen.
    pub fn theme_choice(&self) -> ThemeChoice {
        self.theme
    }

    pub fn set_theme(&mut self, theme: Theme, now: Millis) {
        self.theme = ThemeChoice { value: theme, at: stamp(now, self.theme.at) };
    }

    // ---- reset ----

    /// Clears every lesson, answer, goal and the last visit (the theme stays). The reset time
    /// is later than anything it clears, so no copy recorded before it can bring them back.
    pub fn reset(&mut self, now: Millis) {
        let at = stamp(now, self.newest());
        *self = Progress { reset: at, theme: self.theme, ..Progress::default() };
    }

    /// The latest time anywhere in this progress.
    pub fn newest(&self) -> Millis {
        let lessons = self.lessons.values().map(|m| m.done.unwrap_or(0).max(m.cleared));
        let quizzes =
            self.quizzes.values().map(|q| q.answers.values().map(|a| a.at).max().unwrap_or(0).max(q.cleared));
        let goals = self.goals.values().map(|g| g.at);
        let last = self.last.as_ref().map(|l| l.at);
        [self.reset, self.theme.at]
            .into_iter()
            .chain(lessons)
            .chain(quizzes)
            .chain(goals)
            .chain(last)
            .max()
            .unwrap_or(0)
    }
}

impl LessonMark {
    /// When the lesson was marked done, if it is.
    pub fn done(&self) -> Option<Millis> {
        self.done
    }

    /// When the lesson was last marked not done (0: never).
    pub fn cleared(&self) -> Millis {
        self.cleared
    }
}

impl QuizRecord {
    /// When the answers were last cleared (0: never).
    pub fn cleared(&self) -> Millis {
        self.cleared
    }

    /// The answer to question `index`, if it has one.
    pub fn answer(&self, index: usize) -> Option<&StoredAnswer> {
        let index = u32::try_from(index).ok()?;
        self.answers.get(&index).map(|a| &a.answer)
    }

    pub fn answers(&self) -> impl Iterator<Item = (usize, &AnswerRecord)> {
        self.answers.iter().map(|(i, a)| (*i as usize, a))
    }

    pub fn answered(&self) -> usize {
        self.answers.len()
    }

    /// How many questions were right the first time, among those whose grade is known.
    pub fn correct(&self) -> u32 {
        self.correct_with(|_, _| false)
    }

    /// Like [`QuizRecord::correct`], grading with `grade(index, answer)` the answers kept by
    /// format 1, whose grade was not kept per question.
    pub fn correct_with(&self, grade: impl Fn(usize, &StoredAnswer) -> bool) -> u32 {
        let right = self
            .answers
            .iter()
            .filter(|(i, a)| a.right.unwrap_or_else(|| grade(**i as usize, &a.answer)))
            .count();
        u32::try_from(right).unwrap_or(u32::MAX)
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
