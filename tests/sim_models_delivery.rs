//! The delivery kind against its closed forms, each with the tolerance it is held to, and its
//! invariants: Little's law on the pipeline, every change accounted for, memory bounded.

use headroom::scenario::Scenario;
use headroom::sim::models::delivery::{MAX_CHANGES, bisect_steps};
use headroom::sim::theory::delivery as theory;
use headroom::sim::theory::queues::erlang_c;
use headroom::sim::{Report, Sim};

fn scenario(text: &str) -> Scenario {
    let parsed = Scenario::parse(&format!("kind=delivery {text}"));
    assert!(parsed.problems.is_empty(), "{text}: {:?}", parsed.problems);
    parsed.scenario
}

fn run(text: &str) -> Report {
    let mut sim = Sim::new(&scenario(text));
    sim.run_to_end(u64::MAX);
    sim.report()
}

fn figure(r: &Report, name: &str) -> f64 {
    r.metric(name).unwrap_or_else(|| panic!("no figure {name}"))
}

/// `got` within `tolerance` (absolute) of `want`.
fn near(what: &str, got: f64, want: f64, tolerance: f64) {
    assert!((got - want).abs() <= tolerance, "{what}: got {got}, want {want} ± {tolerance}");
}

/// Review only: no branches, no defects, no flakes, one-change batches.
const REVIEW_ONLY: &str = "branch_days=0 defect_prob=0 flake=0 batch=1 changes=100000";

#[test]
fn review_wait_is_erlang_c_with_two_reviewers() {
    // Two reviewers at 30 minutes a review: 2 changes an hour wait minutes, 3.6 wait hours.
    for (rate, tolerance) in [(0.5, 0.08), (0.9, 0.15)] {
        let r = run(&format!("developers=4 change_rate={rate} reviewers=2 review_time=0.5 {REVIEW_ONLY}"));
        let lambda = 4.0 * rate;
        let a = lambda * 0.5;
        let want = erlang_c(2, a) * 0.5 / (2.0 - a);
        let got = figure(&r, "review_wait");
        near(&format!("review wait at {lambda}/h"), got, want, want * tolerance);
        near("reviewer utilization", figure(&r, "reviewer_utilization"), a / 2.0, 0.01);
    }
    let minutes = erlang_c(2, 1.0) * 0.5 / (2.0 - 1.0) * 60.0;
    let hours = erlang_c(2, 1.8) * 0.5 / (2.0 - 1.8);
    assert!((9.0..11.0).contains(&minutes), "{minutes} minutes");
    assert!((2.0..2.3).contains(&hours), "{hours} hours");
}

#[test]
fn flaky_tests_make_most_runs_red_and_one_rerun_cures_it() {
    let base = "tests=120 flake=0.01 defect_prob=0 branch_days=0 changes=20000";
    let none = run(&format!("{base} reruns=0"));
    near("false reds, no reruns", figure(&none, "false_red_ratio"), 1.0 - 0.99f64.powi(120), 0.015);
    let once = run(&format!("{base} reruns=1"));
    let want = 1.0 - (1.0 - 0.01f64 * 0.01).powi(120);
    near("false reds, one rerun", figure(&once, "false_red_ratio"), want, 0.003);
    assert_eq!(theory::clean_run(&scenario(&format!("{base} reruns=0"))), 0.99f64.powi(120));
}

#[test]
fn a_batch_fails_when_any_change_in_it_is_defective() {
    let text = "batch=20 defect_prob=0.02 review_catch=0 test_catch=0 flake=0 branch_days=0 changes=100000";
    let r = run(text);
    let want = 1.0 - 0.98f64.powi(20);
    near("change failure rate", figure(&r, "change_failure_rate"), want, 0.025);
    // Each failed batch has 20 new changes: ceil(log2 20) = 5 builds.
    assert_eq!(figure(&r, "bisect_steps"), 5.0);
    assert_eq!(bisect_steps(20), 5);
    let p = headroom::sim::theory::predict(&scenario(text)).unwrap_or_default();
    near("predicted", p.figure("change_failure_rate").unwrap_or(0.0), want, 1e-12);
}

#[test]
fn long_branches_conflict_more() {
    for days in [1.0, 5.0] {
        let r = run(&format!("developers=4 overlap=0.1 branch_days={days} changes=20000"));
        let want = 1.0 - (-0.1f64 * days * 3.0).exp();
        near(&format!("conflicts at {days} days"), figure(&r, "conflict_ratio"), want, 0.015);
    }
}

#[test]
fn defects_escape_through_review_and_tests_at_the_product_of_their_misses() {
    // 200 AI-assisted changes a week, 5 % wrong, review catches half, tests 60 %: 2 a week.
    let text = "developers=1 change_rate=0.5952381 ai_factor=2 defect_prob=0.05 review_catch=0.5 \
                test_catch=0.6 changes=0 duration=168000";
    let r = run(text);
    let want = 200.0 * 0.05 * 0.5 * 0.4;
    near("escapes a week", figure(&r, "escaped_per_week"), want, want * 0.1);
    let p = headroom::sim::theory::predict(&scenario(text)).unwrap_or_default();
    near("predicted escapes a week", p.figure("escaped_per_week").unwrap_or(0.0), want, 0.01);
}

#[test]
fn deploys_and_restores_match_their_rates() {
    let text = "developers=4 change_rate=0.5 batch=4 defect_prob=0.05 review_catch=0 test_catch=0 \
                detect_time=2 restore_time=3 changes=40000";
    let r = run(text);
    near("deploys per day", figure(&r, "deployment_frequency"), 24.0 * 2.0 / 4.0, 0.3);
    near("time to restore", figure(&r, "time_to_restore"), 5.0, 0.4);
    let flagged = run(&format!("{text} flags=on"));
    near("time to restore with flags", figure(&flagged, "time_to_restore"), 2.1, 0.2);
    assert_eq!(figure(&flagged, "bisect_steps"), 0.0);
    assert!(figure(&flagged, "lead_time") < figure(&r, "lead_time"), "flags keep good changes deployed");
}

#[test]
fn littles_law_holds_on_the_pipeline_and_every_change_is_accounted_for() {
    let text = "developers=6 change_rate=0.4 reviewers=3 tests=120 flake=0.01 reruns=0 batch=8 \
                defect_prob=0.05 branch_days=2 overlap=0.05 changes=30000";
    let r = run(text);
    let l = r.mean_in_system;
    let lw = r.arrival_rate * r.mean_sojourn;
    near("L = λW", l, lw, l * 1e-9);
    let left = figure(&r, "in_pipeline") + r.completed as f64 + figure(&r, "reverted");
    assert_eq!(left, r.arrivals as f64, "started = deployed + reverted + still in the pipeline");
    assert_eq!(figure(&r, "in_pipeline"), 0.0, "the last partial batch deploys too");
    assert_eq!(figure(&r, "escaped_defects"), figure(&r, "reverted"));
}

#[test]
fn a_hostile_scenario_sheds_changes_and_stays_bounded() {
    let s = scenario("developers=1000 change_rate=100 ai_factor=100 reviewers=1 review_time=1000 changes=0");
    let mut sim = Sim::new(&s);
    sim.step(400_000);
    let r = sim.report();
    assert!(r.metric("shed").unwrap_or(0.0) > 0.0, "sheds past the cap");
    assert!(r.metric("in_pipeline").unwrap_or(f64::MAX) <= MAX_CHANGES as f64);
    assert!(sim.pending() <= MAX_CHANGES + 16, "{} pending", sim.pending());
}
