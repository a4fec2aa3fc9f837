//! The pure half of a sweep: which runs to make ([`plan`]), and a [`Runner`] that does them a
//! bounded number of events at a time, turning each finished run into a [`Point`]. What is
//! swept, and what is plotted, is a [`Sweeper`]: the kind's own sweep from its descriptor
//! (`sim::kinds::Sweep`), or any numeric key over a range ([`KeySweep`], planned by
//! `scenario::explore`), plotting one of the kind's figures with theory's prediction of it.

use crate::{
    scenario::{Scenario, explore},
    sim::{
        Report, Sim,
        kinds::{Readout, Sweep},
        theory,
    },
};

/// A sweep of one numeric key from `from` to `to`, plotting `figure`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct KeySweep {
    pub(crate) key: &'static str,
    pub(crate) from: f64,
    pub(crate) to: f64,
    pub(crate) integer: bool,
    pub(crate) figure: Readout,
}

impl KeySweep {
    /// The values run, and whether they are log-spaced (then the x axis is too).
    pub(crate) fn values(&self) -> (Vec<f64>, bool) {
        explore::sweep_values(self.from, self.to, self.integer)
    }

    /// Where `value` sits on the x axis (its log for a log-spaced sweep).
    pub(crate) fn x_of(&self, value: f64) -> f64 {
        if self.values().1 { value.max(f64::MIN_POSITIVE).ln() } else { value }
    }
}

/// What a sweep varies and plots.
#[derive(Clone, Copy)]
pub(crate) enum Sweeper {
    /// The kind's own sweep (a queue's load, a cache's size).
    Named(&'static Sweep),
    Key(KeySweep),
}

impl PartialEq for KeySweep {
    fn eq(&self, other: &KeySweep) -> bool {
        (self.key, self.from, self.to, self.integer, self.figure.metric)
            == (other.key, other.from, other.to, other.integer, other.figure.metric)
    }
}

impl PartialEq for Sweeper {
    fn eq(&self, other: &Sweeper) -> bool {
        match (self, other) {
            (Sweeper::Named(a), Sweeper::Named(b)) => std::ptr::eq(*a, *b),
            (Sweeper::Key(a), Sweeper::Key(b)) => a == b,
            _ => false,
        }
    }
}

impl Sweeper {
    pub(crate) fn key(&self) -> &'static str {
        match self {
            Sweeper::Named(sweep) => sweep.key,
            Sweeper::Key(k) => k.key,
        }
    }

    /// The values to run, as scenario text.
    fn values(&self, base: &Scenario) -> Vec<String> {
        match self {
            Sweeper::Named(sweep) => (sweep.values)(base),
            Sweeper::Key(k) => k.values().0.iter().map(|v| format!("{v}")).collect(),
        }
    }
}

/// Arrivals per run, at most (a longer scenario is cut to this; its runs open as swept).
pub(super) const MAX_REQUESTS: u64 = 20_000;
/// Events one run may take before it is cut short (its figures are then those so far).
const MAX_EVENTS: u64 = 5_000_000;

/// The scenario a sweep starts from: the widget's, with runs capped at [`MAX_REQUESTS`] arrivals
/// (requests, writes or changes: whichever key of the kind counts them).
pub(super) fn bounded(s: &Scenario) -> Scenario {
    let mut s = s.clone();
    if s.run.requests == 0 || s.run.requests > MAX_REQUESTS {
        s.run.requests = MAX_REQUESTS;
    }
    s
}

/// The runs of a sweep of `scenario`, in order along the axis.
pub(super) fn plan(sweep: &Sweeper, scenario: &Scenario) -> Vec<Scenario> {
    let base = bounded(scenario);
    sweep
        .values(&base)
        .iter()
        .map(|value| {
            let mut run = base.clone();
            run.set(sweep.key(), value);
            run
        })
        .collect()
}

/// Whether `current` differs from the swept scenario `base` only in the swept key.
pub(super) fn same_sweep(sweep: &Sweeper, base: &Scenario, current: &Scenario) -> bool {
    let mut current = bounded(current);
    if let Some(value) = base.get(sweep.key()) {
        current.set(sweep.key(), &value);
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
    pub(super) fn new(sweep: &Sweeper, scenario: &Scenario, report: &Report, finished: bool) -> Point {
        // A prediction's work is bounded (a cache's sums over bands of keys), so every run gets one.
        let prediction = theory::predict(scenario);
        match sweep {
            Sweeper::Named(sweep) => {
                let theory = sweep.theory.and_then(|(_, figure)| prediction.as_ref().and_then(figure));
                Point {
                    x: (sweep.x)(scenario),
                    values: sweep
                        .lines
                        .iter()
                        .map(|line| report.metric(line.metric).unwrap_or(0.0))
                        .collect(),
                    theory: theory.filter(|v| v.is_finite()),
                    finished,
                    labels: (sweep.label)(scenario, report, finished),
                    scenario: scenario.clone(),
                }
            }
            Sweeper::Key(k) => {
                let value = explore::number_of(scenario, k.key).unwrap_or(k.from);
                let figure = report.metric(k.figure.metric).unwrap_or(0.0);
                let units = scenario.kind.descriptor().units;
                let shown = k.figure.format.show(figure, &units);
                let cut = if finished { "" } else { " (cut short)" };
                let text = format!("{}", explore::round_sig(value, 3));
                Point {
                    x: k.x_of(value),
                    values: vec![figure],
                    theory: prediction.and_then(|p| p.figure(k.figure.metric)).filter(|v| v.is_finite()),
                    finished,
                    labels: (
                        text.clone(),
                        format!("Open the run at {} = {text}: {} {shown}{cut}", k.key, k.figure.label),
                    ),
                    scenario: scenario.clone(),
                }
            }
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
    sweep: Sweeper,
    runs: Vec<Scenario>,
    next: usize,
    sim: Option<Sim>,
}

impl Runner {
    pub(super) fn new(sweep: Sweeper, runs: Vec<Scenario>) -> Runner {
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
        let point = Point::new(&self.sweep, scenario, &sim.report(), sim.is_done());
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

    fn sweep(kind: Kind) -> Sweeper {
        Sweeper::Named(kind.descriptor().sweep.expect("a sweep"))
    }

    fn key_sweep(kind: Kind, key: &'static str, from: f64, to: f64, figure: &str) -> Sweeper {
        let d = kind.descriptor();
        Sweeper::Key(KeySweep {
            key,
            from,
            to,
            integer: d.key(key).expect("a key").integer(),
            figure: *d.readouts.iter().find(|r| r.metric == figure).expect("a figure"),
        })
    }

    #[test]
    fn a_queue_sweeps_rate_from_10_to_98_percent_of_capacity() {
        let s = scenario("kind=queue servers=2 service_time=0.5 requests=0 duration=100");
        let load = sweep(Kind::Queue);
        let runs = plan(&load, &s);
        assert_eq!(runs.len(), 12);
        let Sweeper::Named(named) = load else { panic!() };
        assert!(((named.x)(&runs[0]) - 10.0).abs() < 0.1);
        assert!(((named.x)(&runs[11]) - 98.0).abs() < 0.1);
        assert!(runs.iter().all(|r| r.run.requests == MAX_REQUESTS));
        assert!(runs.iter().all(|r| same_sweep(&load, &bounded(&s), r)));
    }

    #[test]
    fn a_cache_sweeps_capacity_from_1_to_100_percent_of_keys() {
        let s = scenario("kind=cache keys=1000 capacity=50 requests=5000");
        let size = sweep(Kind::Cache);
        let runs = plan(&size, &s);
        assert_eq!(runs.first().map(|r| r.cache.capacity), Some(10));
        assert_eq!(runs.last().map(|r| r.cache.capacity), Some(1000));
        assert!(runs.iter().all(|r| r.run.requests == 5000));
        assert!(!same_sweep(
            &size,
            &bounded(&s),
            &scenario("kind=cache keys=1000 capacity=50 requests=5000 seed=2")
        ));
    }

    #[test]
    fn the_runner_finishes_every_run_in_bounded_slices() {
        let s = scenario("kind=queue requests=300 seed=4");
        let load = sweep(Kind::Queue);
        let mut runner = Runner::new(load, plan(&load, &s));
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

    #[test]
    fn any_numeric_key_sweeps_with_theory_where_the_kind_has_it() {
        // Servers of a queue: whole numbers, p99 measured and predicted (M/M/c).
        let s = scenario("kind=queue rate=3 service_time=1 servers=4 requests=400 seed=3");
        let servers = key_sweep(Kind::Queue, "servers", 4.0, 10.0, "mean_latency");
        let runs = plan(&servers, &s);
        assert_eq!(runs.iter().map(|r| r.servers.count).collect::<Vec<_>>(), [4, 5, 6, 7, 8, 9, 10]);
        assert!(runs.iter().all(|r| r.arrivals.rate == 3.0 && same_sweep(&servers, &bounded(&s), r)));
        let mut runner = Runner::new(servers, runs);
        let mut points = Vec::new();
        while points.len() < 7 {
            match runner.work(10_000) {
                Progress::Point(p) => points.push(*p),
                Progress::Working => {}
                Progress::Finished => break,
            }
        }
        assert_eq!(points.len(), 7);
        assert_eq!(points[0].x, 4.0);
        assert!(points.iter().all(|p| p.theory.is_some()), "M/M/c predicts the mean latency");
        assert!(points[0].values[0] > points[6].values[0], "more servers, less waiting");
        assert_eq!(points[2].labels.0, "6");
        assert!(points[2].labels.1.contains("servers = 6"));
        // A wide range is log-spaced, and so is its axis.
        let rate = key_sweep(Kind::Queue, "rate", 0.1, 3.5, "p99");
        let Sweeper::Key(k) = rate else { panic!() };
        assert!(k.values().1);
        assert!((k.x_of(1.0)).abs() < 1e-12);
        // A kind with no theory for the figure draws none.
        let b = scenario("kind=breaker requests=200");
        let failures = key_sweep(Kind::Breaker, "breaker_failures", 1.0, 20.0, "completed");
        let mut runner = Runner::new(failures, plan(&failures, &b));
        let point = loop {
            if let Progress::Point(p) = runner.work(100_000) {
                break *p;
            }
        };
        assert_eq!(point.theory, None);
    }

    #[test]
    fn a_delivery_sweep_is_capped_in_changes_and_finishes() {
        // Regression: the cap was set through the key `requests`, which delivery does not read
        // (it counts `changes`), so an endless delivery run was swept to the event limit.
        let s = scenario("kind=delivery changes=0 duration=0 seed=3");
        assert_eq!(bounded(&s).run.requests, MAX_REQUESTS);
        assert!(bounded(&s).to_string().contains(&format!("changes = {MAX_REQUESTS}")));
        let batch = key_sweep(Kind::Delivery, "batch", 1.0, 20.0, "change_failure_rate");
        let runs = plan(&batch, &scenario("kind=delivery changes=0 duration=0 seed=3 defect_prob=0.05"));
        let mut runner = Runner::new(batch, runs);
        let mut points = Vec::new();
        loop {
            match runner.work(1_000_000) {
                Progress::Point(p) => points.push(*p),
                Progress::Working => {}
                Progress::Finished => break,
            }
        }
        assert!(points.len() >= 10);
        assert!(points.iter().all(|p| p.finished), "every run reached its end");
        let (first, last) = (points[0].values[0], points[points.len() - 1].values[0]);
        assert!(last > first, "bigger batches fail more often: {first} then {last}");
    }
}
