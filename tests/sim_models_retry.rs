//! Retry backoff per jitter mode (bounds, cap, mean, determinism) and the retry budget.
//!
//! With `ceiling(n) = min(cap, base · 2^(n-1))` after the n-th failed attempt:
//! none waits exactly `ceiling(n)`; full waits U·ceiling(n), mean ceiling(n)/2; equal waits
//! ceiling(n)·(1 + U)/2, mean 3/4·ceiling(n); decorrelated waits min(cap, base + U·(3·prev −
//! base)), with U uniform in [0, 1).

use headroom::sim::retry::{GiveUp, Jitter, RetryBudget, RetryDecision, RetryPolicy};
use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;

const BASE: f64 = 0.1;
const CAP: f64 = 2.0;

fn policy(jitter: Jitter) -> RetryPolicy {
    RetryPolicy::new(10, BASE, CAP, jitter)
}

/// Checks, over 20 000 draws per attempt n = 1..=8, that every wait lies in `bounds(ceiling(n))`
/// and that the mean wait is `mean(ceiling(n))` within ±2 % (the standard error is below 0.3 %).
fn check(jitter: Jitter, bounds: fn(f64) -> (f64, f64), mean: fn(f64) -> f64) {
    let policy = policy(jitter);
    let mut rng = Pcg64Mcg::seed_from_u64(1);
    for n in 1..=8 {
        let ceiling = policy.ceiling(n);
        let (low, high) = bounds(ceiling);
        let waits: Vec<f64> = (0..20_000).map(|_| policy.next_delay(n, 0.0, &mut rng)).collect();
        assert!(waits.iter().all(|&w| low <= w && w <= high), "{jitter:?} n {n}: outside [{low}, {high}]");
        let got = waits.iter().sum::<f64>() / waits.len() as f64;
        assert!((got / mean(ceiling) - 1.0).abs() <= 0.02, "{jitter:?} n {n}: mean {got}");
    }
}

#[test]
fn backoff_doubles_up_to_the_cap() {
    let waits: Vec<f64> = (1..=7).map(|n| policy(Jitter::None).ceiling(n)).collect();
    assert_eq!(waits, [0.1, 0.2, 0.4, 0.8, 1.6, 2.0, 2.0]);
    assert_eq!(policy(Jitter::None).ceiling(u32::MAX), CAP);
}

#[test]
fn each_jitter_mode_keeps_its_bounds_and_mean() {
    check(Jitter::None, |c| (c, c), |c| c);
    check(Jitter::Full, |c| (0.0, c), |c| c / 2.0);
    check(Jitter::Equal, |c| (c / 2.0, c), |c| 0.75 * c);
}

#[test]
fn decorrelated_jitter_grows_from_the_previous_wait() {
    // Each wait lies in [base, min(cap, 3 · previous)] (the first previous counts as base), and
    // while the cap does not bind its mean is (base + 3 · previous) / 2.
    let policy = policy(Jitter::Decorrelated);
    let mut rng = Pcg64Mcg::seed_from_u64(2);
    let mut previous = 0.0;
    for n in 1..=10_000 {
        let wait = policy.next_delay(n % 10 + 1, previous, &mut rng);
        assert!(BASE <= wait && wait <= CAP.min(3.0 * f64::max(previous, BASE)), "{previous} -> {wait}");
        previous = if n % 10 == 0 { 0.0 } else { wait };
    }
    let prev = 0.3;
    let mean = (0..20_000).map(|_| policy.next_delay(2, prev, &mut rng)).sum::<f64>() / 20_000.0;
    assert!((mean / ((BASE + 3.0 * prev) / 2.0) - 1.0).abs() <= 0.02, "mean {mean}");
}

#[test]
fn the_same_seed_gives_the_same_waits() {
    let waits = |jitter, seed| {
        let mut rng = Pcg64Mcg::seed_from_u64(seed);
        let mut previous = 0.0;
        (1..=10)
            .map(|n| {
                previous = policy(jitter).next_delay(n, previous, &mut rng);
                previous
            })
            .collect::<Vec<f64>>()
    };
    for jitter in [Jitter::Full, Jitter::Equal, Jitter::Decorrelated] {
        assert_eq!(waits(jitter, 3), waits(jitter, 3), "{jitter:?}");
        assert_ne!(waits(jitter, 3), waits(jitter, 4), "{jitter:?}");
    }
}

#[test]
fn attempts_run_out_then_dead_letter() {
    let policy = RetryPolicy::new(3, BASE, CAP, Jitter::None);
    let mut rng = Pcg64Mcg::seed_from_u64(1);
    let decisions: Vec<RetryDecision> = (1..=4).map(|n| policy.decide(n, 0.0, None, &mut rng)).collect();
    let expected = [
        RetryDecision::Retry { delay: 0.1 },
        RetryDecision::Retry { delay: 0.2 },
        RetryDecision::DeadLetter(GiveUp::Attempts),
        RetryDecision::DeadLetter(GiveUp::Attempts),
    ];
    assert_eq!(decisions, expected);
}

#[test]
fn the_budget_bounds_retries_by_a_share_of_requests() {
    // 1000 requests that always fail, each retrying until refused: retries are at most
    // ratio · requests + max_tokens = 0.1 · 1000 + 5, and the refill keeps them above
    // ratio · requests − 1.
    let policy = RetryPolicy::new(100, BASE, CAP, Jitter::Full);
    let mut budget = RetryBudget::new(0.1, 5.0);
    let mut rng = Pcg64Mcg::seed_from_u64(1);
    let mut dead_letters = 0;
    for _ in 0..1000 {
        budget.on_first_attempt();
        let mut attempt = 1;
        while let RetryDecision::Retry { .. } = policy.decide(attempt, 0.0, Some(&mut budget), &mut rng) {
            attempt += 1;
        }
        dead_letters += 1;
    }
    assert_eq!(dead_letters, 1000);
    assert!((99..=105).contains(&budget.spent()), "{budget}");
    assert_eq!(budget.refused(), 1000);
}

#[test]
fn bad_parameters_are_clamped() {
    let mut rng = Pcg64Mcg::seed_from_u64(1);
    for policy in [
        RetryPolicy::new(0, f64::NAN, -1.0, Jitter::Full),
        RetryPolicy::new(u32::MAX, 1e300, f64::INFINITY, Jitter::Decorrelated),
        RetryPolicy::new(5, -3.0, f64::NAN, Jitter::Equal),
    ] {
        for n in [0, 1, 2, 1000, u32::MAX] {
            let wait = policy.next_delay(n, f64::INFINITY, &mut rng);
            assert!(wait.is_finite() && wait >= 0.0, "{policy:?}: {wait}");
        }
    }
    let mut budget = RetryBudget::new(f64::NAN, f64::NAN);
    budget.on_first_attempt();
    assert!(!budget.try_spend());
}
