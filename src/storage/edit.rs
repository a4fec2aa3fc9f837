//! Reading progress, and the edits the page makes to it. Each edit takes the time (`now`,
//! from the caller) and stamps its record later than whatever it replaces.

use super::format::AnswerRecord;
use super::format::{
    Goal, LastVisit, LessonMark, Millis, Progress, QuizRecord, StoredAnswer, Theme, ThemeChoice,
};

/// A time for an edit made `now` that must come after `floor` (what it replaces), even if the
/// clock went backwards.
pub(super) fn stamp(now: Millis, floor: Millis) -> Millis {
    now.max(floor.saturating_add(1))
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

    /// Whether the goal `id`, as the lesson writes it now (`text`), has been met.
    pub fn goal_met(&self, id: &str, text: &str) -> bool {
        self.goals.get(id).is_some_and(|g| g.is_for(text))
    }

    /// Records the goal `id` (written `text`) met by the scenario `query`. A goal already met
    /// keeps its first record; a record of a different goal under the same id (the lesson
    /// rewrote it) is replaced.
    pub fn meet_goal(&mut self, id: &str, text: &str, query: &str, now: Millis) {
        if self.goal_met(id, text) {
            return;
        }
        let reset = self.reset;
        self.goals.insert(
            id.to_string(),
            Goal { at: stamp(now, reset), goal: text.to_string(), query: query.to_string() },
        );
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
