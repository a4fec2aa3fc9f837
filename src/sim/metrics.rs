//! What a run measures while it runs: counters, the latency histogram, time-weighted levels
//! (requests in the system, waiting, busy workers) and the chart series. Only requests that
//! arrive after the warm-up count, and levels are integrated from the warm-up on.

use serde::Serialize;

use super::float::max;
use super::histogram::Histogram;
use super::report::{ClassReport, Figure, Figures, Report, ratio};
use super::series::{Levels, Series};
use super::simulation::Observe;
use crate::scenario::{Discipline, Scenario};

/// Running totals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub arrivals: u64,
    pub completed: u64,
    /// Turned away: full queue, rate limiter, open breaker, dead server.
    pub dropped: u64,
    /// Of the dropped: by the rate limiter, and by an open breaker.
    pub limited: u64,
    pub rejected_by_breaker: u64,
    pub timed_out: u64,
    pub failed: u64,
    pub attempts: u64,
    pub retries: u64,
    pub dead_lettered: u64,
    pub hits: u64,
    pub misses: u64,
    pub stale_reads: u64,
    pub db_reads: u64,
    pub db_writes: u64,
    pub reads: u64,
    pub writes: u64,
    /// Replication: reads a cut-off replica refused.
    pub refused: u64,
    /// Of the dropped: arrivals turned away because the run was at its memory limits
    /// (`sim::limits`).
    pub shed: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Metrics {
    pub counts: Counts,
    /// Arrival to answer, completed requests.
    pub latency: Histogram,
    /// Time completed requests spent waiting in queues.
    pub wait_sum: f64,
    /// Arrival to leaving, for every request that left (answered or not): Little's W.
    pub sojourn_sum: f64,
    pub departed: u64,
    /// Server seconds spent on attempts nobody waited for any more.
    pub wasted_work: f64,
    /// Integral of the requests in the system, from `since`.
    pub in_system_area: f64,
    /// When measurement started (the warm-up) and the time integrated up to.
    pub since: f64,
    pub last: f64,
    pub series: Series,
    /// With the `priority` discipline, the high class's completions and the low class's
    /// (allocated at the first one).
    pub classes: Option<Box<[ClassTally; 2]>>,
}

/// One priority class's completed requests: latencies and the time they waited.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClassTally {
    pub latency: Histogram,
    pub wait_sum: f64,
}

impl ClassTally {
    fn report(&self, class: &'static str) -> ClassReport {
        let q = self.latency.quantiles(&[0.5, 0.95, 0.99]);
        ClassReport {
            class,
            completed: self.latency.count(),
            mean_wait: ratio(self.wait_sum, self.latency.count() as f64),
            mean_latency: self.latency.mean(),
            p50: q[0],
            p95: q[1],
            p99: q[2],
        }
    }
}

impl Metrics {
    pub fn new(warmup: f64, bucket: f64) -> Metrics {
        Metrics {
            counts: Counts::default(),
            latency: Histogram::default(),
            wait_sum: 0.0,
            sojourn_sum: 0.0,
            departed: 0,
            wasted_work: 0.0,
            in_system_area: 0.0,
            since: warmup,
            last: 0.0,
            series: Series::new(bucket),
            classes: None,
        }
    }

    /// Integrates `levels`, held since the last call, up to `now`.
    #[inline]
    pub fn advance(&mut self, now: f64, levels: Levels) {
        let from = max(self.last, self.since);
        if now > from {
            self.in_system_area += levels.in_system * (now - from);
            self.series.integrate(from, now, levels);
        }
        self.last = max(self.last, now);
    }

    /// Integrates the requests in the system, held since the last call, up to `now`: what
    /// [`Metrics::advance`] does for the report, without the chart series.
    #[inline]
    pub fn advance_in_system(&mut self, now: f64, in_system: f64) {
        let from = max(self.last, self.since);
        if now > from {
            self.in_system_area += in_system * (now - from);
        }
        self.last = max(self.last, now);
    }

    /// Keeps the chart series only when `observe` asks for everything.
    pub fn set_observe(&mut self, observe: Observe) {
        if observe == Observe::Report {
            self.series.stop_recording();
        }
    }

    /// A request arrives at `now`: counts it if the warm-up is over, and says whether it did.
    #[inline]
    pub fn arrival(&mut self, now: f64) -> bool {
        let counted = now >= self.since;
        if counted {
            self.counts.arrivals += 1;
            self.series.at(now).arrivals += 1;
        }
        counted
    }

    /// A request that arrived at `now` is turned away at once because the run is at its
    /// memory limits.
    pub fn shed(&mut self, now: f64, counted: bool) {
        if counted {
            self.counts.dropped += 1;
            self.counts.shed += 1;
            self.series.at(now).dropped += 1;
            self.departed(now, now);
        }
    }

    /// A counted request reads or writes its key.
    #[inline]
    pub fn read_or_write(&mut self, write: bool) {
        if write { self.counts.writes += 1 } else { self.counts.reads += 1 }
    }

    /// A request that arrived at `arrived` left at `now` (answered or not).
    #[inline]
    pub fn departed(&mut self, arrived: f64, now: f64) {
        self.departed += 1;
        self.sojourn_sum += now - arrived;
    }

    /// A counted request was answered at `now`.
    #[inline]
    pub fn completed(&mut self, arrived: f64, waited: f64, now: f64) {
        let latency = now - arrived;
        self.counts.completed += 1;
        self.latency.record(latency);
        self.wait_sum += waited;
        self.series.completed(now, latency);
    }

    /// A counted request of the high class (or the low) was answered at `now`, as well as
    /// [`Metrics::completed`]: for the per-class figures of the `priority` discipline.
    pub fn class_completed(&mut self, high: bool, arrived: f64, waited: f64, now: f64) {
        let classes = self.classes.get_or_insert_with(Box::default);
        let tally = &mut classes[usize::from(!high)];
        tally.latency.record(now - arrived);
        tally.wait_sum += waited;
    }

    /// The figures every model that measures requests reports: counts, latency, Little's law
    /// terms, and the cache and database counts. What a model adds (utilization, queues, its
    /// own figures) it fills in itself.
    pub fn report(&self, s: &Scenario) -> Report {
        let c = &self.counts;
        let elapsed = self.elapsed();
        let q = self.latency.quantiles(&[0.5, 0.95, 0.99, 0.999]);
        Report {
            kind: Some(s.kind),
            seed: s.run.seed,
            arrivals: c.arrivals,
            completed: c.completed,
            dropped: c.dropped,
            timed_out: c.timed_out,
            failed: c.failed,
            retries: c.retries,
            mean_attempts: ratio(c.attempts as f64, c.arrivals as f64),
            dead_lettered: c.dead_lettered,
            wasted_work: self.wasted_work,
            throughput: ratio(c.completed as f64, elapsed),
            mean_wait: ratio(self.wait_sum, c.completed as f64),
            mean_latency: self.latency.mean(),
            p50: q[0],
            p95: q[1],
            p99: q[2],
            p999: q[3],
            max_latency: self.latency.max(),
            mean_in_system: ratio(self.in_system_area, elapsed),
            arrival_rate: ratio(self.departed as f64, elapsed),
            mean_sojourn: ratio(self.sojourn_sum, self.departed as f64),
            hits: c.hits,
            misses: c.misses,
            hit_ratio: ratio(c.hits as f64, (c.hits + c.misses) as f64),
            stale_reads: c.stale_reads,
            db_reads: c.db_reads,
            db_writes: c.db_writes,
            figures: shed_figure(c.shed),
            classes: self.class_reports(s),
            ..Report::default()
        }
    }

    /// Each class's figures, high first, when `s` serves by priority (zeros before the first
    /// completion); none otherwise.
    fn class_reports(&self, s: &Scenario) -> Vec<ClassReport> {
        if s.servers.discipline != Discipline::Priority {
            return Vec::new();
        }
        match &self.classes {
            Some(classes) => vec![classes[0].report("high"), classes[1].report("low")],
            None => ["high", "low"].map(|class| ClassReport { class, ..ClassReport::default() }).to_vec(),
        }
    }

    /// Seconds measured so far.
    pub fn elapsed(&self) -> f64 {
        (self.last - self.since).max(0.0)
    }
}

/// The report's `shed` figure, only when something was shed (so ordinary runs print what they
/// always did).
fn shed_figure(shed: u64) -> Figures {
    let mut figures = Figures::default();
    if shed > 0 {
        figures.add("shed", Figure::Count(shed));
    }
    figures
}
