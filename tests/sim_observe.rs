//! A run kept only for its report (`Observe::Report`, what the command line's `run` uses)
//! reports exactly what the same run keeping everything for the views reports: every figure
//! and the trace hash, with or without a warm-up, and after a learner's actions.

use headroom::scenario::Scenario;
use headroom::sim::{self, Action, Observe, Sim};

const SCENARIOS: &[&str] = &[
    "kind=queue rate=0.9 service_time=1 requests=20000",
    "kind=queue servers=2 rate=1.8 service=lognormal discipline=priority timeout=8 requests=5000",
    "kind=queue rate=1.5 queue_cap=20 requests=5000 warmup=100",
    "kind=balancer servers=6 rate=5 policy=p2c outage_at=300 health_interval=1 timeout=6 requests=5000",
    "kind=balancer servers=4 rate=3 policy=hash keys=500 requests=5000",
    "kind=cache rate=300 ttl=2 warm=on coalesce=on write_ratio=0.1 write_policy=write_back policy=random requests=5000",
    "kind=limiter rate=30 algorithm=sliding_window limit=20 servers=3 service_time=0.1 requests=5000",
    "kind=retries fail_prob=0.3 jitter=decorrelated retry_budget=0.2 timeout=3 requests=5000",
    "kind=breaker fail_prob=0.05 outage_at=200 outage_len=100 timeout=2 requests=5000",
    "kind=replication rate=100 write_ratio=0.3 lag=0.2 partition_at=10 requests=5000",
    "kind=autoscale rate=6 servers=2 arrival=bursty spike_at=300 requests=5000 warmup=50",
    "kind=pipeline rate=40 servers=3 limiter=on limit=50 capacity=50 timeout=1 requests=5000",
];

fn scenario(text: &str) -> Scenario {
    let parsed = Scenario::parse(text);
    assert!(parsed.problems.is_empty(), "{text}: {:?}", parsed.problems);
    parsed.scenario
}

/// The report of a run of `text` as JSON, after running half its events, acting, and running
/// to the end.
fn report(text: &str, observe: Observe, actions: &[Action]) -> (String, u64) {
    let s = scenario(text);
    let mut sim = Sim::observing(&s, observe);
    let mut full = Sim::new(&s);
    full.run_to_end(u64::MAX);
    sim.step(full.events() / 2);
    for action in actions {
        sim.act(*action);
    }
    sim.run_to_end(u64::MAX);
    assert!(sim.is_done(), "{text}");
    (serde_json::to_string(&sim.report()).expect("a report serializes"), sim.trace_hash())
}

#[test]
fn the_report_is_the_same_whatever_is_kept() {
    let action_sets: [&[Action]; 3] = [
        &[],
        &[Action::KillServer(0), Action::Spike { factor: 3.0, seconds: 20.0 }],
        &[Action::FlushCache, Action::ReviveServer(0)],
    ];
    for text in SCENARIOS {
        for actions in action_sets {
            let everything = report(text, Observe::Everything, actions);
            let only_report = report(text, Observe::Report, actions);
            assert_eq!(everything, only_report, "{text} with {actions:?}");
        }
    }
}

#[test]
fn the_command_lines_run_reports_what_a_full_run_does() {
    for text in SCENARIOS {
        let s = scenario(text);
        let mut full = Sim::new(&s);
        full.run_to_end(u64::MAX);
        let Ok(sim::Outcome::Timed(printed)) = sim::run(&s, u64::MAX) else {
            panic!("{text} runs");
        };
        assert_eq!(
            serde_json::to_string(&printed).expect("serializes"),
            serde_json::to_string(&full.report()).expect("serializes"),
            "{text}"
        );
    }
}

#[test]
fn a_run_kept_for_its_report_keeps_no_series_or_recent_attempts() {
    let s = scenario("kind=queue rate=40 servers=50 service_time=1 requests=20000");
    let recent = |sim: &Sim| sim.snapshot().request_path().map(|scene| scene.recent.len());
    let mut sim = Sim::observing(&s, Observe::Report);
    sim.step(10_000);
    assert!(sim.series().buckets.is_empty());
    assert_eq!(recent(&sim), Some(0));
    let mut full = Sim::new(&s);
    full.step(10_000);
    assert!(!full.series().buckets.is_empty());
    assert!(recent(&full).is_some_and(|n| n > 0));
}
