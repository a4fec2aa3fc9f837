//! The pure half of a sweep: which runs to make ([`plan`]), and a [`Runner`] that does them a
//! bounded number of events at a time, turning each finished run into a [`Point`].

use super::super::readouts::format_seconds;
use crate::{
    scenario::{Kind, Scenario},
    sim::{Report, Sim, theory},
};

/// Runs in a sweep.
const POINTS: usize = 12;
/// Arrivals per run, at most (a longer scenario is cut to this; its runs open as swept).
pub(super) const MAX_REQUESTS: u64 = 20_000;
/// Events one run may take before it is cut short (its figures are then those so far).
const MAX_EVENTS: u64 = 5_000_000;
/// Most keys for which a cache's prediction is computed: its cost grows with the keys, and it
/// runs inside one slice.
const MAX_THEORY_KEYS: u64 = 20_000;

/// The parameter a sweep varies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Axis {
    /// Queue: arrival rate, as a fraction of capacity.
    Rate,
    /// Cache: entries, as a fraction of the keys.
    Capacity,
}

impl Axis {
    pub(super) fn of(kind: Kind) -> Option<Axis> {
        match kind {
            Kind::Queue => Some(Axis::Rate),
            Kind::Cache => Some(Axis::Capacity),
            _ => None,
        }
    }

    pub(super) fn key(self) -> &'static str {
        match self {
            Axis::Rate => "rate",
            Axis::Capacity => "capacity",
        }
    }

    /// The values to try, as scenario text.
    pub(super) fn values(self, s: &Scenario) -> Vec<String> {
        let fraction = |i: usize, from: f64, to: f64| from + (to - from) * i as f64 / (POINTS - 1) as f64;
        match self {
            Axis::Rate => {
                let capacity = service_capacity(s);
                (0..POINTS).map(|i| format!("{}", round_sig(fraction(i, 0.10, 0.98) * capacity, 3))).collect()
            }
            Axis::Capacity => {
                let keys = s.keys.count.max(1) as f64;
                let mut sizes: Vec<u64> =
                    (0..POINTS).map(|i| (fraction(i, 0.01, 1.0) * keys).round().max(1.0) as u64).collect();
                sizes.dedup();
                sizes.iter().map(u64::to_string).collect()
            }
        }
    }

    /// Where a run sits on the x axis, in percent: utilization, or capacity over keys.
    pub(super) fn x(self, s: &Scenario) -> f64 {
        let fraction = match self {
            Axis::Rate => s.arrivals.rate / service_capacity(s),
            Axis::Capacity => s.cache.capacity as f64 / s.keys.count.max(1) as f64,
        };
        fraction * 100.0
    }

    /// Copies the swept value from `from` into `to` (to compare everything else).
    fn copy_value(self, from: &Scenario, to: &mut Scenario) {
        match self {
            Axis::Rate => to.arrivals.rate = from.arrivals.rate,
            Axis::Capacity => to.cache.capacity = from.cache.capacity,
        }
    }

    pub(super) fn x_desc(self) -> &'static str {
        match self {
            Axis::Rate => "utilization (%)",
            Axis::Capacity => "cache size (% of keys)",
        }
    }
}

/// Requests per second the workers can serve: the sum of their speeds over the mean work.
fn service_capacity(s: &Scenario) -> f64 {
    let speed: f64 =
        (0..s.servers.count as usize).map(|i| s.service.speeds.get(i).copied().unwrap_or(1.0)).sum();
    speed / s.service.mean.max(1e-9)
}

fn round_sig(v: f64, digits: i32) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let scale = 10f64.powi(digits - 1 - v.abs().log10().floor() as i32);
    (v * scale).round() / scale
}

/// The scenario a sweep starts from: the widget's, with runs capped at [`MAX_REQUESTS`].
pub(super) fn bounded(s: &Scenario) -> Scenario {
    let mut s = s.clone();
    if s.run.requests == 0 || s.run.requests > MAX_REQUESTS {
        s.set("requests", &MAX_REQUESTS.to_string());
    }
    s
}

/// The runs of a sweep of `scenario`, in order along the axis.
pub(super) fn plan(axis: Axis, scenario: &Scenario) -> Vec<Scenario> {
    let base = bounded(scenario);
    axis.values(&base)
        .iter()
        .map(|value| {
            let mut run = base.clone();
            run.set(axis.key(), value);
            run
        })
        .collect()
}

/// Whether `current` differs from the swept scenario `base` only in the swept key.
pub(super) fn same_sweep(axis: Axis, base: &Scenario, current: &Scenario) -> bool {
    let mut current = bounded(current);
    axis.copy_value(base, &mut current);
    current == *base
}

/// One finished run of a sweep.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Point {
    pub(super) x: f64,
    pub(super) mean: f64,
    pub(super) p99: f64,
    pub(super) hit_ratio: f64,
    /// What theory predicts for the plotted figure (mean latency, hit ratio), where it can.
    pub(super) theory: Option<f64>,
    /// The run reached its end (not cut short by [`MAX_EVENTS`]).
    pub(super) finished: bool,
    pub(super) scenario: Scenario,
}

impl Point {
    pub(super) fn new(axis: Axis, scenario: &Scenario, report: &Report, finished: bool) -> Point {
        let affordable = axis == Axis::Rate || scenario.keys.count <= MAX_THEORY_KEYS;
        let prediction = affordable.then(|| theory::predict(scenario)).flatten();
        let theory = prediction.and_then(|p| match axis {
            Axis::Rate => p.mean_latency,
            Axis::Capacity => p.hit_ratio,
        });
        Point {
            x: axis.x(scenario),
            theory: theory.filter(|v| v.is_finite()),
            mean: report.mean_latency,
            p99: report.p99,
            hit_ratio: report.hit_ratio,
            finished,
            scenario: scenario.clone(),
        }
    }

    /// The button's text and its accessible name.
    pub(super) fn labels(&self, axis: Axis) -> (String, String) {
        let cut = if self.finished { "" } else { " (cut short)" };
        match axis {
            Axis::Rate => (
                format!("{:.0} %", self.x),
                format!(
                    "Open the run at {:.0} % utilization: mean latency {}, p99 {}{cut}",
                    self.x,
                    format_seconds(self.mean),
                    format_seconds(self.p99)
                ),
            ),
            Axis::Capacity => (
                format!("{}", self.scenario.cache.capacity),
                format!(
                    "Open the run with {} cache entries ({:.0} % of keys): hit ratio {:.1} %{cut}",
                    self.scenario.cache.capacity,
                    self.x,
                    self.hit_ratio * 100.0
                ),
            ),
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
    axis: Axis,
    runs: Vec<Scenario>,
    next: usize,
    sim: Option<Sim>,
}

impl Runner {
    pub(super) fn new(axis: Axis, runs: Vec<Scenario>) -> Runner {
        Runner { axis, runs, next: 0, sim: None }
    }

    /// Processes at most `budget` events of the current run.
    pub(super) fn work(&mut self, budget: u64) -> Progress {
        let Some(scenario) = self.runs.get(self.next) else { return Progress::Finished };
        let sim = self.sim.get_or_insert_with(|| Sim::new(scenario));
        sim.run_to_end(budget);
        if !sim.is_done() && sim.events() < MAX_EVENTS {
            return Progress::Working;
        }
        let point = Point::new(self.axis, scenario, &sim.report(), sim.is_done());
        self.sim = None;
        self.next += 1;
        Progress::Point(Box::new(point))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario(text: &str) -> Scenario {
        Scenario::parse(text).scenario
    }

    #[test]
    fn a_queue_sweeps_rate_from_10_to_98_percent_of_capacity() {
        let s = scenario("kind=queue servers=2 service_time=0.5 requests=0 duration=100");
        let runs = plan(Axis::Rate, &s);
        assert_eq!(runs.len(), POINTS);
        assert!((Axis::Rate.x(&runs[0]) - 10.0).abs() < 0.1);
        assert!((Axis::Rate.x(&runs[POINTS - 1]) - 98.0).abs() < 0.1);
        assert!(runs.iter().all(|r| r.run.requests == MAX_REQUESTS));
        assert!(runs.iter().all(|r| same_sweep(Axis::Rate, &bounded(&s), r)));
    }

    #[test]
    fn a_cache_sweeps_capacity_from_1_to_100_percent_of_keys() {
        let s = scenario("kind=cache keys=1000 capacity=50 requests=5000");
        let runs = plan(Axis::Capacity, &s);
        assert_eq!(runs.first().map(|r| r.cache.capacity), Some(10));
        assert_eq!(runs.last().map(|r| r.cache.capacity), Some(1000));
        assert!(runs.iter().all(|r| r.run.requests == 5000));
        assert!(!same_sweep(
            Axis::Capacity,
            &bounded(&s),
            &scenario("kind=cache keys=1000 capacity=50 requests=5000 seed=2")
        ));
    }

    #[test]
    fn the_runner_finishes_every_run_in_bounded_slices() {
        let s = scenario("kind=queue requests=300 seed=4");
        let mut runner = Runner::new(Axis::Rate, plan(Axis::Rate, &s));
        let mut points = Vec::new();
        for _ in 0..100_000 {
            match runner.work(100) {
                Progress::Working => {}
                Progress::Point(p) => points.push(*p),
                Progress::Finished => break,
            }
        }
        assert_eq!(points.len(), POINTS);
        assert!(points.iter().all(|p| p.finished));
        assert!(points.last().map(|p| p.mean) > points.first().map(|p| p.mean));
        assert!(points.iter().all(|p| p.theory.is_some()), "M/M/1 has a formula");
    }
}
