//! Importing progress files: the size cap, ids checked against the catalog, counters that
//! cannot wrap, merge or replace with a summary first, and 20 hostile files, each refused or
//! trimmed with a clear message and none of them able to take anything the learner had.

#[path = "support/lessons.rs"]
#[allow(dead_code, reason = "shared by the content tests; this one reads the catalog only")]
mod lessons;

use headroom::content::{Block, embedded_catalog, front_matter, markdown, quiz::QuestionKind};
use headroom::storage::import::{MAX_BYTES, check_size};
use headroom::storage::{
    Changes, ImportMode, Millis, Progress, StoredAnswer, Theme, import, plan_import, sync,
};

const NOW: Millis = 1_750_000_000_000;
const CAVING: &str = "system-design/caching";
const LATENCY: &str = "system-design/latency-throughput";

/// What the learner has before each import.
fn ours() -> Progress {
    let mut p = Progress::default();
    p.set_complete(CAVING, true, NOW - 5_000);
    p.record_answer(&format!("{CAVING}#0"), 3, 0, StoredAnswer::Choices(vec![1]), true, NOW - 4_000);
    p.meet_goal(
        &format!("{CAVING}#goal-hit-rate"),
        "hit_ratio > 0.5",
        "kind=cache capacity=100",
        NOW - 3_000,
    );
    p.set_theme(Theme::Dark, NOW - 2_000);
    p
}

/// An export of the real catalog's ids, as another browser would write it.
fn exported() -> String {
    let mut p = Progress::default();
    p.set_complete(LATENCY, true, NOW - 9_000);
    p.record_answer(&format!("{CAVING}#0"), 3, 0, StoredAnswer::Choices(vec![2]), false, NOW - 1_000);
    p.record_answer(&format!("{LATENCY}#predict-0"), 1, 0, StoredAnswer::Number(120.0), true, NOW - 8_000);
    p.to_pretty_json()
}

/// The message for a file that must be refused; it must read as a sentence for the learner.
fn refused(text: &str) -> String {
    let message = import(text, embedded_catalog(), NOW).expect_err("should be refused");
    assert!(!message.is_empty() && message.len() < 400, "unclear message: {message:?}");
    assert!(message.starts_with("it") || message.starts_with("the file"), "{message}");
    message
}

/// Importing in either mode never takes away what the learner had unless the file says so;
/// for a trimmed hostile file, merging removes nothing.
fn merge_loses_nothing(text: &str) -> Changes {
    let imported = import(text, embedded_catalog(), NOW).expect("should import");
    let (after, changes) = plan_import(&ours(), &imported, ImportMode::Merge, NOW);
    assert!(
        changes.lessons_removed.is_empty()
            && changes.answers_removed == 0
            && changes.goals_removed.is_empty()
    );
    assert!(after.is_complete(CAVING));
    changes
}

#[test]
fn the_size_cap_is_checked_before_reading_and_again_on_the_text() {
    assert_eq!(MAX_BYTES, 1_048_576);
    assert!(check_size(MAX_BYTES).is_ok());
    let message = check_size(50 * 1024 * 1024).unwrap_err();
    assert!(message.contains("51200 KiB") && message.contains("at most 1024 KiB"), "{message}");
    // 1. A file just past the cap, even if it is valid JSON.
    let huge = format!("{}{}", exported(), " ".repeat(MAX_BYTES as usize));
    assert!(refused(&huge).contains("at most 1024 KiB"));
}

#[test]
fn hostile_files_are_refused_with_a_reason() {
    let cases: &[(&str, &str, &str)] = &[
        // 2. Nesting past what the parser follows.
        ("deep nesting", &format!(r#"{{"version":2,"lessons":{}"#, "[".repeat(5_000)), "not JSON"),
        // 3. Wrong types.
        (
            "lessons as a list",
            r#"{"version":2,"lessons":["system-design/caching"]}"#,
            "does not fit format 3",
        ),
        (
            "a time as text",
            r#"{"version":2,"lessons":{"system-design/caching":{"done":"today"}}}"#,
            "does not fit",
        ),
        // 4-7. Numbers JSON cannot hold, or that do not fit.
        (
            "NaN",
            r#"{"version":2,"quizzes":{"system-design/caching#0":{"answers":{"0":{"at":1,"answer":{"number":NaN}}}}}}"#,
            "not JSON",
        ),
        (
            "a negative time",
            r#"{"version":2,"lessons":{"system-design/caching":{"done":-5}}}"#,
            "does not fit",
        ),
        (
            "an overflowing time",
            r#"{"version":3,"goals":{"x":{"at":1e30,"goal":"","query":""}}}"#,
            "does not fit",
        ),
        (
            "an overflowing answer",
            r#"{"version":2,"quizzes":{"system-design/caching#0":{"answers":{"0":{"at":1,"answer":{"number":1e400}}}}}}"#,
            "not JSON",
        ),
        (
            "a count past u32 in format 1",
            r#"{"version":1,"quizzes":{"system-design/caching#0":{"answers":[],"correct":1e20}}}"#,
            "upgraded from format 1",
        ),
        (
            "a negative count in format 1",
            r#"{"version":1,"quizzes":{"system-design/caching#0":{"answers":[],"correct":-1}}}"#,
            "upgraded from format 1",
        ),
        // 8. A newer version.
        ("a newer format", r#"{"version":4,"lessons":{}}"#, "newer Headroom (format 4"),
        // 9. Another app's JSON, with and without a version field.
        ("a foreign app", r#"{"name":"my todo list","items":[{"done":true}]}"#, "no format version"),
        (
            "a foreign app with a version",
            r#"{"version":1,"settings":{"volume":3}}"#,
            "unknown field `settings`",
        ),
        // 10. Not an object at all.
        ("a list", "[1,2,3]", "no format version"),
        ("a string", r#""version 2""#, "no format version"),
        ("versions that are not versions", r#"{"version":2.5}"#, "no format version"),
        ("version zero", r#"{"version":0}"#, "not valid"),
        // 11. Truncated, empty, and a byte order mark before garbage.
        ("truncated", &exported()[..exported().len() / 2], "not JSON (EOF"),
        ("empty", "", "the file is empty"),
        ("a byte order mark then garbage", "\u{feff}<html>", "not JSON"),
    ];
    for (what, text, expected) in cases {
        let message = refused(text);
        assert!(message.contains(expected), "{what}: {message:?} should say {expected:?}");
    }
}

#[test]
fn unknown_ids_are_left_out_and_listed() {
    // 12. Lessons, checks and goals this site does not have, and impossible answers.
    let text = format!(
        r#"{{"version":2,
        "lessons":{{"{LATENCY}":{{"done":5}},"system-design/no-such-lesson":{{"done":5}},"nocourse/x":{{"done":5}},"flat":{{"done":5}}}},
        "quizzes":{{
          "{CAVING}#0":{{"answers":{{"1":{{"at":6,"answer":{{"choices":[1]}}}},"500":{{"at":6,"answer":{{"choices":[0]}}}},"2":{{"at":6,"answer":{{"choices":[99999]}}}}}}}},
          "{CAVING}#predict-x":{{"answers":{{}}}},
          "{CAVING}#100":{{"answers":{{}}}},
          "system-design/nope#0":{{"answers":{{}}}}}},
        "goals":{{"{CAVING}#goal-fast":{{"at":7,"query":"kind=queue"}},"{CAVING}#goal-bad name":{{"at":7,"query":"x"}},"{CAVING}#goal-ok":{{"at":7,"query":"a\u0007b"}}}},
        "last":{{"lesson":"system-design/gone","at":8}}}}"#
    );
    let imported = import(&text, embedded_catalog(), NOW).unwrap();
    let p = imported.progress();
    assert_eq!(p.completed().collect::<Vec<_>>(), [LATENCY]);
    assert_eq!(p.quizzes().map(|(id, _)| id).collect::<Vec<_>>(), [format!("{CAVING}#0")]);
    assert_eq!(p.quiz(&format!("{CAVING}#0")).unwrap().answered(), 1);
    assert_eq!(p.goals().map(|(id, _)| id).collect::<Vec<_>>(), [format!("{CAVING}#goal-fast")]);
    assert_eq!(p.last_lesson(), None);
    assert_eq!(imported.left_out.len(), 11, "{:#?}", imported.left_out);
    for expected in [
        "lesson \u{201c}system-design/no-such-lesson\u{201d} is not on this site",
        "lesson \u{201c}flat\u{201d} is not on this site",
        "question 501 of \u{201c}system-design/caching#0\u{201d}: not an answer this site can give",
        "question 3 of \u{201c}system-design/caching#0\u{201d}",
        "answers to \u{201c}system-design/caching#predict-x\u{201d}, which is not a check on this site",
        "answers to \u{201c}system-design/caching#100\u{201d}",
        "goal \u{201c}system-design/caching#goal-bad name\u{201d} is not on this site",
        "goal \u{201c}system-design/caching#goal-ok\u{201d}: its scenario is not one this site writes",
        "the last lesson visited, \u{201c}system-design/gone\u{201d}, is not on this site",
    ] {
        assert!(imported.left_out.iter().any(|l| l.starts_with(expected)), "missing {expected:?}");
    }
    let summary = imported.left_out_summary().unwrap();
    assert!(
        summary.starts_with("Left out of the import: ") && summary.ends_with("; and 6 more."),
        "{summary}"
    );
    merge_loses_nothing(&text);
}

#[test]
fn a_huge_id_is_left_out_with_a_short_message() {
    // 13. One id of half a megabyte.
    let id = "x".repeat(500_000);
    let text = format!(r#"{{"version":2,"lessons":{{"{id}":{{"done":1}}}}}}"#);
    let imported = import(&text, embedded_catalog(), NOW).unwrap();
    assert_eq!(imported.left_out.len(), 1);
    assert!(imported.left_out[0].len() < 200, "{}", imported.left_out[0].len());
    merge_loses_nothing(&text);
}

#[test]
fn times_in_the_future_are_moved_to_now() {
    // 14. A file from a machine whose clock is years ahead would win every merge forever.
    let text = format!(
        r#"{{"version":2,"lessons":{{"{LATENCY}":{{"done":99999999999999}}}},"theme":{{"value":"light","at":99999999999999}}}}"#
    );
    let imported = import(&text, embedded_catalog(), NOW).unwrap();
    assert_eq!(imported.future_times, 2);
    assert_eq!(imported.progress().completed_at(LATENCY), Some(NOW));
    // Our later theme change still wins over it.
    let mut ours = ours();
    ours.set_theme(Theme::System, NOW + 1);
    let (after, _) = plan_import(&ours, &imported, ImportMode::Merge, NOW + 2);
    assert_eq!(after.theme(), Theme::System);
}

#[test]
fn counters_from_format_1_saturate_and_never_wrap() {
    // 15. The count the issue names: it stays in range and the next answer does not wrap it.
    let text = format!(
        r#"{{"version":1,"quizzes":{{"{CAVING}#0":{{"answers":[{{"choices":[1]}},null,null],"correct":4294967295}}}}}}"#
    );
    let imported = import(&text, embedded_catalog(), NOW).unwrap();
    let (mut after, _) = plan_import(&Progress::default(), &imported, ImportMode::Replace, NOW);
    let quiz = format!("{CAVING}#0");
    assert_eq!(after.quiz(&quiz).unwrap().correct(), 1);
    assert!(after.record_answer(&quiz, 3, 1, StoredAnswer::Choices(vec![0]), true, NOW + 1));
    assert!(after.record_answer(&quiz, 3, 2, StoredAnswer::Choices(vec![0]), true, NOW + 2));
    assert_eq!(after.quiz(&quiz).unwrap().correct(), 3);
    assert_eq!(after.quiz(&quiz).unwrap().correct_with(|_, _| true), 3);
}

#[test]
fn a_byte_order_mark_and_format_1_files_import() {
    // 16-17. A BOM from a text editor, and an export from the format-1 site.
    let with_bom = format!("\u{feff}{}", exported());
    assert_eq!(import(&with_bom, embedded_catalog(), NOW).unwrap().progress().completed_count(), 1);
    let v1 =
        format!(r#"{{"version":1,"completed":["{LATENCY}"],"last":{{"lesson":"{LATENCY}","scroll":0.5}}}}"#);
    let imported = import(&v1, embedded_catalog(), NOW).unwrap();
    assert_eq!(imported.from_version, 1);
    assert_eq!(imported.progress().last_lesson(), Some(LATENCY));
    merge_loses_nothing(&v1);
}

#[test]
fn merge_and_replace_say_what_they_change_before_anything_is_applied() {
    let ours = ours();
    let imported = import(&exported(), embedded_catalog(), NOW).unwrap();
    assert!(imported.left_out.is_empty());

    // 18. Merge: both lessons done, the later answer kept, our goal kept.
    let (merged, changes) = plan_import(&ours, &imported, ImportMode::Merge, NOW);
    assert_eq!(changes.lessons_added, [LATENCY]);
    assert!(changes.lessons_removed.is_empty());
    assert_eq!((changes.answers_added, changes.answers_changed, changes.answers_removed), (1, 1, 0));
    assert!(changes.goals_added.is_empty() && changes.goals_removed.is_empty());
    assert_eq!(changes.describe(), "1 lesson marked done; 1 answer added, 1 answer changed.");
    assert_eq!(merged.quiz(&format!("{CAVING}#0")).unwrap().answer(0), Some(&StoredAnswer::Choices(vec![2])));
    assert_eq!(merged.theme(), Theme::Dark);
    assert!(merged.goal(&format!("{CAVING}#goal-hit-rate")).is_some());
    assert_eq!(ours, self::ours(), "planning applies nothing");

    // 19. Replace: exactly the file, and the summary says what goes.
    let (replaced, changes) = plan_import(&ours, &imported, ImportMode::Replace, NOW);
    assert_eq!(changes.lessons_added, [LATENCY]);
    assert_eq!(changes.lessons_removed, [CAVING]);
    assert_eq!(changes.goals_removed, [format!("{CAVING}#goal-hit-rate")]);
    assert_eq!((changes.answers_added, changes.answers_changed, changes.answers_removed), (1, 1, 0));
    assert_eq!(
        changes.describe(),
        "1 lesson marked done, 1 lesson no longer done; 1 answer added, 1 answer changed; 1 goal no longer met."
    );
    assert_eq!(replaced.completed().collect::<Vec<_>>(), [LATENCY]);
    // An older tab's copy does not bring back what the replace removed...
    assert_eq!(sync(&replaced, &ours).completed().collect::<Vec<_>>(), [LATENCY]);
    // ...but what that tab did after the import is kept.
    let mut later = ours.clone();
    later.set_complete("system-design/cdns", true, replaced.reset_at() + 10);
    assert_eq!(sync(&replaced, &later).completed_count(), 2);
    // The same file again changes nothing.
    let (_, again) = plan_import(&replaced, &imported, ImportMode::Merge, NOW + 1);
    assert!(again.is_empty(), "{again:?}");
    assert_eq!(again.describe(), "Nothing would change.");
}

#[test]
fn a_backup_merged_after_a_reset_comes_back() {
    // 20. Reset, then merge the backup taken before: the backup is what the learner wants.
    let backup = ours().to_json();
    let mut p = ours();
    p.reset(NOW + 1);
    let imported = import(&backup, embedded_catalog(), NOW + 2).unwrap();
    let (after, changes) = plan_import(&p, &imported, ImportMode::Merge, NOW + 2);
    assert!(after.is_complete(CAVING));
    assert_eq!(changes.lessons_added, [CAVING]);
    assert_eq!(changes.goals_added.len(), 1);
    assert_eq!(after.reset_at(), p.reset_at(), "and it stays after the reset, so older tabs cannot undo it");
}

#[test]
fn everything_done_and_answered_is_far_under_the_cap() {
    // Every lesson on the site done, every check and prediction answered (a choice question with
    // all its choices picked, a number with many digits): the largest honest file.
    let mut p = Progress::default();
    let mut t = NOW;
    for file in lessons::files() {
        let id = format!("{}/{}", file.course, file.slug);
        t += 1;
        p.set_complete(&id, true, t);
        let (mut quizzes, mut predictions) = (0, 0);
        for block in markdown::render(front_matter::body(&file.source), &file.course, &file.slug).blocks {
            let (quiz_id, quiz) = match block {
                Block::Quiz(Ok(q)) => (format!("{id}#{quizzes}"), q),
                Block::Predict(Ok(q)) => (format!("{id}#predict-{predictions}"), q),
                _ => continue,
            };
            if quiz_id.contains("predict") {
                predictions += 1;
            } else {
                quizzes += 1;
            }
            for (i, question) in quiz.questions.iter().enumerate() {
                let answer = match &question.kind {
                    QuestionKind::Choice { choices } => StoredAnswer::Choices((0..choices.len()).collect()),
                    QuestionKind::Numeric { .. } => StoredAnswer::Number(123456.789012),
                };
                t += 1;
                p.record_answer(&quiz_id, quiz.questions.len(), i, answer, true, t);
            }
        }
    }
    let size = p.to_pretty_json().len() as u64;
    eprintln!("everything done and answered: {} lessons, {size} bytes", p.completed_count());
    assert!(p.completed_count() > 50);
    assert!(size < MAX_BYTES / 4, "{size} bytes: the cap leaves too little room");
    let imported = import(&p.to_pretty_json(), embedded_catalog(), t).unwrap();
    assert!(imported.left_out.is_empty(), "{:?}", imported.left_out);
}
