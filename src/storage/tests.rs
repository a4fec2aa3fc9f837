//! Reading stored progress, the edits the page makes, and migrations: every case a real browser
//! can hand us. Merging, imports and hostile values have their own tests in `tests/`.

use super::*;
use serde_json::{Value, json};

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

fn ready(raw: &str) -> Progress {
    match load(Some(raw)) {
        Loaded::Ready { progress, .. } => progress,
        other => panic!("{raw:?} should load, got {other:?}"),
    }
}

#[test]
fn nothing_stored_is_empty() {
    assert_eq!(load(None), Loaded::Empty);
    assert_eq!(load(Some("  ")), Loaded::Empty);
    assert_eq!(load(Some("\u{feff}")), Loaded::Empty);
}

#[test]
fn current_format_round_trips() {
    let mut p = Progress::default();
    p.set_complete("system-design/caching", true, 10);
    p.set_theme(Theme::Dark, 11);
    p.visit("system-design/caching", 12);
    assert!(p.record_answer("system-design/caching#0", 3, 1, StoredAnswer::Number(50.0), true, 13));
    p.meet_goal("system-design/caching#goal-hit-rate", "hit_ratio > 0.5", "kind=cache capacity=100", 14);
    assert_eq!(load(Some(&p.to_json())), Loaded::Ready { progress: p.clone(), migrated_from: None });
    assert_eq!(ready(&format!("\u{feff}{}", p.to_pretty_json())), p);
}

#[test]
fn missing_fields_take_defaults() {
    assert_eq!(ready(r#"{"version":3}"#), Progress::default());
    assert_eq!(ready(r#"{"version":2}"#), Progress::default());
}

#[test]
fn garbage_foreign_and_newer_values_are_kept_with_a_reason() {
    check_unreadable("{{{ not json", "not JSON");
    check_unreadable("[1, 2, 3]", "no format version");
    check_unreadable(r#"{"user":"someone else's app"}"#, "no format version");
    check_unreadable(r#"{"version":"1"}"#, "no format version");
    check_unreadable(r#"{"version":0}"#, "not valid");
    check_unreadable(r#"{"version":99,"completed":[]}"#, "newer Headroom");
    check_unreadable(r#"{"version":1,"completed":5}"#, "upgraded from format 1");
    check_unreadable(r#"{"version":1,"theme":"neon"}"#, "does not fit format 3");
    check_unreadable(r#"{"version":1,"items":[1]}"#, "unknown field `items`");
    check_unreadable(r#"{"version":2,"lessons":{"a/b":{"done":-1}}}"#, "does not fit format 3");
    check_unreadable(r#"{"version":3,"lessons":{"a/b":{"done":-1}}}"#, "does not fit format 3");
    check_unreadable(r#"{"version":2,"todo":[]}"#, "unknown field `todo`");
    check_unreadable(r#"{"version":2,"reset":18446744073709551615}"#, "later than any date");
    check_unreadable(
        r#"{"version":3,"goals":{"g":{"at":8640000000000001,"goal":"","query":""}}}"#,
        "later than any date",
    );
    assert!(matches!(load(Some(r#"{"version":2,"reset":8640000000000000}"#)), Loaded::Ready { .. }));
}

/// A value the format-1 build wrote (from a real browser's localStorage, ids as the site
/// uses them).
const V1: &str = r#"{"version":1,"completed":["system-design/latency-throughput","system-design/caching"],"quizzes":{"system-design/latency-throughput#0":{"answers":[{"choices":[1]},null,{"number":250.0}],"correct":1},"system-design/caching#0":{"answers":[{"choices":[0,2]}],"correct":1},"system-design/caching#predict-0":{"answers":[{"number":0.5}],"correct":0}},"last":{"lesson":"system-design/caching","scroll":0.42},"theme":"dark"}"#;

#[test]
fn format_1_migrates_to_format_2() {
    let Loaded::Ready { progress: p, migrated_from } = load(Some(V1)) else { panic!("v1 should load") };
    assert_eq!(migrated_from, Some(1));
    assert_eq!(p.version(), 3);
    assert_eq!(
        p.completed().collect::<Vec<_>>(),
        ["system-design/caching", "system-design/latency-throughput"]
    );
    assert_eq!(p.completed_at("system-design/caching"), Some(0));
    assert_eq!(p.theme(), Theme::Dark);
    assert_eq!(p.last_lesson(), Some("system-design/caching"));
    // One of two answers right: which one is unknown, so the grade is left to the page.
    let mixed = p.quiz("system-design/latency-throughput#0").unwrap();
    assert_eq!(mixed.answered(), 2);
    assert_eq!(mixed.answer(0), Some(&StoredAnswer::Choices(vec![1])));
    assert_eq!(mixed.answer(1), None);
    assert_eq!(mixed.answer(2), Some(&StoredAnswer::Number(250.0)));
    assert_eq!(mixed.correct(), 0);
    assert_eq!(mixed.correct_with(|i, _| i == 2), 1);
    // All right, or none right: known.
    assert_eq!(p.quiz("system-design/caching#0").unwrap().correct(), 1);
    assert_eq!(p.quiz("system-design/caching#predict-0").unwrap().correct_with(|_, _| true), 0);
    // Written back, it is the current format and has no scroll position.
    let json = p.to_json();
    assert!(json.starts_with(r#"{"version":3,"#) && !json.contains("scroll"), "{json}");
    assert_eq!(ready(&json), p);
}

#[test]
fn format_1_counts_past_the_answers_saturate() {
    let p = ready(r#"{"version":1,"quizzes":{"a/b#0":{"answers":[{"number":1.0}],"correct":4294967295}}}"#);
    let mut p = p;
    assert_eq!(p.quiz("a/b#0").unwrap().correct(), 1);
    assert!(p.record_answer("a/b#0", 2, 1, StoredAnswer::Number(2.0), true, 5));
    assert_eq!(p.quiz("a/b#0").unwrap().correct(), 2);
    check_unreadable(r#"{"version":1,"quizzes":{"a/b#0":{"correct":1e20}}}"#, "upgraded from format 1");
    check_unreadable(r#"{"version":1,"quizzes":{"a/b#0":{"correct":-1}}}"#, "upgraded from format 1");
}

/// A made-up format 4 that renames `lessons` to `done`, to exercise the migration path the
/// way a later format change will.
fn v3_to_v4(mut value: Value) -> Result<Value, String> {
    let object = value.as_object_mut().ok_or("not an object")?;
    let done = object.remove("done").unwrap_or(json!({}));
    object.insert("lessons".into(), done);
    Ok(value)
}

#[test]
fn older_formats_migrate_step_by_step() {
    let steps: &[Migration] = &[MIGRATIONS[0], MIGRATIONS[1], v3_to_v4];
    let (progress, from) = parse(r#"{"version":3,"done":{"a/b":{"done":3}}}"#, 4, steps).unwrap();
    assert_eq!(from, 3);
    assert!(progress.is_complete("a/b"));
    assert_eq!(progress.version(), 4);
    // From format 1, every step runs.
    let (progress, from) = parse(r#"{"version":1,"completed":["a/b"]}"#, 4, steps).unwrap();
    assert_eq!((from, progress.completed_count()), (1, 0), "v3→v4 renames a field v1→v2 does not write");
    // A step that fails says which format it could not leave.
    let err = parse("{\"version\":1}", 2, &[|_| Err("boom".into())]).unwrap_err().reason;
    assert!(err.contains("from format 1: boom"), "{err}");
}

#[test]
fn quiz_keeps_the_first_grade_and_ignores_impossible_answers() {
    let mut p = Progress::default();
    assert!(p.record_answer("c/l#0", 2, 0, StoredAnswer::Choices(vec![1]), true, 1));
    assert!(p.record_answer("c/l#0", 2, 0, StoredAnswer::Choices(vec![0]), false, 2));
    assert!(p.record_answer("c/l#0", 2, 1, StoredAnswer::Choices(vec![0]), false, 3));
    assert!(!p.record_answer("c/l#0", 2, 9, StoredAnswer::Number(1.0), true, 4));
    assert!(!p.record_answer("c/l#0", 2, 1, StoredAnswer::Number(f64::NAN), true, 4));
    assert!(!p.record_answer("c/l#0", 2, 1, StoredAnswer::Number(f64::INFINITY), true, 4));
    let record = p.quiz("c/l#0").unwrap();
    assert_eq!(record.correct(), 1);
    assert_eq!(record.answered(), 2);
    assert_eq!(record.answer(0), Some(&StoredAnswer::Choices(vec![0])));
    // Clearing starts the quiz again.
    p.clear_quiz("c/l#0", 5);
    assert_eq!(p.quiz("c/l#0").map(QuizRecord::answered), Some(0));
}

#[test]
fn edits_are_stamped_after_what_they_replace_even_if_the_clock_went_back() {
    let mut p = Progress::default();
    p.set_complete("a/b", true, 100);
    p.set_complete("a/b", false, 50);
    assert!(!p.is_complete("a/b"));
    p.set_complete("a/b", true, 40);
    assert_eq!(p.completed_at("a/b"), Some(102));
    p.set_theme(Theme::Light, 7);
    p.set_theme(Theme::Dark, 3);
    assert_eq!(p.theme(), Theme::Dark);
    p.reset(1);
    assert!(p.reset_at() > 102);
    assert_eq!(p.completed_count(), 0);
    assert_eq!(p.theme(), Theme::Dark, "a reset keeps the theme");
    p.set_complete("a/b", true, 1);
    assert!(p.completed_at("a/b") > Some(p.reset_at()));
}

#[test]
fn a_write_merges_with_what_another_tab_stored() {
    let mut ours = Progress::default();
    ours.set_complete("a/one", true, 10);
    let mut theirs = Progress::default();
    theirs.set_complete("a/two", true, 20);
    let Write::Save(saved) = plan_write(load(Some(&theirs.to_json())), &ours) else { panic!() };
    assert_eq!(saved.completed().collect::<Vec<_>>(), ["a/one", "a/two"]);
    // Writing the same again changes nothing.
    assert_eq!(plan_write(load(Some(&saved.to_json())), &saved), Write::Unchanged(saved.clone()));
    // Nothing stored: ours as is.
    assert_eq!(plan_write(Loaded::Empty, &ours), Write::Save(ours.clone()));
}

#[test]
fn a_write_never_goes_over_a_newer_format_or_an_unkept_value() {
    let ours = Progress::default();
    let Write::Refuse { reason } = plan_write(load(Some(r#"{"version":4}"#)), &ours) else { panic!() };
    assert!(reason.contains("newer Headroom"), "{reason}");
    let Write::KeepAsideThenSave { raw, reason, progress } = plan_write(load(Some("oops")), &ours) else {
        panic!()
    };
    assert_eq!((raw.as_str(), progress), ("oops", ours));
    assert!(reason.contains("kept aside"), "{reason}");
    // A stored format 1 is migrated and written back as format 3, even with nothing new.
    let v1 = r#"{"version":1,"completed":["a/b"]}"#;
    let Write::Save(saved) = plan_write(load(Some(v1)), &Progress::default()) else { panic!() };
    assert!(saved.is_complete("a/b"));
}

/// A value the format-2 build wrote: a lesson, an answer, a goal met, the last visit, a theme.
const V2: &str = r#"{"version":2,"reset":5,"lessons":{"system-design/caching":{"done":1700000000000},"system-design/cdns":{"cleared":1700000000100}},"quizzes":{"system-design/caching#0":{"answers":{"0":{"at":1700000000200,"right":true,"answer":{"choices":[1]}}}}},"goals":{"system-design/load-balancing#goal-0":{"at":1700000000300,"query":"kind=balancer&servers=5"}},"last":{"lesson":"system-design/caching","at":1700000000400},"theme":{"value":"dark","at":1700000000500}}"#;

#[test]
fn format_2_migrates_to_format_3_losing_nothing() {
    let Loaded::Ready { progress: p, migrated_from } = load(Some(V2)) else { panic!("v2 should load") };
    assert_eq!(migrated_from, Some(2));
    assert_eq!(p.version(), 3);
    // Every field of format 2 is there, as it was.
    let mut v2: Value = serde_json::from_str(V2).unwrap();
    let mut v3: Value = serde_json::from_str(&p.to_json()).unwrap();
    v2["version"] = json!(3);
    assert_eq!(v3["goals"]["system-design/load-balancing#goal-0"]["goal"], json!(""));
    v3["goals"]["system-design/load-balancing#goal-0"].as_object_mut().unwrap().remove("goal");
    assert_eq!(v3, v2);
    // A goal met before format 3 counts for the lesson's goal, whatever it says now.
    assert!(p.goal_met("system-design/load-balancing#goal-0", "p99 < 0.1 and servers <= 5"));
    assert_eq!(
        p.goal("system-design/load-balancing#goal-0").map(|g| g.query.as_str()),
        Some("kind=balancer&servers=5")
    );
    // Written back as format 3 and read again, it is the same.
    assert_eq!(ready(&p.to_json()), p);
    assert!(matches!(plan_write(load(Some(V2)), &p), Write::Save(saved) if saved == p));
}

#[test]
fn a_damaged_format_2_goal_is_kept_aside_with_a_reason() {
    check_unreadable(r#"{"version":2,"goals":[1,2]}"#, "goals are not a map");
    check_unreadable(r#"{"version":2,"goals":{"a/b#goal-0":"met"}}"#, "is not a record");
    check_unreadable(
        r#"{"version":2,"goals":{"a/b#goal-0":{"at":1,"goal":"x","query":""}}}"#,
        "format 2 does not have",
    );
    check_unreadable(
        r#"{"version":2,"goals":{"a/b#goal-0":{"at":"yesterday","query":""}}}"#,
        "does not fit format 3",
    );
    check_unreadable(r#"{"version":3,"goals":{"a/b#goal-0":{"at":1,"query":""}}}"#, "missing field `goal`");
    check_unreadable(r#"{"version":2,"goals":{"a/b#goal-0":{"at":1,"query":""}},"#, "not JSON");
    // As format 2 read it: a null is not a map of goals.
    check_unreadable(r#"{"version":2,"goals":null}"#, "does not fit format 3");
}

#[test]
fn a_goal_is_met_once_for_its_text_and_again_when_the_lesson_rewrites_it() {
    let mut p = Progress::default();
    p.meet_goal("c/l#goal-0", "p99 < 1", "kind=queue&servers=2", 10);
    p.meet_goal("c/l#goal-0", "p99 < 1", "kind=queue&servers=3", 20);
    assert_eq!(p.goal("c/l#goal-0").map(|g| (g.at, g.query.as_str())), Some((10, "kind=queue&servers=2")));
    assert!(p.goal_met("c/l#goal-0", "p99 < 1"));
    assert!(!p.goal_met("c/l#goal-0", "p99 < 0.5"), "a rewritten goal is not met by the old success");
    assert!(!p.goal_met("c/l#goal-1", "p99 < 1"));
    p.meet_goal("c/l#goal-0", "p99 < 0.5", "kind=queue&servers=4", 30);
    assert!(p.goal_met("c/l#goal-0", "p99 < 0.5"));
    assert_eq!(ready(&p.to_json()), p);
}
