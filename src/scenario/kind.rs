//! What a scenario simulates (`kind = ...`): the list of kinds, each with its descriptor.

use std::fmt;

use super::keys::KeySpec;
use crate::sim::kinds::Descriptor;

/// The widget kinds. Each runs one of the models in `crate::sim::models` (`Hashing` and
/// `Estimate` are computed directly); its descriptor says everything else about it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    #[default]
    Queue,
    Balancer,
    Cache,
    Limiter,
    Retries,
    Breaker,
    Hashing,
    Replication,
    Autoscale,
    Pipeline,
    Estimate,
    Contention,
    Delivery,
    Calls,
}

impl Kind {
    /// The kind a page starts from when it is given none (the embed builder): the simplest.
    pub const FIRST: Kind = Kind::Queue;

    pub const ALL: [Kind; 14] = [
        Kind::Queue,
        Kind::Balancer,
        Kind::Cache,
        Kind::Limiter,
        Kind::Retries,
        Kind::Breaker,
        Kind::Hashing,
        Kind::Replication,
        Kind::Autoscale,
        Kind::Pipeline,
        Kind::Estimate,
        Kind::Contention,
        Kind::Delivery,
        Kind::Calls,
    ];

    /// What this kind is: its keys, controls, charts, readouts, theory and model. Each kind has
    /// one descriptor, in `crate::sim::kinds`; this is the only place that maps one to the other.
    pub fn descriptor(self) -> &'static Descriptor {
        use crate::sim::kinds::*;
        match self {
            Kind::Queue => &queue::QUEUE,
            Kind::Balancer => &balancer::BALANCER,
            Kind::Cache => &cache::CACHE,
            Kind::Limiter => &limiter::LIMITER,
            Kind::Retries => &retries::RETRIES,
            Kind::Breaker => &breaker::BREAKER,
            Kind::Hashing => &hashing::HASHING,
            Kind::Replication => &replication::REPLICATION,
            Kind::Autoscale => &autoscale::AUTOSCALE,
            Kind::Pipeline => &pipeline::PIPELINE,
            Kind::Estimate => &estimate::ESTIMATE,
            Kind::Contention => &contention::CONTENTION,
            Kind::Delivery => &delivery::DELIVERY,
            Kind::Calls => &calls::CALLS,
        }
    }

    pub fn name(self) -> &'static str {
        self.descriptor().name
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.name() == name)
    }

    /// Whether this kind is an event simulation (as opposed to a direct computation).
    pub fn is_timed(self) -> bool {
        self.descriptor().is_timed()
    }

    /// Whether this kind reads the key `spec` (the very entry: `policy` has two).
    pub fn uses(self, spec: &KeySpec) -> bool {
        self.descriptor().uses(spec)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
