//! What the views and the command line read of a run: its report (the four delivery figures
//! and each stage's own) and its scene. It takes no failure actions.

use std::fmt;

use super::{Delivery, DeliveryScene, HOURS_PER_WEEK, K, MAX_DOTS, Stage, StageView};
use crate::sim::histogram::Histogram;
use crate::sim::report::{Figure, Report, ratio};
use crate::sim::series::Series;
use crate::sim::simulation::{Action, Observed};
use crate::sim::snapshot::{Scene, Snapshot};

impl Observed for Delivery {
    fn report(&self, _now: f64) -> Report {
        let t = &self.tally;
        let elapsed = self.metrics.elapsed();
        let mut report = self.metrics.report(&self.scenario);
        let reviewers = self.reviewers.len() as f64;
        report.utilization = ratio(t.busy_area, reviewers * elapsed);
        report.mean_queue = ratio(t.queue_area, elapsed);
        let f = &mut report.figures;
        f.add("deployment_frequency", Figure::Number(ratio(t.deploys as f64, elapsed) * 24.0));
        f.add("lead_time", Figure::Number(self.metrics.latency.mean()));
        f.add("change_failure_rate", Figure::Number(ratio(t.failed_deploys as f64, t.deploys as f64)));
        f.add("time_to_restore", Figure::Number(ratio(t.restore_sum, t.restores as f64)));
        f.add("reviewer_utilization", Figure::Number(report.utilization));
        f.add("review_wait", Figure::Number(ratio(t.review_wait_sum, t.reviews as f64)));
        f.add("reviews", Figure::Count(t.reviews));
        f.add("ci_runs", Figure::Count(t.ci_runs));
        f.add("false_reds", Figure::Count(t.false_reds));
        f.add("false_red_ratio", Figure::Number(ratio(t.false_reds as f64, t.ci_runs as f64)));
        f.add("conflicts", Figure::Count(t.conflicts));
        f.add("conflict_ratio", Figure::Number(ratio(t.conflicts as f64, t.conflict_checks as f64)));
        f.add("merged", Figure::Count(t.merged));
        f.add("defective", Figure::Count(t.defective_started));
        f.add("caught_in_review", Figure::Count(t.caught_in_review));
        f.add("caught_by_tests", Figure::Count(t.caught_by_tests));
        f.add("escaped_defects", Figure::Count(t.escaped_defects));
        let window = self.last_start - self.scenario.run.warmup;
        f.add("escaped_per_week", Figure::Number(ratio(t.escaped_defects as f64 * HOURS_PER_WEEK, window)));
        f.add("deploys", Figure::Count(t.deploys));
        f.add("failed_deploys", Figure::Count(t.failed_deploys));
        f.add("bisect_steps", Figure::Number(ratio(t.bisect_steps as f64, t.restores as f64)));
        f.add("reverted", Figure::Count(t.reverted));
        f.add("in_pipeline", Figure::Count(self.live as u64));
        report
    }

    fn snapshot(&self, now: f64) -> Snapshot {
        let mut stages: Vec<StageView> =
            Stage::ALL.iter().map(|&stage| StageView { stage, count: 0, dots: Vec::new() }).collect();
        for change in self.changes.iter().flatten() {
            let view = &mut stages[change.stage.index()];
            view.count += 1;
            if view.dots.len() < MAX_DOTS {
                view.dots.push(change.defective);
            }
        }
        let scene = DeliveryScene {
            developers: self.scenario.delivery.developers,
            stages,
            reviewers: self.reviewers.iter().map(Option::is_some).collect(),
            batch: self.scenario.delivery.batch,
            incident: self.incident.as_ref().map(|i| i.phase),
            deploys: self.deploys.iter().copied().collect(),
            deployed: self.deployed,
            flags: self.scenario.delivery.flags,
        };
        Snapshot { in_flight: self.live, scene: Scene::Delivery(Box::new(scene)), ..Snapshot::empty(now) }
    }

    fn series(&self) -> &Series {
        &self.metrics.series
    }

    fn latency(&self) -> &Histogram {
        &self.metrics.latency
    }

    fn act(&mut self, _k: &mut K, _action: Action) -> bool {
        false
    }

    fn describe(&self, _now: f64, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "in_flight={} | review queue {} | merged {} | deployed {} | incident {:?}",
            self.live,
            self.review_queue.len(),
            self.merged.len(),
            self.deployed,
            self.incident.as_ref().map(|i| i.phase)
        )
    }
}
