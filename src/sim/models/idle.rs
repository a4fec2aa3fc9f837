//! A model where nothing happens: what `Sim::new` makes of a computed kind, so that every
//! scenario has a run (at time 0, done, with empty figures).

use std::fmt;

use crate::scenario::Scenario;
use crate::sim::histogram::Histogram;
use crate::sim::kernel::{Kernel, Model};
use crate::sim::metrics::Metrics;
use crate::sim::report::Report;
use crate::sim::series::Series;
use crate::sim::simulation::{Action, Observed};
use crate::sim::snapshot::Snapshot;

#[derive(Clone, Debug)]
pub struct Idle {
    scenario: Scenario,
    metrics: Metrics,
}

/// No event ever happens.
#[derive(Clone, Copy, Debug)]
pub enum Never {}

impl Idle {
    pub fn new(s: &Scenario) -> Idle {
        Idle { scenario: s.clone(), metrics: Metrics::new(s.run.warmup, s.run.bucket) }
    }
}

impl Model for Idle {
    type Event = Never;

    fn start(&mut self, _: &mut Kernel<Never>) {}

    fn advance(&mut self, _: f64, _: f64) {}

    fn handle(&mut self, _: &mut Kernel<Never>, event: Never) {
        match event {}
    }

    fn tag(event: &Never) -> u64 {
        match *event {}
    }
}

impl Observed for Idle {
    fn report(&self, _: f64) -> Report {
        self.metrics.report(&self.scenario)
    }

    fn snapshot(&self, now: f64) -> Snapshot {
        Snapshot::empty(now)
    }

    fn series(&self) -> &Series {
        &self.metrics.series
    }

    fn latency(&self) -> &Histogram {
        &self.metrics.latency
    }

    fn act(&mut self, _: &mut Kernel<Never>, _: Action) -> bool {
        false
    }

    fn describe(&self, _: f64, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("nothing happens")
    }
}
