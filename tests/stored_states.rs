//! 100 corrupted or hostile values in localStorage, through `load` and `plan_write`: none
//! panics, each is classified (nothing, readable, unreadable, or from a newer format), an
//! unreadable value is handed back whole to be kept aside, and a newer one is never written over.

#[path = "support/fuzz.rs"]
mod fuzz;
use fuzz::Fuzz;

use std::collections::BTreeSet;
use std::panic::{AssertUnwindSafe, catch_unwind};

use headroom::storage::{Loaded, Progress, StoredAnswer, Theme, Write, load, plan_write};

/// A value the current build writes, with something in every field.
fn current() -> String {
    let mut p = Progress::default();
    p.set_complete("system-design/caching", true, 1_700_000_000_000);
    p.set_complete("system-design/cdns", true, 1_700_000_000_100);
    p.set_complete("system-design/cdns", false, 1_700_000_000_200);
    p.record_answer(
        "system-design/caching#0",
        3,
        0,
        StoredAnswer::Choices(vec![0, 2]),
        true,
        1_700_000_000_300,
    );
    p.record_answer(
        "system-design/caching#predict-0",
        1,
        0,
        StoredAnswer::Number(0.25),
        false,
        1_700_000_000_400,
    );
    p.clear_quiz("system-design/caching#predict-0", 1_700_000_000_500);
    p.meet_goal(
        "system-design/caching#goal-hit-rate",
        "hit_ratio > 0.5",
        "kind=cache capacity=100",
        1_700_000_000_600,
    );
    p.visit("system-design/caching", 1_700_000_000_700);
    p.set_theme(Theme::Light, 1_700_000_000_800);
    p.to_json()
}

const V1: &str = r#"{"version":1,"completed":["system-design/caching"],"quizzes":{"system-design/caching#0":{"answers":[{"choices":[1]},null],"correct":1}},"last":{"lesson":"system-design/caching","scroll":0.5},"theme":"dark"}"#;

/// Values a browser, an extension, a bug or another app could leave under the key.
const WRITTEN: &[&str] = &[
    "",
    "   ",
    "\u{feff}",
    "undefined",
    "[object Object]",
    "null",
    "true",
    "0",
    "\"\"",
    "[]",
    "{}",
    "<!doctype html><title>404</title>",
    r#"{"version":null}"#,
    r#"{"version":-1}"#,
    r#"{"version":1.5}"#,
    r#"{"version":"2"}"#,
    r#"{"version":4294967296}"#,
    r#"{"version":3}"#,
    r#"{"version":4}"#,
    r#"{"version":99,"anything":{"at":"all"}}"#,
    r#"{"version":2}"#,
    r#"{"version":2,"lessons":{"a":{}}}"#,
    r#"{"version":2,"lessons":{"a":{"done":1,"extra":true}}}"#,
    r#"{"version":2,"quizzes":{"q":{"answers":{"x":{"at":1,"answer":{"number":1}}}}}}"#,
    r#"{"version":2,"quizzes":{"q":{"answers":{"4294967296":{"at":1,"answer":{"number":1}}}}}}"#,
    r#"{"version":2,"quizzes":{"q":{"answers":{"0":{"at":1,"answer":{"choices":[-1]}}}}}}"#,
    r#"{"version":2,"quizzes":{"q":{"answers":{"0":{"at":1,"answer":{"maybe":1}}}}}}"#,
    r#"{"version":2,"theme":{"value":"neon","at":1}}"#,
    r#"{"version":2,"reset":18446744073709551615}"#,
    r#"{"version":2,"reset":18446744073709551616}"#,
    r#"{"version":1,"completed":[1,2,3]}"#,
    r#"{"version":1,"completed":"system-design/caching"}"#,
    r#"{"version":1,"quizzes":{"q":{"answers":[{"number":"1"}],"correct":0}}}"#,
    r#"{"version":1,"last":{"lesson":5}}"#,
    r#"{"version":1,"theme":"neon"}"#,
    r#"{"version":2,"version":3}"#,
    r#"{"version":3,"version":4}"#,
];

/// A random corruption of `text`: cut, a character changed, a range dropped or doubled, or a
/// hostile token put in.
fn corrupt(fuzz: &mut Fuzz, text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = fuzz.below(chars.len() + 1);
    let to = (at + 1 + fuzz.below(20)).min(chars.len());
    let (head, tail): (String, String) = (chars[..at].iter().collect(), chars[at..].iter().collect());
    match fuzz.below(6) {
        0 => head,
        1 => {
            let c = ['{', '}', '[', ']', '"', ',', ':', '0', '-', 'e', '.', 'n', '\u{0}', 'é', '\u{1F600}'];
            format!("{head}{}{}", c[fuzz.below(c.len())], tail.chars().skip(1).collect::<String>())
        }
        2 => format!("{head}{}", chars[to..].iter().collect::<String>()),
        3 => format!("{head}{}{tail}", chars[at..to].iter().collect::<String>()),
        4 => {
            let tokens = [
                "1e999",
                "-1",
                "NaN",
                "null",
                "\"x\"",
                "[[[[[[[[",
                "{\"version\":99}",
                "\\u0000",
                "18446744073709551616",
            ];
            format!("{head}{}{tail}", tokens[fuzz.below(tokens.len())])
        }
        _ => format!("{}{}", "[".repeat(200 + fuzz.below(2000)), text),
    }
}

/// Exactly 100 different values: the written ones, then corruptions of real ones.
fn states() -> Vec<String> {
    let mut fuzz = Fuzz::new(0x7374_6f72_6564);
    let bases = [current(), V1.to_string()];
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for s in WRITTEN.iter().map(|s| s.to_string()).chain(bases.iter().cloned()) {
        if seen.insert(s.clone()) {
            out.push(s);
        }
    }
    while out.len() < 100 {
        let base = &bases[fuzz.below(bases.len())];
        let s = corrupt(&mut fuzz, base);
        if seen.insert(s.clone()) {
            out.push(s);
        }
    }
    out
}

#[test]
fn a_hundred_corrupted_states_are_classified_and_none_panics() {
    let states = states();
    assert_eq!(states.len(), 100);
    let mut ours = Progress::default();
    ours.set_complete("system-design/latency-throughput", true, 1_800_000_000_000);
    let (mut empty, mut ready, mut unreadable, mut newer, mut panics) = (0, 0, 0, 0, 0);
    for raw in &states {
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let loaded = load(Some(raw));
            let write = plan_write(loaded.clone(), &ours);
            (loaded, write)
        }));
        let Ok((loaded, write)) = outcome else {
            panics += 1;
            continue;
        };
        match loaded {
            Loaded::Empty => {
                empty += 1;
                assert!(raw.trim_start_matches('\u{feff}').trim().is_empty(), "{raw:?} is not empty");
                assert_eq!(write, Write::Save(ours.clone()));
            }
            Loaded::Ready { progress, .. } => {
                ready += 1;
                // What was read can be written and read back as it is.
                let again = load(Some(&progress.to_json()));
                assert_eq!(
                    again,
                    Loaded::Ready { progress: progress.clone(), migrated_from: None },
                    "{raw:?}"
                );
                // Writing keeps ours and what was stored.
                let (Write::Save(saved) | Write::Unchanged(saved)) = write else {
                    panic!("{raw:?}: {write:?}")
                };
                assert!(saved.is_complete("system-design/latency-throughput"), "{raw:?}");
                assert!(progress.completed().all(|l| saved.is_complete(l)), "{raw:?}");
            }
            Loaded::Unreadable { raw: kept, reason, newer: is_newer } => {
                assert_eq!(&kept, raw, "the unreadable value is handed back whole");
                assert!(!reason.is_empty() && reason.len() < 300, "{raw:?}: {reason:?}");
                if is_newer {
                    newer += 1;
                    assert!(
                        matches!(write, Write::Refuse { .. }),
                        "{raw:?}: never write over a newer format"
                    );
                } else {
                    unreadable += 1;
                    let Write::KeepAsideThenSave { raw: aside, .. } = write else {
                        panic!("{raw:?}: {write:?}")
                    };
                    assert_eq!(&aside, raw, "kept aside whole before anything is written");
                }
            }
        }
    }
    eprintln!(
        "100 stored states: {empty} empty, {ready} readable, {unreadable} unreadable, {newer} newer, {panics} panics"
    );
    assert_eq!(panics, 0);
    assert_eq!(empty + ready + unreadable + newer, 100);
    // The mix is wide enough to mean something.
    assert!(
        empty >= 3 && ready >= 10 && unreadable >= 40 && newer >= 3,
        "{empty} {ready} {unreadable} {newer}"
    );
}
