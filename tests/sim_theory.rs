//! The engine against theory. Each case runs a fixed seed long enough that the estimate lands
//! within the stated tolerance (relative) of the value `sim::theory::predict` gives, the same
//! function the widgets overlay on a live run.

use headroom::scenario::Scenario;
use headroom::sim::theory::{Prediction, predict};
use headroom::sim::{Report, Sim};

/// Runs `scenario` (strictly parsed) to its end.
fn sim(scenario: &str) -> Sim {
    let parsed = Scenario::parse(scenario);
    assert!(parsed.problems.is_empty(), "{scenario}: {:?}", parsed.problems);
    let mut sim = Sim::new(&parsed.scenario);
    sim.run_to_end(u64::MAX);
    assert!(sim.is_done());
    sim
}

fn report(scenario: &str) -> Report {
    sim(scenario).report()
}

/// The theory's figure for `scenario`, picked from its prediction.
fn predicted(scenario: &str, pick: impl Fn(&Prediction) -> Option<f64>) -> f64 {
    let prediction = predict(&Scenario::parse(scenario).scenario).unwrap_or_default();
    pick(&prediction).unwrap_or_else(|| panic!("no prediction for {scenario}: {prediction:?}"))
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

#[test]
fn mm1_waiting_time_response_time_and_number_in_system() {
    // λ = 0.8, μ = 1: Wq = ρ/(μ-λ) = 4, W = 1/(μ-λ) = 5, L = ρ/(1-ρ) = 4, P(W > t) = e^-(μ-λ)t,
    // so the p99 of W is ln(100)/0.2 = 23.0.
    let scenario = "kind=queue rate=0.8 service_time=1 requests=4000000 warmup=2000 seed=11";
    let run = sim(scenario);
    let r = run.report();
    let theory = |pick: fn(&Prediction) -> Option<f64>| predicted(scenario, pick);
    check("theory Wq", theory(|p| p.mean_wait), 4.0, 1e-12);
    check("theory p99", theory(|p| p.p99), libm::log(100.0) / 0.2, 1e-12);
    check("M/M/1 Wq", r.mean_wait, theory(|p| p.mean_wait), 0.03);
    check("M/M/1 W", r.mean_latency, theory(|p| p.mean_latency), 0.03);
    check("M/M/1 L", r.mean_in_system, theory(|p| p.mean_in_system), 0.03);
    check("M/M/1 utilization", r.utilization, theory(|p| p.utilization), 0.01);
    check("M/M/1 p99", r.p99, theory(|p| p.p99), 0.03);
    for t in [2.0, 5.0, 10.0] {
        let expected = libm::exp(-0.2 * t);
        check(&format!("M/M/1 P(W > {t})"), run.latency().fraction_above(t), expected, 0.05);
    }
}

#[test]
fn md1_waits_half_as_long_as_mm1() {
    // Pollaczek-Khinchine with constant service: Wq = ρ / (2μ(1-ρ)) = 2 at ρ = 0.8.
    let scenario = "kind=queue rate=0.8 service=const requests=300000 warmup=1000 seed=12";
    check("theory", predicted(scenario, |p| p.mean_wait), 2.0, 1e-12);
    check("M/D/1 Wq", report(scenario).mean_wait, 2.0, 0.04);
}

#[test]
fn lognormal_service_keeps_its_mean() {
    // The mean work stays `service_time` whatever the spread, so utilization is λ·E[S]; with
    // one server the wait follows Pollaczek-Khinchine with E[S²] = e^(σ²)·E[S]².
    let scenario = "kind=queue rate=0.5 service=lognormal sigma=1 requests=400000 warmup=1000 seed=13";
    let r = report(scenario);
    check("lognormal utilization", r.utilization, 0.5, 0.03);
    check("M/G/1 Wq", r.mean_wait, predicted(scenario, |p| p.mean_wait), 0.06);
}

#[test]
fn mmc_matches_erlang_c() {
    // c = 4, λ = 3.2, μ = 1: Erlang C(4, 3.2) = 0.5964, Wq = C / (cμ - λ).
    let scenario = "kind=queue servers=4 rate=3.2 requests=400000 warmup=1000 seed=14";
    let r = report(scenario);
    check("Erlang C", predicted(scenario, |p| p.p_wait), 0.596_44, 1e-4);
    check("M/M/4 Wq", r.mean_wait, predicted(scenario, |p| p.mean_wait), 0.04);
    check("M/M/4 W", r.mean_latency, predicted(scenario, |p| p.mean_latency), 0.03);
    check("M/M/4 utilization", r.utilization, 0.8, 0.01);
}

#[test]
fn mm1k_blocks_as_predicted() {
    // K = 5 in the system (1 in service + 4 waiting), ρ = 0.9:
    // P(block) = (1-ρ)ρ^K / (1-ρ^(K+1)).
    let scenario = "kind=queue rate=0.9 queue_cap=4 requests=400000 seed=15";
    let r = report(scenario);
    let rho: f64 = 0.9;
    let blocking = (1.0 - rho) * rho.powi(5) / (1.0 - rho.powi(6));
    check("theory", predicted(scenario, |p| p.drop_ratio), blocking, 1e-9);
    check("M/M/1/5 blocking", r.dropped as f64 / r.arrivals as f64, blocking, 0.03);
    check("M/M/1/5 L", r.mean_in_system, predicted(scenario, |p| p.mean_in_system), 0.03);
}

#[test]
fn lifo_keeps_the_mean_and_stretches_the_tail() {
    let fifo = report("kind=queue rate=0.8 requests=200000 seed=16");
    let lifo = report("kind=queue rate=0.8 requests=200000 seed=16 discipline=lifo");
    check("LIFO mean W", lifo.mean_latency, fifo.mean_latency, 0.05);
    assert!(lifo.p99 > 1.5 * fifo.p99, "LIFO p99 {} vs FIFO {}", lifo.p99, fifo.p99);
}

/// The time-average share of servers holding at least k requests, k = 1..=4, sampled every
/// `dt` seconds after a warm-up.
fn tail(scenario: &str, servers: usize, dt: f64, samples: usize) -> Vec<f64> {
    let parsed = Scenario::parse(scenario);
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    let mut sim = Sim::new(&parsed.scenario);
    sim.run_until(1000.0, u64::MAX);
    let mut at_least = [0u64; 4];
    for i in 1..=samples {
        sim.run_until(1000.0 + i as f64 * dt, u64::MAX);
        let snapshot = sim.snapshot();
        let servers = snapshot.request_path().map_or(&[][..], |p| &p.servers[..]);
        for load in servers.iter().map(|s| s.waiting + s.busy) {
            for (k, count) in at_least.iter_mut().enumerate() {
                *count += u64::from(load > k);
            }
        }
    }
    at_least.iter().map(|&n| n as f64 / (samples * servers) as f64).collect()
}

#[test]
fn power_of_two_choices_shortens_the_queue_tail() {
    // 20 servers at ρ = 0.9. Random: each is M/M/1, P(N ≥ k) = ρ^k. Two choices: the
    // supermarket model's limit P(N ≥ k) = ρ^(2^k - 1), approached from above for finite N.
    let base = "kind=balancer servers=20 rate=18 duration=21000 requests=0 seed=17";
    let random = tail(&format!("{base} policy=random"), 20, 1.0, 20_000);
    let p2c = tail(&format!("{base} policy=p2c"), 20, 1.0, 20_000);
    let rho: f64 = 0.9;
    for k in 1..=4 {
        check(&format!("random P(N ≥ {k})"), random[k - 1], rho.powi(k as i32), 0.06);
    }
    check("p2c P(N ≥ 1)", p2c[0], rho, 0.02);
    for k in 2..=4 {
        let limit = rho.powi((1 << k) - 1);
        let measured = p2c[k - 1];
        assert!(
            measured >= 0.95 * limit && measured <= 1.4 * limit,
            "p2c P(N ≥ {k}) = {measured:.4}, supermarket limit {limit:.4}"
        );
    }
    assert!(p2c[3] < 0.5 * random[3], "p2c P(N ≥ 4) {} vs random {}", p2c[3], random[3]);
}

#[test]
fn retries_exhaust_with_probability_p_to_the_attempts() {
    // Each attempt fails with p = 0.5 independently; with 2 retries a request is dead-lettered
    // with probability p^3, and makes (1 - p^3)/(1 - p) attempts on average.
    let scenario =
        "kind=retries fail_prob=0.5 max_retries=2 rate=1 service_time=0.01 requests=200000 seed=18";
    let r = report(scenario);
    let p: f64 = 0.5;
    check("theory", predicted(scenario, |p| p.dead_letter_ratio), p.powi(3), 1e-12);
    check("dead-lettered", r.dead_lettered as f64 / r.arrivals as f64, p.powi(3), 0.03);
    check("mean attempts", r.mean_attempts, predicted(scenario, |p| p.mean_attempts), 0.01);
    check("completed", r.completed as f64 / r.arrivals as f64, 1.0 - p.powi(3), 0.01);
}

#[test]
fn random_balancing_is_independent_mm1_queues() {
    let scenario = "kind=balancer servers=5 rate=4 policy=random requests=400000 warmup=1000 seed=19";
    let r = report(scenario);
    check("random W", r.mean_latency, predicted(scenario, |p| p.mean_latency), 0.04);
    check("random L", r.mean_in_system, predicted(scenario, |p| p.mean_in_system), 0.04);
}

#[test]
fn cache_hit_ratios_match_the_che_approximation() {
    // 1000 keys, Zipf 0.8, 100 entries, warm, reads only, and a database so fast that a miss
    // is stored before the next request: the independent-request model exactly.
    for policy in ["lru", "fifo", "random"] {
        let scenario = format!(
            "kind=cache policy={policy} keys=1000 zipf=0.8 capacity=100 rate=1000 db_time=0.000001 \
             warm=on requests=300000 seed=20"
        );
        let expected = predicted(&scenario, |p| p.hit_ratio);
        check(&format!("{policy} hit ratio"), report(&scenario).hit_ratio, expected, 0.03);
    }
    // LFU here counts uses since an entry came in, so newcomers evict each other; holding
    // the most popular keys, as the prediction assumes, is the best any policy can do.
    let scenario = "kind=cache policy=lfu keys=1000 zipf=0.8 capacity=100 rate=1000 \
                    db_time=0.000001 warm=on requests=300000 seed=20";
    let bound = predicted(scenario, |p| p.hit_ratio);
    assert!(report(scenario).hit_ratio <= bound, "LFU beat the most popular keys");
}

#[test]
fn ttl_hit_ratio_without_eviction() {
    // Never full: a key read at rate r with ttl T (from insert) hits r·T/(1 + r·T) of the time.
    let scenario = "kind=cache keys=100 capacity=100 zipf=1 ttl=0.5 rate=200 db_time=0.000001 \
                    requests=300000 seed=21";
    let expected = predicted(scenario, |p| p.hit_ratio);
    check("ttl hit ratio", report(scenario).hit_ratio, expected, 0.02);
}

#[test]
fn predictions_say_where_they_do_not_apply() {
    let notes = |s: &str| predict(&Scenario::parse(s).scenario).unwrap_or_default().notes;
    assert!(notes("kind=queue rate=1.2").iter().any(|n| n.contains("no steady state")));
    let bursty = predict(&Scenario::parse("kind=queue arrival=bursty").scenario).unwrap_or_default();
    assert!(bursty.differs.iter().any(|n| n.contains("bursts")), "{bursty:?}");
    assert!(bursty.notes.iter().any(|n| n.contains("No closed form")), "{bursty:?}");
    assert!(notes("kind=queue timeout=5").iter().any(|n| n.contains("give up")));
    assert!(notes("kind=queue rate=0.5").is_empty());
    assert!(predict(&Scenario::parse("kind=pipeline").scenario).is_none());
}

#[test]
fn littles_law_holds_on_every_kind() {
    // Started and ended empty, the integral of the number in the system equals the sum of
    // the times in it, so L = λW up to rounding.
    let scenarios = [
        "kind=queue rate=0.9 requests=20000",
        "kind=queue servers=3 rate=2.5 service=lognormal queue_cap=5 timeout=4 requests=20000",
        "kind=balancer servers=5 rate=4 policy=least_conn outage_at=500 health_interval=2 timeout=10 requests=20000",
        "kind=balancer servers=4 rate=3 policy=peak_ewma speeds=1,1,2,0.5 requests=20000",
        "kind=cache rate=200 requests=20000 write_ratio=0.1 ttl=5 coalesce=on",
        "kind=limiter rate=20 limit=10 algorithm=leaky_bucket servers=2 service_time=0.1 requests=20000",
        "kind=retries fail_prob=0.3 rate=0.5 timeout=5 requests=20000",
        "kind=breaker fail_prob=0.2 rate=0.5 outage_at=1000 outage_len=500 timeout=3 requests=20000",
        "kind=autoscale rate=4 servers=2 spike_at=1000 requests=20000",
        "kind=pipeline rate=50 servers=4 service_time=0.05 limiter=on limit=45 timeout=1 requests=20000",
        "kind=replication rate=50 write_ratio=0.2 requests=20000",
    ];
    for scenario in scenarios {
        let r = report(scenario);
        let lambda_w = r.arrival_rate * r.mean_sojourn;
        let error = (r.mean_in_system - lambda_w).abs();
        assert!(
            error <= 1e-6 * r.mean_in_system.max(1.0),
            "{scenario}: L {} vs λW {lambda_w}",
            r.mean_in_system
        );
        assert!(r.arrivals > 0, "{scenario}");
    }
}
