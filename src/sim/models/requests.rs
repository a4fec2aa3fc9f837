//! The engine: a seeded discrete-event simulation of one scenario.
//!
//! A request's path, each stage present only when the scenario's kind has it:
//! 1. `flow`: arrival, then an attempt: circuit breaker → rate limiter;
//! 2. `serve`: load balancer → a server's queue and workers;
//! 3. `data`: cache → database;
//! 4. `flow` again: answered, or failed and retried after a backoff, or dead-lettered.
//!
//! `replicate` (kind = replication) and `scale` (kind = autoscale) add their own events,
//! `control` lets the caller break things while it runs, and `summary` and `view` read the
//! state out as a [`Report`](crate::sim::Report) and a [`Snapshot`](crate::sim::Snapshot).
//! `build` assembles the stages a kind has.
//!
//! The engine owns no clock: the caller advances it with [`Sim::step`] or [`Sim::run_until`],
//! each bounded by an event budget. Events are ordered by (time, sequence number) and every
//! random draw comes from streams seeded by the scenario, so a run is a function of the
//! scenario alone, natively and in wasm. All state is plain data: a `Sim` can be cloned as a
//! checkpoint.

mod build;
mod control;
mod data;
mod flow;
#[path = "replication.rs"]
mod replicate;
mod scale;
mod serve;
mod summary;
mod view;

use std::collections::VecDeque;

use crate::sim::arrivals::Arrivals;
use crate::sim::autoscale::Autoscaler;
use crate::sim::balancer::Balancer;
use crate::sim::breaker::Breaker;
use crate::sim::dist::Work;
use crate::sim::event::{Event, EventKind, EventQueue};
use crate::sim::limiter::Limiter;
use crate::sim::metrics::Metrics;
use crate::sim::request::{ReqRef, Requests};
use crate::sim::retry::{RetryBudget, RetryPolicy};
use crate::sim::rng::SimRng;
use crate::sim::series::Levels;
use crate::sim::snapshot::Exit;
use crate::sim::station::Station;
use crate::sim::zipf::Zipf;
use crate::scenario::Scenario;

use data::Data;
use replicate::Replication;

/// One random stream per purpose (see `rng`).
#[derive(Clone, Debug)]
struct Rngs {
    arrivals: SimRng,
    work: SimRng,
    keys: SimRng,
    routing: SimRng,
    failures: SimRng,
    backoff: SimRng,
    cache: SimRng,
    database: SimRng,
    replication: SimRng,
}

/// A running simulation.
#[derive(Clone, Debug)]
pub struct Sim {
    scenario: Scenario,
    now: f64,
    events: EventQueue,
    processed: u64,
    trace: u64,
    rng: Rngs,
    arrivals: Arrivals,
    arrived: u64,
    arrivals_open: bool,
    work: Work,
    keys: Option<Zipf>,
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
    replication: Option<Replication>,
    metrics: Metrics,
    /// Whether the warm-up is over and per-server baselines are taken.
    measuring: bool,
    /// The latest attempts to end (at most `MAX_RECENT`), for views.
    recent: VecDeque<Exit>,
}

impl Sim {
    /// A run of `scenario`, at time 0 with its first events scheduled.
    pub fn new(scenario: &Scenario) -> Sim {
        build::build(scenario)
    }

    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// Simulated seconds so far.
    pub fn now(&self) -> f64 {
        self.now
    }

    /// Events processed so far.
    pub fn events(&self) -> u64 {
        self.processed
    }

    /// A hash of every event processed so far (time, kind, and what it concerned): two runs
    /// with the same hash took the same path.
    pub fn trace_hash(&self) -> u64 {
        self.trace
    }

    /// Whether nothing is left to happen.
    pub fn is_done(&self) -> bool {
        self.events.is_empty()
    }

    /// Processes at most `max_events` events; returns how many were processed.
    pub fn step(&mut self, max_events: u64) -> u64 {
        let mut done = 0;
        while done < max_events {
            let Some(event) = self.events.pop() else {
                break;
            };
            self.process(event);
            done += 1;
        }
        done
    }

    /// Processes the events up to time `t`, at most `max_events` of them. If all were
    /// processed, simulated time moves on to `t`; otherwise it stays at the last event, and a
    /// later call continues. Returns how many were processed.
    pub fn run_until(&mut self, t: f64, max_events: u64) -> u64 {
        let mut done = 0;
        loop {
            match self.events.peek_time() {
                Some(time) if time <= t => {
                    if done == max_events {
                        return done;
                    }
                    if let Some(event) = self.events.pop() {
                        self.process(event);
                        done += 1;
                    }
                }
                _ => {
                    self.advance_to(t);
                    return done;
                }
            }
        }
    }

    /// Runs until nothing is left to happen or `max_events` have been processed.
    pub fn run_to_end(&mut self, max_events: u64) -> u64 {
        self.step(max_events)
    }

    fn process(&mut self, event: Event) {
        self.advance_to(event.time);
        self.processed += 1;
        self.trace = (self.trace.rotate_left(5) ^ event.time.to_bits() ^ event.kind.tag())
            .wrapping_mul(0x0100_0000_01b3);
        match event.kind {
            EventKind::Arrival => self.on_arrival(),
            EventKind::ServiceDone { station, worker, epoch } => self.on_service_done(station, worker, epoch),
            EventKind::DatabaseDone { worker, epoch } => self.on_database_done(worker, epoch),
            EventKind::Timeout(r) => self.on_timeout(r),
            EventKind::Retry(r) => self.on_retry(r),
            EventKind::Released(r) => self.on_released(r),
            EventKind::Answered(r) => self.complete(r),
            EventKind::Flush { key } => self.on_flush(key),
            EventKind::HealthCheck => self.on_health_check(),
            EventKind::ScaleCheck => self.on_scale_check(),
            EventKind::Provisioned => self.on_provisioned(),
            EventKind::OutageStart => self.on_outage(true),
            EventKind::OutageEnd => self.on_outage(false),
            EventKind::ReplicaApply { replica, seq } => self.on_replica_apply(replica, seq),
            EventKind::PartitionStart => self.on_partition(true),
            EventKind::PartitionEnd => self.on_partition(false),
            EventKind::CacheClear => self.flush_cache(),
        }
    }

    /// Moves simulated time to `t`, integrating the levels held since the last event.
    fn advance_to(&mut self, t: f64) {
        if !self.measuring {
            self.start_measuring_at(t);
        }
        if t > self.now {
            let levels = self.levels();
            self.metrics.advance(t, levels);
            self.now = t;
        }
    }

    /// Requests in the system, waiting, and workers busy and available, right now.
    fn levels(&self) -> Levels {
        let mut levels = Levels { in_system: self.requests.len() as f64, ..Levels::default() };
        let stations = self.stations.iter().map(|s| (s.waiting, s.busy, s.available()));
        let database = self.data.as_ref().map(|d| (d.db.waiting, d.db.busy, d.db.available()));
        for (waiting, busy, available) in stations.chain(database) {
            levels.queue += waiting as f64;
            levels.busy += busy as f64;
            levels.workers += available as f64;
        }
        levels
    }

    /// Whether periodic checks should keep running (otherwise the run could never end).
    fn active(&self) -> bool {
        self.arrivals_open || !self.requests.is_empty()
    }

    fn schedule(&mut self, time: f64, kind: EventKind) {
        self.events.push(time, kind);
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
