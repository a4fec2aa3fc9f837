//! The model families that plug into the kernel, and the computed kinds.
//!
//! - `requests`: the request path (queue, balancer, cache, limiter, retries, breaker,
//!   autoscale, pipeline);
//! - `replication`: a primary and replicas applying its log;
//! - `hashing`, `estimate`: computed directly, not simulated.

pub mod estimate;
pub mod hashing;
pub mod replication;
pub mod requests;

use super::kernel::Engine;
use super::simulation::Simulation;
use crate::scenario::Scenario;

/// The run of `scenario`'s model, at time 0 with its first events scheduled.
pub fn build(scenario: &Scenario) -> Box<dyn Simulation> {
    match scenario.kind {
        crate::scenario::Kind::Replication => Box::new(Engine::new(replication::Replication::new(scenario))),
        _ => Box::new(Engine::new(requests::RequestPath::new(scenario))),
    }
}
