//! The engine's state summarized: the [`Report`] so far.

use super::{RequestPath, Switch};
use crate::sim::breaker::BreakerState;
use crate::sim::report::{Figure, Report, ServerReport, ratio};
use crate::sim::station::Tally;

impl RequestPath {
    /// The metrics so far, at `now` (cheap enough to call every frame).
    pub(super) fn report(&self, now: f64) -> Report {
        let m = &self.metrics;
        let c = &m.counts;
        let elapsed = m.elapsed();
        // Utilization and queue: the servers, or the database where there are no servers.
        let stations: Vec<Tally> = if self.stations.is_empty() {
            self.data.iter().map(|d| d.db.measured_at(now)).collect()
        } else {
            self.stations.iter().map(|s| s.measured_at(now)).collect()
        };
        let mut report = self.metrics.report(&self.scenario);
        let capacity = station_figures(&mut report, &stations, elapsed, !self.shared_queue);
        let figures = &mut report.figures;
        if self.stages.limiter != Switch::Off {
            figures.add("limited", Figure::Count(c.limited));
        }
        if let Some(breaker) = &self.breaker {
            figures.add("breaker_opened", Figure::Count(self.breaker_opened));
            figures.add("breaker_state", Figure::Word(breaker_state(breaker.state())));
        }
        if self.data.is_some() {
            figures.add("reads", Figure::Count(c.reads));
            figures.add("writes", Figure::Count(c.writes));
        }
        if self.autoscaler.is_some() {
            figures.add("mean_servers", Figure::Number(ratio(capacity, elapsed)));
            figures.add("max_servers_used", Figure::Count(self.peak_workers as u64));
        }
        report
    }
}

/// Fills in `report`'s utilization and mean queue from the measured totals of `stations`
/// over `elapsed` seconds, and with `per_server`, each station's own figures. Returns the
/// worker-seconds available.
pub(super) fn station_figures(
    report: &mut Report,
    stations: &[Tally],
    elapsed: f64,
    per_server: bool,
) -> f64 {
    let total = |part: fn(&Tally) -> f64| stations.iter().map(part).fold(0.0, |a, b| a + b);
    let (busy, queued, capacity) = (total(|s| s.busy), total(|s| s.queue), total(|s| s.capacity));
    report.mean_queue = ratio(queued, elapsed);
    report.utilization = ratio(busy, capacity);
    if per_server {
        report.servers = stations
            .iter()
            .map(|t| ServerReport {
                completed: t.completed,
                dropped: t.dropped,
                utilization: ratio(t.busy, t.capacity),
                mean_queue: ratio(t.queue, elapsed),
            })
            .collect();
    }
    capacity
}

/// The breaker's state as the report and the view name it.
pub(super) fn breaker_state(state: BreakerState) -> &'static str {
    match state {
        BreakerState::Closed => "closed",
        BreakerState::Open => "open",
        BreakerState::HalfOpen => "half_open",
    }
}
