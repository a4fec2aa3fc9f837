//! The contention model (kind = contention) against its closed forms and its invariants.
//!
//! - Lost updates without coordination: the lost share of Poisson writers on one record with a
//!   fixed gap, λ·g / (1 + λ·g), and its popularity-weighted mean over Zipf records;
//! - double effects: dup_prob·N repeats take effect without idempotency, none with it;
//! - lock waits: M/D/1 per record (mean wait and p99 latency);
//! - invariants: lock, optimistic and atomic lose nothing; the final value is the expected
//!   value plus double effects minus lost updates; every delivery is written, skipped, shed
//!   or given up;
//! - bounded memory under hostile settings, with what was shed counted.

use headroom::scenario::Scenario;
use headroom::sim::theory::{self, Prediction};
use headroom::sim::{Report, Sim, limits};

fn parse(text: &str) -> Scenario {
    let parsed = Scenario::parse(text);
    assert!(parsed.problems.is_empty(), "{text}: {:?}", parsed.problems);
    parsed.scenario
}

fn run(text: &str) -> Report {
    let mut sim = Sim::new(&parse(text));
    sim.run_to_end(u64::MAX);
    assert!(sim.is_done(), "{text}: not finished");
    sim.report()
}

fn figure(r: &Report, name: &str) -> f64 {
    r.metric(name).unwrap_or_else(|| panic!("no figure `{name}`"))
}

fn predict(text: &str) -> Prediction {
    theory::predict(&parse(text)).expect("contention has a theory")
}

/// The lost share on one record: λ·g = 0.25 loses a fifth; λ·g = 1 loses half. Over three
/// seeds of 200,000 writes the run's share is within 1 % (relative) of the formula.
#[test]
fn lost_share_on_one_record_matches_lambda_gap_over_one_plus_lambda_gap() {
    for (rate, gap) in [(5.0, 0.05), (10.0, 0.1), (2.0, 0.05)] {
        let x: f64 = rate * gap;
        let expected = x / (1.0 + x);
        let mut total = 0.0;
        for seed in 1..=3 {
            let text = format!("kind=contention keys=1 rate={rate} gap={gap} requests=200000 seed={seed}");
            let r = run(&text);
            assert_eq!(figure(&r, "expected_value"), 200_000.0);
            total += figure(&r, "lost_ratio");
        }
        let measured = total / 3.0;
        let p = predict(&format!("kind=contention keys=1 rate={rate} gap={gap}"));
        assert!((p.lost_ratio.unwrap() - expected).abs() < 1e-12);
        assert!(
            (measured - expected).abs() < 0.01 * expected,
            "λg = {x}: measured {measured}, formula {expected}"
        );
    }
}

/// Over 100 Zipf records the lost share is each record's λ_i·g / (1 + λ_i·g) weighted by its
/// share of the writes: within 2 % (relative) over 300,000 writes.
#[test]
fn lost_share_over_zipf_records_matches_the_weighted_formula() {
    for zipf in [0.0, 1.0, 1.5] {
        let text = format!("kind=contention keys=100 zipf={zipf} rate=40 gap=0.05 requests=300000");
        let measured = figure(&run(&text), "lost_ratio");
        let predicted = predict(&text).lost_ratio.unwrap();
        assert!(
            (measured - predicted).abs() < 0.02 * predicted,
            "zipf {zipf}: measured {measured}, formula {predicted}"
        );
    }
}

/// The lesson's counter: 1,000 increments at λ·g = 0.25 end near 800 without coordination, at
/// exactly 1,000 with a lock, optimistic versions or an atomic increment.
#[test]
fn a_counter_loses_a_fifth_without_coordination_and_nothing_with_it() {
    let base = "kind=contention keys=1 rate=5 gap=0.05 requests=1000";
    let none = run(&format!("{base} strategy=none"));
    let final_value = figure(&none, "final_value");
    assert!((760.0..=840.0).contains(&final_value), "final value {final_value}");
    assert_eq!(figure(&none, "expected_value"), 1000.0);
    assert_eq!(figure(&none, "lost_updates"), 1000.0 - final_value);
    for strategy in ["lock", "optimistic", "atomic"] {
        let r = run(&format!("{base} strategy={strategy}"));
        assert_eq!(figure(&r, "final_value"), 1000.0, "{strategy}");
        assert_eq!(figure(&r, "lost_updates"), 0.0, "{strategy}");
        assert_eq!(r.completed, 1000, "{strategy}");
        let conflicts = figure(&r, "conflicts");
        assert_eq!(conflicts > 0.0, strategy == "optimistic", "{strategy}: {conflicts} conflicts");
        let waited = figure(&r, "lock_wait_p99");
        assert_eq!(waited > 0.0, strategy == "lock", "{strategy}: lock wait p99 {waited}");
    }
}

/// The lock's wait climbs with the load on it.
#[test]
fn the_lock_wait_climbs_with_load() {
    let mut last = 0.0;
    for rate in [2.0, 5.0, 10.0, 15.0] {
        let r = run(&format!("kind=contention keys=1 rate={rate} gap=0.05 requests=20000 strategy=lock"));
        let p99 = figure(&r, "lock_wait_p99");
        assert!(p99 > last, "rate {rate}: p99 {p99} after {last}");
        last = p99;
    }
}

/// One record's lock is M/D/1: the mean wait λg² / (2(1 − ρ)) and the p99 latency within 2 %
/// over three seeds of 200,000 writes, at ρ = 0.5 and 0.8.
#[test]
fn the_lock_wait_is_m_d_1() {
    for (rate, gap) in [(10.0, 0.05), (16.0, 0.05)] {
        let text = format!("kind=contention keys=1 rate={rate} gap={gap} strategy=lock requests=200000");
        let p = predict(&text);
        let (mut wait, mut p99) = (0.0, 0.0);
        for seed in 1..=3 {
            let r = run(&format!("{text} seed={seed}"));
            wait += r.mean_wait / 3.0;
            p99 += r.p99 / 3.0;
            assert!((figure(&r, "lock_wait_mean") - r.mean_wait).abs() < 1e-9);
        }
        let rho: f64 = rate * gap;
        let formula = rate * gap * gap / (2.0 * (1.0 - rho));
        assert!((p.mean_wait.unwrap() - formula).abs() < 1e-12);
        assert!((wait - formula).abs() < 0.02 * formula, "ρ {rho}: wait {wait}, M/D/1 {formula}");
        let predicted = p.p99.unwrap();
        assert!((p99 - predicted).abs() < 0.02 * predicted, "ρ {rho}: p99 {p99}, M/D/1 {predicted}");
    }
}

/// Several records: the mean lock wait is the popularity-weighted mean of each record's M/D/1
/// wait, within 3 %.
#[test]
fn the_lock_wait_over_zipf_records_is_a_mixture_of_m_d_1() {
    let text = "kind=contention keys=10 zipf=1 rate=20 gap=0.05 strategy=lock requests=300000";
    let r = run(text);
    let p = predict(text);
    let predicted = p.mean_wait.unwrap();
    assert!((r.mean_wait - predicted).abs() < 0.03 * predicted, "wait {}, formula {predicted}", r.mean_wait);
    let p99 = p.p99.unwrap();
    assert!((r.p99 - p99).abs() < 0.03 * p99, "p99 {}, formula {p99}", r.p99);
}

/// The lesson's jobs: 100,000 messages with 1 % redelivery take effect twice about 1,000 times
/// (within four standard deviations, ±127) without idempotency, and never with it.
#[test]
fn duplicates_take_effect_without_idempotency_and_never_with_it() {
    let base = "kind=contention strategy=atomic requests=100000 rate=100 gap=0.01 dup_prob=0.01";
    let off = run(&format!("{base} idempotency=off"));
    let doubled = figure(&off, "double_effects");
    assert!((doubled - 1000.0).abs() < 127.0, "{doubled} double effects");
    assert_eq!(figure(&off, "duplicates"), doubled);
    assert_eq!(figure(&off, "final_value"), 100_000.0 + doubled);
    let on = run(&format!("{base} idempotency=on"));
    assert_eq!(figure(&on, "double_effects"), 0.0);
    assert_eq!(figure(&on, "final_value"), 100_000.0);
    assert_eq!(figure(&on, "deduplicated"), figure(&on, "duplicates"));
    assert!(figure(&on, "duplicates") > 800.0);
    let p = predict(&format!("{base} idempotency=off"));
    assert_eq!(p.double_ratio, Some(0.01));
    assert_eq!(predict(&format!("{base} idempotency=on")).double_ratio, Some(0.0));
}

/// Late messages: about `reorder_prob` of them; late or not, idempotency lets each message take
/// effect once.
#[test]
fn late_messages_are_counted_and_idempotency_still_holds() {
    let text = "kind=contention strategy=atomic requests=50000 rate=100 gap=0.01 dup_prob=0.05 reorder_prob=0.2 idempotency=on";
    let r = run(text);
    let late = figure(&r, "reordered");
    assert!((late - 10_000.0).abs() < 400.0, "{late} late");
    assert_eq!(figure(&r, "final_value"), 50_000.0);
    assert_eq!(figure(&r, "double_effects"), 0.0);
}

/// Whatever the strategy and the delivery, the books balance: final = expected + doubled −
/// lost; every delivery (messages plus repeats) is written, skipped, shed or given up; and
/// each message is written once as a first delivery.
#[test]
fn the_books_balance_for_every_strategy() {
    for strategy in ["none", "lock", "optimistic", "atomic"] {
        for idempotency in ["on", "off"] {
            let text = format!(
                "kind=contention keys=5 zipf=1 rate=20 gap=0.05 requests=20000 dup_prob=0.1 reorder_prob=0.1 \
                 strategy={strategy} idempotency={idempotency}"
            );
            let r = run(&text);
            let f = |name| figure(&r, name);
            assert_eq!(
                f("final_value"),
                f("expected_value") + f("double_effects") - f("lost_updates"),
                "{text}"
            );
            assert_eq!(f("deliveries"), r.arrivals as f64 + f("duplicates"), "{text}");
            assert_eq!(
                f("deliveries"),
                r.completed as f64
                    + f("double_effects")
                    + f("deduplicated")
                    + r.failed as f64
                    + r.metric("shed").unwrap_or(0.0),
                "{text}"
            );
            assert_eq!(r.completed as f64 + f("double_effects"), f("writes"), "{text}");
            assert_eq!(r.completed as f64, f("expected_value"), "{text}");
            assert_eq!(f("expected_value"), r.arrivals as f64 - r.failed as f64, "{text}");
            if strategy != "none" {
                assert_eq!(f("lost_updates"), 0.0, "{text}");
            }
        }
    }
}

/// Hostile settings hold bounded state: writers in flight and pending events stay under the
/// run's limits, and what is turned away is counted as shed.
#[test]
fn a_hostile_contention_run_holds_bounded_state_and_counts_what_it_sheds() {
    let hostile = [
        // Every writer waits for one lock held for hours.
        "kind=contention keys=1 rate=1000000 gap=10000 strategy=lock requests=0",
        // Writers whose gap outlives the run, on a million records.
        "kind=contention keys=1000000 rate=1000000 gap=10000 strategy=none requests=0",
        // Optimistic writers that always conflict.
        "kind=contention keys=1 rate=1000000 gap=1 strategy=optimistic requests=0",
        // Every message late and repeated, remembered for idempotency.
        "kind=contention rate=1000000 gap=0.001 dup_prob=1 reorder_prob=1 idempotency=on requests=0",
    ];
    for text in hostile {
        let mut sim = Sim::new(&parse(text));
        for _ in 0..30 {
            sim.step(100_000);
            let snapshot = sim.snapshot();
            assert!(snapshot.in_flight <= limits::MAX_IN_FLIGHT, "{text}: {} in flight", snapshot.in_flight);
            assert!(sim.pending() <= limits::MAX_PENDING + 64, "{text}: {} pending", sim.pending());
            let scene = snapshot.contention().expect("a contention scene");
            assert!(scene.records.len() <= 12 && scene.writers.len() <= 48 && scene.losses.len() <= 16);
        }
        let report = sim.report();
        let shed = report.metric("shed").unwrap_or(0.0);
        let gave_up = report.failed as f64;
        assert!(
            shed > 0.0 || gave_up > 0.0 || text.contains("gap=0.001"),
            "{text}: nothing shed in {} events",
            sim.events()
        );
    }
}
