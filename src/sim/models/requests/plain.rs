//! The plain queue run for its report alone: `c` workers behind one FIFO or LIFO queue, nothing
//! else on the path. This is the commonest run there is (every queueing lesson, every sweep of
//! `kind = queue`, the benchmark against SimPy), and the general path pays, on each event, for
//! the stages it might have: an event heap, a slab of requests, the tests for a timeout, a
//! breaker, a limiter, retries, a cache.
//!
//! Here the pending events are the next arrival and one completion per busy worker, so the
//! earliest is found by looking at each (no heap); a request is its place in the queue or at a
//! worker (no slab, no stages); the station is reduced to what such a queue needs (every
//! worker up, no abandoned jobs to skip). The rest is the general path's own parts: the same
//! arrivals and service draws (`draws`: made as needed, or ahead on other threads in a long
//! run), [`Metrics`] and station totals ([`Tally`]), events numbered and hashed as the kernel
//! does. A run here is the general path's run, event for event: the same
//! report, figure for figure, and the same trace hash (`tests/sim_plain.rs` holds the two side
//! by side over several hundred scenarios).

mod draws;

use std::collections::VecDeque;

use super::summary::station_figures;
use super::{EventKind, Stages};
use crate::scenario::{Discipline, Scenario};
use crate::sim::float::count;
use crate::sim::kernel::queue::event_time;
use crate::sim::kernel::{TRACE_START, trace_step};
use crate::sim::limits;
use crate::sim::metrics::Metrics;
use crate::sim::report::Report;
use crate::sim::simulation::Observe;
use crate::sim::station::Tally;
use draws::Draws;

/// Most workers this path takes: it finds the next event by looking at every worker.
const MAX_WORKERS: u64 = 64;
/// Arrivals a run must expect before its random numbers are drawn ahead on other threads.
const DRAW_AHEAD_FROM: f64 = 100_000.0;

/// A run of the plain queue that ended or was stopped.
#[derive(Clone, Debug)]
pub struct PlainRun {
    pub report: Report,
    /// Whether nothing was left to happen (otherwise the event budget ran out first).
    pub done: bool,
}

/// How a run draws its random numbers: as it needs them, or ahead on two other threads (the
/// same numbers either way; natively only, wasm draws inline).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Drawing {
    Inline,
    Ahead,
}

/// Runs `s` on the request path with `stages` to its end, at most `max_events` events, when
/// it is a plain queue (`None` otherwise: the general path runs it). A long run draws ahead.
pub fn run(s: &Scenario, stages: &Stages, max_events: u64) -> Option<PlainRun> {
    let expected = match s.run.requests {
        0 => s.arrivals.rate * s.run.duration,
        requests => requests as f64,
    };
    let drawing = if expected >= DRAW_AHEAD_FROM { Drawing::Ahead } else { Drawing::Inline };
    run_drawing(s, stages, max_events, drawing)
}

/// [`run`], drawing as `drawing` says.
pub fn run_drawing(s: &Scenario, stages: &Stages, max_events: u64, drawing: Drawing) -> Option<PlainRun> {
    if !fits(s, stages) {
        return None;
    }
    let finish = |mut queue: PlainQueue| {
        queue.run(max_events);
        PlainRun { report: queue.report(s), done: queue.is_done() }
    };
    #[cfg(not(target_arch = "wasm32"))]
    if drawing == Drawing::Ahead {
        return Some(std::thread::scope(|scope| finish(PlainQueue::new(s, Draws::ahead(scope, s)))));
    }
    let _ = drawing; // wasm has no threads here: it draws inline.
    Some(finish(PlainQueue::new(s, Draws::inline(s))))
}

/// Whether `s` with `stages` is a plain queue: servers sharing one FIFO or LIFO queue, with no
/// timeout, errors or outage.
fn fits(s: &Scenario, stages: &Stages) -> bool {
    let servers = &s.servers;
    *stages == Stages::QUEUE
        && (1..=MAX_WORKERS).contains(&servers.count)
        && servers.discipline != Discipline::Priority
        && servers.timeout.is_none()
        && servers.fail_prob == 0.0
        && servers.outage_at.is_none()
}

/// A pending event's time and sequence number (events at the same time run in the order they
/// were scheduled).
#[derive(Clone, Copy, Debug)]
struct Pending {
    time: f64,
    seq: u64,
}

impl Pending {
    /// Stands for no event: later than every event (their times are clamped to be finite).
    const NEVER: Pending = Pending { time: f64::INFINITY, seq: u64::MAX };

    fn is_never(self) -> bool {
        self.seq == u64::MAX
    }

    #[inline]
    fn before(self, other: Pending) -> bool {
        (self.time.to_bits(), self.seq) < (other.time.to_bits(), other.seq)
    }
}

/// What happens next.
#[derive(Clone, Copy, Debug)]
enum Next {
    Arrival,
    Done(usize),
}

/// A worker and the request it serves.
#[derive(Clone, Copy, Debug)]
struct Worker {
    /// When it finishes, while it serves (`NEVER` while idle).
    done: Pending,
    speed: f64,
    /// Counts the jobs it started, as the general path's station does (the trace hash reads it).
    epoch: u32,
    /// The request it serves: when it arrived, when this worker started it, whether it counts.
    arrived: f64,
    started: f64,
    counted: bool,
}

/// A request waiting for a worker.
#[derive(Clone, Copy, Debug)]
struct Waiting {
    arrived: f64,
    /// Seconds of work on a speed-1 worker.
    work: f64,
    counted: bool,
}

struct PlainQueue {
    draws: Draws,
    workers: Vec<Worker>,
    busy: usize,
    queue: VecDeque<Waiting>,
    lifo: bool,
    capacity: Option<u64>,
    /// The station's totals since time 0 (up to `last`), and their values when measurement
    /// started.
    tally: Tally,
    baseline: Tally,
    last: f64,
    metrics: Metrics,
    measuring: bool,
    /// The next arrival (`NEVER` once arrivals are over).
    arrival: Pending,
    next_seq: u64,
    now: f64,
    processed: u64,
    trace: u64,
}

impl PlainQueue {
    fn new(s: &Scenario, draws: Draws) -> PlainQueue {
        let speed = |i: usize| s.service.speeds.get(i).copied().unwrap_or(1.0);
        let worker = |i| Worker {
            done: Pending::NEVER,
            speed: speed(i),
            epoch: 0,
            arrived: 0.0,
            started: 0.0,
            counted: false,
        };
        let mut metrics = Metrics::new(s.run.warmup, s.run.bucket);
        metrics.set_observe(Observe::Report);
        let mut queue = PlainQueue {
            draws,
            workers: (0..s.servers.count as usize).map(worker).collect(),
            busy: 0,
            queue: VecDeque::new(),
            lifo: s.servers.discipline == Discipline::Lifo,
            capacity: s.servers.queue_cap,
            tally: Tally::default(),
            baseline: Tally::default(),
            last: 0.0,
            metrics,
            measuring: s.run.warmup <= 0.0,
            arrival: Pending::NEVER,
            next_seq: 0,
            now: 0.0,
            processed: 0,
            trace: TRACE_START,
        };
        queue.schedule_next_arrival();
        queue
    }

    fn schedule(&mut self, time: f64) -> Pending {
        let pending = Pending { time: event_time(time), seq: self.next_seq };
        self.next_seq += 1;
        pending
    }

    fn schedule_next_arrival(&mut self) {
        self.arrival = match self.draws.next_arrival(self.now) {
            Some(time) => self.schedule(time),
            None => Pending::NEVER,
        };
    }

    /// The earliest pending event.
    #[inline]
    fn next(&self) -> Option<(Next, Pending)> {
        let (mut next, mut first) = (Next::Arrival, self.arrival);
        for (i, worker) in self.workers.iter().enumerate() {
            if worker.done.before(first) {
                (next, first) = (Next::Done(i), worker.done);
            }
        }
        (!first.is_never()).then_some((next, first))
    }

    fn is_done(&self) -> bool {
        self.next().is_none()
    }

    fn run(&mut self, max_events: u64) {
        while self.processed < max_events {
            let Some((next, at)) = self.next() else {
                return;
            };
            self.advance(at.time);
            self.processed += 1;
            match next {
                Next::Arrival => {
                    self.trace = trace_step(self.trace, at.time, EventKind::Arrival.tag());
                    self.arrival = Pending::NEVER;
                    self.on_arrival();
                }
                Next::Done(i) => {
                    let worker = &mut self.workers[i];
                    let event = EventKind::ServiceDone { station: 0, worker: i as u16, epoch: worker.epoch };
                    self.trace = trace_step(self.trace, at.time, event.tag());
                    worker.done = Pending::NEVER;
                    self.on_service_done(i);
                }
            }
        }
    }

    /// Time moves on to `to`: the requests in the system are integrated (and, at the end of
    /// the warm-up, the station's measurement starts).
    #[inline]
    fn advance(&mut self, to: f64) {
        if !self.measuring && to >= self.metrics.since {
            self.measuring = true;
            self.account(self.metrics.since);
            self.baseline = self.tally;
        }
        if to > self.now {
            self.metrics.advance_in_system(to, count(self.busy + self.queue.len()));
            self.now = to;
        }
    }

    /// Brings the station's totals up to `now`.
    #[inline]
    fn account(&mut self, now: f64) {
        let dt = now - self.last;
        if dt > 0.0 {
            self.tally = self.tally.held_for(dt, self.busy, self.queue.len(), self.workers.len());
            self.last = now;
        }
    }

    fn on_arrival(&mut self) {
        let now = self.now;
        self.draws.arrive();
        self.schedule_next_arrival();
        let counted = self.metrics.arrival(now);
        let in_system = self.busy + self.queue.len();
        let pending = usize::from(!self.arrival.is_never()) + self.busy;
        if !limits::admits(in_system, pending, self.queue.len()) {
            self.metrics.shed(now, counted);
            return;
        }
        if counted {
            self.metrics.counts.attempts += 1;
        }
        let work = self.draws.work();
        self.account(now);
        let request = Waiting { arrived: now, work, counted };
        if let Some(free) = self.workers.iter().position(|w| w.done.is_never()) {
            self.start(free, request);
        } else if self.capacity.is_some_and(|cap| self.queue.len() as u64 >= cap) {
            self.tally.dropped += 1;
            if counted {
                self.metrics.counts.dropped += 1;
                self.metrics.departed(now, now);
            }
        } else {
            self.queue.push_back(request);
        }
    }

    /// Worker `i` starts on `request` now.
    fn start(&mut self, i: usize, request: Waiting) {
        let now = self.now;
        let worker = &mut self.workers[i];
        let done_at = now + request.work / worker.speed;
        worker.epoch = worker.epoch.wrapping_add(1);
        worker.arrived = request.arrived;
        worker.started = now;
        worker.counted = request.counted;
        self.busy += 1;
        self.workers[i].done = self.schedule(done_at);
    }

    fn on_service_done(&mut self, i: usize) {
        let now = self.now;
        self.account(now);
        let Worker { arrived, started, counted, .. } = self.workers[i];
        self.busy -= 1;
        self.tally.completed += 1;
        let next = if self.lifo { self.queue.pop_back() } else { self.queue.pop_front() };
        if let Some(request) = next {
            self.start(i, request);
        }
        if counted {
            // It waited from its arrival until a worker started it.
            self.metrics.completed(arrived, started - arrived, now);
            self.metrics.departed(arrived, now);
        }
    }

    /// What the general path's report says of the same run.
    fn report(&self, s: &Scenario) -> Report {
        let elapsed = self.metrics.elapsed();
        let dt = (self.now - self.last).max(0.0);
        let totals = self.tally.held_for(dt, self.busy, self.queue.len(), self.workers.len());
        let mut report = self.metrics.report(s);
        station_figures(&mut report, &[totals.minus(self.baseline)], elapsed, false);
        report.events = self.processed;
        report.sim_time = self.now;
        report.trace_hash = format!("{:016x}", self.trace);
        report
    }
}
