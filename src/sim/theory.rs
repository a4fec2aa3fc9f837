//! Closed-form predictions for the scenarios that theory covers, each with plain notes on
//! where the scenario departs from the model's assumptions. The widgets overlay these on live
//! runs, and tests/sim_theory.rs compares long runs against these same functions.
//!
//! - `queues`: M/M/c/K by its stationary distribution (M/M/1, M/M/c with Erlang C, loss and
//!   finite-queue systems), Pollaczek-Khinchine for general service with one server, and the
//!   Allen-Cunneen approximation with several; random balancing as independent M/M/1 queues and
//!   power of two choices by the supermarket model's limit;
//! - `caches`: the Che approximation for LRU, its counterpart for FIFO and random eviction, the
//!   top-C sum for LFU, and TTL caches without eviction;
//! - here: retries, rate limits, consistent hashing, replication staleness, autoscaling.
//!
//! The forms the queue kinds dispatch to, each exact for the scenarios it claims:
//! - `gi_m_c`: renewal arrivals (Poisson, evenly spaced, every k-th of a stream) with
//!   exponential service, by the GI/M/c root sigma and Takács's constant;
//! - `percentiles`: waiting-time distributions (M/M/c, GI/M/c, M/D/1 exactly, M/G/1 on a grid)
//!   and their percentiles;
//! - `priority`: non-preemptive priority per class (Cobham);
//! - `patience`: M/M/c whose clients give up after a fixed time (the `timeout` key);
//! - `speeds`: servers of unequal speeds with the engine's pick order, as a Markov chain;
//! - `approx`: the labelled approximations (Allen-Cunneen, the supermarket limit, shared-queue
//!   bounds), and the plain word where nothing fits;
//! - `basis`: which of these a prediction rests on (exact, approximation, none);
//! - `shared` (kind = queue) and `split` (kind = balancer): which form fits a scenario.
//!
//! docs/theory.md lists what each kind's prediction covers and each approximation's error.

mod approx;
mod basis;
pub mod caches;
pub mod calls;
pub mod delivery;
mod gi_m_c;
mod patience;
mod percentiles;
mod priority;
pub mod queues;
mod shared;
mod speeds;
mod split;

mod contention;
pub use contention::contention;

pub use basis::{Basis, NO_CLOSED_FORM};
pub use gi_m_c::{GiMc, Renewal};
pub use priority::ClassPrediction;

use serde::Serialize;

use super::kinds::Footing;
use super::ring::expected_cv;
use crate::scenario::{Arrival, ReadFrom, Scenario};

/// What theory predicts for a scenario. Each figure is `None` where no formula applies.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Prediction {
    /// The model used, e.g. "M/M/1", "M/M/2/7", "M/G/1 (Pollaczek-Khinchine)".
    pub model: String,
    pub utilization: Option<f64>,
    /// Seconds queued, and in the system, per request served.
    pub mean_wait: Option<f64>,
    pub mean_latency: Option<f64>,
    /// Time-averages: requests in the system, and waiting.
    pub mean_in_system: Option<f64>,
    pub mean_queue: Option<f64>,
    /// The chance an arrival has to wait (Erlang C), and is turned away (blocking).
    pub p_wait: Option<f64>,
    pub drop_ratio: Option<f64>,
    /// Latency percentiles, where the distribution is known (M/M/1, FIFO).
    pub p50: Option<f64>,
    pub p95: Option<f64>,
    pub p99: Option<f64>,
    pub hit_ratio: Option<f64>,
    /// Requests per second a rate limiter lets through.
    pub admitted_rate: Option<f64>,
    pub dead_letter_ratio: Option<f64>,
    pub mean_attempts: Option<f64>,
    /// Consistent hashing: share of keys moved when a node joins; spread of node shares.
    pub moved_on_join: Option<f64>,
    pub share_cv: Option<f64>,
    pub stale_ratio: Option<f64>,
    /// Autoscaling: workers needed at the base rate to sit at the target utilization.
    pub servers_needed: Option<f64>,
    /// Clients that give up (`timeout`): the share of arrivals that time out, and the server
    /// seconds per arrival spent on requests whose client had already given up.
    pub timed_out_ratio: Option<f64>,
    pub wasted_per_arrival: Option<f64>,
    /// Priority discipline: each class's figures (high first).
    pub classes: Vec<ClassPrediction>,
    /// Whether the figures are exact for this scenario, an approximation, or left out because
    /// no formula fits.
    pub basis: Basis,
    /// For an approximation, how far it typically is from long runs, in a few words ("within
    /// 10 % at ρ 0.8 and above"), from the table in docs/theory.md.
    pub typical_error: Option<String>,
    /// What the scenario has that the model leaves out, a few words each ("a traffic spike").
    pub differs: Vec<String>,
    /// Where the scenario departs from the model, in plain words.
    pub notes: Vec<String>,
    /// Calls: the chance a request succeeds, attempts at the deepest level per request, and
    /// after an outage of an async consumer the backlog it leaves and the seconds to drain it.
    pub success_ratio: Option<f64>,
    pub amplification: Option<f64>,
    pub max_backlog: Option<f64>,
    pub drain_time: Option<f64>,
    /// Contention: the share of writes whose update is lost, and repeats that take effect per
    /// message sent.
    pub lost_ratio: Option<f64>,
    pub double_ratio: Option<f64>,
    /// A kind's own predicted figures, each by the name of the report figure it predicts
    /// (`change_failure_rate`), for the figures no field above names.
    pub figures: Vec<(&'static str, f64)>,
}

impl Prediction {
    /// The predicted figure for a report figure's name (`p99`, `mean_latency`, `hit_ratio`),
    /// where the prediction has one (a field, else one of the kind's own `figures`): what theory
    /// rows and a sweep of any key draw beside the measured figure.
    pub fn figure(&self, metric: &str) -> Option<f64> {
        match metric {
            "utilization" => self.utilization,
            "mean_wait" => self.mean_wait,
            "mean_latency" => self.mean_latency,
            "mean_in_system" => self.mean_in_system,
            "mean_queue" => self.mean_queue,
            "p50" => self.p50,
            "p95" => self.p95,
            "p99" => self.p99,
            "hit_ratio" => self.hit_ratio,
            "mean_attempts" => self.mean_attempts,
            "stale_ratio" => self.stale_ratio,
            "success_ratio" => self.success_ratio,
            "amplification" => self.amplification,
            "max_backlog" => self.max_backlog,
            "drain_time" => self.drain_time,
            "lost_ratio" => self.lost_ratio,
            _ => self.figures.iter().find(|(n, _)| *n == metric).map(|(_, v)| *v),
        }
    }
}

/// The prediction for `s`, or `None` when no formula covers it. Its kind's descriptor names
/// the formula and how it comes by its basis (breaker, pipeline and estimate, which is exact
/// anyway, have none).
pub fn predict(s: &Scenario) -> Option<Prediction> {
    let theory = s.kind.descriptor().theory?;
    let mut p = (theory.predict)(s)?;
    if let Footing::Always(footing) = theory.footing {
        basis::settle(s, footing, &mut p);
    }
    Some(p)
}

/// The notes on the arrivals every timed kind shares, where the formula assumes Poisson
/// arrivals at a steady rate.
fn arrival_notes(s: &Scenario, notes: &mut Vec<String>) {
    match s.arrivals.pattern {
        Arrival::Poisson => {}
        Arrival::Constant => notes
            .push("Arrivals are evenly spaced, not Poisson: real waits are shorter than predicted.".into()),
        Arrival::Bursty => {
            notes.push("Arrivals come in bursts, not Poisson: real waits are longer than predicted.".into())
        }
    }
    if s.arrivals.spike_at.is_some() {
        notes.push("The traffic spike is not in the formulas, which assume a steady rate.".into());
    }
}

pub fn limiter(s: &Scenario) -> Prediction {
    let l = &s.limiter;
    let mut notes = vec![format!(
        "Over a long run at most {} requests per second pass; below that, bursts larger than \
         the limiter allows are still turned away.",
        l.limit
    )];
    if s.arrivals.rate > l.limit {
        notes.push("Arrivals exceed the limit: the excess is dropped.".into());
    }
    Prediction {
        model: "rate limit".into(),
        admitted_rate: Some(s.arrivals.rate.min(l.limit)),
        typical_error: Some("a bound: runs pass 4 to 5 % fewer near the limit".into()),
        notes,
        ..Prediction::default()
    }
}

pub fn retries(s: &Scenario) -> Prediction {
    let p = s.servers.fail_prob;
    let attempts = s.retries.max_retries as i32 + 1;
    let mean_attempts = if p < 1.0 { (1.0 - p.powi(attempts)) / (1.0 - p) } else { f64::from(attempts) };
    let offered = s.arrivals.rate * mean_attempts * s.service.mean / s.servers.count as f64;
    let mut notes = Vec::new();
    if s.servers.timeout.is_some() || s.servers.queue_cap.is_some() {
        notes.push("Timeouts and full queues also cause retries; the formulas count only errors.".into());
    }
    if s.retries.budget.is_some() {
        notes.push("The retry budget stops some retries: dead letters will be more.".into());
    }
    if offered >= 1.0 {
        notes.push(format!(
            "Retries raise the load to {offered:.2} of capacity: the queue grows without bound."
        ));
    }
    arrival_notes(s, &mut notes);
    let mut p = Prediction {
        model: "independent failures".into(),
        utilization: Some(offered.min(1.0)),
        dead_letter_ratio: Some(p.powi(attempts)),
        mean_attempts: Some(mean_attempts),
        notes,
        ..Prediction::default()
    };
    basis::retries(s, &mut p);
    p
}

pub fn hashing(s: &Scenario) -> Prediction {
    let (servers, vnodes) = (s.servers.count as u32, s.balancer.vnodes as u32);
    Prediction {
        model: "consistent hashing".into(),
        moved_on_join: Some(1.0 / f64::from(servers + 1)),
        share_cv: Some(expected_cv(servers, vnodes)),
        ..Prediction::default()
    }
}

/// A read of key i is stale when the key's last write has not reached the replica yet. With
/// writes to key i at rate w_i and an exponential lag of mean L, that chance is
/// w_i·L / (1 + w_i·L).
pub fn replication(s: &Scenario) -> Prediction {
    let r = &s.replication;
    let mut notes = vec![
        "Replicas apply writes in order, so a write waits for slower ones before it: real \
         staleness is somewhat higher."
            .to_string(),
    ];
    if r.partition_at.is_some() {
        notes.push("The partition is not in the formula.".into());
    }
    let stale = if r.read_from == ReadFrom::Primary || s.keys.write_ratio == 0.0 {
        0.0
    } else {
        let writes = s.arrivals.rate * s.keys.write_ratio;
        caches::popularity(s)
            .iter()
            .map(|band| {
                let (p, w) = (band.share, writes * band.share);
                band.keys * p * w * r.lag / (1.0 + w * r.lag)
            })
            .sum()
    };
    Prediction {
        model: "exponential lag".into(),
        stale_ratio: Some(stale),
        typical_error: Some("short by 30 to 50 %: replicas apply writes in order".into()),
        notes,
        ..Prediction::default()
    }
}

pub fn autoscale(s: &Scenario) -> Prediction {
    let a = &s.autoscale;
    let busy = s.arrivals.rate * s.service.mean;
    let needed = (busy / a.target_util).ceil().clamp(a.min_servers as f64, a.max_servers as f64);
    let mut notes =
        vec![format!("New workers take {} s to arrive: the queue grows meanwhile.", a.provision_time)];
    if busy / a.target_util > a.max_servers as f64 {
        notes.push("Even max_servers cannot hold the target utilization.".into());
    }
    Prediction {
        model: "target tracking".into(),
        utilization: Some(busy / needed),
        servers_needed: Some(needed),
        typical_error: Some(
            "a sizing rule: the run's utilization also depends on when the scaler acts".into(),
        ),
        notes,
        ..Prediction::default()
    }
}
