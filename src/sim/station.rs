//! A station: `c` workers sharing one queue. The queue has a capacity (waiting places, not
//! counting jobs in service) and a discipline (FIFO, LIFO, or two priority classes). Workers
//! have speeds and can die and recover. The station also keeps its own time-weighted
//! accounting (busy workers, queue length) for per-server metrics.
//!
//! Removal from the queue is lazy: a job whose request gave up stays in the deque, is no longer
//! counted in `waiting`, and is skipped when reached.

use std::collections::VecDeque;

use super::float::count;
use crate::scenario::Discipline;

/// Abandoned jobs a queue may hold beyond twice its live ones before it compacts.
const COMPACT_SLACK: usize = 1024;

/// A unit of work queued at or served by a station.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Job<P> {
    pub payload: P,
    /// Seconds of work on a speed-1 worker.
    pub work: f64,
    pub enqueued: f64,
    pub class: Class,
}

/// A job's priority class. Eight bytes wide on purpose: a `bool` here left seven bytes of
/// padding in every `Job`, which the compiler copied with overlapping moves that stalled the
/// hot path (the processor could not forward the stores to the loads).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u64)]
pub enum Class {
    Normal = 0,
    High = 1,
}

impl Class {
    pub fn of(high: bool) -> Class {
        if high { Class::High } else { Class::Normal }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Worker<P> {
    pub job: Option<Job<P>>,
    pub started: f64,
    pub done_at: f64,
    pub speed: f64,
    pub up: bool,
    /// Removed by the autoscaler: leaves once its current job is done.
    pub retiring: bool,
    /// Changes whenever the worker starts a job or dies, to spot stale completion events.
    pub epoch: u32,
}

impl<P> Worker<P> {
    fn new(speed: f64) -> Self {
        Worker { job: None, started: 0.0, done_at: 0.0, speed, up: true, retiring: false, epoch: 0 }
    }

    pub fn is_free(&self) -> bool {
        self.up && !self.retiring && self.job.is_none()
    }
}

/// What happened to a job offered to a station.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Offer {
    /// A worker took it; it finishes at `done_at`.
    Started {
        worker: u16,
        done_at: f64,
        epoch: u32,
    },
    Queued,
    /// No waiting place left.
    Full,
}

#[derive(Clone, Debug)]
pub struct Station<P> {
    pub workers: Vec<Worker<P>>,
    queue: VecDeque<Job<P>>,
    /// Priority discipline: the high class.
    high: VecDeque<Job<P>>,
    discipline: Discipline,
    capacity: Option<u64>,
    /// Jobs waiting (not counting abandoned ones).
    pub waiting: usize,
    pub busy: usize,
    /// Workers up, and of those the ones not retiring: counted whenever a worker comes, goes,
    /// dies or recovers, since every event reads them (`is_up`, `available`).
    up: usize,
    active: usize,
    last: f64,
    /// Totals since time 0 (up to `last`), and their values when measurement started.
    tally: Tally,
    baseline: Tally,
}

/// A station's running totals: time-integrals of busy workers, waiting jobs and available
/// workers (worker-seconds), and counts of jobs completed and turned away.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Tally {
    pub busy: f64,
    pub queue: f64,
    pub capacity: f64,
    pub completed: u64,
    pub dropped: u64,
}

impl Tally {
    /// These totals after `dt` more seconds with `busy` workers busy, `waiting` jobs waiting and
    /// `available` workers.
    #[inline]
    pub fn held_for(self, dt: f64, busy: usize, waiting: usize, available: usize) -> Tally {
        Tally {
            busy: self.busy + count(busy) * dt,
            queue: self.queue + count(waiting) * dt,
            capacity: self.capacity + count(available) * dt,
            ..self
        }
    }

    /// What was added to the totals since `earlier`.
    pub fn minus(self, earlier: Tally) -> Tally {
        Tally {
            busy: self.busy - earlier.busy,
            queue: self.queue - earlier.queue,
            capacity: self.capacity - earlier.capacity,
            completed: self.completed - earlier.completed,
            dropped: self.dropped - earlier.dropped,
        }
    }
}

impl<P: Copy> Station<P> {
    pub fn new(workers: usize, speeds: &[f64], discipline: Discipline, capacity: Option<u64>) -> Self {
        let mut station = Station {
            workers: (0..workers).map(|i| Worker::new(speeds.get(i).copied().unwrap_or(1.0))).collect(),
            queue: VecDeque::new(),
            high: VecDeque::new(),
            discipline,
            capacity,
            waiting: 0,
            busy: 0,
            up: 0,
            active: 0,
            last: 0.0,
            tally: Tally::default(),
            baseline: Tally::default(),
        };
        station.recount();
        station
    }

    /// Counts the workers up and the active ones again, after any of them changed.
    fn recount(&mut self) {
        self.up = self.workers.iter().filter(|w| w.up).count();
        self.active = self.workers.iter().filter(|w| w.up && !w.retiring).count();
    }

    /// Brings the time-weighted accounting up to `now`.
    #[inline]
    pub fn advance(&mut self, now: f64) {
        self.advance_accounting(now);
    }

    /// Offers `job` at `now`: a free worker starts it, or it waits, or it is turned away.
    pub fn offer(&mut self, job: Job<P>, now: f64) -> Offer {
        self.advance(now);
        if let Some(worker) = self.workers.iter().position(Worker::is_free) {
            let (done_at, epoch) = self.start(worker, job, now);
            return Offer::Started { worker: worker as u16, done_at, epoch };
        }
        if self.capacity.is_some_and(|cap| self.waiting as u64 >= cap) {
            self.tally.dropped += 1;
            return Offer::Full;
        }
        self.waiting += 1;
        if self.discipline == Discipline::Priority && job.class == Class::High {
            self.high.push_back(job);
        } else {
            self.queue.push_back(job);
        }
        Offer::Queued
    }

    fn start(&mut self, worker: usize, job: Job<P>, now: f64) -> (f64, u32) {
        let w = &mut self.workers[worker];
        let done_at = now + job.work / w.speed;
        w.job = Some(job);
        w.started = now;
        w.done_at = done_at;
        w.epoch = w.epoch.wrapping_add(1);
        self.busy += 1;
        (done_at, w.epoch)
    }

    /// Whether a completion event for `worker` with `epoch` is current.
    pub fn is_current(&self, worker: u16, epoch: u32) -> bool {
        self.workers.get(worker as usize).is_some_and(|w| w.job.is_some() && w.epoch == epoch)
    }

    /// Ends `worker`'s job at `now` and returns it. A retiring worker leaves.
    pub fn finish(&mut self, worker: u16, now: f64) -> Option<Job<P>> {
        self.advance(now);
        let w = self.workers.get_mut(worker as usize)?;
        let job = w.job.take()?;
        if w.retiring {
            w.up = false;
            w.retiring = false;
            self.recount();
        }
        self.busy -= 1;
        self.tally.completed += 1;
        Some(job)
    }

    /// Gives free workers the next waiting jobs (skipping those `is_live` rejects), returning
    /// what started.
    pub fn dispatch(&mut self, now: f64, is_live: impl Fn(&P) -> bool) -> Vec<(u16, Job<P>, f64, u32)> {
        let mut started = Vec::new();
        while let Some(worker) = self.workers.iter().position(Worker::is_free) {
            let Some(job) = self.next_waiting(&is_live) else {
                break;
            };
            let (done_at, epoch) = self.start(worker, job, now);
            started.push((worker as u16, job, done_at, epoch));
        }
        started
    }

    /// Like `dispatch`, for one worker known to be free: the common case, without allocating.
    pub fn dispatch_one(
        &mut self,
        worker: u16,
        now: f64,
        is_live: impl Fn(&P) -> bool,
    ) -> Option<(Job<P>, f64, u32)> {
        if !self.workers.get(worker as usize).is_some_and(Worker::is_free) {
            return None;
        }
        let job = self.next_waiting(&is_live)?;
        let (done_at, epoch) = self.start(worker as usize, job, now);
        Some((job, done_at, epoch))
    }

    fn next_waiting(&mut self, is_live: &impl Fn(&P) -> bool) -> Option<Job<P>> {
        loop {
            let job = match self.discipline {
                Discipline::Lifo => self.queue.pop_back(),
                Discipline::Fifo => self.queue.pop_front(),
                Discipline::Priority => self.high.pop_front().or_else(|| self.queue.pop_front()),
            }?;
            if is_live(&job.payload) {
                self.waiting -= 1;
                return Some(job);
            }
        }
    }

    /// A waiting job gave up: it no longer counts (it is skipped when reached).
    pub fn abandon_waiting(&mut self, now: f64) {
        self.advance(now);
        self.waiting = self.waiting.saturating_sub(1);
    }

    /// Kills worker `i`: returns the job it was serving, if any.
    pub fn kill(&mut self, i: usize, now: f64) -> Option<Job<P>> {
        self.advance(now);
        let w = self.workers.get_mut(i)?;
        w.up = false;
        w.epoch = w.epoch.wrapping_add(1);
        let job = w.job.take();
        self.recount();
        if job.is_some() {
            self.busy -= 1;
        }
        job
    }

    /// Empties the queue (its last worker died), returning the live jobs.
    pub fn drain(&mut self, now: f64, is_live: impl Fn(&P) -> bool) -> Vec<Job<P>> {
        self.advance(now);
        self.waiting = 0;
        let jobs = self.high.drain(..).chain(self.queue.drain(..));
        jobs.filter(|job| is_live(&job.payload)).collect()
    }

    pub fn revive(&mut self, i: usize, now: f64) {
        self.advance(now);
        if let Some(w) = self.workers.get_mut(i) {
            w.up = true;
        }
        self.recount();
    }

    /// Adds a worker (autoscaling), reusing a departed one's place.
    pub fn add_worker(&mut self, now: f64) -> u16 {
        self.advance(now);
        if let Some(i) = self.workers.iter().position(|w| !w.up && w.job.is_none()) {
            self.workers[i].up = true;
            self.recount();
            return i as u16;
        }
        self.workers.push(Worker::new(1.0));
        self.recount();
        (self.workers.len() - 1) as u16
    }

    /// Removes a worker (autoscaling): an idle one at once, else a busy one after its job.
    pub fn remove_worker(&mut self, now: f64) {
        self.advance(now);
        let active = |w: &Worker<P>| w.up && !w.retiring;
        let idle = self.workers.iter().rposition(|w| active(w) && w.job.is_none());
        if let Some(i) = idle.or_else(|| self.workers.iter().rposition(active)) {
            let w = &mut self.workers[i];
            if w.job.is_some() { w.retiring = true } else { w.up = false }
        }
        self.recount();
    }

    /// Drops the jobs `is_live` rejects from the queues, when they have come to outnumber the
    /// live ones: a queue whose requests time out would otherwise keep every abandoned job
    /// until a worker reached it. Order is kept, so what happens next is unchanged.
    pub fn compact(&mut self, is_live: impl Fn(&P) -> bool) {
        if self.held() > 2 * self.waiting + COMPACT_SLACK {
            self.queue.retain(|job| is_live(&job.payload));
            self.high.retain(|job| is_live(&job.payload));
        }
    }

    /// The jobs waiting, in queue order (for views).
    pub fn queued(&self) -> impl Iterator<Item = &Job<P>> {
        self.high.iter().chain(self.queue.iter())
    }
}

impl<P> Station<P> {
    /// Jobs held in the queues, abandoned ones included.
    pub fn held(&self) -> usize {
        self.queue.len() + self.high.len()
    }

    /// Workers up and not retiring.
    #[inline]
    pub fn available(&self) -> usize {
        self.active
    }

    /// Whether any worker is up.
    #[inline]
    pub fn is_up(&self) -> bool {
        self.up > 0
    }

    /// Requests at this station: waiting plus in service.
    pub fn load(&self) -> usize {
        self.waiting + self.busy
    }

    /// Jobs completed since time 0.
    pub fn completed(&self) -> u64 {
        self.tally.completed
    }

    /// Measurement starts at `at` (the end of the warm-up): `measured_at` counts from here.
    /// The station itself, and anything that watches its totals, carries on unchanged.
    pub fn mark_baseline(&mut self, at: f64) {
        self.advance_accounting(at);
        self.baseline = self.tally;
    }

    /// Totals since time 0, as of `now` (not before the last change), without mutating.
    pub fn totals_at(&self, now: f64) -> Tally {
        let dt = (now - self.last).max(0.0);
        self.tally.held_for(dt, self.busy, self.waiting, self.available())
    }

    /// Totals since measurement started, as of `now`.
    pub fn measured_at(&self, now: f64) -> Tally {
        self.totals_at(now).minus(self.baseline)
    }

    fn advance_accounting(&mut self, now: f64) {
        let dt = now - self.last;
        if dt > 0.0 {
            self.tally = self.tally.held_for(dt, self.busy, self.waiting, self.available());
            self.last = now;
        }
    }
}
