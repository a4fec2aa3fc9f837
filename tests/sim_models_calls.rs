//! The `calls` kind against its closed forms (src/sim/theory/calls.rs, docs/theory.md), each
//! with a stated tolerance, plus conservation, the deadline's cap and bounded memory.

use headroom::scenario::Scenario;
use headroom::sim::Sim;
use headroom::sim::models::calls::{MAX_BACKLOG, MAX_CALLS, MAX_TREE, tree_size};
use headroom::sim::theory::calls::{Hop, drain, fanout_tail, tree};
use headroom::sim::{Report, theory};

fn parse(text: &str) -> Scenario {
    let parsed = Scenario::parse(text);
    assert!(parsed.problems.is_empty(), "{text}: {:?}", parsed.problems);
    parsed.scenario
}

fn run(text: &str) -> (Sim, Report) {
    let mut sim = Sim::new(&parse(text));
    sim.run_to_end(u64::MAX);
    let report = sim.report();
    (sim, report)
}

fn figure(report: &Report, name: &str) -> f64 {
    report.metric(name).unwrap_or_else(|| panic!("no figure {name}"))
}

fn predicted(text: &str) -> theory::Prediction {
    theory::predict(&parse(text)).expect("calls has a theory")
}

const SERIES: &str = "kind=calls depth=5 fanout=1 hop_fail=0.001 rate=100 requests=200000";

#[test]
fn five_hops_in_series_succeed_with_the_product_of_their_availabilities() {
    let (_, report) = run(SERIES);
    let expected = 0.999f64.powi(5);
    assert!((predicted(SERIES).success_ratio.unwrap() - expected).abs() < 1e-12);
    // Binomial standard deviation over 200,000 requests: 0.00016; four of them.
    let measured = figure(&report, "success_ratio");
    assert!((measured - expected).abs() < 0.00064, "success {measured} vs {expected}");
    // About 216 minutes down in a 30-day month.
    assert!(((1.0 - expected) * 30.0 * 24.0 * 60.0 - 215.7).abs() < 1.0);
}

#[test]
fn one_retry_per_hop_makes_each_call_fail_only_twice_in_a_row() {
    let text = format!("{SERIES} hop_retries=1");
    let (_, report) = run(&text);
    let p = predicted(&text);
    let expected = p.success_ratio.unwrap();
    // The request fails only when both attempts at level 1 fail; each does with a little over
    // p = 0.001 (the deeper levels' retries mend their own failures), so about 1e-6 in all.
    assert!(expected > 0.999998 && expected < 1.0 - 1e-6, "{expected}");
    assert!(figure(&report, "success_ratio") >= 0.9999, "{report:?}");
    // Attempts: 5 calls, each 1 + its first attempt's failure chance.
    let hops = [Hop { fail: 0.001, retries: 1, async_below: false }; 5];
    let attempts = tree(&hops, 1).attempts;
    let measured = figure(&report, "mean_attempts");
    assert!((measured - attempts).abs() < 0.002, "attempts {measured} vs {attempts}");
}

#[test]
fn retries_at_every_level_multiply_when_every_attempt_fails() {
    let text = "kind=calls depth=3 fanout=1 hop_fail=0,0,1 hop_retries=3 rate=1 requests=1000";
    let (_, report) = run(text);
    // Exactly: 4 attempts at level 1, each calling level 2 four times, each calling level 3
    // four times.
    assert_eq!(figure(&report, "amplification"), 64.0);
    assert_eq!(figure(&report, "attempts_1"), 4.0);
    assert_eq!(figure(&report, "attempts_2"), 16.0);
    assert_eq!(figure(&report, "success_ratio"), 0.0);
    assert_eq!(predicted(text).amplification, Some(64.0));
}

#[test]
fn a_retry_budget_caps_the_multiplication() {
    let text =
        "kind=calls depth=3 fanout=1 hop_fail=0,0,1 hop_retries=3 retry_budget=0.1 rate=1 requests=2000";
    let (_, report) = run(text);
    // Each level retries at most 10 % of its first attempts (plus a reserve of 10 tokens):
    // 1.1 attempts per call at each of three levels, 1.1^3 = 1.331 at the bottom.
    let measured = figure(&report, "amplification");
    assert!(measured > 1.25 && measured < 1.331 + 0.05, "amplification {measured}");
}

#[test]
fn a_wide_fanout_meets_a_slow_call_as_often_as_one_minus_the_product() {
    let n = 10.0;
    let mean = 0.1;
    // Level 1 takes no time; level 2 has enough workers that nobody queues.
    let text =
        "kind=calls depth=2 fanout=10 hop_time=0.000001,0.1 replicas=8,64 hop_fail=0 rate=5 requests=50000";
    let (sim, _) = run(text);
    // A call is slower than its p99 (mean · ln 100) with chance 0.01.
    let threshold = mean * 100f64.ln();
    let expected = fanout_tail(0.01, n);
    assert!((expected - 0.0956).abs() < 0.0001);
    let measured = sim.latency().fraction_above(threshold);
    // Binomial standard deviation over 50,000 requests: 0.0013; about four of them.
    assert!((measured - expected).abs() < 0.006, "slow share {measured} vs {expected}");
}

#[test]
fn a_stopped_consumer_leaves_a_backlog_that_drains_at_the_spare_rate() {
    let text = "kind=calls depth=2 fanout=1 async=2 rate=50 hop_fail=0 hop_time=0.01,0.04 replicas=4,3 \
                outage_at=60 outage_len=600 requests=0 duration=2400";
    let (_, report) = run(text);
    let (backlog, time) = drain(50.0, 600.0, 75.0);
    assert_eq!((backlog, time), (30_000.0, Some(1200.0)));
    let p = predicted(text);
    assert_eq!((p.max_backlog, p.drain_time), (Some(30_000.0), Some(1200.0)));
    // Poisson arrivals over ten minutes: standard deviation 173 messages.
    let measured = figure(&report, "max_backlog");
    assert!((measured - backlog).abs() < 0.02 * backlog, "backlog {measured}");
    // The random walk's spread while draining is about 20 s.
    let drained = figure(&report, "drain_time");
    assert!((drained - 1200.0).abs() < 0.05 * 1200.0, "drain {drained}");
    assert_eq!(figure(&report, "backlog"), 0.0);
    assert_eq!(figure(&report, "success_ratio"), 1.0, "an async failure never reaches the request");
}

const SLOW: &str = "kind=calls depth=2 fanout=1 hop_time=0.01,5 hop_timeout=none,1 hop_retries=2,3 \
                    hop_fail=0 replicas=8,64 rate=0.5 requests=1000";

#[test]
fn a_slow_provider_keeps_callers_waiting_through_timeouts_and_retries() {
    let (_, report) = run(SLOW);
    // Up to 3 level-1 attempts of 4 level-2 attempts of 1 s each (plus level 1's own work).
    let longest = figure(&report, "max_response");
    assert!(longest > 8.0 && longest <= 12.5, "longest {longest}");
    assert_eq!(figure(&report, "deadline_exceeded"), 0.0);
    // The slow level finishes every attempt its caller gave up on.
    assert!(report.wasted_work > 100.0, "wasted {}", report.wasted_work);
}

#[test]
fn a_deadline_caps_every_answer_and_cancels_the_work_past_it() {
    let (_, without) = run(SLOW);
    let (_, report) = run(&format!("{SLOW} deadline=2"));
    let longest = figure(&report, "max_response");
    assert!(longest <= 2.0 + 1e-9 && longest > 1.9, "longest {longest}");
    assert!(figure(&report, "deadline_exceeded") > 0.0);
    assert!(figure(&report, "cancelled") > 0.0);
    // Cancelled work stops: the slow level is busy for a smaller share of the time.
    assert!(report.utilization < without.utilization, "{} vs {}", report.utilization, without.utilization);
}

#[test]
fn every_request_is_answered_failed_shed_or_in_flight() {
    let text = "kind=calls depth=3 fanout=3 hop_fail=0.05 hop_retries=1 hop_timeout=none,0.3 deadline=1 \
                async=3 rate=20 requests=5000";
    let mut sim = Sim::new(&parse(text));
    for t in [10.0, 50.0, 120.0, 1e9] {
        sim.run_until(t, u64::MAX);
        let r = sim.report();
        let in_flight = sim.snapshot().in_flight as u64;
        assert_eq!(r.arrivals, r.completed + r.failed + r.timed_out + r.dropped + in_flight, "at {t}");
    }
    assert!(sim.is_done());
    let r = sim.report();
    let sent = figure(&r, "async_sent");
    assert_eq!(sent, figure(&r, "async_done") + figure(&r, "async_failed"));
}

#[test]
fn a_tree_too_large_is_made_smaller_and_says_so() {
    let parsed = Scenario::parse("kind=calls depth=8 fanout=10");
    assert!(parsed.problems.iter().any(|p| p.key == "depth"), "{:?}", parsed.problems);
    let c = &parsed.scenario.calls;
    assert!(tree_size(c.depth, c.fanout) <= MAX_TREE);
    let parsed = Scenario::parse("kind=calls depth=8 fanout=2 hop_retries=10");
    assert!(parsed.problems.iter().any(|p| p.key == "hop_retries"), "{:?}", parsed.problems);
    let parsed = Scenario::parse("kind=calls depth=2 outage_level=5");
    assert_eq!(parsed.scenario.calls.outage_level, Some(2));
}

#[test]
fn hostile_load_is_shed_and_counted_with_memory_bounded() {
    let text = "kind=calls depth=3 fanout=10 hop_time=1000 rate=100000 requests=0 duration=100";
    let mut sim = Sim::new(&parse(text));
    sim.step(2_000_000);
    let r = sim.report();
    assert!(figure(&r, "shed") > 0.0, "{r:?}");
    assert!(sim.snapshot().in_flight <= MAX_CALLS);
    assert!(sim.pending() <= 600_000);

    // A stopped consumer under a flood: the backlog stops at its limit, the rest is counted.
    let text = "kind=calls depth=2 fanout=10 async=2 hop_time=0.001,1 rate=1000 outage_at=0 outage_len=1e6 \
                requests=0 duration=100";
    let mut sim = Sim::new(&parse(text));
    sim.step(3_000_000);
    let r = sim.report();
    assert!(figure(&r, "backlog") <= MAX_BACKLOG as f64);
    assert!(figure(&r, "backlog_shed") > 0.0, "{r:?}");
}
