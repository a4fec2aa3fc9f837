//! `headroom sweep` as an author calls it: the command line's own binary, one JSON line per
//! value. The values are the evenly spaced numbers asked for, written as a person would write
//! them, not the float noise of computing them (0.3, not 0.30000000000000004), and a row never
//! names one field twice.

use std::process::Command;

use serde_json::Value;

/// The values under `name` in the rows of `headroom sweep <scenario> <key> <from> <to>
/// <steps>`.
fn swept(scenario: &str, key: &str, from: &str, to: &str, steps: &str, name: &str) -> Vec<Value> {
    let output = Command::new(env!("CARGO_BIN_EXE_headroom"))
        .args(["sweep", scenario, key, from, to, steps])
        .output()
        .expect("the command line runs");
    assert!(output.status.success(), "{scenario}: {}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.lines()
        .map(|line| {
            // The key written twice would parse, the second hiding the first: count it.
            assert!(line.matches(&format!("\"{key}\":")).count() <= 1, "{key} twice in {line}");
            serde_json::from_str::<Value>(line).expect("each line is JSON")[name].clone()
        })
        .collect()
}

#[test]
fn swept_values_are_the_numbers_asked_for() {
    let rates = swept("kind=queue requests=200", "rate", "0.1", "0.9", "5", "rate");
    assert_eq!(rates, [0.1, 0.3, 0.5, 0.7, 0.9].map(Value::from));
    let times = swept("kind=queue requests=200", "service_time", "0.3", "0.1", "3", "service_time");
    assert_eq!(times, [0.3, 0.2, 0.1].map(Value::from));
}

/// `servers` is also a figure of the report (each server's own, behind a balancer): the swept
/// value is written `swept_servers` beside it, a whole number.
#[test]
fn a_swept_key_that_names_a_figure_is_written_apart() {
    let servers = swept("kind=balancer requests=200", "servers", "1", "4", "4", "swept_servers");
    assert_eq!(servers, [1, 2, 3, 4].map(Value::from));
    let figures = swept("kind=balancer requests=200", "servers", "1", "4", "4", "servers");
    assert!(figures.iter().all(Value::is_array), "{figures:?}");
}
