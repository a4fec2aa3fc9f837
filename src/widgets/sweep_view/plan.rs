//! The pure half of a sweep: which runs to make ([`plan`]), and a [`Runner`] that does them a
//! bounded number of events at a time, turning each finished run into a [`Point`]. What is
//! swept, and what is plotted, comes from the kind's descriptor (`sim::kinds::Sweep`).

use crate::{
    scenario::Scenario,
    sim::{Report, Sim, kinds::Sweep, theory},
};

/// Arrivals per run, at most (a longer scenario is cut to this; its runs open as swept).
pub(super) const MAX_REQUESTS: u64 = 20_000;
/// Events one run may take before it is cut short (its figures are then those so far).
const MAX_EVENTS: u64 = 5_000_000;

/// The scenario a sweep starts from: the widget's, with runs capped at [`MAX_REQUESTS`].
pub(super) fn bounded(s: &Scenario) -> Scenario {
    let mut s = s.clone();
    if s.run.requests == 0 || s.run.requests > MAX_REQUESTS {
        s.set("requests", &MAX_REQUESTS.to_string());
    }
    s
}

/// The runs of a sweep of `scenario`, in order along the axis.
pub(super) fn plan(sweep: &Sweep, scenario: &Scenario) -> Vec<Scenario> {
    let base = bounded(scenario);
    (sweep.values)(&base)
        .iter()
        .map(|value| {
            let mut run = base.clone();
            run.set(sweep.key, value);
            run
        })
        .collect()
}

/// Whether `current` differs from the swept scenario `base` only in the swept key.
pub(super) fn same_sweep(sweep: &Sweep, base: &Scenario, current: &Scenario) -> bool {
    let mut current = bounded(current);
    if let Some(value) = base.get(sweep.key) {
        current.set(sweep.key, &value);
    }
    current == *base
}

/// One finished run of a sweep.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Point {
    pub(super) x: f64,
    /// The figure of each of the sweep's lines, in order.
    pub(super) values: Vec<f64>,
    /// What theory predicts for the plotted figure, where it can.
    pub(super) theory: Option<f64>,
    /// The run reached its end (not cut short by [`MAX_EVENTS`]).
    pub(super) finished: bool,
    /// The button's text and its accessible name.
    pub(super) labels: (String, String),
    pub(super) scenario: Scenario,
}

impl Point {
    pub(super) fn new(sweep: &Sweep, scenario: &Scenario, report: &Report, finished: bool) -> Point {
        // A prediction's work is bounded (a cache's sums over bands of keys), so every run gets one.
        let prediction = theory::predict(scenario);
        let theory = sweep.theory.and_then(|(_, figure)| prediction.as_ref().and_then(figure));
        Point {
            x: (sweep.x)(scenario),
            values: sweep.lines.iter().map(|line| report.metric(line.metric).unwrap_or(0.0)).collect(),
            theory: theory.filter(|v| v.is_finite()),
            finished,
            labels: (sweep.label)(scenario, report, finished),
            scenario: scenario.clone(),
        }
    }
}

/// What one slice of work ended with.
pub(super) enum Progress {
    Working,
    Point(Box<Point>),
    Finished,
}

/// Does a sweep's runs one after another, a bounded number of events at a time.
pub(super) struct Runner {
    sweep: &'static Sweep,
    runs: Vec<Scenario>,
    next: usize,
    sim: Option<Sim>,
}

impl Runner {
    pub(super) fn new(sweep: &'static Sweep, runs: Vec<Scenario>) -> Runner {
        Runner { sweep, runs, next: 0, sim: None }
    }

    /// Processes at most `budget` events of the current run.
    pub(super) fn work(&mut self, budget: u64) -> Progress {
        let Some(scenario) = self.runs.get(self.next) else { return Progress::Finished };
        let sim = self.sim.get_or_insert_with(|| Sim::new(scenario));
        sim.run_to_end(budget);
        if !sim.is_done() && sim.events() < MAX_EVENTS {
            return Progress::Working;
        }
        let point = Point::new(self.sweep, scenario, &sim.report(), sim.is_done());
        self.sim = None;
        self.next += 1;
        Progress::Point(Box::new(point))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Kind;

    fn scenario(text: &str) -> Scenario {
        Scenario::parse(text).scenario
    }

    fn sweep(kind: Kind) -> &'static Sweep {
        kind.descriptor().sweep.expect("a sweep")
    }

    #[test]
    fn a_queue_sweeps_rate_from_10_to_98_percent_of_capacity() {
        let s = scenario("kind=queue servers=2 service_time=0.5 requests=0 duration=100");
        let load = sweep(Kind::Queue);
        let runs = plan(load, &s);
        assert_eq!(runs.len(), 12);
        assert!(((load.x)(&runs[0]) - 10.0).abs() < 0.1);
        assert!(((load.x)(&runs[11]) - 98.0).abs() < 0.1);
        assert!(runs.iter().all(|r| r.run.requests == MAX_REQUESTS));
        assert!(runs.iter().all(|r| same_sweep(load, &bounded(&s), r)));
    }

    #[test]
    fn a_cache_sweeps_capacity_from_1_to_100_percent_of_keys() {
        let s = scenario("kind=cache keys=1000 capacity=50 requests=5000");
        let size = sweep(Kind::Cache);
        let runs = plan(size, &s);
        assert_eq!(runs.first().map(|r| r.cache.capacity), Some(10));
        assert_eq!(runs.last().map(|r| r.cache.capacity), Some(1000));
        assert!(runs.iter().all(|r| r.run.requests == 5000));
        assert!(!same_sweep(
            size,
            &bounded(&s),
            &scenario("kind=cache keys=1000 capacity=50 requests=5000 seed=2")
        ));
    }

    #[test]
    fn the_runner_finishes_every_run_in_bounded_slices() {
        let s = scenario("kind=queue requests=300 seed=4");
        let load = sweep(Kind::Queue);
        let mut runner = Runner::new(load, plan(load, &s));
        let mut points = Vec::new();
        for _ in 0..100_000 {
            match runner.work(100) {
                Progress::Working => {}
                Progress::Point(p) => points.push(*p),
                Progress::Finished => break,
            }
        }
        assert_eq!(points.len(), 12);
        assert!(points.iter().all(|p| p.finished));
        assert!(points.last().map(|p| p.values[0]) > points.first().map(|p| p.values[0]));
        assert!(points.iter().all(|p| p.theory.is_some()), "M/M/1 has a formula");
    }
}
