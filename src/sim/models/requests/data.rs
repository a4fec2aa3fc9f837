//! The data stage: a cache in front of a database.
//!
//! Reads: a fresh cached copy answers after one cache round trip; a miss reads the database
//! (its workers and queue), stores what it read, and answers (cache-aside pays a second round
//! trip to store). With coalescing, misses for a key already being read wait for that read.
//!
//! Writes: write-around writes the database and deletes the cached copy; write-through writes
//! the database and then the cache; write-back writes the cache, answers, and reaches the
//! database `flush_delay` later.
//!
//! Every write makes a new version of its key. A hit that returns an older version than the
//! latest written is a stale read.

use rand::Rng;

use super::EventKind;
use super::{K, RequestPath};
use crate::scenario::{CachePolicy, ReadPolicy, Scenario, TtlMode, WritePolicy};
use crate::sim::cache::{Cache, CacheConfig, Eviction, InsertOptions, KeyMap, Lookup, Ttl};
use crate::sim::dist::exponential;
use crate::sim::request::{ReqRef, Stage};
use crate::sim::rng::uniform;
use crate::sim::station::{Class, Job, Offer, Station};

/// Waiters on one key's read past which the list drops those that gave up.
const COMPACT_WAITERS: usize = 4096;

/// Work for the database.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum DbTask {
    /// A miss reads `key`; `version` is what the database held when the read was sent.
    Read {
        req: ReqRef,
        key: u32,
        version: u32,
    },
    Write {
        req: ReqRef,
        key: u32,
        version: u32,
    },
    /// Write-back: the cache's copy of `key` reaches the database.
    Flush {
        key: u32,
        version: u32,
    },
}

#[derive(Clone, Debug)]
pub(super) struct Data {
    pub cache: Cache,
    pub db: Station<DbTask>,
    /// Per key: the latest version written, and the version the database holds.
    latest: Vec<u32>,
    stored: Vec<u32>,
    /// Coalescing: requests waiting on the read in flight for a key.
    inflight: KeyMap<Vec<ReqRef>>,
    ttl: Option<f64>,
    ttl_jitter: f64,
}

impl Data {
    pub fn new<R: Rng + ?Sized>(s: &Scenario, rng: &mut R) -> Data {
        let c = &s.cache;
        let eviction = match c.policy {
            CachePolicy::Lru => Eviction::Lru,
            CachePolicy::Lfu => Eviction::Lfu,
            CachePolicy::Fifo => Eviction::Fifo,
            CachePolicy::Random => Eviction::Random,
        };
        let ttl = match (c.ttl, c.ttl_mode) {
            (None, _) => Ttl::Never,
            (Some(t), TtlMode::Insert) => Ttl::SinceInsert(t),
            (Some(t), TtlMode::Access) => Ttl::SinceAccess(t),
        };
        let keys = s.keys.count as usize;
        let mut data = Data {
            cache: Cache::new(CacheConfig { capacity: c.capacity as usize, eviction, ttl }),
            db: Station::new(c.db_servers as usize, &[], crate::scenario::Discipline::Fifo, None),
            latest: vec![0; keys],
            stored: vec![0; keys],
            inflight: KeyMap::default(),
            ttl: c.ttl,
            ttl_jitter: c.ttl_jitter,
        };
        if c.warm {
            // The most popular keys are the lowest numbers.
            for key in 0..c.capacity.min(s.keys.count) {
                data.store(key as u32, 0, 0.0, rng);
            }
        }
        data
    }

    /// Stores `key` at `version` in the cache, with this entry's jittered ttl.
    fn store<R: Rng + ?Sized>(&mut self, key: u32, version: u32, now: f64, rng: &mut R) {
        let ttl = self.ttl.map(|ttl| ttl * (1.0 - self.ttl_jitter * uniform(rng)));
        let options = InsertOptions { version: u64::from(version), ttl };
        self.cache.insert_with(u64::from(key), now, options, rng);
    }
}

impl RequestPath {
    /// `r` reaches the cache.
    pub(super) fn enter_data(&mut self, k: &mut K, r: ReqRef) {
        let now = k.now();
        let Some(request) = self.requests.get(r) else {
            return;
        };
        let (key, write, counted) = (request.key, request.write, request.counted);
        let hit_time = self.scenario.cache.hit_time;
        let Some(data) = &mut self.data else { return };
        if write {
            let version = data.latest[key as usize].wrapping_add(1);
            data.latest[key as usize] = version;
            match self.scenario.cache.write_policy {
                WritePolicy::WriteAround | WritePolicy::WriteThrough => {
                    self.send_to_database(k, DbTask::Write { req: r, key, version });
                }
                WritePolicy::WriteBack => {
                    data.store(key, version, now, &mut self.rng.cache);
                    data.cache.set_dirty(u64::from(key), true);
                    let flush_at = now + self.scenario.cache.flush_delay;
                    self.answer_after(k, r, hit_time);
                    k.schedule(flush_at, EventKind::Flush { key });
                }
            }
            return;
        }
        match data.cache.lookup(u64::from(key), now) {
            Lookup::Hit { version } => {
                let stale = version < u64::from(data.latest[key as usize]);
                if counted {
                    let counts = &mut self.metrics.counts;
                    counts.hits += 1;
                    counts.stale_reads += u64::from(stale);
                    self.metrics.series.at(now).hits += 1;
                }
                self.answer_after(k, r, hit_time);
            }
            Lookup::Miss | Lookup::Expired { .. } => {
                if counted {
                    self.metrics.counts.misses += 1;
                    self.metrics.series.at(now).misses += 1;
                }
                if self.scenario.cache.coalesce {
                    if let Some(waiting) = data.inflight.get_mut(&u64::from(key)) {
                        if waiting.len() >= COMPACT_WAITERS && waiting.len().is_power_of_two() {
                            // Requests that gave up leave their place here; keep the list bounded.
                            let requests = &self.requests;
                            waiting.retain(|w| requests.get(*w).is_some());
                        }
                        waiting.push(r);
                        self.set_stage(r, Stage::Database);
                        return;
                    }
                    data.inflight.insert(u64::from(key), Vec::new());
                }
                let version = data.stored[key as usize];
                self.send_to_database(k, DbTask::Read { req: r, key, version });
            }
        }
    }

    fn answer_after(&mut self, k: &mut K, r: ReqRef, delay: f64) {
        self.set_stage(r, Stage::Cache);
        k.schedule(k.now() + delay, EventKind::Answered(r));
    }

    fn send_to_database(&mut self, k: &mut K, task: DbTask) {
        let now = k.now();
        if let DbTask::Read { req, .. } | DbTask::Write { req, .. } = task {
            self.set_stage(req, Stage::Database);
        }
        let Some(data) = &mut self.data else { return };
        let work = exponential(&mut self.rng.database, self.scenario.cache.db_time);
        let job = Job { payload: task, work, enqueued: now, class: Class::Normal };
        if let Offer::Started { worker, done_at, epoch } = data.db.offer(job, now) {
            k.schedule(done_at, EventKind::DatabaseDone { worker, epoch });
        }
    }

    pub(super) fn on_database_done(&mut self, k: &mut K, worker: u16, epoch: u32) {
        let now = k.now();
        let hit_time = self.scenario.cache.hit_time;
        let Some(data) = &mut self.data else { return };
        if !data.db.is_current(worker, epoch) {
            return;
        }
        let Some(job) = data.db.finish(worker, now) else {
            return;
        };
        if let Some((next, done_at, epoch)) = data.db.dispatch_one(worker, now, |_| true) {
            k.schedule(done_at, EventKind::DatabaseDone { worker, epoch });
            if let DbTask::Read { req, .. } | DbTask::Write { req, .. } = next.payload
                && let Some(request) = self.requests.get_mut(req)
            {
                request.waited += now - next.enqueued;
            }
        }
        let measured = now >= self.metrics.since;
        let Some(data) = &mut self.data else { return };
        match job.payload {
            DbTask::Read { req, key, version } => {
                if measured {
                    self.metrics.counts.db_reads += 1;
                    self.metrics.series.at(now).db_reads += 1;
                }
                data.store(key, version, now, &mut self.rng.cache);
                let waiting = data.inflight.remove(&u64::from(key)).unwrap_or_default();
                let store_trip = match self.scenario.cache.read_policy {
                    ReadPolicy::CacheAside => 2.0 * hit_time,
                    ReadPolicy::ReadThrough => hit_time,
                };
                for r in std::iter::once(req).chain(waiting) {
                    self.answer_after(k, r, store_trip);
                }
            }
            DbTask::Write { req, key, version } => {
                self.metrics.counts.db_writes += u64::from(measured);
                let slot = &mut data.stored[key as usize];
                *slot = (*slot).max(version);
                match self.scenario.cache.write_policy {
                    WritePolicy::WriteThrough => data.store(key, version, now, &mut self.rng.cache),
                    _ => {
                        data.cache.invalidate(u64::from(key));
                    }
                }
                self.answer_after(k, req, hit_time);
            }
            DbTask::Flush { key, version } => {
                self.metrics.counts.db_writes += u64::from(measured);
                let slot = &mut data.stored[key as usize];
                *slot = (*slot).max(version);
                if *slot == data.latest[key as usize] {
                    data.cache.set_dirty(u64::from(key), false);
                }
            }
        }
    }

    /// Write-back: the latest write of `key` goes to the database, unless it is there already.
    pub(super) fn on_flush(&mut self, k: &mut K, key: u32) {
        let Some(data) = &self.data else { return };
        let version = data.latest[key as usize];
        if data.stored[key as usize] < version {
            self.send_to_database(k, DbTask::Flush { key, version });
        }
    }

    /// Empties the cache (a restart); unwritten write-back data stays pending in its flush.
    pub(super) fn flush_cache(&mut self) {
        if let Some(data) = &mut self.data {
            data.cache.flush();
        }
    }
}

impl Data {
    /// Keys whose in-flight database read has other requests waiting on it.
    pub fn coalescing(&self) -> usize {
        self.inflight.values().filter(|waiting| !waiting.is_empty()).count()
    }
}
