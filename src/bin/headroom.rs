//! The command line: run a scenario headless and print its figures as JSON.
//!
//! ```text
//! headroom run 'kind=queue rate=0.9 requests=100000'     one run, one JSON object
//! headroom run lesson.sim                                 the same, from a file
//! headroom sweep 'kind=queue' rate 0.1 0.95 18            one JSON line per value of `rate`
//! headroom check 'kind=cache zipf=9'                      problems, and the canonical form
//! headroom predict 'kind=queue servers=2 rate=1.5'        what theory predicts, as JSON
//! headroom keys                                           the vocabulary
//! ```
//!
//! A scenario with any problem (unknown key, bad or out-of-range value) is refused with the
//! problems listed and exit status 2; usage errors exit with 1.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

use headroom::scenario::{KEYS, Kind, Scenario};
use headroom::sim::{self, Outcome, theory};
use serde::Serialize;
use serde_json::{Value, json};

const USAGE: &str = "\
usage:
  headroom run <scenario>                       run it, print the metrics as JSON
  headroom sweep <scenario> <key> <from> <to> <steps>
                                                run once per value of <key>, one JSON line each
  headroom check <scenario>                     list problems, print the canonical form
  headroom predict <scenario>                   what queueing and caching theory predicts
  headroom keys                                 list every scenario key
<scenario> is `key=value` pairs (quoted, separated by spaces, & or newlines) or a file path.
The vocabulary: docs/scenarios.md.";

/// Most events one run may take (a scenario that would need more is refused, not hung).
const MAX_EVENTS: u64 = 20_000_000_000;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["run", scenario] => load(scenario).and_then(|s| run(&s)).map(|v| pretty(&v)),
        ["sweep", scenario, key, from, to, steps] => {
            load(scenario).and_then(|s| sweep(&s, key, from, to, steps))
        }
        ["check", scenario] => check(scenario),
        ["predict", scenario] => load(scenario).and_then(|s| predict(&s)),
        ["keys"] => Ok(keys()),
        _ => Err(Failure::Usage(USAGE.to_string())),
    };
    match result {
        // A closed pipe (`headroom keys | head`) is not an error worth reporting.
        Ok(text) => {
            let _ = writeln!(std::io::stdout(), "{text}");
            ExitCode::SUCCESS
        }
        Err(Failure::Usage(message)) => {
            eprintln!("{message}");
            ExitCode::from(1)
        }
        Err(Failure::Input(message)) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

enum Failure {
    Usage(String),
    Input(String),
}

/// The scenario in `arg`: a file's contents if `arg` names a file, else `arg` itself.
fn text_of(arg: &str) -> Result<String, Failure> {
    let path = std::path::Path::new(arg);
    if arg.contains('=') {
        Ok(arg.to_string())
    } else if path.is_file() {
        std::fs::read_to_string(path).map_err(|e| Failure::Input(format!("cannot read {arg}: {e}")))
    } else {
        Err(Failure::Input(format!("{arg:?} is neither a file nor `key=value` pairs")))
    }
}

/// Reads a scenario strictly: any problem is an error.
fn load(arg: &str) -> Result<Scenario, Failure> {
    let text = text_of(arg)?;
    let parsed = Scenario::parse(&text);
    if parsed.problems.is_empty() {
        return Ok(parsed.scenario);
    }
    let lines: Vec<String> = parsed.problems.iter().map(|p| format!("  {p}")).collect();
    Err(Failure::Input(format!("the scenario has problems:\n{}", lines.join("\n"))))
}

/// What `run` prints: the outcome, then what the command line measured.
#[derive(Serialize)]
struct Printed {
    #[serde(flatten)]
    swept: BTreeMap<String, Value>,
    #[serde(flatten)]
    outcome: Outcome,
    #[serde(skip_serializing_if = "Option::is_none")]
    events_per_second: Option<f64>,
}

/// Runs `scenario` and adds the wall-clock event rate to its figures.
fn run(scenario: &Scenario) -> Result<Printed, Failure> {
    let started = Instant::now();
    let outcome = sim::run(scenario, MAX_EVENTS).map_err(|e| Failure::Input(e.to_string()))?;
    let seconds = started.elapsed().as_secs_f64();
    let events_per_second = match &outcome {
        Outcome::Timed(report) if seconds > 0.0 => Some((report.events as f64 / seconds).round()),
        // A computed week is its event.
        Outcome::Team(report) if seconds > 0.0 => Some((report.weeks_computed as f64 / seconds).round()),
        _ => None,
    };
    Ok(Printed { swept: BTreeMap::new(), outcome, events_per_second })
}

fn sweep(scenario: &Scenario, key: &str, from: &str, to: &str, steps: &str) -> Result<String, Failure> {
    let number = |text: &str| {
        text.parse::<f64>()
            .ok()
            .filter(|n| n.is_finite())
            .ok_or_else(|| Failure::Usage(format!("{text:?} is not a number\n{USAGE}")))
    };
    let (from, to) = (number(from)?, number(to)?);
    let steps: usize = steps
        .parse()
        .ok()
        .filter(|n| (1..=1000).contains(n))
        .ok_or_else(|| Failure::Usage(format!("steps must be 1 to 1000\n{USAGE}")))?;
    let mut rows = Vec::with_capacity(steps);
    for i in 0..steps {
        let value = if steps == 1 { from } else { from + (to - from) * i as f64 / (steps - 1) as f64 };
        // Twelve significant digits: 0.3, not the 0.30000000000000004 of computing it.
        let value: f64 = format!("{value:.11e}").parse().unwrap_or(value);
        let mut point = scenario.clone();
        let mut problems = point.set(key, &value.to_string());
        if problems.iter().any(|p| p.message.contains("whole number")) {
            problems = point.set(key, &value.round().to_string());
        }
        if let Some(problem) = problems.first() {
            return Err(Failure::Input(problem.to_string()));
        }
        let mut row = run(&point)?;
        let used = point.get(key).unwrap_or_default();
        let value = match (used.parse::<u64>(), used.parse::<f64>()) {
            (Ok(whole), _) => json!(whole),
            (_, Ok(number)) => json!(number),
            _ => json!(used),
        };
        // A key that also names a figure (`servers`, `seed`) is written `swept_<key>`, so that
        // a row never holds one name twice.
        let figures = serde_json::to_value(&row.outcome).unwrap_or_default();
        let name = if figures.get(key).is_some() { format!("swept_{key}") } else { key.to_string() };
        row.swept.insert(name, value);
        rows.push(serde_json::to_string(&row).map_err(|e| Failure::Input(e.to_string()))?);
    }
    Ok(rows.join("\n"))
}

fn predict(scenario: &Scenario) -> Result<String, Failure> {
    let prediction = theory::predict(scenario)
        .ok_or_else(|| Failure::Input(format!("no formula covers kind = {}", scenario.kind)))?;
    serde_json::to_string_pretty(&prediction).map_err(|e| Failure::Input(e.to_string()))
}

fn check(arg: &str) -> Result<String, Failure> {
    let parsed = Scenario::parse(&text_of(arg)?);
    let mut out: Vec<String> = parsed.problems.iter().map(|p| format!("problem: {p}")).collect();
    out.push(parsed.scenario.to_block().trim_end().to_string());
    let text = out.join("\n");
    if parsed.problems.is_empty() { Ok(text) } else { Err(Failure::Input(text)) }
}

fn keys() -> String {
    let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
    let mut lines = vec![format!("kind  (all kinds)  {}  default {}", kinds.join(" | "), Kind::default())];
    for spec in KEYS.iter() {
        let b = spec.bounds;
        let range = if b.min == b.max { String::new() } else { format!("{} to {}", b.min, b.max) };
        let or = b.none.map(|word| format!(" or {word}")).unwrap_or_default();
        let users: Vec<&str> = Kind::ALL.into_iter().filter(|k| k.uses(spec)).map(Kind::name).collect();
        lines.push(format!(
            "{}  ({})  {range}{or}  default {}",
            spec.name,
            users.join(", "),
            spec.default_text()
        ));
    }
    lines.join("\n")
}

fn pretty(printed: &Printed) -> String {
    serde_json::to_string_pretty(printed).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
