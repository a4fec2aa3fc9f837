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
