//! What the views and the command line read of a run: its report (lost updates, conflicts,
//! duplicates and double effects, lock waits), its scene, and the failures a learner may cause.

use std::collections::VecDeque;
use std::fmt;

use super::{
    Contention, ContentionScene, K, Phase, RecordView, SHOWN_RECORDS, SHOWN_WRITERS, WriterView, flash_window,
};
use crate::scenario::{Choice, WriteStrategy};
use crate::sim::histogram::Histogram;
use crate::sim::report::{Figure, Report, ratio};
use crate::sim::series::Series;
use crate::sim::simulation::{Action, Observed};
use crate::sim::snapshot::{Scene, Snapshot};

impl Observed for Contention {
    fn report(&self, _now: f64) -> Report {
        let t = &self.tally;
        let mut report = self.metrics.report(&self.scenario);
        let elapsed = self.metrics.elapsed();
        report.mean_in_system = ratio(self.metrics.in_system_area, elapsed);
        let q = self.lock_waits.quantiles(&[0.5, 0.95, 0.99]);
        let figures = &mut report.figures;
        figures.add("final_value", Figure::Count(t.total));
        figures.add("expected_value", Figure::Count(t.expected));
        figures.add("lost_updates", Figure::Count(self.lost_updates()));
        figures.add("lost_ratio", Figure::Number(ratio(self.lost_updates() as f64, t.writes as f64)));
        figures.add("double_effects", Figure::Count(t.double_effects));
        figures.add("conflicts", Figure::Count(t.conflicts));
        figures.add("deliveries", Figure::Count(t.deliveries));
        figures.add("duplicates", Figure::Count(t.duplicates));
        figures.add("deduplicated", Figure::Count(t.deduplicated));
        figures.add("reordered", Figure::Count(t.late));
        figures.add("writes", Figure::Count(t.writes));
        figures.add("lock_wait_mean", Figure::Number(self.lock_waits.mean()));
        figures.add("lock_wait_p50", Figure::Number(q[0]));
        figures.add("lock_wait_p95", Figure::Number(q[1]));
        figures.add("lock_wait_p99", Figure::Number(q[2]));
        figures.add("lock_wait_max", Figure::Number(self.lock_waits.max()));
        report
    }

    fn snapshot(&self, now: f64) -> Snapshot {
        let gap = self.gap();
        let records = (0..self.expected_shown.len())
            .map(|i| RecordView {
                key: i as u32,
                value: self.records[i].value,
                expected: self.expected_shown[i],
                locked: self.locks.contains_key(&(i as u32)),
                waiting: self.locks.get(&(i as u32)).map_or(0, VecDeque::len),
            })
            .collect();
        let writers = self
            .writers
            .iter()
            .filter(|w| w.live && (w.key as usize) < SHOWN_RECORDS)
            .take(SHOWN_WRITERS)
            .map(|w| {
                let record = self.records[w.key as usize];
                let progress = match w.phase {
                    Phase::Waiting => 0.0,
                    Phase::Gap if gap > 0.0 => ((now - w.read_at) / gap).clamp(0.0, 1.0),
                    Phase::Gap => 1.0,
                };
                let stale = w.phase == Phase::Gap
                    && record.version != w.version
                    && matches!(
                        self.scenario.contention.strategy,
                        WriteStrategy::None | WriteStrategy::Optimistic
                    );
                WriterView { key: w.key, phase: w.phase, progress, copy: w.copy, stale }
            })
            .collect();
        let scene = ContentionScene {
            strategy: self.scenario.contention.strategy.name(),
            gap,
            records,
            keys: self.records.len() as u64,
            writers,
            in_flight: self.in_flight,
            losses: {
                let window = flash_window(&self.scenario);
                self.losses.iter().filter(|l| now - l.at <= window).cloned().collect()
            },
        };
        Snapshot { in_flight: self.in_flight, scene: Scene::Contention(scene), ..Snapshot::empty(now) }
    }

    fn series(&self) -> &Series {
        &self.metrics.series
    }

    fn latency(&self) -> &Histogram {
        &self.metrics.latency
    }

    fn act(&mut self, k: &mut K, action: Action) -> bool {
        match action {
            Action::Spike { factor, seconds } => {
                self.source.spike(k.now(), factor, seconds);
                true
            }
            Action::KillServer(_) | Action::ReviveServer(_) | Action::FlushCache => false,
        }
    }

    fn describe(&self, _now: f64, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "in_flight={} waiting={} | total {} expected {} lost {} doubled {} conflicts {}",
            self.in_flight,
            self.waiting,
            self.tally.total,
            self.tally.expected,
            self.lost_updates(),
            self.tally.double_effects,
            self.tally.conflicts
        )
    }
}
