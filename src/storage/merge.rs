//! Merging two copies of progress (two tabs, or a tab and an import).
//!
//! [`merge`] is a join: commutative, associative and idempotent, so copies that meet in any
//! order and any number of times end in the same state, and nothing either copy had is lost
//! unless a reset or a clear in the other copy removed it. Its rules:
//!
//! - **Reset.** The later reset wins: the lessons, answers, goals and last visit of a copy with
//!   an older reset are dropped whole. Equal resets: everything below is merged.
//! - **Lessons.** Per lesson, the mark with the later `cleared` time wins; with equal ones, a
//!   lesson done in either copy is done, at the earlier time.
//! - **Quizzes.** Per quiz, the record with the later `cleared` time wins; with equal ones, per
//!   question the later answer (ties broken by the answer itself, so the result does not
//!   depend on the order).
//! - **Goals.** A goal met in either copy is met, at the earlier time.
//! - **Last visit, theme.** Whichever changed later.
//!
//! Counts (right answers, lessons done) are not stored: they are counted from the records, so
//! a merge cannot add them twice or make them wrap.
//!
//! A join cannot also keep "earliest completion" exact across resets: if one copy completed a
//! lesson before a reset and another completed it after, a merge of the two that has not yet
//! seen the reset must keep one time, and which one survives the reset depends on the order.
//! So the join drops an older reset's records whole, and [`sync`] (what the page uses) first
//! carries each copy's records made *after* the other copy's reset or clear across to it: they
//! are the learner's later work, not stale copies.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use super::format::{
    AnswerRecord, Goal, LastVisit, LessonMark, Millis, Progress, QuizRecord, StoredAnswer, ThemeChoice,
};

/// The join of two copies. See the module documentation for the rules.
pub fn merge(ours: &Progress, theirs: &Progress) -> Progress {
    let theme = later_theme(ours.theme, theirs.theme);
    let mut merged = match ours.reset.cmp(&theirs.reset) {
        Ordering::Greater => ours.clone(),
        Ordering::Less => theirs.clone(),
        Ordering::Equal => Progress {
            version: super::VERSION,
            reset: ours.reset,
            lessons: join_maps(&ours.lessons, &theirs.lessons, join_mark),
            quizzes: join_maps(&ours.quizzes, &theirs.quizzes, join_quiz),
            goals: join_maps(&ours.goals, &theirs.goals, |a, b| earlier_goal(a, b).clone()),
            last: match (&ours.last, &theirs.last) {
                (Some(a), Some(b)) => Some(later_visit(a, b).clone()),
                (a, b) => a.clone().or_else(|| b.clone()),
            },
            theme,
        },
    };
    merged.version = super::VERSION;
    merged.theme = theme;
    merged
}

/// What a tab stores and shows after meeting another copy: each copy's records made after the
/// other's reset (or a lesson's or quiz's clear) are carried across first, then the two are
/// merged. Commutative and idempotent; it never drops a record made after the reset or clear
/// that would otherwise drop it, and never brings back one made before.
pub fn sync(a: &Progress, b: &Progress) -> Progress {
    let reset = a.reset.max(b.reset);
    let (a, b) = (onto_reset(a, reset), onto_reset(b, reset));
    merge(&onto_clears(&a, &b), &onto_clears(&b, &a))
}

/// `p` moved onto a later reset: only what it recorded after `reset` is kept. Clears from
/// before the reset mean nothing after it.
fn onto_reset(p: &Progress, reset: Millis) -> Progress {
    let mut out = p.clone();
    if reset <= out.reset {
        return out;
    }
    out.reset = reset;
    let after = |t: Millis| t > reset;
    out.lessons = std::mem::take(&mut out.lessons)
        .into_iter()
        .filter_map(|(id, mark)| {
            let mark = LessonMark {
                done: mark.done.filter(|t| after(*t)),
                cleared: if after(mark.cleared) { mark.cleared } else { 0 },
            };
            (mark.done.is_some() || mark.cleared > 0).then_some((id, mark))
        })
        .collect();
    out.quizzes = std::mem::take(&mut out.quizzes)
        .into_iter()
        .filter_map(|(id, mut record)| {
            record.answers.retain(|_, a| after(a.at));
            record.cleared = if after(record.cleared) { record.cleared } else { 0 };
            (!record.answers.is_empty() || record.cleared > 0).then_some((id, record))
        })
        .collect();
    out.goals.retain(|_, g| after(g.at));
    out.last = out.last.filter(|l| after(l.at));
    out
}

/// `ours` (with the same reset as `theirs`) moved onto `theirs`' later clears: per lesson and
/// quiz, only what `ours` recorded after the other's clear is kept.
fn onto_clears(ours: &Progress, theirs: &Progress) -> Progress {
    let mut out = ours.clone();
    for (id, mark) in &mut out.lessons {
        if let Some(other) = theirs.lessons.get(id).filter(|o| o.cleared > mark.cleared) {
            mark.done = mark.done.filter(|t| *t > other.cleared);
            mark.cleared = other.cleared;
        }
    }
    for (id, record) in &mut out.quizzes {
        if let Some(other) = theirs.quizzes.get(id).filter(|o| o.cleared > record.cleared) {
            record.answers.retain(|_, a| a.at > other.cleared);
            record.cleared = other.cleared;
        }
    }
    out
}

fn join_maps<V: Clone>(
    a: &BTreeMap<String, V>,
    b: &BTreeMap<String, V>,
    join: impl Fn(&V, &V) -> V,
) -> BTreeMap<String, V> {
    let mut out = a.clone();
    for (key, theirs) in b {
        let value = match a.get(key) {
            Some(ours) => join(ours, theirs),
            None => theirs.clone(),
        };
        out.insert(key.clone(), value);
    }
    out
}

fn join_mark(a: &LessonMark, b: &LessonMark) -> LessonMark {
    match a.cleared.cmp(&b.cleared) {
        Ordering::Greater => a.clone(),
        Ordering::Less => b.clone(),
        Ordering::Equal => LessonMark {
            done: match (a.done, b.done) {
                (Some(x), Some(y)) => Some(x.min(y)),
                (x, y) => x.or(y),
            },
            cleared: a.cleared,
        },
    }
}

fn join_quiz(a: &QuizRecord, b: &QuizRecord) -> QuizRecord {
    match a.cleared.cmp(&b.cleared) {
        Ordering::Greater => a.clone(),
        Ordering::Less => b.clone(),
        Ordering::Equal => QuizRecord {
            cleared: a.cleared,
            answers: {
                let mut out = a.answers.clone();
                for (index, theirs) in &b.answers {
                    let keep = match a.answers.get(index) {
                        Some(ours) if compare_answers(ours, theirs) != Ordering::Less => ours,
                        _ => theirs,
                    };
                    out.insert(*index, keep.clone());
                }
                out
            },
        },
    }
}

/// The later answer is greater; equal times are ordered by the answer itself, and only
/// identical records compare equal.
fn compare_answers(a: &AnswerRecord, b: &AnswerRecord) -> Ordering {
    a.at.cmp(&b.at).then(a.right.cmp(&b.right)).then_with(|| match (&a.answer, &b.answer) {
        (StoredAnswer::Choices(x), StoredAnswer::Choices(y)) => x.cmp(y),
        (StoredAnswer::Number(x), StoredAnswer::Number(y)) => x.total_cmp(y),
        (StoredAnswer::Choices(_), StoredAnswer::Number(_)) => Ordering::Less,
        (StoredAnswer::Number(_), StoredAnswer::Choices(_)) => Ordering::Greater,
    })
}

pub(super) fn later_theme(a: ThemeChoice, b: ThemeChoice) -> ThemeChoice {
    if (b.at, b.value) > (a.at, a.value) { b } else { a }
}

fn earlier_goal<'a>(a: &'a Goal, b: &'a Goal) -> &'a Goal {
    if (b.at, &b.query) < (a.at, &a.query) { b } else { a }
}

fn later_visit<'a>(a: &'a LastVisit, b: &'a LastVisit) -> &'a LastVisit {
    if (b.at, &b.lesson) > (a.at, &a.lesson) { b } else { a }
}
