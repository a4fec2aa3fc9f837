//! The circuit breaker on scripted outcome sequences.
//!
//! A script is a list of steps `<time><op>`: `a` asks to allow a call, `s` and `f` record a
//! success or a failure. The expected trace gives the state after each step (`C` closed, `O`
//! open, `H` half-open), followed for `a` steps by `+` (allowed) or `-` (refused).

use headroom::sim::breaker::{Breaker, BreakerConfig, BreakerState, Outcome, Trip};

fn consecutive(failures: u32, probes: u32) -> BreakerConfig {
    BreakerConfig { trip: Trip::ConsecutiveFailures(failures), open_for: 5.0, half_open_probes: probes }
}

fn rate(threshold: f64, window: u32, min_calls: u32) -> BreakerConfig {
    BreakerConfig {
        trip: Trip::FailureRate { threshold, window, min_calls },
        open_for: 5.0,
        half_open_probes: 1,
    }
}

/// Runs `script` and compares the trace with `expected`; returns the breaker for further checks.
fn check(config: BreakerConfig, script: &str, expected: &str) -> Breaker {
    let mut breaker = Breaker::new(config);
    let mut trace = Vec::new();
    for step in script.split_whitespace() {
        let (time, op) = step.split_at(step.len() - 1);
        let now: f64 = time.parse().unwrap_or_else(|_| panic!("bad step {step}"));
        let allowed = match op {
            "a" => Some(breaker.allow(now)),
            "s" | "f" => {
                let outcome = if op == "s" { Outcome::Success } else { Outcome::Failure };
                breaker.record(outcome, now);
                None
            }
            _ => panic!("bad step {step}"),
        };
        let state = match breaker.state() {
            BreakerState::Closed => "C",
            BreakerState::Open => "O",
            BreakerState::HalfOpen => "H",
        };
        trace.push(format!("{state}{}", allowed.map_or("", |a| if a { "+" } else { "-" })));
    }
    assert_eq!(trace.join(" "), expected, "{config:?}: {script}");
    breaker
}

#[test]
fn consecutive_failures_trip_it() {
    // A success resets the run; three failures in a row open it, and while open calls are refused.
    check(consecutive(3, 1), "0f 1f 2s 3f 4f 5a 6f 7a", "C C C C C C+ O O-");
    // After open_for (5 s) one probe goes through; its success closes the breaker.
    let breaker = check(consecutive(3, 1), "0f 1f 2f 3a 7a 8a 8s 9a", "C C O O- H+ H- C C+");
    assert_eq!((breaker.transitions(), breaker.rejected()), (3, 2));
    // A failed probe opens it again for another open_for, counted from the failure.
    let breaker = check(consecutive(3, 1), "0f 1f 2f 7a 7f 8a 11.9a 12a", "C C O H+ O O- O- H+");
    assert_eq!(breaker.transitions(), 4);
}

#[test]
fn half_open_needs_every_probe_to_succeed() {
    check(consecutive(2, 2), "0f 1f 6a 6a 6a 6s 6s", "C O H+ H+ H- H C");
    check(consecutive(2, 2), "0f 1f 6a 6a 6s 6f", "C O H+ H+ H O");
}

#[test]
fn outcomes_while_open_are_ignored() {
    // Calls let through before it opened may still report; they change nothing.
    let breaker = check(consecutive(3, 1), "0f 1f 2f 3f 4s 5s", "C C O O O O");
    assert_eq!(breaker.reopens_at(), Some(7.0));
}

#[test]
fn a_failure_rate_trips_it_once_enough_calls_are_seen() {
    // min_calls 4: three failures alone do not open it; the fourth call, a success, does (3/4).
    check(rate(0.5, 4, 4), "0f 1f 2f 3s", "C C C O");
    // The window holds the last 4 calls: after 5f it is s f s f (0.5 < 0.6), after 6f f s f f.
    check(rate(0.6, 4, 4), "0s 1s 2s 3f 4s 5f 6f", "C C C C C C O");
    // Closing after a probe starts a fresh window.
    check(rate(0.5, 4, 2), "0f 1f 6a 6s 7f 8s", "C O H+ C C O");
}

#[test]
fn bad_parameters_are_clamped() {
    let configs = [
        BreakerConfig { trip: Trip::ConsecutiveFailures(0), open_for: f64::NAN, half_open_probes: 0 },
        BreakerConfig {
            trip: Trip::FailureRate { threshold: f64::NAN, window: 0, min_calls: 99 },
            open_for: -1.0,
            half_open_probes: 0,
        },
    ];
    for config in configs {
        // Every failure opens it, open_for is 0, one probe closes it.
        check(config, "0f 0a 0s 1f", "O H+ C O");
    }
}
