//! Regression tests: each guards a bug that was found and fixed, named by what went wrong.

use headroom::sim::histogram::Histogram;

/// Quantiles that fall in the same bucket as the one before them were reported as the maximum:
/// with 99 % of requests at 1 ms, p95 read as the slowest request in the run, above p99.
#[test]
fn quantiles_sharing_a_bucket_share_its_value() {
    let mut h = Histogram::default();
    for _ in 0..990 {
        h.record(0.001);
    }
    for _ in 0..10 {
        h.record(1.0);
    }
    let q = h.quantiles(&[0.5, 0.95, 0.99, 0.999]);
    assert!(q.windows(2).all(|w| w[0] <= w[1]), "quantiles must not decrease: {q:?}");
    assert!((q[1] - 0.001).abs() < 0.0002, "p95 = {}", q[1]);
    assert!((q[2] - 0.001).abs() < 0.0002, "p99 = {}", q[2]);
    assert!(q[3] > 0.9, "p99.9 = {}", q[3]);
}

/// Issue 8: with no queue limit and endless arrivals, a run grew until wasm ran out of memory
/// (`/embed/queue?rate=1000000&service_time=10000&requests=0`, played). A run now holds at most
/// `sim::limits`' requests, pending events and queued jobs, turning the rest away as `shed`.
#[test]
fn a_hostile_run_holds_bounded_state_and_counts_what_it_sheds() {
    use headroom::scenario::Scenario;
    use headroom::sim::{Sim, limits};
    let hostile = [
        // Everything waits: the queue would grow by a million a second.
        "kind=queue rate=1000000 service_time=10000 requests=0",
        // Everything times out: stale timeouts and abandoned queue places pile up.
        "kind=queue rate=1000000 service_time=10000 timeout=0.5 requests=0",
        // Writes held back by a partition: replica applies pile up.
        "kind=replication rate=1000000 write_ratio=1 replicas=16 partition_at=0 partition_len=1000000 requests=0",
        // A database that cannot keep up, behind servers whose clients time out.
        "kind=pipeline rate=100000 servers=64 service_time=0.0001 capacity=0 db_servers=1 db_time=100 timeout=0.1 requests=0",
    ];
    for text in hostile {
        let parsed = Scenario::parse(text);
        assert!(parsed.problems.is_empty(), "{text}: {:?}", parsed.problems);
        let mut sim = Sim::new(&parsed.scenario);
        for _ in 0..30 {
            sim.step(100_000);
            let snapshot = sim.snapshot();
            assert!(snapshot.in_flight <= limits::MAX_IN_FLIGHT, "{text}: {} in flight", snapshot.in_flight);
            // Each arrival admitted below the limit schedules a few events at most.
            assert!(sim.pending() <= limits::MAX_PENDING + 64, "{text}: {} pending", sim.pending());
        }
        let shed = sim.report().metric("shed").unwrap_or(0.0);
        assert!(shed > 0.0, "{text}: nothing shed in {} events", sim.events());
    }
}

/// Issue 8: the live theory note froze the page at `keys = 1000000`: Che's approximation
/// summed over every key, about 10^8 `exp` calls per slider tick. The formulas now sum over
/// bands of keys of nearly equal popularity, so their work is bounded whatever the key count,
/// and they agree with the key-by-key sums.
#[test]
fn cache_theory_does_bounded_work_for_a_million_keys() {
    use headroom::scenario::CachePolicy;
    use headroom::sim::theory::caches::{EXACT_KEYS, bands, hit_ratio, hit_ratio_counted};
    let million = bands(1_000_000, 1.0);
    assert!(million.len() <= 3_000, "{} bands", million.len());
    let total: f64 = million.iter().map(|b| b.keys).sum();
    assert_eq!(total, 1_000_000.0);
    for policy in [CachePolicy::Lru, CachePolicy::Fifo, CachePolicy::Lfu] {
        let (ratio, work) = hit_ratio_counted(policy, 10_000, &million);
        assert!(work <= 1_000_000, "{policy:?}: {work} terms for a million keys");
        assert!(ratio > 0.5 && ratio < 1.0, "{policy:?}: {ratio}");
    }
    // Against the exact key-by-key sums, on a key space small enough to sum exactly.
    let n = 100_000;
    let exact: Vec<f64> = headroom::sim::zipf::shares(n, 0.8);
    let banded = bands(n, 0.8);
    assert!(banded.len() < exact.len() / 10);
    for capacity in [100, 1_000, 10_000] {
        let one_by_one = exact_lru(&exact, capacity as f64);
        let by_band = hit_ratio(CachePolicy::Lru, capacity, &banded);
        assert!((one_by_one - by_band).abs() < 1e-3, "capacity {capacity}: {one_by_one} vs {by_band}");
    }
    // Small key spaces are still summed key by key.
    assert_eq!(bands(EXACT_KEYS, 1.0).len(), EXACT_KEYS as usize);
}

/// Che's approximation summed key by key, for the test above.
fn exact_lru(p: &[f64], capacity: f64) -> f64 {
    let occupancy = |t: f64| p.iter().map(|&q| 1.0 - (-q * t).exp()).sum::<f64>();
    let (mut low, mut high) = (0.0, 1.0);
    while occupancy(high) < capacity {
        high *= 2.0;
    }
    for _ in 0..100 {
        let mid = 0.5 * (low + high);
        if occupancy(mid) < capacity { low = mid } else { high = mid }
    }
    p.iter().map(|&q| q * (1.0 - (-q * high).exp())).sum()
}
