//! The simulation engine: a pure, seeded discrete-event core.
//!
//! - [`Sim`] (`engine`) runs a scenario: the caller advances it with a bounded budget
//!   ([`Sim::step`], [`Sim::run_until`]), draws it ([`Sim::snapshot`]), reads its metrics
//!   ([`Sim::report`], [`Sim::series`]) and breaks things while it runs ([`Sim::kill_server`],
//!   [`Sim::spike`], [`Sim::flush`]).
//! - [`run`] does a whole scenario at once, for the command line and tests; `hashing` and
//!   `estimate` are computed directly, not simulated.
//! - The component models (`cache`, `limiter`, `retry`, `breaker`, `ring`, `autoscale`) are
//!   plain state machines that take the simulated time as an argument; the engine wires them
//!   into a run.
//!
//! Nothing here reads a clock or the platform's maths library: transcendental functions come
//! from `libm`, and random numbers from seeded PCG streams, so a run is bit-identical natively
//! and in wasm.

pub mod arrivals;
pub mod autoscale;
pub mod balancer;
pub mod bins;
pub mod breaker;
pub mod cache;
pub mod chart;
pub mod dist;
mod float;
pub mod histogram;
pub mod kernel;
pub mod kinds;
pub mod limiter;
pub mod limits;
pub mod metrics;
pub mod models;
pub mod report;
pub mod request;
pub mod retry;
pub mod ring;

pub use kernel::rng;
pub mod series;
pub mod simulation;
pub mod snapshot;
pub mod source;
pub mod station;
pub mod theory;
pub mod zipf;

use serde::Serialize;

pub use estimate::Estimate;
pub use float::clamp;
pub use hashing::HashingReport;
pub use models::{estimate, hashing};
pub use report::{ClassReport, Report, ServerReport};
pub use simulation::{Action, Observe, Sim};
pub use snapshot::Snapshot;

use crate::scenario::Scenario;

/// The result of running a scenario to its end.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[allow(clippy::large_enum_variant, reason = "made once per run; boxing would buy nothing")]
#[serde(untagged)]
pub enum Outcome {
    Timed(Report),
    Hashing(HashingReport),
    Estimate(Estimate),
    Team(models::team::TeamReport),
}

/// Why a run could not finish.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RunError {
    /// `requests = 0` and `duration = 0`: arrivals never stop.
    Endless,
    /// The event budget ran out first.
    TooManyEvents(u64),
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RunError::Endless => f.write_str("the run never ends: set `requests` or `duration` above 0"),
            RunError::TooManyEvents(n) => write!(f, "stopped after {n} events without finishing"),
        }
    }
}

impl Outcome {
    /// A figure by the name the command line's JSON gives it, as a number.
    pub fn metric(&self, name: &str) -> Option<f64> {
        match self {
            Outcome::Timed(report) => report.metric(name),
            computed => serde_json::to_value(computed).ok()?.get(name)?.as_f64(),
        }
    }
}

/// Runs `scenario` to its end (at most `max_events` events) and returns its figures.
pub fn run(scenario: &Scenario, max_events: u64) -> Result<Outcome, RunError> {
    if let kinds::Family::Computed(compute) = scenario.kind.descriptor().model {
        return Ok(compute(scenario));
    }
    if scenario.run.requests == 0 && scenario.run.duration == 0.0 {
        return Err(RunError::Endless);
    }
    if let kinds::Family::Requests(stages) = &scenario.kind.descriptor().model
        && let Some(run) = models::requests::plain::run(scenario, stages, max_events)
    {
        return match run.done {
            true => Ok(Outcome::Timed(run.report)),
            false => Err(RunError::TooManyEvents(run.report.events)),
        };
    }
    // Only the report is read: the series and the recent attempts are not kept.
    let mut sim = Sim::observing(scenario, Observe::Report);
    sim.run_to_end(max_events);
    if !sim.is_done() {
        return Err(RunError::TooManyEvents(sim.events()));
    }
    Ok(Outcome::Timed(sim.report()))
}
