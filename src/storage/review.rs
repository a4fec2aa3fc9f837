//! Which sections are due for review: a section's review page is due once the learner has
//! completed most of the section's lessons and has not yet done the review, and due again a
//! while after it was done, so earlier lessons come back (spaced review).
//!
//! "Done" means the review page was marked complete or its check was answered, whichever is
//! later: a learner who works through the questions has reviewed, marked or not.

use super::{Millis, Progress};

/// How long after a review it is due again: 30 days.
pub const REVIEW_AGAIN_AFTER: Millis = 30 * 24 * 60 * 60 * 1000;

/// Where one section's review stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewState {
    /// Too few of the section's lessons are complete for the review to help yet.
    NotYet { done: usize, needed: usize },
    /// Most of the section is complete and the review has not been done.
    Due,
    /// Done at `at`, less than [`REVIEW_AGAIN_AFTER`] ago.
    Reviewed { at: Millis },
    /// Done at `at`, long enough ago to do again.
    DueAgain { at: Millis },
}

impl ReviewState {
    /// The line a course page shows under the section's title, and whether it is a call to act
    /// (then it links to the review).
    pub fn describe(&self) -> (String, bool) {
        match *self {
            ReviewState::NotYet { done, needed } => {
                let left = needed.saturating_sub(done);
                let lessons = if left == 1 { "lesson" } else { "lessons" };
                (format!("Section review: due after {left} more {lessons}"), false)
            }
            ReviewState::Due => ("Section review due: bring back what this section taught".to_string(), true),
            ReviewState::Reviewed { .. } => ("Section reviewed ✓".to_string(), false),
            ReviewState::DueAgain { .. } => ("Reviewed a month ago or more: review again".to_string(), true),
        }
    }
}

/// How many of `total` lessons make a section ready for its review: three quarters, rounded up
/// (a learner may skip a lesson they know and still be asked to review).
pub fn needed(total: usize) -> usize {
    (total * 3).div_ceil(4)
}

impl Progress {
    /// When the review page `review` (an id, `course/slug`) was last done: marked complete or
    /// any of its questions answered, whichever is later.
    pub fn reviewed_at(&self, review: &str) -> Option<Millis> {
        let prefix = format!("{review}#");
        let answered = self
            .quizzes()
            .filter(|(id, _)| id.starts_with(&prefix))
            .flat_map(|(_, q)| q.answers().map(|(_, a)| a.at))
            .max();
        let marked = self.completed_at(review);
        match (answered, marked) {
            (Some(a), Some(m)) => Some(a.max(m)),
            (a, m) => a.or(m),
        }
    }

    /// Where the review of a section with these `lessons` stands at time `now`.
    pub fn review_state(&self, review: &str, lessons: &[String], now: Millis) -> ReviewState {
        if let Some(at) = self.reviewed_at(review) {
            return if now.saturating_sub(at) >= REVIEW_AGAIN_AFTER {
                ReviewState::DueAgain { at }
            } else {
                ReviewState::Reviewed { at }
            };
        }
        let done = lessons.iter().filter(|id| self.is_complete(id)).count();
        let needed = needed(lessons.len());
        if done >= needed && !lessons.is_empty() {
            ReviewState::Due
        } else {
            ReviewState::NotYet { done, needed }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::StoredAnswer;

    const DAY: Millis = 24 * 60 * 60 * 1000;

    fn lessons(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("c/l{i}")).collect()
    }

    #[test]
    fn a_review_is_due_once_three_quarters_of_its_section_is_complete() {
        let ids = lessons(5);
        let mut p = Progress::default();
        for (i, id) in ids.iter().enumerate().take(3) {
            p.set_complete(id, true, 1_000 + i as Millis);
        }
        assert_eq!(p.review_state("c/review", &ids, 2_000), ReviewState::NotYet { done: 3, needed: 4 });
        p.set_complete(&ids[3], true, 1_500);
        assert_eq!(p.review_state("c/review", &ids, 2_000), ReviewState::Due);
        assert_eq!(needed(1), 1);
        assert_eq!(needed(4), 3);
        assert_eq!(p.review_state("c/review", &[], 2_000), ReviewState::NotYet { done: 0, needed: 0 });
    }

    #[test]
    fn answering_the_review_counts_as_doing_it_and_it_comes_back_after_thirty_days() {
        let ids = lessons(2);
        let mut p = Progress::default();
        p.set_complete(&ids[0], true, DAY);
        p.set_complete(&ids[1], true, DAY);
        assert!(p.record_answer("c/review#0", 3, 0, StoredAnswer::Choices(vec![1]), true, 2 * DAY));
        assert_eq!(p.review_state("c/review", &ids, 3 * DAY), ReviewState::Reviewed { at: 2 * DAY });
        assert_eq!(p.review_state("c/review", &ids, 32 * DAY), ReviewState::DueAgain { at: 2 * DAY });
        // Answers of another page with a similar id do not count.
        let mut q = Progress::default();
        assert!(q.record_answer("c/review-2#0", 3, 0, StoredAnswer::Choices(vec![1]), true, 2 * DAY));
        assert_eq!(q.reviewed_at("c/review"), None);
    }

    #[test]
    fn the_line_links_only_when_there_is_something_to_do() {
        assert_eq!(
            ReviewState::NotYet { done: 1, needed: 4 }.describe().0,
            "Section review: due after 3 more lessons"
        );
        assert_eq!(
            ReviewState::NotYet { done: 3, needed: 4 }.describe().0,
            "Section review: due after 1 more lesson"
        );
        assert!(!ReviewState::NotYet { done: 0, needed: 4 }.describe().1);
        assert!(ReviewState::Due.describe().1);
        assert!(!ReviewState::Reviewed { at: 1 }.describe().1);
        assert!(ReviewState::DueAgain { at: 1 }.describe().1);
    }

    #[test]
    fn marking_the_review_complete_later_than_its_answers_moves_the_date() {
        let mut p = Progress::default();
        assert!(p.record_answer("c/review#1", 3, 0, StoredAnswer::Number(4.0), false, DAY));
        p.set_complete("c/review", true, 5 * DAY);
        assert_eq!(p.reviewed_at("c/review"), Some(5 * DAY));
    }
}
