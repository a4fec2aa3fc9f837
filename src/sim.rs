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
pub mod dist;
mod float;
pub mod histogram;
pub mod kernel;
pub mod limiter;
pub mod metrics;
pub mod models;
pub mod report;
pub mod request;
pub mod retry;
pub mod ring;
pub mod rng;
pub mod series;
pub mod snapshot;
pub mod station;
pub mod theory;
pub mod zipf;

use serde::Serialize;

pub use kernel::queue as event;
pub use models::requests::Sim;
pub use models::{estimate, hashing};
pub use estimate::Estimate;
pub use float::clamp;
pub use hashing::HashingReport;
pub use report::{Report, ServerReport};
pub use snapshot::Snapshot;

use crate::scenario::{Kind, Scenario};

/// The result of running a scenario to its end.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[allow(clippy::large_enum_variant, reason = "made once per run; boxing would buy nothing")]
#[serde(untagged)]
pub enum Outcome {
    Timed(Report),
    Hashing(HashingReport),
    Estimate(Estimate),
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

/// Runs `scenario` to its end (at most `max_events` events) and returns its figures.
pub fn run(scenario: &Scenario, max_events: u64) -> Result<Outcome, RunError> {
    match scenario.kind {
        Kind::Estimate => return Ok(Outcome::Estimate(estimate::estimate(&scenario.estimate))),
        Kind::Hashing => return Ok(Outcome::Hashing(hashing::hashing(scenario))),
        _ => {}
    }
    if scenario.run.requests == 0 && scenario.run.duration == 0.0 {
        return Err(RunError::Endless);
    }
    let mut sim = Sim::new(scenario);
    sim.run_to_end(max_events);
    if !sim.is_done() {
        return Err(RunError::TooManyEvents(sim.events()));
    }
    Ok(Outcome::Timed(sim.report()))
}
