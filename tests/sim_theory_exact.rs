//! The exact forms in `sim::theory` against long runs of the engine. Each case checks the
//! formula's own figure first (tight: the published value or an independent computation), then
//! the run, averaged over several seeds, within a stated relative tolerance: the run's noise
//! (a fraction of a percent at these lengths) plus the histogram's 0.4 % for percentiles.
//! Per-class figures (the `priority` discipline) come from the report's `classes`.

use headroom::scenario::Scenario;
use headroom::sim::theory::{Basis, Prediction, predict};
use headroom::sim::{Report, Sim};

fn parse(scenario: &str) -> Scenario {
    let parsed = Scenario::parse(scenario);
    assert!(parsed.problems.is_empty(), "{scenario}: {:?}", parsed.problems);
    parsed.scenario
}

fn prediction(scenario: &str) -> Prediction {
    predict(&parse(scenario)).unwrap_or_else(|| panic!("no prediction for {scenario}"))
}

/// Reports of `scenario` run to its end with each seed.
fn runs(scenario: &str, seeds: &[u64]) -> Vec<Report> {
    seeds
        .iter()
        .map(|seed| {
            let mut sim = Sim::new(&parse(&format!("{scenario} seed={seed}")));
            sim.run_to_end(u64::MAX);
            assert!(sim.is_done());
            sim.report()
        })
        .collect()
}

/// The mean over the runs of one figure.
fn mean(reports: &[Report], pick: impl Fn(&Report) -> f64) -> f64 {
    reports.iter().map(pick).sum::<f64>() / reports.len() as f64
}

/// `measured` is within `tolerance` (relative) of `expected`.
fn check(what: &str, measured: f64, expected: f64, tolerance: f64) {
    let error = (measured - expected).abs() / expected.abs().max(f64::MIN_POSITIVE);
    assert!(
        error <= tolerance,
        "{what}: measured {measured:.5}, theory {expected:.5}, off by {:.2}% (allowed {:.2}%)",
        error * 100.0,
        tolerance * 100.0
    );
}

/// A predicted figure, which must be there.
fn figure(p: &Prediction, what: &str, pick: impl Fn(&Prediction) -> Option<f64>) -> f64 {
    pick(p).unwrap_or_else(|| panic!("{what} not predicted: {p:?}"))
}

/// A figure by name: how to read it from a prediction and from a report, and the tolerance.
type Pair = (&'static str, fn(&Prediction) -> Option<f64>, fn(&Report) -> f64, f64);

/// Checks the run's means and latency percentiles against the prediction.
fn check_queue(label: &str, p: &Prediction, reports: &[Report], means: f64, tails: f64) {
    let pairs: [Pair; 8] = [
        ("mean wait", |p| p.mean_wait, |r| r.mean_wait, means),
        ("mean latency", |p| p.mean_latency, |r| r.mean_latency, means),
        ("mean in system", |p| p.mean_in_system, |r| r.mean_in_system, means),
        ("mean queue", |p| p.mean_queue, |r| r.mean_queue, means),
        ("utilization", |p| p.utilization, |r| r.utilization, 0.01),
        ("p50", |p| p.p50, |r| r.p50, tails),
        ("p95", |p| p.p95, |r| r.p95, tails),
        ("p99", |p| p.p99, |r| r.p99, tails),
    ];
    for (what, predicted, measured, tolerance) in pairs {
        if let Some(expected) = predicted(p) {
            check(&format!("{label} {what}"), mean(reports, measured), expected, tolerance);
        }
    }
}

#[test]
fn d_m_1_constant_arrivals() {
    // GI/M/1 with evenly spaced arrivals at rho 0.8: sigma = e^(-(1 - sigma)/0.8) = 0.6286,
    // Wq = sigma / (μ(1 - sigma)) = 1.6927, and the wait exponential beyond its atom at 0.
    let scenario = "kind=queue rate=0.8 arrival=constant requests=1000000 warmup=100";
    let p = prediction(scenario);
    assert_eq!(p.basis, Basis::Exact);
    check("D/M/1 sigma", figure(&p, "p_wait", |p| p.p_wait), 0.628_63, 1e-5);
    check("D/M/1 Wq", figure(&p, "wait", |p| p.mean_wait), 1.692_7, 1e-4);
    let reports = runs(scenario, &[1, 2]);
    check_queue("D/M/1", &p, &reports, 0.02, 0.02);
}

#[test]
fn d_m_3_constant_arrivals_several_servers() {
    // Takács's constant: P(wait) = 0.45838, from the arrival-epoch chain solved numerically.
    let scenario = "kind=queue servers=3 rate=2.4 arrival=constant requests=1000000 warmup=100";
    let p = prediction(scenario);
    check("D/M/3 P(wait)", figure(&p, "p_wait", |p| p.p_wait), 0.458_375, 1e-5);
    let reports = runs(scenario, &[1, 2]);
    check_queue("D/M/3", &p, &reports, 0.02, 0.02);
}

#[test]
fn round_robin_gives_each_server_erlang_gaps() {
    // 4 servers at rate 3.6: each gets every 4th of a Poisson stream, E4/M/1 at rho 0.9,
    // sigma = (3.6 / (4.6 - sigma))^4 = 0.8433, W = 1 / (1 - sigma) = 6.383.
    let scenario = "kind=balancer servers=4 rate=3.6 requests=1000000 warmup=100";
    let p = prediction(scenario);
    assert_eq!(p.basis, Basis::Exact);
    check("E4/M/1 W", figure(&p, "latency", |p| p.mean_latency), 6.383, 1e-3);
    // Near saturation a run wanders: four seeds.
    let reports = runs(scenario, &[1, 2, 3, 4]);
    check_queue("E4/M/1", &p, &reports, 0.025, 0.03);
}

#[test]
fn round_robin_over_unequal_speeds_and_constant_arrivals() {
    // Each server its own E3/M/1 at its own speed; percentiles from the mixture.
    let scenario = "kind=balancer servers=3 rate=2 speeds=1,2,0.8 requests=600000 warmup=100";
    let p = prediction(scenario);
    assert_eq!(p.basis, Basis::Exact);
    check_queue("E3/M/1 ×3, speeds", &p, &runs(scenario, &[1, 2]), 0.02, 0.02);
    // Evenly spaced arrivals: D/M/1 per server.
    let scenario = "kind=balancer servers=3 rate=2.4 arrival=constant requests=600000 warmup=100";
    let p = prediction(scenario);
    check("D/M/1 per server Wq", figure(&p, "wait", |p| p.mean_wait), 1.692_7, 1e-4);
    check_queue("D/M/1 ×3", &p, &runs(scenario, &[1, 2]), 0.02, 0.02);
}

#[test]
fn random_split_of_even_arrivals_is_gi_m_1() {
    // Evenly spaced arrivals, each sent to one of 3 servers at random: gaps are a geometric
    // number of the spacing, a renewal process.
    let scenario =
        "kind=balancer servers=3 rate=2.4 arrival=constant policy=random requests=600000 warmup=100";
    let p = prediction(scenario);
    assert_eq!(p.basis, Basis::Exact);
    check_queue("thinned D/M/1 ×3", &p, &runs(scenario, &[1, 2, 3]), 0.025, 0.025);
    // Random over unequal speeds: independent M/M/1 queues, the latency a mixture.
    let scenario = "kind=balancer servers=3 rate=1.5 speeds=1,2,0.8 policy=random requests=600000 warmup=100";
    let p = prediction(scenario);
    check("random, speeds W", figure(&p, "latency", |p| p.mean_latency), 2.0, 1e-9);
    check_queue("M/M/1 ×3, speeds", &p, &runs(scenario, &[1, 2]), 0.02, 0.02);
    // Constant work: M/D/1 per server, percentiles exact.
    let scenario = "kind=balancer servers=2 rate=1.4 service=const policy=random requests=600000 warmup=100";
    let p = prediction(scenario);
    assert_eq!(p.basis, Basis::Exact);
    check_queue("M/D/1 ×2", &p, &runs(scenario, &[1, 2]), 0.02, 0.02);
    // Three waiting places each: M/M/1/4 per server, the shares turned away weighted in.
    let scenario = "kind=balancer servers=3 rate=2.4 queue_cap=3 policy=random requests=600000 warmup=100";
    let p = prediction(scenario);
    let reports = runs(scenario, &[1, 2]);
    let dropped = figure(&p, "drop", |p| p.drop_ratio);
    check("M/M/1/4 ×3 dropped", mean(&reports, |r| r.dropped as f64 / r.arrivals as f64), dropped, 0.02);
    check_queue("M/M/1/4 ×3", &p, &reports, 0.02, 0.02);
}

#[test]
fn waiting_time_percentiles_mmc_md1_mg1() {
    // M/M/4: the wait is 0 or exponential(cμ - λ); the latency adds the service.
    let scenario = "kind=queue servers=4 rate=3.2 requests=1000000 warmup=100";
    let p = prediction(scenario);
    check_queue("M/M/4", &p, &runs(scenario, &[1, 2, 3]), 0.025, 0.02);
    // M/D/1 (exact distribution): P(W ≤ D) = (1 - rho) e^rho; the latency median is 2.2759.
    let scenario = "kind=queue rate=0.8 service=const requests=2000000 warmup=100";
    let p = prediction(scenario);
    check("M/D/1 p50", figure(&p, "p50", |p| p.p50), 2.275_9, 1e-4);
    check_queue("M/D/1", &p, &runs(scenario, &[4, 5]), 0.02, 0.02);
    // M/G/1, lognormal service (Beneš's formula on a grid).
    let scenario = "kind=queue rate=0.5 service=lognormal sigma=1 requests=1000000 warmup=100";
    let p = prediction(scenario);
    assert!(p.model.contains("Beneš"), "{}", p.model);
    check_queue("M/G/1 lognormal", &p, &runs(scenario, &[1, 2, 3]), 0.025, 0.025);
}

/// Each class's mean wait in the run's report against Cobham, and the class-weighted mean
/// against the report's overall mean; the report's class counts add up to its own.
fn check_classes(label: &str, scenario: &str, seeds: &[u64], tolerance: f64) {
    let p = prediction(scenario);
    assert_eq!(p.classes.len(), 2, "{label}: {p:?}");
    let (high, low) = (&p.classes[0], &p.classes[1]);
    let weighted = high.share * high.mean_wait + low.share * low.mean_wait;
    check(&format!("{label} conservation"), weighted, figure(&p, "wait", |p| p.mean_wait), 1e-9);
    let reports = runs(&format!("{scenario} requests=1000000 warmup=100"), seeds);
    for r in &reports {
        let classes: Vec<&str> = r.classes.iter().map(|c| c.class).collect();
        assert_eq!(classes, ["high", "low"], "{label}");
        assert_eq!(r.classes[0].completed + r.classes[1].completed, r.completed, "{label}");
        let share = r.classes[0].completed as f64 / r.completed as f64;
        check(&format!("{label} high share"), share, high.share, 0.01);
    }
    let class = |i: usize, field: &str| {
        mean(&reports, |r| r.metric(&format!("{}_{field}", r.classes[i].class)).unwrap_or(f64::NAN))
    };
    check(&format!("{label} high-class wait"), class(0, "mean_wait"), high.mean_wait, tolerance);
    check(&format!("{label} low-class wait"), class(1, "mean_wait"), low.mean_wait, tolerance);
    check(&format!("{label} high-class latency"), class(0, "mean_latency"), high.mean_latency, tolerance);
    check(&format!("{label} low-class latency"), class(1, "mean_latency"), low.mean_latency, tolerance);
    check(&format!("{label} mean wait"), mean(&reports, |r| r.mean_wait), weighted, tolerance);
    // The high class goes first: its tail is shorter than the run's, the low class's longer.
    for r in &reports {
        assert!(r.classes[0].p99 < r.p99 && r.p99 < r.classes[1].p99, "{label}: {:?}", r.classes);
    }
}

#[test]
fn priority_classes_follow_cobham() {
    // M/M/1 at rho 0.8, 30 % high: W0 = 0.8, waits 0.8/0.76 = 1.0526 and 0.8/(0.76·0.2) = 5.2632.
    let scenario = "kind=queue rate=0.8 discipline=priority high_share=0.3";
    let p = prediction(scenario);
    check("Cobham high", p.classes[0].mean_wait, 1.052_63, 1e-5);
    check("Cobham low", p.classes[1].mean_wait, 5.263_16, 1e-5);
    check_classes("M/M/1 priority", scenario, &[1, 2, 3], 0.03);
    // Several servers (W0 = Erlang C / cμ), and constant service on one (W0 = λE[S²]/2), at
    // rho 0.7.
    check_classes(
        "M/M/3 priority",
        "kind=queue servers=3 rate=2.1 discipline=priority high_share=0.2",
        &[1, 2],
        0.03,
    );
    check_classes(
        "M/D/1 priority",
        "kind=queue rate=0.7 service=const discipline=priority high_share=0.5",
        &[1, 2],
        0.03,
    );
    // Unequal speeds: all busy, completions come at μΣv, so W0 = P(wait) / (μΣv).
    check_classes(
        "speeds priority",
        "kind=queue servers=2 speeds=2,1 rate=2 discipline=priority high_share=0.3",
        &[1, 2],
        0.03,
    );
}

#[test]
fn timeouts_are_mmc_with_fixed_patience() {
    // M/M/2 at rho 1.1 with a 3 s timeout: stable, 42.6 % time out (16.0 % leave the queue,
    // 26.6 % in service), 0.478 s of wasted work per arrival.
    let scenario = "kind=queue servers=2 rate=2.2 timeout=3 requests=600000 warmup=100";
    let p = prediction(scenario);
    assert_eq!(p.basis, Basis::Exact);
    check("timed-out share", figure(&p, "timed out", |p| p.timed_out_ratio), 0.426_007, 1e-5);
    check("wasted work", figure(&p, "wasted", |p| p.wasted_per_arrival), 0.477_744, 1e-5);
    let reports = runs(scenario, &[1, 2, 3]);
    check("M/M/2+D timed out", mean(&reports, |r| r.timed_out as f64 / r.arrivals as f64), 0.426_007, 0.015);
    check("M/M/2+D wasted", mean(&reports, |r| r.wasted_work / r.arrivals as f64), 0.477_744, 0.015);
    check_queue("M/M/2+D", &p, &reports, 0.015, 0.01);
    // One server below capacity.
    let scenario = "kind=queue rate=0.9 timeout=2 requests=600000 warmup=100";
    let p = prediction(scenario);
    let reports = runs(scenario, &[1, 2]);
    let timed_out = figure(&p, "timed out", |p| p.timed_out_ratio);
    check("M/M/1+D timed out", mean(&reports, |r| r.timed_out as f64 / r.arrivals as f64), timed_out, 0.015);
    check_queue("M/M/1+D", &p, &reports, 0.015, 0.01);
    // Behind a random balancer each server is M/M/1+D.
    let scenario = "kind=balancer policy=random servers=3 rate=2.7 timeout=2 requests=600000 warmup=100";
    let p = prediction(scenario);
    assert_eq!(p.basis, Basis::Exact);
    let reports = runs(scenario, &[1, 2]);
    let timed_out = figure(&p, "timed out", |p| p.timed_out_ratio);
    check(
        "random M/M/1+D timed out",
        mean(&reports, |r| r.timed_out as f64 / r.arrivals as f64),
        timed_out,
        0.015,
    );
    let wasted = figure(&p, "wasted", |p| p.wasted_per_arrival);
    check("random M/M/1+D wasted", mean(&reports, |r| r.wasted_work / r.arrivals as f64), wasted, 0.02);
    check_queue("random M/M/1+D", &p, &reports, 0.02, 0.015);
}

#[test]
fn unequal_speeds_follow_the_lowest_index_first_chain() {
    // Two workers at speeds 2 and 0.5 sharing one queue; the fast one is index 0.
    let scenario = "kind=queue servers=2 rate=1.5 speeds=2,0.5 requests=1000000 warmup=100";
    let p = prediction(scenario);
    assert_eq!(p.basis, Basis::Exact);
    // From the chain with the queue levels kept apart (120 of them), solved by iteration.
    check("speeds Wq", figure(&p, "wait", |p| p.mean_wait), 0.463_918, 1e-5);
    check_queue("speeds 2,0.5", &p, &runs(scenario, &[1, 2, 3]), 0.02, 0.02);
    // The order matters: the slow worker first makes everyone slower.
    let slow_first = prediction("kind=queue servers=2 rate=1.5 speeds=0.5,2");
    assert!(slow_first.mean_latency > p.mean_latency);
    let scenario = "kind=queue servers=2 rate=1.5 speeds=0.5,2 requests=1000000 warmup=100";
    check_queue("speeds 0.5,2", &slow_first, &runs(scenario, &[1, 2]), 0.02, 0.02);
    // LIFO moves the tail, not the mean.
    let scenario = "kind=queue servers=2 rate=1.5 speeds=2,0.5 discipline=lifo requests=1000000 warmup=100";
    let lifo = prediction(scenario);
    assert!(lifo.p99.is_none());
    check_queue("speeds 2,0.5 LIFO", &lifo, &runs(scenario, &[1, 2]), 0.02, 0.02);
    // Three workers and 4 waiting places.
    let scenario = "kind=queue servers=3 rate=2.5 speeds=0.5,1,2 queue_cap=4 requests=1000000 warmup=100";
    let p = prediction(scenario);
    check("speeds blocking", figure(&p, "drop", |p| p.drop_ratio), 0.047_347, 1e-4);
    let reports = runs(scenario, &[1, 2]);
    check("speeds dropped", mean(&reports, |r| r.dropped as f64 / r.arrivals as f64), 0.047_347, 0.03);
    check_queue("speeds 0.5,1,2 cap 4", &p, &reports, 0.02, 0.02);
}

#[test]
fn a_plain_word_where_no_formula_fits() {
    for scenario in [
        "kind=queue servers=2 arrival=bursty",
        "kind=queue outage_at=100",
        "kind=queue spike_at=100",
        "kind=balancer policy=hash servers=3 rate=2",
        "kind=balancer arrival=bursty servers=2 rate=1.5",
        "kind=retries timeout=2 fail_prob=0.1",
        "kind=queue timeout=3 service=const",
    ] {
        let p = prediction(scenario);
        assert_eq!(p.basis, Basis::None, "{scenario}: {p:?}");
        assert!(p.notes.iter().any(|n| n.contains("No closed form")), "{scenario}: {:?}", p.notes);
        assert!(p.mean_wait.is_none() && p.mean_latency.is_none() && p.p99.is_none(), "{scenario}");
        assert!(!p.differs.is_empty(), "{scenario}");
    }
    // Approximations say so, and what they leave out.
    for scenario in [
        "kind=queue servers=2 service=lognormal",
        "kind=balancer policy=least_conn servers=4 rate=3.2",
        "kind=balancer policy=p2c servers=10 rate=8",
    ] {
        let p = prediction(scenario);
        assert_eq!(p.basis, Basis::Approximation, "{scenario}: {p:?}");
        assert!(!p.differs.is_empty(), "{scenario}");
    }
    // With one server behind it, every policy is the one queue.
    for policy in ["hash", "least_conn", "p2c", "peak_ewma", "round_robin"] {
        let p = prediction(&format!("kind=balancer policy={policy} rate=0.8"));
        assert_eq!(p.basis, Basis::Exact, "{policy}");
        check(&format!("one server, {policy}"), figure(&p, "wait", |p| p.mean_wait), 4.0, 1e-12);
    }
}
