//! What the views and the command line read of a run: its report (with each level's figures),
//! its scene, and the failures a learner may cause.

use std::fmt;

use super::{Calls, CallsScene, K, LevelView, MAX_LEVELS};
use crate::sim::histogram::Histogram;
use crate::sim::report::{Figure, Report, ratio};
use crate::sim::series::Series;
use crate::sim::simulation::{Action, Observed};
use crate::sim::snapshot::{Scene, Snapshot};

const ATTEMPTS_NAMES: [&str; MAX_LEVELS] = [
    "attempts_1",
    "attempts_2",
    "attempts_3",
    "attempts_4",
    "attempts_5",
    "attempts_6",
    "attempts_7",
    "attempts_8",
];
const TIME_NAMES: [&str; MAX_LEVELS] =
    ["time_1", "time_2", "time_3", "time_4", "time_5", "time_6", "time_7", "time_8"];
const FAILED_NAMES: [&str; MAX_LEVELS] =
    ["failed_1", "failed_2", "failed_3", "failed_4", "failed_5", "failed_6", "failed_7", "failed_8"];

impl Observed for Calls {
    fn report(&self, _now: f64) -> Report {
        let c = &self.metrics.counts;
        let mut report = self.metrics.report(&self.scenario);
        let t = &self.tally;
        report.utilization = ratio(t.busy_area, t.worker_area);
        report.mean_queue = ratio(t.backlog_area, self.metrics.elapsed());
        report.wasted_work = t.wasted;
        let requests = c.arrivals.saturating_sub(c.shed) as f64;
        let finished = (c.completed + c.failed + c.timed_out) as f64;
        let deepest = self.levels.last().map_or(0, |l| l.attempts);
        let figures = &mut report.figures;
        figures.add("success_ratio", Figure::Number(ratio(c.completed as f64, finished)));
        figures.add("amplification", Figure::Number(ratio(deepest as f64, requests)));
        figures.add("deadline_exceeded", Figure::Count(t.deadline_exceeded));
        figures.add("cancelled", Figure::Count(t.cancelled));
        figures.add("response_p99", Figure::Number(self.responses.quantile(0.99)));
        figures.add("max_response", Figure::Number(self.responses.max()));
        figures.add("backlog", Figure::Count(self.backlog() as u64));
        figures.add("max_backlog", Figure::Count(t.max_backlog as u64));
        figures.add("backlog_shed", Figure::Count(t.backlog_shed));
        figures.add("drain_time", Figure::Number(t.drain_time));
        figures.add("async_sent", Figure::Count(t.async_sent));
        figures.add("async_done", Figure::Count(t.async_done));
        figures.add("async_failed", Figure::Count(t.async_failed));
        for (i, l) in self.levels.iter().enumerate() {
            figures.add(ATTEMPTS_NAMES[i], Figure::Number(ratio(l.attempts as f64, requests)));
            figures.add(TIME_NAMES[i], Figure::Number(ratio(l.time_sum, l.ended as f64)));
            figures.add(FAILED_NAMES[i], Figure::Count(l.failed));
        }
        figures.add("slowest", Figure::Number(self.slowest.latency));
        report
    }

    fn snapshot(&self, now: f64) -> Snapshot {
        let levels = self
            .levels
            .iter()
            .map(|l| LevelView {
                replicas: l.spec.replicas,
                busy: l.busy,
                queued: l.queue.len(),
                down: l.down,
                is_async: l.spec.is_async,
                attempts: l.attempts,
                failed: l.failed,
            })
            .collect();
        let scene = CallsScene {
            fanout: self.fanout,
            levels,
            in_flight: self.live_reqs,
            waterfall: self.slowest.clone(),
        };
        Snapshot { in_flight: self.live_reqs, scene: Scene::Calls(Box::new(scene)), ..Snapshot::empty(now) }
    }

    fn series(&self) -> &Series {
        &self.metrics.series
    }

    fn latency(&self) -> &Histogram {
        &self.metrics.latency
    }

    fn act(&mut self, k: &mut K, action: Action) -> bool {
        match action {
            Action::KillServer(i) | Action::ReviveServer(i) if i < self.levels.len() => {
                self.set_down(k, i, matches!(action, Action::KillServer(_)));
                true
            }
            Action::Spike { factor, seconds } => {
                self.source.spike(k.now(), factor, seconds);
                true
            }
            _ => false,
        }
    }

    fn describe(&self, _now: f64, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "in_flight={} calls={}", self.live_reqs, self.live_calls)?;
        for (i, l) in self.levels.iter().enumerate() {
            write!(
                f,
                " | L{}{}: {}/{} busy, {} queued{}",
                i + 1,
                if l.spec.is_async { " (async)" } else { "" },
                l.busy,
                l.spec.replicas,
                l.queue.len(),
                if l.down { ", down" } else { "" }
            )?;
        }
        Ok(())
    }
}
