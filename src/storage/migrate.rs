//! Migrations between progress format versions, as steps on JSON values.
//!
//! `MIGRATIONS[i]` turns format `i + 1` into format `i + 2`. Version 1 is the first format, so
//! the list is empty; when the format changes, bump `VERSION`, append a step, and add a fixture
//! of the old format to the tests.

use serde_json::Value;

/// One step: a value in format `n` → the same progress in format `n + 1`.
pub type Migration = fn(Value) -> Result<Value, String>;

pub const MIGRATIONS: &[Migration] = &[];

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
