//! A run is a pure function of its scenario: the same scenario and seed give the same event
//! trace however the caller slices the run, a checkpoint resumes it exactly, and another seed
//! gives another run.

use headroom::scenario::{Kind, Scenario};
use headroom::sim::{self, Outcome, Sim};

fn new_sim(text: &str) -> Sim {
    let parsed = Scenario::parse(text);
    assert!(parsed.problems.is_empty(), "{text}: {:?}", parsed.problems);
    Sim::new(&parsed.scenario)
}

/// The trace hash of a whole run of `text`.
fn trace(text: &str) -> u64 {
    let mut sim = new_sim(text);
    sim.run_to_end(u64::MAX);
    sim.trace_hash()
}

/// One scenario per kind with its pinned trace hash, from `tests/traces.txt` (which
/// `scripts/wasm-traces.sh` checks in wasm too).
fn pinned_traces() -> impl Iterator<Item = (&'static str, &'static str)> {
    include_str!("traces.txt").lines().filter(|line| !line.starts_with('#') && !line.trim().is_empty()).map(
        |line| {
            let (hash, scenario) = line.split_once(' ').expect("a line is `hash scenario`");
            (scenario, hash)
        },
    )
}

/// One scenario per kind, each touching most of its stage's features.
fn scenarios() -> Vec<&'static str> {
    pinned_traces().map(|(scenario, _)| scenario).collect()
}

/// `check(input, expected)`: the property holds for `input`.
fn check(scenario: &str, expected: bool, property: impl Fn(&str) -> bool, what: &str) {
    assert_eq!(property(scenario), expected, "{what}: {scenario}");
}

#[test]
fn same_scenario_same_trace() {
    for scenario in scenarios() {
        check(scenario, true, |s| trace(s) == trace(s), "repeatable");
    }
}

#[test]
fn another_seed_another_trace() {
    for scenario in scenarios() {
        check(scenario, true, |s| trace(s) != trace(&format!("{s} seed=99")), "seed matters");
    }
}

#[test]
fn the_warmup_changes_what_is_measured_not_the_run() {
    // Regression: the autoscaler read per-server totals that the warm-up reset, so a warm-up
    // changed autoscaling decisions.
    for scenario in scenarios() {
        for warmup in ["warmup=0.5", "warmup=50", "warmup=400"] {
            check(scenario, true, |s| trace(s) == trace(&format!("{s} {warmup}")), warmup);
        }
    }
}

#[test]
fn slicing_the_run_does_not_change_it() {
    for scenario in scenarios() {
        let sliced = |s: &str| {
            let mut sim = new_sim(s);
            let mut t = 0.0;
            while !sim.is_done() {
                t += 0.37;
                sim.run_until(t, 7);
                sim.step(3);
            }
            sim.trace_hash() == trace(s)
        };
        check(scenario, true, sliced, "run_until/step slices");
    }
}

#[test]
fn a_checkpoint_resumes_exactly() {
    for scenario in scenarios() {
        let resumed = |s: &str| {
            let mut sim = new_sim(s);
            sim.step(1000);
            let mut copy = sim.clone();
            sim.run_to_end(u64::MAX);
            copy.run_to_end(u64::MAX);
            copy.trace_hash() == sim.trace_hash() && copy.report() == sim.report()
        };
        check(scenario, true, resumed, "checkpoint");
    }
}

#[test]
fn a_known_run_keeps_its_trace() {
    // Pinned: a change here means every seeded lesson's numbers moved. The wasm bench checks
    // the same value in the browser's arithmetic.
    let hash = trace("kind=queue rate=0.9 requests=10000 seed=7");
    assert_eq!(format!("{hash:016x}"), PINNED_MM1, "M/M/1 trace moved");
}

const PINNED_MM1: &str = "60004f94ddad146d";

#[test]
fn every_kind_keeps_its_trace() {
    // Pinned in tests/traces.txt, one per simulated kind.
    for kind in Kind::ALL.into_iter().filter(|kind| kind.is_timed()) {
        let pinned = pinned_traces().any(|(scenario, _)| Scenario::parse(scenario).scenario.kind == kind);
        assert!(pinned, "tests/traces.txt pins no run of kind {kind}");
    }
    for (scenario, pinned) in pinned_traces() {
        assert_eq!(format!("{:016x}", trace(scenario)), pinned, "{scenario}");
    }
}

/// A run for its report alone (`sim::run`, the command line's: `Observe::Report`, or the
/// plain queue's own path) gives the pinned trace too.
#[test]
fn a_run_for_its_report_keeps_its_trace() {
    for (scenario, pinned) in pinned_traces() {
        let Ok(Outcome::Timed(report)) = sim::run(&Scenario::parse(scenario).scenario, u64::MAX) else {
            panic!("{scenario} runs to its end");
        };
        assert_eq!(report.trace_hash, pinned, "{scenario}");
    }
}
