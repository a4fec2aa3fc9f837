//! Merging progress: the join's laws on random copies that share a history (as tabs do), what
//! a merge must never lose, what a reset must never get back, and tabs that write through
//! `plan_write` in random order against one stored value, checked against a log of what the
//! learner did.

#[path = "support/fuzz.rs"]
mod fuzz;
use fuzz::Fuzz;

use headroom::storage::{
    Loaded, Millis, Progress, StoredAnswer, Theme, Write, load, merge, plan_write, sync,
};

const LESSONS: &[&str] = &["c/one", "c/two", "c/three"];
const QUIZZES: &[&str] = &["c/one#0", "c/two#predict-0"];
const QUESTIONS: usize = 3;
const GOALS: &[&str] = &["c/one#goal-fast", "c/two#goal-cheap"];

/// One thing a learner can do, at a time.
#[derive(Debug, Clone)]
enum Op {
    Complete(&'static str, bool),
    Answer(&'static str, usize, StoredAnswer, bool),
    ClearQuiz(&'static str),
    Goal(&'static str, String),
    Visit(&'static str),
    Theme(Theme),
    Reset,
}

fn random_op(fuzz: &mut Fuzz, resets: bool) -> Op {
    match fuzz.below(if resets { 20 } else { 19 }) {
        0..=5 => Op::Complete(LESSONS[fuzz.below(LESSONS.len())], fuzz.below(4) != 0),
        6..=11 => {
            let answer = if fuzz.below(2) == 0 {
                StoredAnswer::Choices(vec![fuzz.below(3), fuzz.below(3)])
            } else {
                StoredAnswer::Number(fuzz.below(5) as f64 - 1.5)
            };
            Op::Answer(QUIZZES[fuzz.below(QUIZZES.len())], fuzz.below(QUESTIONS), answer, fuzz.below(2) == 0)
        }
        12..=13 => Op::ClearQuiz(QUIZZES[fuzz.below(QUIZZES.len())]),
        14..=15 => Op::Goal(GOALS[fuzz.below(GOALS.len())], format!("kind=queue rate={}", fuzz.below(9))),
        16..=17 => Op::Visit(LESSONS[fuzz.below(LESSONS.len())]),
        18 => Op::Theme([Theme::System, Theme::Light, Theme::Dark][fuzz.below(3)]),
        _ => Op::Reset,
    }
}

fn apply(p: &mut Progress, op: &Op, now: Millis) {
    match op {
        Op::Complete(id, done) => p.set_complete(id, *done, now),
        Op::Answer(id, index, answer, right) => {
            p.record_answer(id, QUESTIONS, *index, answer.clone(), *right, now);
        }
        Op::ClearQuiz(id) => p.clear_quiz(id, now),
        Op::Goal(id, query) => p.meet_goal(id, "p99 < 1", query, now),
        Op::Visit(id) => p.visit(id, now),
        Op::Theme(theme) => p.set_theme(*theme, now),
        Op::Reset => p.reset(now),
    }
}

/// `n` random edits, at times that start at `clock` and often repeat (so ties are common).
fn grow(fuzz: &mut Fuzz, mut p: Progress, n: usize, clock: &mut Millis) -> Progress {
    for _ in 0..n {
        *clock += fuzz.below(3) as Millis;
        let op = random_op(fuzz, true);
        apply(&mut p, &op, *clock);
    }
    p
}

/// Three copies that share a random history and then went their own ways.
fn three_copies(fuzz: &mut Fuzz) -> [Progress; 3] {
    let mut clock = 1;
    let n = fuzz.below(12);
    let base = grow(fuzz, Progress::default(), n, &mut clock);
    std::array::from_fn(|_| {
        let mut own = clock;
        let n = fuzz.below(10);
        grow(fuzz, base.clone(), n, &mut own)
    })
}

const CASES: usize = 3000;

#[test]
fn merge_is_commutative_associative_and_idempotent() {
    let mut fuzz = Fuzz::new(0x6d65_7267_6531);
    for case in 0..CASES {
        let [a, b, c] = three_copies(&mut fuzz);
        assert_eq!(merge(&a, &b), merge(&b, &a), "case {case}: commutative\n{a:?}\n{b:?}");
        assert_eq!(
            merge(&merge(&a, &b), &c),
            merge(&a, &merge(&b, &c)),
            "case {case}: associative\n{a:?}\n{b:?}\n{c:?}"
        );
        assert_eq!(merge(&a, &a), a, "case {case}: idempotent");
        // Merging what is already merged in changes nothing.
        let ab = merge(&a, &b);
        assert_eq!(merge(&ab, &a), ab, "case {case}: absorbs");
    }
}

#[test]
fn sync_is_commutative_and_idempotent() {
    let mut fuzz = Fuzz::new(0x7379_6e63);
    for case in 0..CASES {
        let [a, b, _] = three_copies(&mut fuzz);
        assert_eq!(sync(&a, &b), sync(&b, &a), "case {case}\n{a:?}\n{b:?}");
        assert_eq!(sync(&a, &a), a, "case {case}");
        let ab = sync(&a, &b);
        assert_eq!(sync(&ab, &a), ab, "case {case}: a copy already synced in changes nothing");
    }
}

/// Every lesson, answer and goal of `x` is in `m`, unless `y` (the other copy) reset or
/// cleared it later.
fn nothing_lost(x: &Progress, y: &Progress, m: &Progress, case: usize) {
    let later_reset = y.reset_at() > x.reset_at();
    for (id, mark) in x.lessons() {
        let Some(done) = mark.done() else { continue };
        let cleared_later = y.lesson(id).is_some_and(|o| o.cleared() > mark.cleared());
        if !later_reset && !cleared_later {
            assert!(m.completed_at(id).is_some_and(|t| t <= done), "case {case}: lesson {id} lost");
        }
    }
    for (id, record) in x.quizzes() {
        let cleared_later = y.quiz(id).is_some_and(|o| o.cleared() > record.cleared());
        for (index, answer) in record.answers() {
            if later_reset || cleared_later {
                continue;
            }
            let kept = m.quiz(id).and_then(|r| r.answers().find(|(i, _)| *i == index).map(|(_, a)| a.at));
            assert!(kept.is_some_and(|t| t >= answer.at), "case {case}: answer {id} {index} lost");
        }
    }
    for (id, goal) in x.goals() {
        if !later_reset {
            assert!(m.goal(id).is_some_and(|g| g.at <= goal.at), "case {case}: goal {id} lost");
        }
    }
    assert!(m.theme_choice().at >= x.theme_choice().at, "case {case}: theme went back");
}

#[test]
fn merge_and_sync_never_lose_a_lesson_an_answer_or_a_goal() {
    let mut fuzz = Fuzz::new(0x6c6f_7374);
    for case in 0..CASES {
        let [a, b, _] = three_copies(&mut fuzz);
        for m in [merge(&a, &b), sync(&a, &b)] {
            nothing_lost(&a, &b, &m, case);
            nothing_lost(&b, &a, &m, case);
            // Whatever is merged can be stored and read back as it is.
            assert_eq!(load(Some(&m.to_json())), Loaded::Ready { progress: m.clone(), migrated_from: None });
        }
    }
}

#[test]
fn a_reset_does_not_come_back_from_an_older_tab() {
    // Two tabs share some progress.
    let mut shared = Progress::default();
    shared.set_complete("c/one", true, 10);
    shared.record_answer("c/one#0", 3, 0, StoredAnswer::Choices(vec![1]), true, 11);
    shared.meet_goal("c/one#goal-fast", "p99 < 1", "kind=queue", 12);
    shared.visit("c/one", 13);
    let old_tab = shared.clone();
    // One resets.
    let mut resetting = shared.clone();
    resetting.reset(100);
    // The old tab writes its stale copy (say, a theme change): the reset holds.
    let mut stale = old_tab.clone();
    stale.set_theme(Theme::Dark, 110);
    let Write::Save(stored) = plan_write(load(Some(&resetting.to_json())), &stale) else { panic!() };
    assert_eq!(stored.completed_count(), 0);
    assert_eq!(stored.quizzes().count(), 0);
    assert_eq!(stored.goals().count(), 0);
    assert_eq!(stored.last_lesson(), None);
    assert_eq!(stored.theme(), Theme::Dark, "the theme is not progress: the later change holds");
    // The old tab's work after the reset is kept; its work before it is not.
    let mut late = old_tab.clone();
    late.set_complete("c/two", true, 120);
    late.record_answer("c/one#0", 3, 1, StoredAnswer::Number(2.0), false, 121);
    let Write::Save(stored) = plan_write(load(Some(&stored.to_json())), &late) else { panic!() };
    assert_eq!(stored.completed().collect::<Vec<_>>(), ["c/two"]);
    let answers: Vec<usize> = stored.quiz("c/one#0").unwrap().answers().map(|(i, _)| i).collect();
    assert_eq!(answers, [1]);
    // And the plain join drops the older copy whole, in either order.
    assert_eq!(merge(&old_tab, &resetting).completed_count(), 0);
    assert_eq!(merge(&resetting, &old_tab).completed_count(), 0);
}

#[test]
fn a_lesson_marked_not_done_or_a_cleared_quiz_does_not_come_back() {
    let mut shared = Progress::default();
    shared.set_complete("c/one", true, 10);
    shared.record_answer("c/one#0", 3, 0, StoredAnswer::Choices(vec![1]), true, 11);
    let mut a = shared.clone();
    a.set_complete("c/one", false, 20);
    a.clear_quiz("c/one#0", 21);
    for m in [merge(&a, &shared), sync(&a, &shared), sync(&shared, &a)] {
        assert!(!m.is_complete("c/one"));
        assert_eq!(m.quiz("c/one#0").map(|q| q.answered()), Some(0));
    }
    // Done again later, in a tab that never saw it undone: done.
    let mut b = shared.clone();
    b.set_complete("c/one", false, 15);
    b.set_complete("c/one", true, 30);
    assert!(sync(&a, &b).is_complete("c/one"));
}

#[test]
fn two_tabs_one_completes_the_other_answers_nothing_is_lost() {
    // The scenario of the issue: tab A completes a lesson; tab B, opened before, answers a
    // check and visits (it used to write its whole stale copy back).
    let mut stored: Option<String> = None;
    let write = |tab: &Progress, stored: &mut Option<String>| -> Progress {
        match plan_write(load(stored.as_deref()), tab) {
            Write::Save(p) => {
                *stored = Some(p.to_json());
                p
            }
            Write::Unchanged(p) => p,
            other => panic!("{other:?}"),
        }
    };
    let mut a = Progress::default();
    let mut b = Progress::default();
    a.set_complete("c/one", true, 1_000);
    a = write(&a, &mut stored);
    b.visit("c/two", 1_001);
    b.record_answer("c/two#predict-0", 1, 0, StoredAnswer::Number(3.0), true, 1_002);
    b = write(&b, &mut stored);
    a.visit("c/one", 1_003);
    a = write(&a, &mut stored);
    let reloaded = match load(stored.as_deref()) {
        Loaded::Ready { progress, .. } => progress,
        other => panic!("{other:?}"),
    };
    assert!(reloaded.is_complete("c/one") && b.is_complete("c/one") && a.quiz("c/two#predict-0").is_some());
    assert_eq!(reloaded.quiz("c/two#predict-0").unwrap().answer(0), Some(&StoredAnswer::Number(3.0)));
    assert_eq!(reloaded.last_lesson(), Some("c/one"));
}

/// What the learner did, in order, and what the end state must say about it.
#[derive(Default)]
struct Log {
    events: Vec<(Millis, Op)>,
}

impl Log {
    fn last_reset(&self) -> Millis {
        self.events.iter().filter(|(_, op)| matches!(op, Op::Reset)).map(|(t, _)| *t).max().unwrap_or(0)
    }

    /// The lesson's state from the log: done, at the earliest completion after its last reset
    /// or unmark, if a completion came after them.
    fn lesson(&self, id: &str) -> Option<Millis> {
        let cut = self
            .events
            .iter()
            .filter(|(_, op)| matches!(op, Op::Reset) || matches!(op, Op::Complete(l, false) if *l == id))
            .map(|(t, _)| *t)
            .max()
            .unwrap_or(0);
        self.events
            .iter()
            .filter(|(t, op)| *t > cut && matches!(op, Op::Complete(l, true) if *l == id))
            .map(|(t, _)| *t)
            .min()
    }

    fn answer(&self, quiz: &str, index: usize) -> Option<&StoredAnswer> {
        let cut = self
            .events
            .iter()
            .filter(|(_, op)| matches!(op, Op::Reset) || matches!(op, Op::ClearQuiz(q) if *q == quiz))
            .map(|(t, _)| *t)
            .max()
            .unwrap_or(0);
        self.events
            .iter()
            .filter(|(t, _)| *t > cut)
            .filter_map(|(_, op)| match op {
                Op::Answer(q, i, answer, _) if *q == quiz && *i == index => Some(answer),
                _ => None,
            })
            .next_back()
    }

    fn goal(&self, id: &str) -> Option<Millis> {
        let cut = self.last_reset();
        self.events
            .iter()
            .filter(|(t, op)| *t > cut && matches!(op, Op::Goal(g, _) if *g == id))
            .map(|(t, _)| *t)
            .min()
    }
}

/// Several tabs edit their own copies, each edit followed at once by a write through
/// `plan_write` to the one stored value; now and then a tab hears of another's write (the
/// `storage` event) and syncs. Edits a tab makes to what it sees count; at the end the stored
/// value says exactly what the log says.
#[test]
fn tabs_writing_in_any_order_end_where_the_learner_left_them() {
    let mut fuzz = Fuzz::new(0x7461_6273);
    for case in 0..400 {
        let tabs_n = 2 + fuzz.below(3);
        let mut tabs = vec![Progress::default(); tabs_n];
        let mut stored: Option<String> = None;
        let mut log = Log::default();
        let mut clock: Millis = 1_700_000_000_000;
        for _ in 0..(10 + fuzz.below(40)) {
            clock += 1 + fuzz.below(5) as Millis;
            let t = fuzz.below(tabs_n);
            if fuzz.below(4) == 0 {
                if let Loaded::Ready { progress, .. } = load(stored.as_deref()) {
                    tabs[t] = sync(&tabs[t], &progress);
                }
                continue;
            }
            let resets = fuzz.below(3) == 0;
            let op = random_op(&mut fuzz, resets);
            let before = tabs[t].clone();
            apply(&mut tabs[t], &op, clock);
            if tabs[t] != before {
                log.events.push((clock, op));
            }
            match plan_write(load(stored.as_deref()), &tabs[t]) {
                Write::Save(p) => {
                    stored = Some(p.to_json());
                    tabs[t] = p;
                }
                Write::Unchanged(p) => tabs[t] = p,
                other => panic!("case {case}: {other:?}"),
            }
        }
        let Loaded::Ready { progress: end, .. } = load(stored.as_deref()) else { continue };
        for id in LESSONS {
            assert_eq!(end.completed_at(id), log.lesson(id), "case {case}: lesson {id}\n{:?}", log.events);
        }
        for quiz in QUIZZES {
            for index in 0..QUESTIONS {
                let got = end.quiz(quiz).and_then(|r| r.answer(index));
                assert_eq!(got, log.answer(quiz, index), "case {case}: {quiz} question {index}");
            }
        }
        for id in GOALS {
            assert_eq!(end.goal(id).map(|g| g.at), log.goal(id), "case {case}: goal {id}");
        }
    }
}
