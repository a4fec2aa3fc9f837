//! The engine's state summarized: the [`Report`] so far.

use super::RequestPath;
use crate::scenario::Kind;
use crate::sim::breaker::BreakerState;
use crate::sim::report::{Report, ServerReport, ratio};
use crate::sim::station::Tally;

impl RequestPath {
    /// The metrics so far, at `now` (cheap enough to call every frame).
    pub(super) fn report(&self, now: f64) -> Report {
        let m = &self.metrics;
        let c = &m.counts;
        let elapsed = m.elapsed();
        let q = m.latency.quantiles(&[0.5, 0.95, 0.99, 0.999]);
        let kind = self.scenario.kind;
        // Utilization and queue: the servers, or the database where there are no servers.
        let stations: Vec<Tally> = if self.stations.is_empty() {
            self.data.iter().map(|d| d.db.measured_at(now)).collect()
        } else {
            self.stations.iter().map(|s| s.measured_at(now)).collect()
        };
        let total = |part: fn(&Tally) -> f64| stations.iter().map(part).fold(0.0, |a, b| a + b);
        let (busy, queued, capacity) = (total(|s| s.busy), total(|s| s.queue), total(|s| s.capacity));
        let servers = if self.shared_queue {
            Vec::new()
        } else {
            stations
                .iter()
                .map(|t| ServerReport {
                    completed: t.completed,
                    dropped: t.dropped,
                    utilization: ratio(t.busy, t.capacity),
                    mean_queue: ratio(t.queue, elapsed),
                })
                .collect()
        };
        let mut report = Report {
            kind: Some(kind),
            seed: self.scenario.run.seed,
            arrivals: c.arrivals,
            completed: c.completed,
            dropped: c.dropped,
            timed_out: c.timed_out,
            failed: c.failed,
            retries: c.retries,
            mean_attempts: ratio(c.attempts as f64, c.arrivals as f64),
            dead_lettered: c.dead_lettered,
            wasted_work: m.wasted_work,
            throughput: ratio(c.completed as f64, elapsed),
            mean_wait: ratio(m.wait_sum, c.completed as f64),
            mean_latency: m.latency.mean(),
            p50: q[0],
            p95: q[1],
            p99: q[2],
            p999: q[3],
            max_latency: m.latency.max(),
            mean_in_system: ratio(m.in_system_area, elapsed),
            mean_queue: ratio(queued, elapsed),
            utilization: ratio(busy, capacity),
            arrival_rate: ratio(m.departed as f64, elapsed),
            mean_sojourn: ratio(m.sojourn_sum, m.departed as f64),
            hits: c.hits,
            misses: c.misses,
            hit_ratio: ratio(c.hits as f64, (c.hits + c.misses) as f64),
            stale_reads: c.stale_reads,
            db_reads: c.db_reads,
            db_writes: c.db_writes,
            servers,
            ..Report::default()
        };
        match kind {
            Kind::Limiter | Kind::Pipeline => report.limited = Some(c.limited),
            Kind::Breaker => {
                report.breaker_opened = Some(self.breaker_opened);
                report.breaker_state = self.breaker.as_ref().map(|b| match b.state() {
                    BreakerState::Closed => "closed",
                    BreakerState::Open => "open",
                    BreakerState::HalfOpen => "half_open",
                });
            }
            Kind::Replication => {
                report.reads = Some(c.reads);
                report.writes = Some(c.writes);
                report.stale_ratio = Some(ratio(c.stale_reads as f64, c.reads as f64));
                report.refused = Some(c.refused);
            }
            Kind::Autoscale => {
                report.mean_servers = Some(ratio(capacity, elapsed));
                report.max_servers_used = Some(self.peak_workers as u64);
            }
            _ => {}
        }
        if kind == Kind::Cache || kind == Kind::Pipeline {
            report.reads = Some(c.reads);
            report.writes = Some(c.writes);
        }
        report
    }
}
