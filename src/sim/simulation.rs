//! A run as the views and the command line hold it: [`Sim`], one handle for every timed model.
//!
//! A model family implements [`kernel::Model`](super::kernel::Model) (how it runs, compiled
//! for its own event type) and [`Observed`] (what a view reads from it). `Engine<M>` of such a
//! model is a [`Simulation`], an object-safe trait, and `Sim` boxes one: the hot loop stays
//! monomorphized inside `step` and `run_until`, while the pages hold one type for every kind.

use std::fmt;

use super::histogram::Histogram;
use super::kernel::{Engine, Kernel, Model};
use super::report::Report;
use super::series::Series;
use super::snapshot::Snapshot;
use crate::scenario::Scenario;

/// Something a learner does to a running simulation, at its current time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Action {
    /// Server `i` dies (see `servers` in docs/scenarios.md for what a server is per kind).
    KillServer(usize),
    /// Server `i` recovers.
    ReviveServer(usize),
    /// The arrival rate is multiplied by `factor` for the next `seconds`.
    Spike { factor: f64, seconds: f64 },
    /// The cache empties, as after a restart.
    FlushCache,
}

/// What a run keeps beside the figures of its report. The report is the same either way (to
/// the bit, trace hash included); only what views draw differs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Observe {
    /// Everything a view draws: the chart series with their per-bucket latency bins, and the
    /// attempts that ended recently (the drawing's dots).
    #[default]
    Everything,
    /// Only what the report needs: for a caller that reads the report and nothing else (the
    /// command line's `run`), which then does less work per event.
    Report,
}

/// What the views and the command line read from a model, beside running it.
pub trait Observed: Model {
    /// The figures so far, at simulated time `now`; the kernel's own figures (events, time,
    /// trace hash) are filled in by the caller.
    fn report(&self, now: f64) -> Report;
    /// What a view draws at simulated time `now`.
    fn snapshot(&self, now: f64) -> Snapshot;
    /// The chart series so far.
    fn series(&self) -> &Series;
    /// The latency histogram of the completed requests so far.
    fn latency(&self) -> &Histogram;
    /// Does `action` now; false when the model has nothing it applies to.
    fn act(&mut self, kernel: &mut Kernel<Self::Event>, action: Action) -> bool;
    /// One line of state for tests and logs.
    fn describe(&self, now: f64, f: &mut fmt::Formatter<'_>) -> fmt::Result;
    /// Keeps only what `observe` asks for from now on; called before the first event. A model
    /// that keeps nothing beyond its report needs nothing here.
    fn set_observe(&mut self, observe: Observe) {
        let _ = observe;
    }
}

/// A running simulation of any model: what [`Sim`] holds. Object safe.
pub trait Simulation: Send + Sync {
    fn step(&mut self, max_events: u64) -> u64;
    fn run_until(&mut self, t: f64, max_events: u64) -> u64;
    fn now(&self) -> f64;
    fn events(&self) -> u64;
    fn pending(&self) -> usize;
    fn trace_hash(&self) -> u64;
    fn is_done(&self) -> bool;
    fn report(&self) -> Report;
    fn snapshot(&self) -> Snapshot;
    fn series(&self) -> &Series;
    fn latency(&self) -> &Histogram;
    fn act(&mut self, action: Action) -> bool;
    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
    fn clone_box(&self) -> Box<dyn Simulation>;
    /// See [`Observed::set_observe`].
    fn set_observe(&mut self, observe: Observe) {
        let _ = observe;
    }
}

impl<M: Observed + Send + Sync + 'static> Simulation for Engine<M>
where
    M::Event: Send + Sync,
{
    fn step(&mut self, max_events: u64) -> u64 {
        Engine::step(self, max_events)
    }

    fn run_until(&mut self, t: f64, max_events: u64) -> u64 {
        Engine::run_until(self, t, max_events)
    }

    fn now(&self) -> f64 {
        self.kernel().now()
    }

    fn events(&self) -> u64 {
        self.kernel().processed()
    }

    fn pending(&self) -> usize {
        self.kernel().pending()
    }

    fn trace_hash(&self) -> u64 {
        self.kernel().trace_hash()
    }

    fn is_done(&self) -> bool {
        self.kernel().is_done()
    }

    fn report(&self) -> Report {
        let kernel = self.kernel();
        let mut report = self.model().report(kernel.now());
        report.events = kernel.processed();
        report.sim_time = kernel.now();
        report.trace_hash = format!("{:016x}", kernel.trace_hash());
        report
    }

    fn snapshot(&self) -> Snapshot {
        let mut snapshot = self.model().snapshot(self.kernel().now());
        snapshot.report = Simulation::report(self);
        snapshot
    }

    fn series(&self) -> &Series {
        self.model().series()
    }

    fn latency(&self) -> &Histogram {
        self.model().latency()
    }

    fn act(&mut self, action: Action) -> bool {
        let (model, kernel) = self.parts();
        model.act(kernel, action)
    }

    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "t={:.3} events={} ", self.kernel().now(), self.kernel().processed())?;
        self.model().describe(self.kernel().now(), f)
    }

    fn clone_box(&self) -> Box<dyn Simulation> {
        Box::new(self.clone())
    }

    fn set_observe(&mut self, observe: Observe) {
        self.parts().0.set_observe(observe);
    }
}

/// A running simulation of one scenario: the caller advances it with a bounded budget
/// ([`Sim::step`], [`Sim::run_until`]), draws it ([`Sim::snapshot`]), reads its figures
/// ([`Sim::report`], [`Sim::series`]) and breaks things while it runs ([`Sim::act`]).
/// Cloning it is a checkpoint.
pub struct Sim {
    scenario: Scenario,
    run: Box<dyn Simulation>,
}

impl Clone for Sim {
    fn clone(&self) -> Sim {
        Sim { scenario: self.scenario.clone(), run: self.run.clone_box() }
    }
}

impl fmt::Debug for Sim {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Sim({self})")
    }
}

impl fmt::Display for Sim {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.run.describe(f)
    }
}

impl Sim {
    /// A run of `scenario`, at time 0 with its first events scheduled.
    pub fn new(scenario: &Scenario) -> Sim {
        Sim { scenario: scenario.clone(), run: super::models::build(scenario) }
    }

    /// A run of `scenario` that keeps only what `observe` asks for: with [`Observe::Report`],
    /// the same report as [`Sim::new`]'s run, but no series or recent attempts to draw.
    pub fn observing(scenario: &Scenario, observe: Observe) -> Sim {
        let mut sim = Sim::new(scenario);
        sim.run.set_observe(observe);
        sim
    }

    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// Simulated seconds so far.
    pub fn now(&self) -> f64 {
        self.run.now()
    }

    /// Events processed so far.
    pub fn events(&self) -> u64 {
        self.run.events()
    }

    /// Events scheduled and not yet processed.
    pub fn pending(&self) -> usize {
        self.run.pending()
    }

    /// A hash of every event processed so far (time, kind, and what it concerned): two runs
    /// with the same hash took the same path.
    pub fn trace_hash(&self) -> u64 {
        self.run.trace_hash()
    }

    /// Whether nothing is left to happen.
    pub fn is_done(&self) -> bool {
        self.run.is_done()
    }

    /// Processes at most `max_events` events; returns how many were processed.
    pub fn step(&mut self, max_events: u64) -> u64 {
        self.run.step(max_events)
    }

    /// Processes the events up to time `t`, at most `max_events` of them. If all were
    /// processed, simulated time moves on to `t`; otherwise it stays at the last event, and a
    /// later call continues. Returns how many were processed.
    pub fn run_until(&mut self, t: f64, max_events: u64) -> u64 {
        self.run.run_until(t, max_events)
    }

    /// Runs until nothing is left to happen or `max_events` have been processed.
    pub fn run_to_end(&mut self, max_events: u64) -> u64 {
        self.run.step(max_events)
    }

    /// The metrics so far (cheap enough to call every frame).
    pub fn report(&self) -> Report {
        self.run.report()
    }

    /// What a view needs to draw the run now.
    pub fn snapshot(&self) -> Snapshot {
        self.run.snapshot()
    }

    /// The chart series so far.
    pub fn series(&self) -> &Series {
        self.run.series()
    }

    /// The latency histogram of the completed requests so far.
    pub fn latency(&self) -> &Histogram {
        self.run.latency()
    }

    /// Does `action` now; false when this kind has nothing it applies to.
    pub fn act(&mut self, action: Action) -> bool {
        self.run.act(action)
    }

    /// Server `i` dies now. Returns whether there is such a server.
    pub fn kill_server(&mut self, i: usize) -> bool {
        self.act(Action::KillServer(i))
    }

    /// Server `i` recovers now.
    pub fn revive_server(&mut self, i: usize) -> bool {
        self.act(Action::ReviveServer(i))
    }

    /// Multiplies the arrival rate by `factor` for the next `seconds`.
    pub fn spike(&mut self, factor: f64, seconds: f64) {
        self.act(Action::Spike { factor, seconds });
    }

    /// Empties the cache now, as a restart would.
    pub fn flush(&mut self) {
        self.act(Action::FlushCache);
    }
}
