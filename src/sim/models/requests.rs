//! The request path: clients send requests that pass a circuit breaker and a rate limiter, are
//! balanced over servers with queues and workers, read a cache in front of a database, and are
//! answered, or fail and are retried. Most kinds (queue, balancer, cache, limiter, retries,
//! breaker, autoscale, pipeline) are this one model with some stages present.
//!
//! A request's path, each stage present only when the scenario's kind has it:
//! 1. `flow`: arrival, then an attempt: circuit breaker → rate limiter;
//! 2. `serve`: load balancer → a server's queue and workers;
//! 3. `data`: cache → database;
//! 4. `flow` again: answered, or failed and retried after a backoff, or dead-lettered.
//!
//! `plain` runs the plain queue for its report alone, without the general machinery (and with
//! the same result). `scale` (kind = autoscale) adds its own events,
//! `control` lets the caller break things while it runs, and `summary` and `view` read the
//! state out as a [`Report`](crate::sim::Report) and a [`Snapshot`](crate::sim::Snapshot).
//! `build` assembles the stages a kind has.
//!
//! The kernel (`crate::sim::kernel`) owns the clock and the event queue; every handler here
//! takes it as `k`, reads the time from it and schedules on it.

mod build;
mod control;
mod data;
mod event;
mod flow;
pub mod plain;
mod scale;
pub mod scene;
mod serve;
mod summary;
mod view;

use std::collections::VecDeque;
use std::fmt;

use crate::scenario::Scenario;
use crate::sim::autoscale::Autoscaler;
use crate::sim::balancer::Balancer;
use crate::sim::breaker::Breaker;
use crate::sim::dist::Work;
use crate::sim::histogram::Histogram;
use crate::sim::kernel::{Engine, Kernel, Model};
use crate::sim::limiter::Limiter;
use crate::sim::metrics::Metrics;
use crate::sim::report::Report;
use crate::sim::request::{ReqRef, Requests};
use crate::sim::retry::{RetryBudget, RetryPolicy};
use crate::sim::rng::SimRng;
use crate::sim::series::{Levels, Series};
use crate::sim::simulation::{Action, Observe, Observed, Simulation};
use crate::sim::snapshot::Snapshot;
use crate::sim::source::Source;
use crate::sim::station::Station;

use data::Data;
pub use event::EventKind;
use scene::Exit;

/// The kernel this model runs on.
type K = Kernel<EventKind>;

/// The stages a kind's request path has: each kind's descriptor says which.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stages {
    pub servers: Servers,
    /// Requests concern keys of Zipf popularity (for a cache, or a balancer that hashes them).
    pub keyed: bool,
    pub limiter: Switch,
    /// Failed attempts are retried (`max_retries`, backoff, retry budget).
    pub retries: bool,
    pub breaker: bool,
    /// The shared queue's workers are resized by an autoscaler.
    pub autoscale: bool,
    /// A cache in front of a database.
    pub data: bool,
}

/// How requests meet servers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Servers {
    /// No servers: requests go straight to the data stage.
    None,
    /// One queue that all workers take from.
    Shared,
    /// A queue per server, a balancer picking one.
    Balanced,
}

/// Whether a stage is there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Switch {
    Off,
    On,
    /// As the scenario's key for it says (`limiter = on`).
    ByKey,
}

impl Stages {
    /// Nothing but servers sharing one queue; a kind's descriptor turns on what it has.
    pub const QUEUE: Stages = Stages {
        servers: Servers::Shared,
        keyed: false,
        limiter: Switch::Off,
        retries: false,
        breaker: false,
        autoscale: false,
        data: false,
    };
}

/// The run of `scenario` through a request path with `stages`.
pub fn build(scenario: &Scenario, stages: &Stages) -> Box<dyn Simulation> {
    Box::new(Engine::new(RequestPath::new(scenario, stages)))
}

/// What each random stream is for (see `rng`).
#[derive(Clone, Copy, Debug)]
/// (1 and 3 are the source's: `source::ARRIVALS_STREAM`, `source::KEYS_STREAM`.)
pub enum Stream {
    Work = 2,
    Routing = 4,
    Failures = 5,
    Backoff = 6,
    Cache = 7,
    Database = 8,
}

/// One random stream per purpose.
#[derive(Clone, Debug)]
struct Rngs {
    work: SimRng,
    routing: SimRng,
    failures: SimRng,
    backoff: SimRng,
    cache: SimRng,
    database: SimRng,
}

/// The request path's state: everything but the clock and the pending events.
#[derive(Clone, Debug)]
pub struct RequestPath {
    scenario: Scenario,
    stages: Stages,
    rng: Rngs,
    source: Source,
    work: Work,
    requests: Requests,
    /// The server stage: one station shared by all workers, or one station per server.
    stations: Vec<Station<ReqRef>>,
    shared_queue: bool,
    balancer: Option<Balancer>,
    loads: Vec<usize>,
    limiter: Option<Limiter>,
    retry: Option<RetryPolicy>,
    budget: Option<RetryBudget>,
    breaker: Option<Breaker>,
    breaker_opened: u64,
    data: Option<Data>,
    autoscaler: Option<Autoscaler>,
    /// Busy and available worker-seconds at the last autoscaling decision.
    scale_mark: (f64, f64),
    /// Most workers available at once (autoscaling).
    peak_workers: usize,
    metrics: Metrics,
    /// Whether the warm-up is over and per-server baselines are taken.
    measuring: bool,
    /// The latest attempts to end (at most `MAX_RECENT`), for views; kept only when
    /// `observe` is `Everything`.
    recent: VecDeque<Exit>,
    /// What is kept beside the report.
    observe: Observe,
}

impl Model for RequestPath {
    type Event = EventKind;

    fn start(&mut self, k: &mut K) {
        build::schedule_first_events(self, k);
    }

    #[inline]
    fn advance(&mut self, now: f64, to: f64) {
        if !self.measuring {
            self.start_measuring_at(to);
        }
        if to > now {
            if self.observe == Observe::Everything {
                let levels = self.levels();
                self.metrics.advance(to, levels);
            } else {
                self.metrics.advance_in_system(to, self.requests.len() as f64);
            }
        }
    }

    #[inline]
    fn handle(&mut self, k: &mut K, event: EventKind) {
        match event {
            EventKind::Arrival => self.on_arrival(k),
            EventKind::ServiceDone { station, worker, epoch } => {
                self.on_service_done(k, station, worker, epoch)
            }
            EventKind::DatabaseDone { worker, epoch } => self.on_database_done(k, worker, epoch),
            EventKind::Timeout(r) => self.on_timeout(k, r),
            EventKind::Retry(r) => self.on_retry(k, r),
            EventKind::Released(r) => self.on_released(k, r),
            EventKind::Answered(r) => self.complete(k, r),
            EventKind::Flush { key } => self.on_flush(k, key),
            EventKind::HealthCheck => self.on_health_check(k),
            EventKind::ScaleCheck => self.on_scale_check(k),
            EventKind::Provisioned => self.on_provisioned(k),
            EventKind::OutageStart => self.on_outage(k, true),
            EventKind::OutageEnd => self.on_outage(k, false),
            EventKind::CacheClear => self.flush_cache(),
        }
    }

    #[inline]
    fn tag(event: &EventKind) -> u64 {
        event.tag()
    }
}

impl Observed for RequestPath {
    fn report(&self, now: f64) -> Report {
        RequestPath::report(self, now)
    }

    fn snapshot(&self, now: f64) -> Snapshot {
        RequestPath::snapshot(self, now)
    }

    fn series(&self) -> &Series {
        &self.metrics.series
    }

    fn latency(&self) -> &Histogram {
        &self.metrics.latency
    }

    fn act(&mut self, k: &mut K, action: Action) -> bool {
        RequestPath::act(self, k, action)
    }

    fn describe(&self, _now: f64, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        RequestPath::describe(self, f)
    }

    fn set_observe(&mut self, observe: Observe) {
        self.observe = observe;
        self.metrics.set_observe(observe);
        if observe == Observe::Report {
            self.recent = VecDeque::new();
        }
    }
}

impl RequestPath {
    /// The request path of `scenario` with `stages`, before its first events.
    pub fn new(scenario: &Scenario, stages: &Stages) -> RequestPath {
        build::build(scenario, stages)
    }

    /// Requests in the system, waiting, and workers busy and available, right now.
    #[inline]
    fn levels(&self) -> Levels {
        // Summed as integers (exact, as the floating-point sums of these small counts were).
        let (mut waiting, mut busy, mut available) = (0, 0, 0);
        for station in &self.stations {
            waiting += station.waiting;
            busy += station.busy;
            available += station.available();
        }
        if let Some(data) = &self.data {
            waiting += data.db.waiting;
            busy += data.db.busy;
            available += data.db.available();
        }
        Levels {
            in_system: self.requests.len() as f64,
            queue: waiting as f64,
            busy: busy as f64,
            workers: available as f64,
        }
    }

    /// Jobs held in the queues (abandoned ones included, until their queue compacts).
    fn queued(&self) -> usize {
        let stations: usize = self.stations.iter().map(Station::held).sum();
        stations + self.data.as_ref().map_or(0, |d| d.db.held())
    }

    /// Whether periodic checks should keep running (otherwise the run could never end).
    fn active(&self) -> bool {
        self.source.is_open() || !self.requests.is_empty()
    }

    /// Once time reaches the warm-up's end, per-server measurement starts from there. This is
    /// not an event: a run's path must not depend on when its measurement starts.
    fn start_measuring_at(&mut self, t: f64) {
        let warmup = self.metrics.since;
        if self.measuring || t < warmup {
            return;
        }
        self.measuring = true;
        for station in &mut self.stations {
            station.mark_baseline(warmup);
        }
        if let Some(data) = &mut self.data {
            data.db.mark_baseline(warmup);
        }
    }
}
