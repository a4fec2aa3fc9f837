//! Each stage of the engine doing what docs/scenarios.md says it does: arrivals, timeouts,
//! outages and health checks, the cache's stampede and coalescing, the rate limiter, the
//! breaker, autoscaling, replication, the two calculators, and failures injected mid-run.

use headroom::scenario::Scenario;
use headroom::sim::models::requests::scene::{Fate, RequestScene, StageView};
use headroom::sim::{self, Outcome, Report, Sim};

fn parse(text: &str) -> Scenario {
    let parsed = Scenario::parse(text);
    assert!(parsed.problems.is_empty(), "{text}: {:?}", parsed.problems);
    parsed.scenario
}

fn report(text: &str) -> Report {
    match sim::run(&parse(text), u64::MAX) {
        Ok(Outcome::Timed(report)) => report,
        other => panic!("{text}: {other:?}"),
    }
}

/// The request path's picture in a snapshot.
fn scene(snapshot: &headroom::sim::Snapshot) -> &RequestScene {
    snapshot.request_path().expect("a request path")
}

/// Entries in the run's cache now.
fn cache_len(sim: &Sim) -> Option<usize> {
    sim.snapshot().request_path().and_then(|p| p.cache.as_ref()).map(|c| c.len)
}

/// `measured` is within `tolerance` (relative) of `expected`.
fn check(what: &str, measured: f64, expected: f64, tolerance: f64) {
    let error = (measured - expected).abs() / expected.abs().max(f64::MIN_POSITIVE);
    assert!(error <= tolerance, "{what}: {measured} vs {expected} (allowed {}%)", tolerance * 100.0);
}

#[test]
fn arrival_patterns_keep_their_mean_rate() {
    for pattern in ["poisson", "constant", "bursty"] {
        let r = report(&format!("kind=queue rate=2 servers=4 arrival={pattern} duration=20000 requests=0"));
        check(pattern, r.arrivals as f64 / 20_000.0, 2.0, 0.02);
    }
    // A spike of 5x for 1000 s adds 4 × 2 × 1000 arrivals to 2 × 20000.
    let r = report("kind=queue rate=2 servers=16 spike_at=5000 spike_len=1000 duration=20000 requests=0");
    check("spike", r.arrivals as f64, 48_000.0, 0.02);
}

#[test]
fn timeouts_cap_latency_and_count_wasted_work() {
    let r = report("kind=queue rate=1.5 timeout=3 requests=20000");
    assert!(r.timed_out > 1000, "{r:?}");
    assert!(r.max_latency <= 3.0, "a completed request outlived its timeout: {}", r.max_latency);
    assert!(r.wasted_work > 0.0);
    assert_eq!(r.arrivals, r.completed + r.timed_out);
}

#[test]
fn a_full_queue_drops_and_an_empty_cap_is_a_loss_system() {
    // queue_cap = 0 with c servers is Erlang's loss system: B(2, 1) = 0.2.
    let r = report("kind=queue servers=2 rate=1 queue_cap=0 requests=200000");
    check("Erlang B", r.dropped as f64 / r.arrivals as f64, 0.2, 0.03);
    assert_eq!(r.mean_wait, 0.0);
}

#[test]
fn health_checks_stop_traffic_to_a_dead_server() {
    let base =
        "kind=balancer servers=4 rate=2 policy=round_robin outage_at=100 outage_len=1000 requests=10000";
    let blind = report(base);
    let checked = report(&format!("{base} health_interval=1"));
    // Round robin without checks sends a quarter of the outage's ~2000 arrivals to the dead.
    check("dropped without checks", blind.dropped as f64, 500.0, 0.1);
    assert!(checked.dropped < 20, "with checks: {}", checked.dropped);
}

#[test]
fn coalescing_tames_the_stampede_of_a_shared_expiry() {
    // Every entry expires at t = 10; the database (32 workers, 0.1 s a read) can refill 320
    // keys a second, but the popular keys are asked for far faster than that.
    let base = "kind=cache rate=5000 keys=1000 capacity=1000 warm=on ttl=10 db_time=0.1 db_servers=32 requests=150000";
    let stampede = report(base);
    let coalesced = report(&format!("{base} coalesce=on"));
    let jittered = report(&format!("{base} ttl_jitter=0.5"));
    assert!(stampede.db_reads > 10 * coalesced.db_reads, "{} vs {}", stampede.db_reads, coalesced.db_reads);
    assert!(coalesced.p99 < stampede.p99 / 10.0, "p99 {} vs {}", coalesced.p99, stampede.p99);
    assert!(jittered.p99 < stampede.p99 / 10.0, "jitter p99 {} vs {}", jittered.p99, stampede.p99);
    assert_eq!(stampede.stale_reads, 0);
}

#[test]
fn a_cache_that_holds_every_key_always_hits() {
    let r = report("kind=cache rate=1000 keys=100 capacity=100 warm=on requests=10000");
    assert_eq!((r.hits, r.misses, r.db_reads), (10_000, 0, 0));
    check("latency is one round trip", r.mean_latency, 0.001, 1e-9);
}

#[test]
fn write_policies_decide_who_waits_for_the_database() {
    let base = "kind=cache rate=100 keys=100 capacity=100 write_ratio=1 db_time=0.05 requests=20000";
    let around = report(&format!("{base} write_policy=write_around"));
    let back = report(&format!("{base} write_policy=write_back"));
    check("write-back answers from the cache", back.mean_latency, 0.001, 1e-9);
    assert!(around.mean_latency > 0.05, "write-around waits for the database: {}", around.mean_latency);
    assert!(back.db_writes < around.db_writes, "write-back coalesces writes per key");
}

#[test]
fn rate_limiters_hold_throughput_to_the_limit() {
    for algorithm in ["token_bucket", "leaky_bucket", "fixed_window", "sliding_window"] {
        let r = report(&format!(
            "kind=limiter rate=50 limit=20 burst=5 algorithm={algorithm} servers=8 service_time=0.01 duration=5000 requests=0"
        ));
        check(algorithm, r.completed as f64 / 5000.0, 20.0, 0.03);
        assert_eq!(r.metric("limited"), Some(r.dropped as f64), "{algorithm}");
    }
}

#[test]
fn the_breaker_opens_during_an_outage_and_closes_after() {
    let r = report(
        "kind=breaker rate=2 servers=2 outage_at=500 outage_len=20000 timeout=1 duration=30000 requests=0",
    );
    let opened = r.metric("breaker_opened").unwrap_or(0.0) as u64;
    assert!(opened >= 1, "{r:?}");
    assert!(r.dropped > r.failed, "an open breaker turns most requests away at once");
    assert_eq!(r.word("breaker_state"), Some("closed"));
}

#[test]
fn autoscaling_grows_for_a_spike_and_lags_it() {
    let r = report(
        "kind=autoscale rate=4 servers=8 max_servers=40 spike_at=1000 spike_len=1000 spike_factor=3 provision_time=60 duration=3000 requests=0",
    );
    let peak = r.metric("max_servers_used").unwrap_or(0.0) as u64;
    assert!(peak >= 20, "scaled to {peak}");
    assert!(r.p99 > 10.0, "the provisioning delay shows in the tail: {}", r.p99);
}

#[test]
fn replicas_go_stale_with_lag_and_refuse_when_cut_off() {
    let base = "kind=replication rate=100 keys=100 write_ratio=0.2 requests=50000";
    let ratio = |extra: &str| report(&format!("{base} {extra}")).metric("stale_ratio").unwrap_or(f64::NAN);
    assert_eq!(ratio("lag=0"), 0.0);
    assert_eq!(ratio("lag=1 read_from=primary"), 0.0);
    assert!(ratio("lag=1") > ratio("lag=0.1") && ratio("lag=0.1") > 0.0);
    let cut = report(&format!("{base} partition_at=100 partition_len=100 on_partition=refuse"));
    check("refused during the partition", cut.metric("refused").unwrap_or(0.0), 8000.0, 0.05);
}

#[test]
fn estimate_does_the_arithmetic() {
    let s = parse(
        "kind=estimate daily_users=864000 requests_per_user=10 peak_factor=3 read_write_ratio=9 record_bytes=500 retention_days=100 model_share=0.5 tokens_in=1000 tokens_out=100 price_in=2 price_out=10",
    );
    let Ok(Outcome::Estimate(e)) = sim::run(&s, 0) else { panic!("not an estimate") };
    check("rps", e.requests_per_second, 100.0, 1e-12);
    check("peak", e.peak_requests_per_second, 300.0, 1e-12);
    check("writes/s", e.writes_per_second, 10.0, 1e-12);
    check("storage/day", e.storage_bytes_per_day, 864_000.0 * 500.0, 1e-12);
    check("storage", e.storage_bytes_total, 864_000.0 * 500.0 * 100.0, 1e-12);
    // 4.32 M calls: 4.32e9 tokens in ($8640) and 4.32e8 out ($4320) a day.
    check("dollars/day", e.dollars_per_day, 12_960.0, 1e-12);
    check("dollars/month", e.dollars_per_month, 388_800.0, 1e-12);
}

#[test]
fn consistent_hashing_moves_one_share_where_mod_n_moves_nearly_all() {
    let s = parse("kind=hashing servers=10 vnodes=200 keys=100000");
    let Ok(Outcome::Hashing(h)) = sim::run(&s, 0) else { panic!("not hashing") };
    check("ring: 1/(N+1) of the keys move", h.moved_on_join, 1.0 / 11.0, 0.15);
    check("mod N: N/(N+1) move", h.moved_mod_n, 10.0 / 11.0, 0.02);
    check("shares sum to 1", h.ring_shares.iter().sum(), 1.0, 1e-9);
}

#[test]
fn injected_failures_act_at_the_current_time() {
    let scenario = parse("kind=balancer servers=3 rate=2 duration=2000 requests=0");
    let mut calm = Sim::new(&scenario);
    calm.run_to_end(u64::MAX);
    let mut broken = Sim::new(&scenario);
    broken.run_until(500.0, u64::MAX);
    assert!(broken.kill_server(1));
    assert!(!broken.kill_server(7));
    broken.spike(3.0, 100.0);
    broken.run_until(1000.0, u64::MAX);
    assert!(broken.revive_server(1));
    broken.run_to_end(u64::MAX);
    let (calm, broken) = (calm.report(), broken.report());
    assert!(broken.arrivals > calm.arrivals + 300, "{} vs {}", broken.arrivals, calm.arrivals);
    assert!(broken.dropped > 100 && calm.dropped == 0);

    let mut cached = Sim::new(&parse("kind=cache rate=100 warm=on requests=1000"));
    cached.run_until(1.0, u64::MAX);
    assert_eq!(cache_len(&cached), Some(100));
    cached.flush();
    assert_eq!(cache_len(&cached), Some(0));
}

#[test]
fn a_snapshot_places_every_request() {
    let mut sim = Sim::new(&parse("kind=balancer servers=3 rate=2.9 policy=least_conn requests=5000"));
    sim.run_until(1000.0, u64::MAX);
    let whole = sim.snapshot();
    let snapshot = scene(&whole);
    let waiting: usize = snapshot.servers.iter().map(|s| s.waiting).sum();
    let busy: usize = snapshot.servers.iter().map(|s| s.busy).sum();
    let queued = snapshot.requests.iter().filter(|r| matches!(r.stage, StageView::Queue { .. })).count();
    let served = snapshot.requests.iter().filter(|r| matches!(r.stage, StageView::Service { .. })).count();
    assert_eq!((queued, served), (waiting, busy));
    assert_eq!(whole.in_flight, waiting + busy);
    for server in 0..3 {
        let mut positions: Vec<usize> = snapshot
            .requests
            .iter()
            .filter_map(|r| match r.stage {
                StageView::Queue { server: s, position } if s == server => Some(position),
                _ => None,
            })
            .collect();
        positions.sort_unstable();
        assert_eq!(positions, (0..positions.len()).collect::<Vec<_>>());
    }
    assert_eq!(whole.report.arrivals, sim.report().arrivals);
}

#[test]
fn a_snapshot_lists_recent_fates() {
    let mut sim = Sim::new(&parse(
        "kind=retries servers=2 rate=30 service_time=0.06 queue_cap=2 fail_prob=0.2 \
         max_retries=1 duration=100 requests=0",
    ));
    sim.run_until(50.0, u64::MAX);
    let recent = scene(&sim.snapshot()).recent.clone();
    assert!(!recent.is_empty() && recent.len() <= 200);
    assert!(recent.iter().all(|r| (0.0..=1.0).contains(&r.ago)));
    assert!(recent.windows(2).all(|w| w[0].ago >= w[1].ago), "oldest first");
    let fates: Vec<Fate> = recent.iter().map(|r| r.outcome).collect();
    for fate in [Fate::Served, Fate::Retried, Fate::DeadLettered] {
        assert!(fates.contains(&fate), "{fate:?} missing from {fates:?}");
    }
}

#[test]
fn chart_buckets_carry_latency_percentiles() {
    let mut sim = Sim::new(&parse("kind=queue rate=0.8 requests=20000 bucket=1000"));
    sim.run_to_end(u64::MAX);
    let series = sim.series();
    let overall = sim.report();
    let (p50, p95, p99) = series.percentiles(5).unwrap_or_default();
    assert!(p50 <= p95 && p95 <= p99 && p50 > 0.0);
    // Coarse bins (a factor of 2^(1/4) around each value) and one bucket of the run.
    assert!(p99 > overall.p99 / 2.0 && p99 < overall.p99 * 2.0, "{p99} vs {}", overall.p99);
    assert_eq!(series.percentiles(100_000), None);
}

#[test]
fn clear_at_empties_the_cache_at_that_time() {
    let base = "kind=cache rate=500 duration=10 requests=0 keys=200 zipf=1 capacity=200 warm=on seed=3";
    let mut sim = Sim::new(&parse(&format!("{base} clear_at=4")));
    sim.run_until(3.99, 10_000_000);
    let before = cache_len(&sim).unwrap_or(0);
    sim.run_until(4.0001, 10_000_000);
    let after = cache_len(&sim).unwrap_or(0);
    assert_eq!(before, 200, "a warm cache is full");
    assert!(after < 10, "cleared at t = 4, then refilling: {after} entries");
    let misses = |text: &str| report(text).misses;
    assert!(misses(&format!("{base} clear_at=4")) > misses(base) + 50, "the clear costs misses");
}
