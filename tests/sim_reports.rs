//! The report's shape: the JSON `headroom run` prints keeps its field names, in order (scripts
//! and the pinned lesson figures read them), and a view reading a figure by that name
//! (`Report::metric`) gets the number the JSON holds.

use headroom::scenario::Scenario;
use headroom::sim::{self, Outcome};
use serde_json::Value;

/// What every timed kind reports, in order (docs/scenarios.md, "What a run reports").
const CORE: &[&str] = &[
    "kind",
    "seed",
    "arrivals",
    "completed",
    "dropped",
    "timed_out",
    "failed",
    "retries",
    "mean_attempts",
    "dead_lettered",
    "wasted_work",
    "throughput",
    "mean_wait",
    "mean_latency",
    "p50",
    "p95",
    "p99",
    "p999",
    "max_latency",
    "mean_in_system",
    "mean_queue",
    "utilization",
    "arrival_rate",
    "mean_sojourn",
    "hits",
    "misses",
    "hit_ratio",
    "stale_reads",
    "db_reads",
    "db_writes",
    "events",
    "sim_time",
    "trace_hash",
];

/// A scenario per kind, and the figures its kind adds between the core and `servers`.
const KINDS: &[(&str, &[&str])] = &[
    ("kind=queue requests=2000", &[]),
    ("kind=balancer servers=3 rate=2 requests=2000", &[]),
    ("kind=cache rate=100 write_ratio=0.1 requests=2000", &["reads", "writes"]),
    ("kind=limiter rate=20 requests=2000", &["limited"]),
    ("kind=retries fail_prob=0.2 requests=2000", &[]),
    ("kind=breaker fail_prob=0.2 requests=2000", &["breaker_opened", "breaker_state"]),
    (
        "kind=replication rate=50 write_ratio=0.2 requests=2000",
        &["reads", "writes", "stale_ratio", "refused"],
    ),
    ("kind=autoscale rate=2 requests=2000", &["mean_servers", "max_servers_used"]),
    ("kind=pipeline rate=20 servers=2 requests=2000", &["limited", "reads", "writes"]),
];

/// The run's JSON as the command line prints it (text and value), and its report.
fn run(text: &str) -> (String, Value, headroom::sim::Report) {
    let scenario = Scenario::parse(text).strict().expect("a valid scenario");
    let Ok(Outcome::Timed(report)) = sim::run(&scenario, u64::MAX) else { panic!("{text}: not timed") };
    let printed = serde_json::to_string(&Outcome::Timed(report.clone())).expect("serializes");
    let value = serde_json::from_str(&printed).expect("parses");
    (printed, value, report)
}

fn check(text: &str, figures: &[&str]) {
    let (printed, json, _) = run(text);
    let mut names: Vec<&str> = json.as_object().expect("an object").keys().map(String::as_str).collect();
    // The value's map is sorted: order the names by where they first appear in the text (the
    // top-level fields all come before `servers`, the only nested list).
    names.sort_by_key(|name| printed.find(&format!("\"{name}\":")));
    let expected: Vec<&str> = CORE.iter().chain(figures).copied().chain(["servers"]).collect();
    assert_eq!(names, expected, "{text}");
}

#[test]
fn every_kind_prints_the_fields_it_always_did() {
    for (text, figures) in KINDS {
        check(text, figures);
    }
}

#[test]
fn a_view_reads_each_number_by_its_json_name() {
    for (text, _) in KINDS {
        let (_, json, report) = run(text);
        for (name, value) in json.as_object().expect("an object") {
            if let Some(number) = value.as_f64() {
                // serde_json reads a float back to within an ulp or two.
                let read = report.metric(name).unwrap_or(f64::NAN);
                assert!(
                    (read - number).abs() <= number.abs() * 1e-14,
                    "{text}: {name} = {read}, JSON {number}"
                );
            }
        }
        assert_eq!(report.metric("no_such_figure"), None);
    }
}
