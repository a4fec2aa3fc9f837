//! The model families that plug into the kernel, and the computed kinds.
//!
//! - `requests`: the request path (queue, balancer, cache, limiter, retries, breaker,
//!   autoscale, pipeline);
//! - `replication`: a primary and replicas applying its log;
//! - `calls`: a request through a tree of services (sync and async edges, retries, a deadline);
//! - `hashing`, `estimate`: computed directly, not simulated (`idle` stands in for their run).

pub mod calls;
pub mod delivery;
pub mod estimate;
pub mod hashing;
pub mod replication;
pub mod requests;
pub mod team;

pub mod idle;

pub mod contention;

use super::kernel::Engine;
use super::kinds::Family;
use super::simulation::Simulation;
use crate::scenario::Scenario;

/// The run of `scenario`'s model (its kind's descriptor says which), at time 0 with its first
/// events scheduled. A computed kind gets a run where nothing happens.
pub fn build(scenario: &Scenario) -> Box<dyn Simulation> {
    match scenario.kind.descriptor().model {
        Family::Requests(stages) => requests::build(scenario, &stages),
        Family::Timed(build) => build(scenario),
        Family::Computed(_) => Box::new(Engine::new(idle::Idle::new(scenario))),
    }
}
