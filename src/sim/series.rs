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
    /// The latencies completed in this bucket, coarsely (read with `Series::percentiles`).
    #[serde(skip)]
    pub latencies: LatencyBins,
}

impl Bucket {
    fn merge(&mut self, other: &Bucket) {
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
        self.latencies.merge(&other.latencies);
        self.in_system_area += other.in_system_area;
        self.queue_area += other.queue_area;
        self.busy_area += other.busy_area;
        self.workers_area += other.workers_area;
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
}

impl Series {
    pub fn new(width: f64) -> Series {
        Series {
            width: width.max(1e-6),
            buckets: Vec::new(),
        }
    }

    /// The bucket holding time `t`, creating (and if needed merging) buckets.
    #[inline]
    pub fn at(&mut self, t: f64) -> &mut Bucket {
        // Most calls land in the last bucket: no division needed.
        let last = self.buckets.len();
        if last > 0 && t >= (last - 1) as f64 * self.width && t < last as f64 * self.width {
            return &mut self.buckets[last - 1];
        }
        let mut i = (t / self.width) as usize;
        while i >= MAX_BUCKETS {
            self.halve();
            i = (t / self.width) as usize;
        }
        if i >= self.buckets.len() {
            self.buckets.resize(i + 1, Bucket::default());
        }
        &mut self.buckets[i]
    }

    /// The p50, p95 and p99 latency of the requests completed in bucket `index` (within 19%),
    /// or `None` if none completed there.
    pub fn percentiles(&self, index: usize) -> Option<(f64, f64, f64)> {
        let [p50, p95, p99] = self
            .buckets
            .get(index)?
            .latencies
            .quantiles([0.5, 0.95, 0.99])?;
        Some((p50, p95, p99))
    }

    /// Adds `levels` held constant over `[from, to)`, split across the buckets it spans.
    pub fn integrate(&mut self, from: f64, to: f64, levels: Levels) {
        let mut start = from;
        while start < to {
            let bucket_end = self.buckets.len() as f64 * self.width;
            let in_last =
                !self.buckets.is_empty() && start >= bucket_end - self.width && start < bucket_end;
            let end = if in_last {
                min(bucket_end, to)
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
        let merged: Vec<Bucket> = self
            .buckets
            .chunks(2)
            .map(|pair| {
                let mut bucket = pair[0];
                if let Some(second) = pair.get(1) {
                    bucket.merge(second);
                }
                bucket
            })
            .collect();
        self.buckets = merged;
        self.width *= 2.0;
    }
}
