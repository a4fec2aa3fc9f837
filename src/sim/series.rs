//! Time series for charts: counts and time-averages in fixed-width buckets of simulated time.
//! Memory is bounded: past `MAX_BUCKETS` buckets, neighbours merge and the width doubles.

use serde::Serialize;

use super::bins::LatencyBins;
use super::float::{max, min};

pub const MAX_BUCKETS: usize = 2048;

/// One bar of the charts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Bucket {
    pub arrivals: u64,
    pub completed: u64,
    pub dropped: u64,
    pub timed_out: u64,
    pub failed: u64,
    pub retries: u64,
    pub hits: u64,
    pub misses: u64,
    pub db_reads: u64,
    /// Sum and max of the latencies of the requests completed in this bucket.
    pub latency_sum: f64,
    pub latency_max: f64,
    /// Integrals over the bucket of requests in the system, waiting, and busy workers.
    pub in_system_area: f64,
    pub queue_area: f64,
    pub busy_area: f64,
    /// Workers available (autoscaling), integrated.
    pub workers_area: f64,
    /// Updates overwritten (contention), and the lock waits that ended here: how many, their sum.
    pub lost: u64,
    pub lock_waits: u64,
    pub lock_wait_sum: f64,
}

impl Bucket {
    /// Adds `other`'s counts and integrals into this bucket (maxima are maxed).
    pub fn merge(&mut self, other: &Bucket) {
        self.arrivals += other.arrivals;
        self.completed += other.completed;
        self.dropped += other.dropped;
        self.timed_out += other.timed_out;
        self.failed += other.failed;
        self.retries += other.retries;
        self.hits += other.hits;
        self.misses += other.misses;
        self.db_reads += other.db_reads;
        self.latency_sum += other.latency_sum;
        self.latency_max = max(self.latency_max, other.latency_max);
        self.in_system_area += other.in_system_area;
        self.queue_area += other.queue_area;
        self.busy_area += other.busy_area;
        self.workers_area += other.workers_area;
        self.lost += other.lost;
        self.lock_waits += other.lock_waits;
        self.lock_wait_sum += other.lock_wait_sum;
    }
}

/// Levels that are integrated over time.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Levels {
    pub in_system: f64,
    pub queue: f64,
    pub busy: f64,
    pub workers: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Series {
    /// Seconds per bucket.
    pub width: f64,
    pub buckets: Vec<Bucket>,
    /// Per bucket, the latencies completed in it, coarsely (read with `percentiles`). Kept
    /// beside the buckets rather than in them, so that the counters stay small and close.
    #[serde(skip)]
    latencies: Vec<LatencyBins>,
    /// The span of the last bucket, where nearly every update lands (empty before the first).
    #[serde(skip)]
    last_span: (f64, f64),
}

impl Series {
    pub fn new(width: f64) -> Series {
        Series { width: width.max(1e-6), buckets: Vec::new(), latencies: Vec::new(), last_span: (0.0, 0.0) }
    }

    /// The bucket holding time `t`, creating (and if needed merging) buckets.
    #[inline]
    pub fn at(&mut self, t: f64) -> &mut Bucket {
        let i = self.index(t);
        &mut self.buckets[i]
    }

    /// A request completed at `t` after `latency` seconds.
    #[inline]
    pub fn completed(&mut self, t: f64, latency: f64) {
        let i = self.index(t);
        let bucket = &mut self.buckets[i];
        bucket.completed += 1;
        bucket.latency_sum += latency;
        bucket.latency_max = max(bucket.latency_max, latency);
        self.latencies[i].record(latency);
    }

    /// The index of the bucket holding time `t`, creating (and if needed merging) buckets.
    #[inline]
    fn index(&mut self, t: f64) -> usize {
        let (start, end) = self.last_span;
        if t >= start && t < end {
            return self.buckets.len() - 1;
        }
        self.index_elsewhere(t)
    }

    /// `index` for a time outside the last bucket: rare, so kept out of line.
    #[cold]
    #[inline(never)]
    fn index_elsewhere(&mut self, t: f64) -> usize {
        let mut i = (t / self.width) as usize;
        while i >= MAX_BUCKETS {
            self.halve();
            i = (t / self.width) as usize;
        }
        if i >= self.buckets.len() {
            self.buckets.resize(i + 1, Bucket::default());
            self.latencies.resize(i + 1, LatencyBins::default());
            self.refresh_last_span();
        }
        i
    }

    /// The p50, p95 and p99 latency of the requests completed in bucket `index` (within 19%),
    /// or `None` if none completed there.
    pub fn percentiles(&self, index: usize) -> Option<(f64, f64, f64)> {
        self.percentiles_over(index..index + 1)
    }

    /// p50, p95 and p99 of the latencies completed in buckets `range` together (a chart point
    /// that stands for several buckets); `None` when none completed there.
    pub fn percentiles_over(&self, range: std::ops::Range<usize>) -> Option<(f64, f64, f64)> {
        let mut merged = LatencyBins::default();
        for bins in self.latencies.get(range.start..range.end.min(self.latencies.len()))? {
            merged.merge(bins);
        }
        let [p50, p95, p99] = merged.quantiles([0.5, 0.95, 0.99])?;
        Some((p50, p95, p99))
    }

    /// Adds `levels` held constant over `[from, to)`, split across the buckets it spans.
    pub fn integrate(&mut self, from: f64, to: f64, levels: Levels) {
        let mut start = from;
        while start < to {
            let (last_start, last_end) = self.last_span;
            let end = if start >= last_start && start < last_end {
                min(last_end, to)
            } else {
                min(((start / self.width) as usize + 1) as f64 * self.width, to)
            };
            let dt = end - start;
            let bucket = self.at(start);
            bucket.in_system_area += levels.in_system * dt;
            bucket.queue_area += levels.queue * dt;
            bucket.busy_area += levels.busy * dt;
            bucket.workers_area += levels.workers * dt;
            if end <= start {
                break; // width below float resolution at this time: give up on the remainder
            }
            start = end;
        }
    }

    fn halve(&mut self) {
        self.buckets = merge_pairs(&self.buckets, Bucket::merge);
        self.latencies = merge_pairs(&self.latencies, LatencyBins::merge);
        self.width *= 2.0;
        self.refresh_last_span();
    }

    fn refresh_last_span(&mut self) {
        let n = self.buckets.len() as f64;
        self.last_span = if n > 0.0 { ((n - 1.0) * self.width, n * self.width) } else { (0.0, 0.0) };
    }
}

/// Each pair of neighbours merged into one (a last odd one kept as is).
fn merge_pairs<T: Copy>(items: &[T], merge: fn(&mut T, &T)) -> Vec<T> {
    items
        .chunks(2)
        .map(|pair| {
            let mut merged = pair[0];
            if let Some(second) = pair.get(1) {
                merge(&mut merged, second);
            }
            merged
        })
        .collect()
}
