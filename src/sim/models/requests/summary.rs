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
        let mut report = self.metrics.report(&self.scenario);
        report.mean_queue = ratio(queued, elapsed);
        report.utilization = ratio(busy, capacity);
        report.servers = servers;
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
