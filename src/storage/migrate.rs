//! Migrations between progress format versions, as steps on JSON values.
//!
//! `MIGRATIONS[i]` turns format `i + 1` into format `i + 2`. When the format changes, bump
//! `VERSION`, append a step, and add a value of the old format to the tests.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::{Value, json};

/// One step: a value in format `n` → the same progress in format `n + 1`.
pub type Migration = fn(Value) -> Result<Value, String>;

pub const MIGRATIONS: &[Migration] = &[v1_to_v2, v2_to_v3];

/// Runs the steps from `version` up to the last, and stamps the result with its version.
pub fn migrate(mut value: Value, version: u32, migrations: &[Migration]) -> Result<Value, String> {
    let first = usize::try_from(version.saturating_sub(1)).unwrap_or(usize::MAX);
    for (i, step) in migrations.iter().enumerate().skip(first) {
        value = step(value).map_err(|e| format!("it could not be upgraded from format {}: {e}", i + 1))?;
        if let Some(object) = value.as_object_mut() {
            object.insert("version".into(), Value::from(i as u64 + 2));
        }
    }
    Ok(value)
}

/// Format 1, as the first builds wrote it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct V1 {
    #[allow(dead_code)]
    version: u32,
    #[serde(default)]
    completed: Vec<String>,
    #[serde(default)]
    quizzes: BTreeMap<String, V1Quiz>,
    #[serde(default)]
    last: Option<V1Last>,
    #[serde(default)]
    theme: Value,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct V1Quiz {
    #[serde(default)]
    answers: Vec<Value>,
    /// How many questions were right the first time. Any whole number is read (a count past the
    /// answers given means all of them).
    #[serde(default)]
    correct: u64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct V1Last {
    lesson: String,
    #[allow(dead_code)]
    #[serde(default)]
    scroll: Value,
}

/// Format 1 → 2. Format 1 kept no times, so every record gets time 0 ("before format 2"): any
/// later edit in any copy wins over it. It counted right answers per quiz; format 2 keeps the
/// grade per question, which is known when none or all of a quiz's answers were right and left
/// unknown otherwise. The scroll position is dropped: the page keeps it for the tab only.
fn v1_to_v2(value: Value) -> Result<Value, String> {
    let v1: V1 = serde_json::from_value(value).map_err(|e| e.to_string())?;
    let lessons: serde_json::Map<String, Value> =
        v1.completed.into_iter().map(|id| (id, json!({ "done": 0 }))).collect();
    let mut quizzes = serde_json::Map::new();
    for (id, quiz) in v1.quizzes {
        let given: Vec<(usize, Value)> =
            quiz.answers.into_iter().enumerate().filter(|(_, a)| !a.is_null()).collect();
        let right = match quiz.correct.min(given.len() as u64) {
            0 => Value::Bool(false),
            n if n == given.len() as u64 => Value::Bool(true),
            _ => Value::Null,
        };
        let answers: serde_json::Map<String, Value> = given
            .into_iter()
            .map(|(i, answer)| {
                let mut record = json!({ "at": 0, "answer": answer });
                if !right.is_null() {
                    record["right"] = right.clone();
                }
                (i.to_string(), record)
            })
            .collect();
        if !answers.is_empty() {
            quizzes.insert(id, json!({ "answers": answers }));
        }
    }
    let mut v2 = json!({ "version": 2, "lessons": lessons, "quizzes": quizzes });
    if let Some(last) = v1.last {
        v2["last"] = json!({ "lesson": last.lesson, "at": 0 });
    }
    if !v1.theme.is_null() {
        v2["theme"] = json!({ "value": v1.theme, "at": 0 });
    }
    Ok(v2)
}

/// Format 2 → 3. Format 3 keeps, with each goal met, the goal as the lesson wrote it; format 2
/// did not, so each goal record gets an empty `goal` ("met before format 3 kept it"), which
/// counts as met whatever the lesson's goal is now. Nothing else changes: every other field is
/// passed on as it was, for the format-3 reading to check.
fn v2_to_v3(mut value: Value) -> Result<Value, String> {
    let Some(object) = value.as_object_mut() else { return Err("it is not an object".into()) };
    match object.get_mut("goals") {
        None | Some(Value::Null) => {}
        Some(Value::Object(goals)) => {
            for (id, goal) in goals.iter_mut() {
                let Some(record) = goal.as_object_mut() else {
                    return Err(format!("goal {id:?} is not a record"));
                };
                if record.contains_key("goal") {
                    return Err(format!("goal {id:?} has a field `goal` that format 2 does not have"));
                }
                record.insert("goal".into(), Value::String(String::new()));
            }
        }
        Some(_) => return Err("its goals are not a map of records".into()),
    }
    Ok(value)
}
