//! The metrics of a run so far, summarized as numbers a reader (or `headroom run`) wants:
//! counts, rates, latency percentiles, time-averages, and a line per server.

use serde::Serialize;

use crate::scenario::Kind;

/// One server's share of the run.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ServerReport {
    pub completed: u64,
    pub dropped: u64,
    /// Fraction of its available worker time spent busy.
    pub utilization: f64,
    /// Time-average number waiting.
    pub mean_queue: f64,
}

/// The final (or so-far) figures of a timed run. Times in seconds. Field meanings:
/// docs/scenarios.md, "What a run reports".
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    pub kind: Option<Kind>,
    pub seed: u64,
    pub arrivals: u64,
    pub completed: u64,
    pub dropped: u64,
    pub timed_out: u64,
    pub failed: u64,
    pub retries: u64,
    pub mean_attempts: f64,
    pub dead_lettered: u64,
    pub wasted_work: f64,
    pub throughput: f64,
    pub mean_wait: f64,
    pub mean_latency: f64,
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
    pub p999: f64,
    pub max_latency: f64,
    pub mean_in_system: f64,
    pub mean_queue: f64,
    pub utilization: f64,
    /// Little's law terms over every request that left (answered or not): arrival rate and
    /// mean time in the system; `mean_in_system` ≈ `arrival_rate × mean_sojourn`.
    pub arrival_rate: f64,
    pub mean_sojourn: f64,
    pub hits: u64,
    pub misses: u64,
    pub hit_ratio: f64,
    pub stale_reads: u64,
    pub db_reads: u64,
    pub db_writes: u64,
    pub events: u64,
    pub sim_time: f64,
    /// The run's trace hash in hex: equal for runs that took the same path.
    pub trace_hash: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limited: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub breaker_opened: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub breaker_state: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reads: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub writes: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stale_ratio: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refused: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mean_servers: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_servers_used: Option<u64>,
    pub servers: Vec<ServerReport>,
}

/// `a / b`, or 0 when `b` is 0.
pub fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 { a / b } else { 0.0 }
}
