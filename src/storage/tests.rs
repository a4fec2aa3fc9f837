//! Reading stored progress: every case a real browser can hand us.

use super::*;
use serde_json::{Value, json};

fn progress_with(lesson: &str) -> Progress {
    let mut p = Progress::default();
    p.set_complete(lesson, true);
    p
}

/// `load` on `raw` must be unreadable, keep `raw` whole, and give a reason containing `reason`.
fn check_unreadable(raw: &str, reason: &str) {
    match load(Some(raw)) {
        Loaded::Unreadable { raw: kept, reason: got, newer } => {
            assert_eq!(newer, reason.contains("newer"), "{raw:?}: newer flag");
            assert_eq!(kept, raw, "the raw value must be kept whole");
            assert!(got.contains(reason), "{raw:?}: reason {got:?} should contain {reason:?}");
        }
        other => panic!("{raw:?} should be unreadable, got {other:?}"),
    }
}

#[test]
fn nothing_stored_is_empty() {
    assert_eq!(load(None), Loaded::Empty);
    assert_eq!(load(Some("  ")), Loaded::Empty);
}

#[test]
fn current_format_round_trips() {
    let mut p = progress_with("system-design/caching");
    p.theme = Theme::Dark;
    p.last = Some(LastVisit { lesson: "system-design/caching".into(), scroll: 0.4 });
    p.record_answer("system-design/caching#0", 3, 1, StoredAnswer::Number(50.0), true);
    assert_eq!(load(Some(&p.to_json())), Loaded::Ready { progress: p.clone(), migrated_from: None });
    assert_eq!(import(&p.to_pretty_json()), Ok(p));
}

#[test]
fn missing_fields_take_defaults() {
    let Loaded::Ready { progress, .. } = load(Some(r#"{"version":1}"#)) else { panic!() };
    assert_eq!(progress, Progress::default());
}

#[test]
fn garbage_foreign_and_newer_values_are_kept_with_a_reason() {
    check_unreadable("{{{ not json", "not JSON");
    check_unreadable("[1, 2, 3]", "no format version");
    check_unreadable(r#"{"user":"someone else's app"}"#, "no format version");
    check_unreadable(r#"{"version":"1"}"#, "no format version");
    check_unreadable(r#"{"version":0}"#, "not valid");
    check_unreadable(r#"{"version":99,"completed":[]}"#, "newer Headroom");
    check_unreadable(r#"{"version":1,"completed":5}"#, "does not fit format 1");
    check_unreadable(r#"{"version":1,"theme":"neon"}"#, "does not fit");
}

#[test]
fn import_explains_a_bad_file() {
    assert!(import("hello").unwrap_err().contains("not JSON"));
    assert!(import("{}").unwrap_err().contains("no format version"));
}

/// A made-up format 2 that renames `done` to `completed`, to exercise the migration path the
/// way a real format change will.
fn v1_to_v2(mut value: Value) -> Result<Value, String> {
    let object = value.as_object_mut().ok_or("not an object")?;
    let done = object.remove("done").unwrap_or(json!([]));
    object.insert("completed".into(), done);
    Ok(value)
}

#[test]
fn older_formats_migrate_step_by_step() {
    let old = r#"{"version":1,"done":["system-design/caching"]}"#;
    let (progress, from) = parse(old, 2, &[v1_to_v2]).unwrap();
    assert_eq!(from, 1);
    assert!(progress.is_complete("system-design/caching"));
    assert_eq!(progress.version, 2);
    // Already at format 2: the step is not run again.
    let (progress, from) = parse(r#"{"version":2,"completed":["a/b"]}"#, 2, &[v1_to_v2]).unwrap();
    assert_eq!((from, progress.completed.len()), (2, 1));
    // A step that fails says which format it could not leave.
    let err = parse("{\"version\":1}", 2, &[|_| Err("boom".into())]).unwrap_err().reason;
    assert!(err.contains("from format 1: boom"), "{err}");
}

#[test]
fn quiz_score_counts_first_answers_only() {
    let mut p = Progress::default();
    p.record_answer("c/l#0", 2, 0, StoredAnswer::Choices(vec![1]), true);
    p.record_answer("c/l#0", 2, 0, StoredAnswer::Choices(vec![0]), false);
    p.record_answer("c/l#0", 2, 1, StoredAnswer::Choices(vec![0]), false);
    p.record_answer("c/l#0", 2, 9, StoredAnswer::Number(1.0), true);
    let record = &p.quizzes["c/l#0"];
    assert_eq!(record.correct, 1);
    assert_eq!(record.answers.len(), 2);
}
