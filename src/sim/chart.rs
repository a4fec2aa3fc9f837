//! The points of a live chart: the run's time series (fixed-width buckets) merged into at most
//! [`MAX_POINTS`] bins up to the current time, and each line's value in a bin by name, so a
//! kind's descriptor can name its chart lines and the view need not know what they mean.

use super::series::{Bucket, Series};

/// Most points per line: more would not show at a chart's width, and would cost redraw time.
pub const MAX_POINTS: usize = 120;

/// The series names a chart line may read ([`Bin::read`]).
pub const SERIES: &[&str] = &[
    "p50",
    "p95",
    "p99",
    "arrivals",
    "completed",
    "dropped",
    "timed_out",
    "failed",
    "retries",
    "hit_ratio",
    "waiting",
    "in_system",
    "workers",
    "busy",
    "lost",
    "lock_wait",
];

/// A span of simulated time and what happened in it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Bin {
    pub start: f64,
    /// Simulated time of the span that has been run (the last one may be partly done).
    pub width: f64,
    pub sums: Bucket,
    /// p50, p95 and p99 latency of the items completed in this span.
    pub percentiles: Option<(f64, f64, f64)>,
}

impl Bin {
    pub fn mid(&self) -> f64 {
        self.start + self.width / 2.0
    }

    /// `count` per unit of simulated time over this bin.
    pub fn rate(&self, count: u64) -> f64 {
        if self.width > 0.0 { count as f64 / self.width } else { 0.0 }
    }

    /// A time-integral's mean level over this bin.
    pub fn level(&self, area: f64) -> f64 {
        if self.width > 0.0 { area / self.width } else { 0.0 }
    }

    /// The value of series `name` in this bin (`None`: no point here, or no such series).
    /// Counts are rates per unit of time, levels are time-averages, percentiles are durations,
    /// and `hit_ratio` is a percentage.
    pub fn read(&self, name: &str) -> Option<f64> {
        let s = &self.sums;
        Some(match name {
            "p50" => self.percentiles?.0,
            "p95" => self.percentiles?.1,
            "p99" => self.percentiles?.2,
            "arrivals" => self.rate(s.arrivals),
            "completed" => self.rate(s.completed),
            "dropped" => self.rate(s.dropped),
            "timed_out" => self.rate(s.timed_out),
            "failed" => self.rate(s.failed),
            "retries" => self.rate(s.retries),
            "hit_ratio" => {
                let lookups = s.hits + s.misses;
                if lookups == 0 {
                    return None;
                }
                s.hits as f64 / lookups as f64 * 100.0
            }
            "waiting" => self.level(s.queue_area),
            "in_system" => self.level(s.in_system_area),
            "workers" => self.level(s.workers_area),
            "busy" => self.level(s.busy_area),
            "lost" => self.rate(s.lost),
            "lock_wait" => {
                if s.lock_waits == 0 {
                    return None;
                }
                s.lock_wait_sum / s.lock_waits as f64
            }
            _ => return None,
        })
    }
}

/// The series up to simulated time `now`, merged into at most [`MAX_POINTS`] bins.
pub fn bins(series: &Series, now: f64) -> Vec<Bin> {
    let group = series.buckets.len().div_ceil(MAX_POINTS).max(1);
    let span = series.width * group as f64;
    series
        .buckets
        .chunks(group)
        .enumerate()
        .map(|(i, chunk)| {
            let start = i as f64 * span;
            let mut sums = Bucket::default();
            chunk.iter().for_each(|b| sums.merge(b));
            let percentiles = series.percentiles_over(i * group..(i + 1) * group);
            Bin { start, width: (now - start).clamp(0.0, span), sums, percentiles }
        })
        .filter(|bin| bin.width > 0.0)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(width: f64, n: usize) -> Series {
        let mut s = Series::new(width);
        for i in 0..n {
            let b = s.at(i as f64 * width + width / 2.0);
            b.completed = 2;
            b.latency_sum = 1.0;
            b.latency_max = 0.8;
        }
        s
    }

    #[test]
    fn bins_merge_to_at_most_max_points_and_stop_at_now() {
        let s = series(1.0, 500);
        let b = bins(&s, 500.0);
        assert!(b.len() <= MAX_POINTS, "{}", b.len());
        assert_eq!(b.iter().map(|b| b.sums.completed).sum::<u64>(), 1000);
        let partial = bins(&series(1.0, 10), 9.5);
        assert_eq!(partial.last().map(|b| b.width), Some(0.5));
        assert_eq!(partial.last().and_then(|b| b.read("completed")), Some(4.0));
    }

    #[test]
    fn latency_lines_read_each_spans_percentiles() {
        let mut s = Series::new(1.0);
        for i in 0..3 {
            let t = f64::from(i) + 0.5;
            (0..90).for_each(|_| s.completed(t, 0.1));
            (0..10).for_each(|_| s.completed(t, 2.0));
        }
        let b = bins(&s, 3.0);
        assert_eq!(b.len(), 3);
        // The coarse per-bucket bins are good to about 20 %.
        let near = |got: Option<f64>, want: f64| got.is_some_and(|got| (got - want).abs() <= want * 0.25);
        assert!(near(b[0].read("p50"), 0.1), "p50 {:?}", b[0].read("p50"));
        assert!(near(b[0].read("p95"), 2.0), "p95 {:?}", b[0].read("p95"));
    }

    #[test]
    fn every_series_name_reads_and_others_do_not() {
        let mut s = Series::new(1.0);
        s.completed(0.5, 0.1);
        s.at(0.5).hits = 1;
        let bin = bins(&s, 1.0)[0];
        for name in SERIES {
            assert!(bin.read(name).is_some(), "{name}");
        }
        assert_eq!(bin.read("no_such_series"), None);
    }
}
