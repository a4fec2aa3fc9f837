//! Calls: a request through a tree of services.
//!
//! A request is a call to level 1. A successful attempt at level L calls `fanout` services at
//! level L + 1, down to level `depth`. Each level is one service with `replicas` workers and
//! one FIFO queue; an attempt waits for a worker, is served for an exponential time of mean
//! `hop_time`, and then fails with probability `hop_fail`. If it did not fail, it calls its
//! children:
//!
//! - over a **sync** edge (the default) the attempt waits for all of them; it succeeds when all
//!   have succeeded and fails as soon as one of them has failed for good (the others are
//!   cancelled);
//! - over an **async** edge (`async` names the levels whose incoming edge is one) it puts one
//!   message per child on the level's queue and is done at once: the messages are served when
//!   a worker is free, retried there, and their outcome never reaches the request.
//!
//! A failed attempt (its own failure, a child that failed for good, its `hop_timeout` passing,
//! or its level being down) is retried at once while the call has retries left (`hop_retries`)
//! and the level's retry budget (`retry_budget`, a token bucket as in the retries kind: each
//! first attempt earns that many tokens, each retry spends one, at most 10 saved) allows; a
//! new attempt calls its children afresh. A call out of retries fails, and so does its
//! parent's attempt. A request's `deadline` is its whole budget: when it passes, every call
//! of the request still running or waiting is cancelled and the request has failed.
//!
//! An outage (`outage_at`, `outage_len`, `outage_level`) stops a level's workers: a sync level
//! refuses calls at once (each a failed attempt); an async level keeps its queue, which grows
//! until the consumer comes back and drains it.
//!
//! Memory is bounded: a request's tree holds at most [`MAX_TREE`] calls (the scenario check
//! lowers `depth`), at most [`MAX_CALLS`] calls are alive at once (an arrival that would pass
//! it is shed, as in `sim::limits`), an async level holds at most [`MAX_BACKLOG`] messages
//! (more are shed and counted, `backlog_shed`), and the waterfall keeps at most
//! [`MAX_SPANS`] attempts of a request.
//!
//! Here: the model's events and state and how each event changes them. `check` is the scenario
//! as the model takes it (each level's settings, the bounds on a request's tree); `observe`
//! what is read of a run (the report with each level's figures, the scene, a learner's
//! failures).

use std::collections::VecDeque;

use serde::Serialize;

use crate::scenario::{PerLevel, Scenario};
use crate::sim::dist::exponential;
use crate::sim::histogram::Histogram;
use crate::sim::kernel::{Kernel, Model};
use crate::sim::limits;
use crate::sim::metrics::Metrics;
use crate::sim::retry::RetryBudget;
use crate::sim::rng::{SimRng, chance, stream};
use crate::sim::series::Levels;
use crate::sim::source::Source;

mod check;
mod observe;

use check::spec;
pub use check::{check, tree_size};

/// Streams this model draws from (1 and 3 are the source's).
const WORK_STREAM: u64 = 21;
const FAIL_STREAM: u64 = 22;

/// Most levels.
pub const MAX_LEVELS: usize = PerLevel::MAX;
/// Most calls in one request's tree (1 + fanout + fanout² + ... over the levels).
pub const MAX_TREE: u64 = 1000;
/// Most attempts one request may cause in the worst case (the tree times every level's
/// retries); the scenario check lowers retries, deepest first, to stay within it.
pub const MAX_WORK: f64 = 100_000.0;
/// Most calls alive at once, async messages included.
pub const MAX_CALLS: usize = 100_000;
/// Most messages waiting at one async level.
pub const MAX_BACKLOG: usize = 60_000;
/// Most attempts the waterfall keeps of one request, and of all requests in flight.
pub const MAX_SPANS: usize = 128;
pub const MAX_SPANS_HELD: usize = 200_000;
/// Retry tokens a level's budget saves up (as in the retries kind).
const BUDGET_TOKENS: f64 = 10.0;

const NONE: u32 = u32::MAX;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// The next request arrives.
    Arrival,
    /// Worker `worker` at `level` finishes the attempt it took (stale if `token` is not the
    /// worker's current one: the work was stopped).
    Done {
        level: u8,
        worker: u16,
        token: u32,
    },
    /// The caller of an attempt stops waiting for it.
    Timeout {
        call: u32,
        epoch: u32,
    },
    /// A request's deadline passes.
    Deadline {
        req: u32,
        epoch: u32,
    },
    OutageStart,
    OutageEnd,
}

type K = Kernel<Event>;

/// How an attempt ended, for the waterfall.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Ok,
    Failed,
    TimedOut,
    Refused,
    Cancelled,
}

/// One attempt of the slowest request: its level (1 for the first), when it started and ended
/// (seconds after the request arrived) and how it ended.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Span {
    pub level: u8,
    pub start: f64,
    pub end: f64,
    pub outcome: Outcome,
}

/// The slowest request so far, attempt by attempt.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Waterfall {
    pub latency: f64,
    pub ok: bool,
    /// Attempts in the order they ended.
    pub spans: Vec<Span>,
    /// More attempts than the waterfall keeps.
    pub truncated: bool,
}

/// One level as drawn.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LevelView {
    pub replicas: u32,
    pub busy: u32,
    /// Attempts waiting for a worker (at an async level, the backlog).
    pub queued: usize,
    pub down: bool,
    /// Its incoming edge is async.
    pub is_async: bool,
    pub attempts: u64,
    pub failed: u64,
}

/// What a view draws of the calls: each level, the fan-out, and the slowest request.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CallsScene {
    pub fanout: u32,
    pub levels: Vec<LevelView>,
    /// Requests in flight now.
    pub in_flight: usize,
    pub waterfall: Waterfall,
}

/// One level's settings, read from the per-level keys.
#[derive(Clone, Copy, Debug)]
struct Spec {
    time: f64,
    fail: f64,
    retries: u32,
    timeout: Option<f64>,
    replicas: u32,
    is_async: bool,
}

/// One worker: the attempt it serves, and a token that tells its current work from stopped.
#[derive(Clone, Copy, Debug, Default)]
struct Worker {
    token: u32,
    job: Option<(u32, u32)>,
    /// When it took the job.
    since: f64,
}

#[derive(Clone, Debug)]
struct Level {
    spec: Spec,
    queue: VecDeque<(u32, u32)>,
    busy: u32,
    workers: Vec<Worker>,
    idle: Vec<u16>,
    down: bool,
    budget: Option<RetryBudget>,
    /// Counted attempts started, retried, ended (with their total time) and failed.
    attempts: u64,
    ended: u64,
    time_sum: f64,
    failed: u64,
    timed_out: u64,
}

#[derive(Clone, Debug)]
struct Call {
    serial: u64,
    epoch: u32,
    live: bool,
    counted: bool,
    level: u8,
    req: u32,
    parent: u32,
    attempts: u32,
    /// Sync children of the current attempt not yet succeeded.
    waiting: u32,
    started: f64,
    /// The worker serving the current attempt, while it does.
    worker: Option<u16>,
    children: Vec<(u32, u64)>,
}

#[derive(Clone, Debug)]
struct Req {
    epoch: u32,
    live: bool,
    counted: bool,
    arrived: f64,
    root: u32,
    spans: Vec<Span>,
    truncated: bool,
}

/// How a request ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum End {
    Ok,
    Failed,
    Deadline,
}

/// Totals beside the shared metrics.
#[derive(Clone, Copy, Debug, Default)]
struct Tally {
    cancelled: u64,
    deadline_exceeded: u64,
    async_sent: u64,
    async_done: u64,
    async_failed: u64,
    backlog_shed: u64,
    max_backlog: usize,
    busy_area: f64,
    worker_area: f64,
    backlog_area: f64,
    /// Worker seconds spent on attempts nobody waited for any more.
    wasted: f64,
    /// When the last outage ended, while its level's queue has not yet emptied.
    draining_since: Option<f64>,
    /// Seconds from the end of the last outage until its level's queue first emptied.
    drain_time: f64,
}

#[derive(Clone, Debug)]
pub struct Calls {
    scenario: Scenario,
    source: Source,
    work: SimRng,
    failures: SimRng,
    metrics: Metrics,
    /// Every answer's time, success or failure.
    responses: Histogram,
    fanout: u32,
    levels: Vec<Level>,
    outage_level: usize,
    calls: Vec<Call>,
    free_calls: Vec<u32>,
    live_calls: usize,
    serial: u64,
    reqs: Vec<Req>,
    free_reqs: Vec<u32>,
    live_reqs: usize,
    spans_held: usize,
    slowest: Waterfall,
    tally: Tally,
}

impl Calls {
    pub fn new(s: &Scenario) -> Calls {
        let depth = (s.calls.depth as usize).clamp(1, MAX_LEVELS);
        let levels = (0..depth)
            .map(|i| Level {
                spec: spec(s, i),
                queue: VecDeque::new(),
                busy: 0,
                workers: vec![Worker::default(); spec(s, i).replicas as usize],
                idle: (0..spec(s, i).replicas as u16).rev().collect(),
                down: false,
                budget: s.retries.budget.map(|ratio| RetryBudget::new(ratio, BUDGET_TOKENS)),
                attempts: 0,
                ended: 0,
                time_sum: 0.0,
                failed: 0,
                timed_out: 0,
            })
            .collect();
        let outage_level = s.calls.outage_level.map_or(depth, |l| l as usize).clamp(1, depth) - 1;
        Calls {
            scenario: s.clone(),
            source: Source::new(s, false),
            work: stream(s.run.seed, WORK_STREAM),
            failures: stream(s.run.seed, FAIL_STREAM),
            metrics: Metrics::new(s.run.warmup, s.run.bucket),
            responses: Histogram::default(),
            fanout: s.calls.fanout.clamp(1, 10) as u32,
            levels,
            outage_level,
            calls: Vec::new(),
            free_calls: Vec::new(),
            live_calls: 0,
            serial: 0,
            reqs: Vec::new(),
            free_reqs: Vec::new(),
            live_reqs: 0,
            spans_held: 0,
            slowest: Waterfall::default(),
            tally: Tally::default(),
        }
    }

    fn depth(&self) -> usize {
        self.levels.len()
    }

    fn tree(&self) -> usize {
        tree_size(self.depth() as u64, u64::from(self.fanout)) as usize
    }

    fn queued(&self) -> usize {
        self.levels.iter().map(|l| l.queue.len()).sum()
    }

    fn backlog(&self) -> usize {
        self.levels.iter().filter(|l| l.spec.is_async).map(|l| l.queue.len()).sum()
    }

    fn schedule_next_arrival(&mut self, k: &mut K) {
        if let Some(next) = self.source.next(k.now()) {
            k.schedule(next, Event::Arrival);
        }
    }

    fn alloc_call(&mut self, level: usize, req: u32, parent: u32, counted: bool) -> u32 {
        self.serial += 1;
        self.live_calls += 1;
        let fresh = |epoch: u32, children: Vec<(u32, u64)>, serial: u64| Call {
            serial,
            epoch,
            live: true,
            counted,
            level: level as u8,
            req,
            parent,
            attempts: 0,
            waiting: 0,
            started: 0.0,
            worker: None,
            children,
        };
        if let Some(id) = self.free_calls.pop() {
            let slot = &mut self.calls[id as usize];
            let mut children = std::mem::take(&mut slot.children);
            children.clear();
            *slot = fresh(slot.epoch.wrapping_add(1), children, self.serial);
            id
        } else {
            self.calls.push(fresh(0, Vec::new(), self.serial));
            (self.calls.len() - 1) as u32
        }
    }

    fn free_call(&mut self, c: u32) {
        let call = &mut self.calls[c as usize];
        if call.live {
            call.live = false;
            call.epoch = call.epoch.wrapping_add(1);
            call.children.clear();
            self.free_calls.push(c);
            self.live_calls -= 1;
        }
    }

    fn current(&self, c: u32, epoch: u32) -> bool {
        self.calls.get(c as usize).is_some_and(|call| call.live && call.epoch == epoch)
    }

    fn on_arrival(&mut self, k: &mut K) {
        self.source.arrive();
        self.schedule_next_arrival(k);
        let now = k.now();
        let counted = self.metrics.arrival(now);
        let fits =
            self.live_calls + self.tree() <= MAX_CALLS && limits::admits(0, k.pending(), self.queued());
        if !fits {
            self.metrics.shed(now, counted);
            return;
        }
        let r = if let Some(r) = self.free_reqs.pop() {
            r
        } else {
            self.reqs.push(Req {
                epoch: 0,
                live: false,
                counted,
                arrived: now,
                root: NONE,
                spans: Vec::new(),
                truncated: false,
            });
            (self.reqs.len() - 1) as u32
        };
        let root = self.alloc_call(0, r, NONE, counted);
        let req = &mut self.reqs[r as usize];
        req.epoch = req.epoch.wrapping_add(1);
        req.live = true;
        req.counted = counted;
        req.arrived = now;
        req.root = root;
        req.spans.clear();
        req.truncated = false;
        let epoch = req.epoch;
        self.live_reqs += 1;
        if let Some(deadline) = self.scenario.calls.deadline {
            k.schedule(now + deadline, Event::Deadline { req: r, epoch });
        }
        self.start_attempt(k, root);
    }

    /// A new attempt of call `c`, now.
    fn start_attempt(&mut self, k: &mut K, c: u32) {
        let now = k.now();
        let call = &mut self.calls[c as usize];
        call.attempts += 1;
        call.epoch = call.epoch.wrapping_add(1);
        call.started = now;
        call.worker = None;
        call.waiting = 0;
        call.children.clear();
        let (epoch, level, first, counted) =
            (call.epoch, call.level as usize, call.attempts == 1, call.counted);
        let l = &mut self.levels[level];
        if counted {
            l.attempts += 1;
            self.metrics.counts.attempts += 1;
            if !first {
                self.metrics.counts.retries += 1;
                self.metrics.series.at(now).retries += 1;
            }
        }
        if first && let Some(budget) = &mut l.budget {
            budget.on_first_attempt();
        }
        if l.down && !l.spec.is_async {
            self.attempt_failed(k, c, Outcome::Refused);
            return;
        }
        l.queue.push_back((c, epoch));
        if let Some(timeout) = l.spec.timeout {
            k.schedule(now + timeout, Event::Timeout { call: c, epoch });
        }
        if l.spec.is_async {
            self.tally.max_backlog = self.tally.max_backlog.max(l.queue.len());
        }
        self.dispatch(k, level);
    }

    /// Free workers at `level` take the next attempts waiting there.
    fn dispatch(&mut self, k: &mut K, level: usize) {
        loop {
            let l = &self.levels[level];
            if l.down || l.busy >= l.spec.replicas {
                return;
            }
            let Some((c, epoch)) = self.levels[level].queue.pop_front() else {
                self.drained(k.now(), level);
                return;
            };
            if !self.current(c, epoch) {
                continue;
            }
            let l = &mut self.levels[level];
            let Some(w) = l.idle.pop() else {
                // Cannot happen (busy < replicas); put the attempt back.
                l.queue.push_front((c, epoch));
                return;
            };
            l.busy += 1;
            let worker = &mut l.workers[usize::from(w)];
            worker.token = worker.token.wrapping_add(1);
            worker.job = Some((c, epoch));
            worker.since = k.now();
            let token = worker.token;
            let work = exponential(&mut self.work, l.spec.time);
            self.calls[c as usize].worker = Some(w);
            k.schedule(k.now() + work, Event::Done { level: level as u8, worker: w, token });
        }
    }

    /// The queue at `level` is empty now: if it is draining after an outage, it has drained.
    fn drained(&mut self, now: f64, level: usize) {
        if level == self.outage_level
            && let Some(since) = self.tally.draining_since.take()
        {
            self.tally.drain_time = now - since;
        }
    }

    /// Worker `w` at `level` stops and is free again; returns the seconds it had worked.
    fn release(&mut self, now: f64, level: usize, w: u16) -> f64 {
        if let Some(l) = self.levels.get_mut(level)
            && let Some(worker) = l.workers.get_mut(usize::from(w))
            && worker.job.is_some()
        {
            let worked = now - worker.since;
            worker.job = None;
            worker.token = worker.token.wrapping_add(1);
            l.busy = l.busy.saturating_sub(1);
            l.idle.push(w);
            return worked;
        }
        0.0
    }

    fn on_done(&mut self, k: &mut K, level: usize, w: u16, token: u32) {
        let Some(worker) = self.levels.get(level).and_then(|l| l.workers.get(usize::from(w))) else {
            return;
        };
        let (Some((c, epoch)), true) = (worker.job, worker.token == token) else {
            // Stopped work: the worker was freed when it stopped.
            return;
        };
        let worked = self.release(k.now(), level, w);
        if !self.current(c, epoch) {
            // Nobody waits for this attempt any more.
            self.tally.wasted += worked;
        } else {
            self.calls[c as usize].worker = None;
            let fail = self.levels[level].spec.fail;
            if fail > 0.0 && chance(&mut self.failures, fail) {
                self.attempt_failed(k, c, Outcome::Failed);
            } else {
                self.call_children(k, c);
            }
        }
        if level < self.levels.len() {
            self.dispatch(k, level);
        }
    }

    /// Call `c`'s own work is done: it calls the next level, or is done itself.
    fn call_children(&mut self, k: &mut K, c: u32) {
        let call = &self.calls[c as usize];
        let (level, req, counted, epoch) = (call.level as usize, call.req, call.counted, call.epoch);
        let next = level + 1;
        if next >= self.depth() {
            self.attempt_ok(k, c);
            return;
        }
        if self.levels[next].spec.is_async {
            for _ in 0..self.fanout {
                self.send_async(k, next, counted);
            }
            self.attempt_ok(k, c);
            return;
        }
        let mut children = std::mem::take(&mut self.calls[c as usize].children);
        children.clear();
        for _ in 0..self.fanout {
            let child = self.alloc_call(next, req, c, counted);
            children.push((child, self.serial));
        }
        let ids: Vec<u32> = children.iter().map(|&(id, _)| id).collect();
        let call = &mut self.calls[c as usize];
        call.waiting = self.fanout;
        call.children = children;
        for child in ids {
            if !self.current(c, epoch) {
                break;
            }
            self.start_attempt(k, child);
        }
    }

    /// One message to the async level `level`, or shed when its backlog is full.
    fn send_async(&mut self, k: &mut K, level: usize, counted: bool) {
        if self.levels[level].queue.len() >= MAX_BACKLOG || self.live_calls >= MAX_CALLS {
            self.tally.backlog_shed += 1;
            return;
        }
        self.tally.async_sent += 1;
        let call = self.alloc_call(level, NONE, NONE, counted);
        self.start_attempt(k, call);
    }

    /// Records the end of call `c`'s current attempt.
    fn end_attempt(&mut self, now: f64, c: u32, outcome: Outcome) {
        let call = &self.calls[c as usize];
        let (level, req, started, counted) = (call.level as usize, call.req, call.started, call.counted);
        let l = &mut self.levels[level];
        if counted {
            l.ended += 1;
            l.time_sum += now - started;
            match outcome {
                Outcome::Ok | Outcome::Cancelled => {}
                Outcome::TimedOut => {
                    l.failed += 1;
                    l.timed_out += 1;
                }
                Outcome::Failed | Outcome::Refused => l.failed += 1,
            }
        }
        if let Some(r) = self.reqs.get_mut(req as usize)
            && r.live
        {
            if r.spans.len() < MAX_SPANS && self.spans_held < MAX_SPANS_HELD {
                r.spans.push(Span {
                    level: level as u8 + 1,
                    start: started - r.arrived,
                    end: now - r.arrived,
                    outcome,
                });
                self.spans_held += 1;
            } else {
                r.truncated = true;
            }
        }
    }

    fn attempt_ok(&mut self, k: &mut K, c: u32) {
        self.end_attempt(k.now(), c, Outcome::Ok);
        let call = &self.calls[c as usize];
        let (parent, req) = (call.parent, call.req);
        self.free_call(c);
        if parent != NONE {
            let p = &mut self.calls[parent as usize];
            p.waiting = p.waiting.saturating_sub(1);
            if p.waiting == 0 {
                self.attempt_ok(k, parent);
            }
        } else if req == NONE {
            self.tally.async_done += 1;
        } else {
            self.finish(k.now(), req, End::Ok);
        }
    }

    fn attempt_failed(&mut self, k: &mut K, c: u32, outcome: Outcome) {
        let now = k.now();
        self.end_attempt(now, c, outcome);
        self.cancel_children(now, c);
        let call = &self.calls[c as usize];
        let (level, req, parent, attempts) = (call.level as usize, call.req, call.parent, call.attempts);
        let before_deadline = match (self.reqs.get(req as usize), self.scenario.calls.deadline) {
            (Some(r), Some(deadline)) => now < r.arrived + deadline,
            _ => true,
        };
        let l = &mut self.levels[level];
        let retry = attempts <= l.spec.retries
            && before_deadline
            && l.budget.as_mut().is_none_or(|budget| budget.try_spend());
        if retry {
            self.start_attempt(k, c);
            return;
        }
        self.free_call(c);
        if parent != NONE {
            if self.calls[parent as usize].live {
                self.attempt_failed(k, parent, Outcome::Failed);
            }
        } else if req == NONE {
            self.tally.async_failed += 1;
        } else {
            self.finish(now, req, End::Failed);
        }
    }

    /// Cancels the children of call `c`'s current attempt (and theirs).
    fn cancel_children(&mut self, now: f64, c: u32) {
        let children = std::mem::take(&mut self.calls[c as usize].children);
        for &(child, serial) in &children {
            let call = &self.calls[child as usize];
            if call.live && call.serial == serial {
                self.cancel(now, child);
            }
        }
        let mut children = children;
        children.clear();
        self.calls[c as usize].children = children;
    }

    /// Cancels call `c` and everything below it. With a deadline the calls carry it, so the
    /// services stop the work at once; without one, a worker finishes what it started.
    fn cancel(&mut self, now: f64, c: u32) {
        self.cancel_children(now, c);
        let call = &self.calls[c as usize];
        if self.scenario.calls.deadline.is_some()
            && let Some(w) = call.worker
        {
            let (level, job) = (call.level as usize, Some((c, call.epoch)));
            if self.levels[level].workers.get(usize::from(w)).is_some_and(|worker| worker.job == job) {
                self.tally.wasted += self.release(now, level, w);
            }
        }
        if self.calls[c as usize].attempts > 0 {
            self.end_attempt(now, c, Outcome::Cancelled);
            self.tally.cancelled += 1;
        }
        self.free_call(c);
    }

    fn on_timeout(&mut self, k: &mut K, c: u32, epoch: u32) {
        if self.current(c, epoch) {
            self.attempt_failed(k, c, Outcome::TimedOut);
        }
    }

    fn on_deadline(&mut self, k: &mut K, r: u32, epoch: u32) {
        let now = k.now();
        let Some(req) = self.reqs.get(r as usize) else {
            return;
        };
        if !req.live || req.epoch != epoch {
            return;
        }
        let root = req.root;
        if self.calls.get(root as usize).is_some_and(|c| c.live && c.req == r) {
            self.cancel(now, root);
        }
        self.finish(now, r, End::Deadline);
    }

    /// Request `r` is answered (or has failed) now.
    fn finish(&mut self, now: f64, r: u32, end: End) {
        let req = &mut self.reqs[r as usize];
        if !req.live {
            return;
        }
        req.live = false;
        req.epoch = req.epoch.wrapping_add(1);
        self.live_reqs -= 1;
        let (arrived, counted) = (req.arrived, req.counted);
        let latency = now - arrived;
        let spans = std::mem::take(&mut req.spans);
        let truncated = req.truncated;
        self.spans_held -= spans.len();
        if counted {
            self.metrics.departed(arrived, now);
            self.responses.record(latency);
            match end {
                End::Ok => self.metrics.completed(arrived, 0.0, now),
                End::Failed => {
                    self.metrics.counts.failed += 1;
                    self.metrics.series.at(now).failed += 1;
                }
                End::Deadline => {
                    self.metrics.counts.timed_out += 1;
                    self.tally.deadline_exceeded += 1;
                    self.metrics.series.at(now).timed_out += 1;
                }
            }
            if latency >= self.slowest.latency {
                self.slowest = Waterfall { latency, ok: end == End::Ok, spans, truncated };
                self.free_reqs.push(r);
                return;
            }
        }
        let req = &mut self.reqs[r as usize];
        req.spans = spans;
        req.spans.clear();
        self.free_reqs.push(r);
    }

    fn set_down(&mut self, k: &mut K, level: usize, down: bool) {
        if let Some(l) = self.levels.get_mut(level) {
            l.down = down;
            if !down && level == self.outage_level {
                self.tally.draining_since = Some(k.now());
            }
            if !down {
                self.dispatch(k, level);
            }
        }
    }
}

impl Model for Calls {
    type Event = Event;

    fn start(&mut self, k: &mut K) {
        self.schedule_next_arrival(k);
        let s = &self.scenario.servers;
        if let Some(at) = s.outage_at {
            k.schedule(at, Event::OutageStart);
            k.schedule(at + s.outage_len, Event::OutageEnd);
        }
    }

    #[inline]
    fn advance(&mut self, now: f64, to: f64) {
        if to > now {
            let busy: u32 = self.levels.iter().map(|l| l.busy).sum();
            let workers: u32 = self.levels.iter().filter(|l| !l.down).map(|l| l.spec.replicas).sum();
            let backlog = self.backlog();
            let from = now.max(self.metrics.since);
            if to > from {
                let dt = to - from;
                self.tally.busy_area += f64::from(busy) * dt;
                self.tally.worker_area += f64::from(workers) * dt;
                self.tally.backlog_area += backlog as f64 * dt;
            }
            self.metrics.advance(
                to,
                Levels {
                    in_system: self.live_reqs as f64,
                    queue: backlog as f64,
                    busy: f64::from(busy),
                    workers: f64::from(workers),
                },
            );
        }
    }

    fn handle(&mut self, k: &mut K, event: Event) {
        match event {
            Event::Arrival => self.on_arrival(k),
            Event::Done { level, worker, token } => self.on_done(k, usize::from(level), worker, token),
            Event::Timeout { call, epoch } => self.on_timeout(k, call, epoch),
            Event::Deadline { req, epoch } => self.on_deadline(k, req, epoch),
            Event::OutageStart => self.set_down(k, self.outage_level, true),
            Event::OutageEnd => self.set_down(k, self.outage_level, false),
        }
    }

    fn tag(event: &Event) -> u64 {
        match *event {
            Event::Arrival => 1,
            Event::Done { level, worker, token } => {
                2 | u64::from(level) << 4 | u64::from(worker) << 8 | u64::from(token) << 24
            }
            Event::Timeout { call, epoch } => 3 | u64::from(call) << 8 | u64::from(epoch) << 40,
            Event::Deadline { req, epoch } => 4 | u64::from(req) << 8 | u64::from(epoch) << 40,
            Event::OutageStart => 5,
            Event::OutageEnd => 6,
        }
    }
}
