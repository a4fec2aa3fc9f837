//! Contention: writers doing read-modify-write on shared records, over imperfect delivery.
//!
//! Each arrival is a message asking for one increment of a record (`keys` records, Zipf
//! popularity `zipf`). A writer reads the record when its message is delivered, waits `gap`,
//! then writes the value it read plus one. What keeps concurrent writers from losing each
//! other's updates is the `strategy`:
//! - `none`: the write overwrites whatever is there; writes made meanwhile are lost;
//! - `lock`: a writer holds the record's lock from its read to its write; others wait in line
//!   (first come, first served);
//! - `optimistic`: the write succeeds only if the record's version is still the one read;
//!   otherwise it is a conflict and the writer reads again and retries;
//! - `atomic`: the record adds one itself at the write: nothing to lose, nothing to wait for.
//!
//! Delivery is imperfect: with `dup_prob` a message is delivered a second time (its effect is
//! then doubled, unless `idempotency` recognizes its id and skips it); with `reorder_prob` it
//! is held back and delivered late, after messages sent after it. A late or repeated delivery
//! comes an exponential time after the first, with mean [`LATE_GAPS`] gaps (at least
//! [`MIN_LATE`] seconds).
//!
//! Bounded memory: writers in flight, writers waiting for locks and the ids idempotency
//! remembers are capped (`crate::sim::limits`, [`IDEMPOTENCY_WINDOW`]); a delivery beyond a
//! cap is shed and counted.
//!
//! Here: the model's events and state and how each event changes them; `observe` is what is
//! read of a run (its report, its scene, a learner's failures).

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use serde::Serialize;

use crate::scenario::{Scenario, WriteStrategy};
use crate::sim::dist::exponential;
use crate::sim::histogram::Histogram;
use crate::sim::kernel::{Kernel, Model};
use crate::sim::limits;
use crate::sim::metrics::Metrics;
use crate::sim::rng::{SimRng, chance, stream};
use crate::sim::series::Levels;
use crate::sim::source::Source;

mod observe;

/// The stream delivery draws from (duplicates, late messages, their delays); 1 and 3 are the
/// source's.
const DELIVERY_STREAM: u64 = 11;
/// A late or repeated delivery comes after an exponential delay of this many gaps on average.
pub const LATE_GAPS: f64 = 10.0;
/// ... and at least this many seconds on average (when the gap is tiny or zero).
pub const MIN_LATE: f64 = 0.01;
/// Message ids idempotency remembers (the most recent); an older id delivered again is not
/// recognized.
pub const IDEMPOTENCY_WINDOW: usize = 200_000;
/// An optimistic writer gives up after this many attempts (counted as `failed`).
pub const MAX_ATTEMPTS: u32 = 100;
/// Records the picture shows (the hottest: key 0 is the most popular).
pub const SHOWN_RECORDS: usize = 12;
/// Writers the picture shows.
pub const SHOWN_WRITERS: usize = 48;
/// Lost updates the picture remembers, to flash them.
pub const SHOWN_LOSSES: usize = 16;

/// What happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// The next message is sent (delivered at once unless held back).
    Arrival,
    /// A message held back, or a second copy of one, is delivered.
    Deliver { id: u64, key: u32, copy: bool },
    /// Writer `slot` reaches the end of its gap and writes.
    Write { slot: u32 },
}

type K = Kernel<Event>;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Record {
    value: u64,
    version: u64,
}

/// Where a writer is in its read → gap → write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Waiting for the record's lock.
    Waiting,
    /// Has read, will write at the end of its gap.
    Gap,
}

#[derive(Clone, Copy, Debug)]
struct Writer {
    key: u32,
    /// A second delivery of a message already delivered.
    copy: bool,
    delivered: f64,
    /// When it read (started its gap).
    read_at: f64,
    read: u64,
    version: u64,
    attempts: u32,
    waited: f64,
    phase: Phase,
    live: bool,
}

/// One record as drawn.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RecordView {
    pub key: u32,
    pub value: u64,
    /// Increments asked of it and done (first deliveries): what its value would be if
    /// nothing were lost or doubled.
    pub expected: u64,
    pub locked: bool,
    /// Writers waiting for its lock.
    pub waiting: usize,
}

/// One writer as drawn.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WriterView {
    pub key: u32,
    pub phase: Phase,
    /// How far through its gap (0 to 1; 0 while waiting).
    pub progress: f64,
    /// A repeated delivery.
    pub copy: bool,
    /// Its record changed since it read: its write will overwrite (or, optimistic, conflict).
    pub stale: bool,
}

/// A lost update, to flash.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LossView {
    pub key: u32,
    pub at: f64,
    /// Updates it overwrote.
    pub lost: u64,
}

/// What a view draws of contention.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ContentionScene {
    pub strategy: &'static str,
    pub gap: f64,
    /// The hottest records (at most [`SHOWN_RECORDS`]).
    pub records: Vec<RecordView>,
    /// Records in all.
    pub keys: u64,
    pub writers: Vec<WriterView>,
    /// Writers in flight in all (those drawn are at most [`SHOWN_WRITERS`], on the records
    /// drawn).
    pub in_flight: usize,
    /// Recent lost updates (within [`flash_window`] of now), to flash.
    pub losses: Vec<LossView>,
}

/// How long a lost update flashes, in simulated seconds: three gaps, and at least what about
/// eight arrivals take (a second of wall time at the widget's starting speed).
pub fn flash_window(s: &Scenario) -> f64 {
    let rate = s.arrivals.rate.max(1e-3);
    (3.0 * s.contention.gap).max(8.0 / rate).clamp(0.05, 1e4)
}

/// Records, the writers working on them and the messages that bring them.
#[derive(Clone, Debug)]
pub struct Contention {
    scenario: Scenario,
    source: Source,
    rng: SimRng,
    metrics: Metrics,
    records: Vec<Record>,
    /// Expected value of each shown record.
    expected_shown: Vec<u64>,
    writers: Vec<Writer>,
    free: Vec<u32>,
    in_flight: usize,
    in_gap: usize,
    /// Per locked record: the writers waiting for it, first come first.
    locks: BTreeMap<u32, VecDeque<u32>>,
    waiting: usize,
    /// Ids idempotency remembers, and the order they came in.
    seen: BTreeSet<u64>,
    seen_order: VecDeque<u64>,
    lock_waits: Histogram,
    losses: VecDeque<LossView>,
    tally: Tally,
}

/// The run's own counts.
#[derive(Clone, Copy, Debug, Default)]
struct Tally {
    deliveries: u64,
    duplicates: u64,
    late: u64,
    deduplicated: u64,
    /// First deliveries written: the expected total.
    expected: u64,
    double_effects: u64,
    /// Sum over writes of what each overwrote (value found minus value read).
    lost: i64,
    conflicts: u64,
    /// The records' values summed.
    total: u64,
    writes: u64,
}

impl Contention {
    pub fn new(s: &Scenario) -> Contention {
        let keys = s.keys.count.max(1) as usize;
        Contention {
            scenario: s.clone(),
            source: Source::new(s, true),
            rng: stream(s.run.seed, DELIVERY_STREAM),
            metrics: Metrics::new(s.run.warmup, s.run.bucket),
            records: vec![Record::default(); keys],
            expected_shown: vec![0; keys.min(SHOWN_RECORDS)],
            writers: Vec::new(),
            free: Vec::new(),
            in_flight: 0,
            in_gap: 0,
            locks: BTreeMap::new(),
            waiting: 0,
            seen: BTreeSet::new(),
            seen_order: VecDeque::new(),
            lock_waits: Histogram::default(),
            losses: VecDeque::new(),
            tally: Tally::default(),
        }
    }

    fn gap(&self) -> f64 {
        self.scenario.contention.gap
    }

    fn late_delay(&mut self) -> f64 {
        let mean = (self.gap() * LATE_GAPS).max(MIN_LATE);
        exponential(&mut self.rng, mean)
    }

    fn schedule_next_arrival(&mut self, k: &mut K) {
        if let Some(next) = self.source.next(k.now()) {
            k.schedule(next, Event::Arrival);
        }
    }

    fn on_arrival(&mut self, k: &mut K) {
        let arrival = self.source.arrive();
        self.schedule_next_arrival(k);
        let now = k.now();
        self.metrics.arrival(now);
        let id = self.source.arrived();
        let c = &self.scenario.contention;
        let (dup_prob, reorder_prob) = (c.dup_prob, c.reorder_prob);
        let late = reorder_prob > 0.0 && chance(&mut self.rng, reorder_prob);
        let copy = dup_prob > 0.0 && chance(&mut self.rng, dup_prob);
        let mut first = now;
        if late {
            first = now + self.late_delay();
            self.tally.late += 1;
        }
        if copy {
            let at = first + self.late_delay();
            self.schedule_delivery(k, at, id, arrival.key, true);
        }
        if late {
            self.schedule_delivery(k, first, id, arrival.key, false);
        } else {
            self.deliver(k, id, arrival.key, false);
        }
    }

    /// Schedules a delivery, unless the run holds too many events already (then it is shed).
    fn schedule_delivery(&mut self, k: &mut K, at: f64, id: u64, key: u32, copy: bool) {
        if k.pending() >= limits::MAX_PENDING {
            self.tally.deliveries += 1;
            self.tally.duplicates += u64::from(copy);
            self.metrics.shed(k.now(), k.now() >= self.metrics.since);
            return;
        }
        k.schedule(at, Event::Deliver { id, key, copy });
    }

    /// Message `id` reaches its writer.
    fn deliver(&mut self, k: &mut K, id: u64, key: u32, copy: bool) {
        let now = k.now();
        self.tally.deliveries += 1;
        self.tally.duplicates += u64::from(copy);
        if self.scenario.contention.idempotency {
            if self.seen.contains(&id) {
                self.tally.deduplicated += 1;
                return;
            }
            self.remember(id);
        }
        let key = (key as usize).min(self.records.len() - 1) as u32;
        if !limits::admits(self.in_flight, k.pending(), self.waiting) {
            self.metrics.shed(now, now >= self.metrics.since);
            return;
        }
        let writer = Writer {
            key,
            copy,
            delivered: now,
            read_at: now,
            read: 0,
            version: 0,
            attempts: 1,
            waited: 0.0,
            phase: Phase::Gap,
            live: true,
        };
        let slot = match self.free.pop() {
            Some(slot) => {
                self.writers[slot as usize] = writer;
                slot
            }
            None => {
                self.writers.push(writer);
                (self.writers.len() - 1) as u32
            }
        };
        self.in_flight += 1;
        if self.scenario.contention.strategy == WriteStrategy::Lock {
            if let Some(queue) = self.locks.get_mut(&key) {
                queue.push_back(slot);
                self.waiting += 1;
                self.writers[slot as usize].phase = Phase::Waiting;
                return;
            }
            self.locks.insert(key, VecDeque::new());
            self.lock_waits.record(0.0);
            self.series_lock_wait(now, 0.0);
        }
        self.start_gap(k, slot);
    }

    fn remember(&mut self, id: u64) {
        self.seen.insert(id);
        self.seen_order.push_back(id);
        if self.seen_order.len() > IDEMPOTENCY_WINDOW
            && let Some(old) = self.seen_order.pop_front()
        {
            self.seen.remove(&old);
        }
    }

    /// Writer `slot` reads its record now and writes after the gap.
    fn start_gap(&mut self, k: &mut K, slot: u32) {
        let now = k.now();
        let gap = self.gap();
        let w = &mut self.writers[slot as usize];
        let record = self.records[w.key as usize];
        w.read = record.value;
        w.version = record.version;
        w.read_at = now;
        w.phase = Phase::Gap;
        self.in_gap += 1;
        k.schedule(now + gap, Event::Write { slot });
    }

    fn series_lock_wait(&mut self, now: f64, wait: f64) {
        let bucket = self.metrics.series.at(now);
        bucket.lock_waits += 1;
        bucket.lock_wait_sum += wait;
    }

    fn on_write(&mut self, k: &mut K, slot: u32) {
        let now = k.now();
        let Some(w) = self.writers.get(slot as usize).copied() else {
            return;
        };
        if !w.live {
            return;
        }
        self.in_gap = self.in_gap.saturating_sub(1);
        let key = w.key as usize;
        let record = self.records[key];
        match self.scenario.contention.strategy {
            WriteStrategy::None => {
                let value = w.read + 1;
                self.set(key, value);
                if record.value != w.read {
                    let overwritten = record.value as i64 - w.read as i64;
                    self.tally.lost += overwritten;
                    if overwritten > 0 {
                        self.metrics.series.at(now).lost += overwritten as u64;
                        if self.losses.len() == SHOWN_LOSSES {
                            self.losses.pop_front();
                        }
                        self.losses.push_back(LossView { key: w.key, at: now, lost: overwritten as u64 });
                    }
                }
            }
            WriteStrategy::Lock | WriteStrategy::Atomic => self.set(key, record.value + 1),
            WriteStrategy::Optimistic => {
                if record.version != w.version {
                    self.tally.conflicts += 1;
                    self.metrics.series.at(now).retries += 1;
                    let attempts = w.attempts + 1;
                    if attempts > MAX_ATTEMPTS {
                        if now >= self.metrics.since {
                            self.metrics.counts.failed += 1;
                            self.metrics.series.at(now).failed += 1;
                            self.metrics.departed(w.delivered, now);
                        }
                        self.release(slot);
                        return;
                    }
                    self.writers[slot as usize].attempts = attempts;
                    self.start_gap(k, slot);
                    return;
                }
                self.set(key, record.value + 1);
            }
        }
        self.tally.writes += 1;
        if w.copy {
            self.tally.double_effects += 1;
        } else {
            self.tally.expected += 1;
            if let Some(e) = self.expected_shown.get_mut(key) {
                *e += 1;
            }
        }
        if w.delivered >= self.metrics.since {
            // A repeat leaves without counting as a message served: its effect is a double one.
            if !w.copy {
                self.metrics.counts.attempts += u64::from(w.attempts);
                self.metrics.completed(w.delivered, w.waited, now);
            }
            self.metrics.departed(w.delivered, now);
        }
        self.release(slot);
        if self.scenario.contention.strategy == WriteStrategy::Lock {
            self.hand_over(k, w.key);
        }
    }

    /// Record `key` takes `value`, a new version.
    fn set(&mut self, key: usize, value: u64) {
        let record = &mut self.records[key];
        self.tally.total = self.tally.total - record.value + value;
        record.value = value;
        record.version += 1;
    }

    fn release(&mut self, slot: u32) {
        if let Some(w) = self.writers.get_mut(slot as usize) {
            w.live = false;
            self.free.push(slot);
            self.in_flight = self.in_flight.saturating_sub(1);
        }
    }

    /// The lock on `key` passes to the writer first in line, or is freed.
    fn hand_over(&mut self, k: &mut K, key: u32) {
        let next = self.locks.get_mut(&key).and_then(VecDeque::pop_front);
        match next {
            Some(slot) => {
                self.waiting = self.waiting.saturating_sub(1);
                let now = k.now();
                let wait = now - self.writers[slot as usize].delivered;
                self.writers[slot as usize].waited = wait;
                self.lock_waits.record(wait);
                self.series_lock_wait(now, wait);
                self.start_gap(k, slot);
            }
            None => {
                self.locks.remove(&key);
            }
        }
    }

    /// Updates lost so far: writes made minus what the records hold.
    fn lost_updates(&self) -> u64 {
        self.tally.lost.max(0) as u64
    }
}

impl Model for Contention {
    type Event = Event;

    fn start(&mut self, k: &mut K) {
        self.schedule_next_arrival(k);
    }

    #[inline]
    fn advance(&mut self, now: f64, to: f64) {
        if to > now {
            let levels = Levels {
                in_system: self.in_flight as f64,
                queue: self.waiting as f64,
                busy: self.in_gap as f64,
                workers: 0.0,
            };
            self.metrics.advance(to, levels);
        }
    }

    fn handle(&mut self, k: &mut K, event: Event) {
        match event {
            Event::Arrival => self.on_arrival(k),
            Event::Deliver { id, key, copy } => self.deliver(k, id, key, copy),
            Event::Write { slot } => self.on_write(k, slot),
        }
    }

    fn tag(event: &Event) -> u64 {
        match *event {
            Event::Arrival => 1,
            Event::Deliver { id, key, copy } => {
                2 | (u64::from(copy) << 2) | ((u64::from(key) << 3) ^ (id << 24))
            }
            Event::Write { slot } => 3 | u64::from(slot) << 8,
        }
    }
}
