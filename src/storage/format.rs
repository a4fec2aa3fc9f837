//! The progress format, version [`super::VERSION`]. Lesson ids are `course/lesson`.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub version: u32,
    #[serde(default)]
    pub completed: BTreeSet<String>,
    /// Keyed by `course/lesson#n`, the lesson's n-th quiz (from 0).
    #[serde(default)]
    pub quizzes: BTreeMap<String, QuizRecord>,
    #[serde(default)]
    pub last: Option<LastVisit>,
    #[serde(default)]
    pub theme: Theme,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct QuizRecord {
    /// One slot per question; `None` until it is answered.
    pub answers: Vec<Option<StoredAnswer>>,
    pub correct: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StoredAnswer {
    Choices(Vec<usize>),
    Number(f64),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LastVisit {
    pub lesson: String,
    /// How far down the page the learner was, from 0 to 1.
    pub scroll: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follow the system setting.
    #[default]
    System,
    Light,
    Dark,
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            version: super::VERSION,
            completed: BTreeSet::new(),
            quizzes: BTreeMap::new(),
            last: None,
            theme: Theme::System,
        }
    }
}

impl Progress {
    pub fn to_json(&self) -> String {
        // A map of plain data always serializes; the fallback keeps this total.
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn to_pretty_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    pub fn is_complete(&self, lesson: &str) -> bool {
        self.completed.contains(lesson)
    }

    pub fn set_complete(&mut self, lesson: &str, done: bool) {
        if done {
            self.completed.insert(lesson.to_string());
        } else {
            self.completed.remove(lesson);
        }
    }

    pub fn record_answer(
        &mut self,
        quiz: &str,
        questions: usize,
        index: usize,
        answer: StoredAnswer,
        correct: bool,
    ) {
        let record = self.quizzes.entry(quiz.to_string()).or_default();
        if record.answers.len() < questions {
            record.answers.resize(questions, None);
        }
        if let Some(slot) = record.answers.get_mut(index) {
            let first_answer = slot.is_none();
            *slot = Some(answer);
            if first_answer && correct {
                record.correct += 1;
            }
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
