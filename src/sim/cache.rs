//! A fixed-capacity cache of `u64` keys (values are not modelled, only presence), with LRU,
//! LFU, FIFO or random eviction and an optional time to live.
//!
//! Every operation is O(1). Entries live in a `Vec` of slots; a slot keeps its index for as long
//! as it holds its key, so a view can draw the cache as a grid of slots. A hash map from key to
//! slot finds entries; LRU and FIFO thread the slots on one intrusive list, LFU on per-frequency
//! lists (see `cache/lfu.rs`), random eviction needs no order at all.
//!
//! Expiry is lazy: a stale entry is dropped when it is looked up (the lookup reports
//! [`Lookup::Expired`]) or when the eviction policy picks it; stale entries otherwise keep their
//! slot. Write policies and request coalescing belong to the engine; the cache gives it a dirty
//! flag per entry for write-back, and [`KeyMap`] for its own per-key tables (such as the misses
//! in flight to the database).

mod key_map;
mod lfu;
mod list;

use std::fmt;

use rand::Rng;

use super::rng::below;
pub use key_map::{KeyHasher, KeyMap};
use list::{Link, Linked, List};

/// The largest capacity a cache takes; slots are allocated as they fill, not up front.
pub const MAX_CAPACITY: usize = 1 << 24;

/// Which entry makes room when a full cache takes a new key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Eviction {
    /// Least recently used (a lookup hit or an insert counts as a use).
    Lru,
    /// Least frequently used since it entered the cache; ties go to the one that reached that
    /// frequency first.
    Lfu,
    /// Oldest insert first; hits do not matter.
    Fifo,
    /// A uniformly random entry.
    Random,
}

/// How long an entry stays fresh.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Ttl {
    Never,
    /// Expires this many seconds after it was inserted; hits do not extend it.
    SinceInsert(f64),
    /// Expires this many seconds after its last insert or hit.
    SinceAccess(f64),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CacheConfig {
    /// Number of entries; 0 makes a cache that never holds anything.
    pub capacity: usize,
    pub eviction: Eviction,
    pub ttl: Ttl,
}

/// The result of a lookup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lookup {
    /// Present and fresh; `version` is the one it was stored with.
    Hit {
        version: u64,
    },
    Miss,
    /// The key was present but stale; it has now been dropped. `dirty` says it held a write
    /// that never reached the database (write-back), which the engine must now write or lose.
    Expired {
        dirty: bool,
    },
}

/// Per-entry details for [`Cache::insert_with`].
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct InsertOptions {
    /// An opaque tag returned by hits, e.g. the database version the value was read at, so the
    /// engine can tell stale reads.
    pub version: u64,
    /// This entry's time to live in place of the configured one (e.g. with per-entry jitter).
    /// Ignored when the cache has [`Ttl::Never`]; clamped to at least 0.
    pub ttl: Option<f64>,
}

/// An entry pushed out to make room, or removed by [`Cache::invalidate`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Evicted {
    pub key: u64,
    /// It held a write not yet in the database (write-back must write it now).
    pub dirty: bool,
}

/// One occupied slot, for drawing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Entry {
    /// Slot index in `0..capacity`, stable while the entry stays.
    pub slot: usize,
    pub key: u64,
    pub version: u64,
    pub inserted_at: f64,
    /// `f64::INFINITY` without a TTL.
    pub expires_at: f64,
    /// Hits since it was inserted.
    pub hits: u64,
    pub dirty: bool,
}

/// Running totals. Every lookup counts once as a hit, a miss or an expiry.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CacheCounters {
    pub hits: u64,
    pub misses: u64,
    pub expired: u64,
    pub evictions: u64,
}

impl CacheCounters {
    pub fn lookups(&self) -> u64 {
        self.hits + self.misses + self.expired
    }

    /// Hits over lookups; 0 before the first lookup.
    pub fn hit_ratio(&self) -> f64 {
        match self.lookups() {
            0 => 0.0,
            n => self.hits as f64 / n as f64,
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Slot {
    key: u64,
    version: u64,
    inserted_at: f64,
    /// This entry's time to live (`f64::INFINITY` for none) and when it runs out.
    ttl: f64,
    expires_at: f64,
    hits: u64,
    dirty: bool,
    live: bool,
    /// Position in the LRU/FIFO list, or in its LFU frequency bucket's list.
    link: Link,
    /// LFU only: index of its frequency bucket.
    bucket: u32,
}

impl Linked for Slot {
    fn link(&mut self) -> &mut Link {
        &mut self.link
    }
}

/// The cache. See the module documentation.
#[derive(Clone, Debug)]
pub struct Cache {
    config: CacheConfig,
    slots: Vec<Slot>,
    /// Slots emptied by expiry or invalidation, reused before the `Vec` grows.
    free: Vec<u32>,
    index: KeyMap<u32>,
    /// LRU: most recently used first. FIFO: newest first. Unused otherwise.
    order: List,
    /// LFU only.
    frequencies: lfu::Frequencies,
    counters: CacheCounters,
}

impl Cache {
    /// An empty cache. The capacity is clamped to `MAX_CAPACITY` and a negative or NaN TTL to 0.
    pub fn new(config: CacheConfig) -> Self {
        let ttl = match config.ttl {
            Ttl::Never => Ttl::Never,
            Ttl::SinceInsert(t) => Ttl::SinceInsert(t.max(0.0)),
            Ttl::SinceAccess(t) => Ttl::SinceAccess(t.max(0.0)),
        };
        let config = CacheConfig { capacity: config.capacity.min(MAX_CAPACITY), ttl, ..config };
        Cache {
            config,
            slots: Vec::new(),
            free: Vec::new(),
            index: KeyMap::default(),
            order: List::EMPTY,
            frequencies: lfu::Frequencies::default(),
            counters: CacheCounters::default(),
        }
    }

    pub fn config(&self) -> &CacheConfig {
        &self.config
    }

    /// Looks `key` up at time `now`, counting the result. A hit refreshes the entry's recency
    /// (LRU), frequency (LFU) and, with [`Ttl::SinceAccess`], its expiry.
    pub fn lookup(&mut self, key: u64, now: f64) -> Lookup {
        let Some(&i) = self.index.get(&key) else {
            self.counters.misses += 1;
            return Lookup::Miss;
        };
        let slot = &mut self.slots[i as usize];
        if slot.expires_at <= now {
            let dirty = slot.dirty;
            self.remove_slot(i);
            self.counters.expired += 1;
            return Lookup::Expired { dirty };
        }
        slot.hits += 1;
        if let Ttl::SinceAccess(_) = self.config.ttl {
            slot.expires_at = now + slot.ttl;
        }
        let version = slot.version;
        self.touch(i);
        self.counters.hits += 1;
        Lookup::Hit { version }
    }

    /// Whether `key` is present and fresh at `now`, without counting or touching anything.
    pub fn contains(&self, key: u64, now: f64) -> bool {
        self.index.get(&key).is_some_and(|&i| self.slots[i as usize].expires_at > now)
    }

    /// Stores `key` at `now` with version 0 and the configured TTL; see [`Cache::insert_with`].
    pub fn insert<R: Rng + ?Sized>(&mut self, key: u64, now: f64, rng: &mut R) -> Option<Evicted> {
        self.insert_with(key, now, InsertOptions::default(), rng)
    }

    /// Stores `key` at `now`. A present key is refreshed (new version, insert time and expiry,
    /// counted as a use by LRU and LFU, dirty flag kept). A new key enters clean; into a full
    /// cache it first evicts one entry, which is returned. `rng` is only drawn from by random
    /// eviction.
    pub fn insert_with<R: Rng + ?Sized>(
        &mut self,
        key: u64,
        now: f64,
        options: InsertOptions,
        rng: &mut R,
    ) -> Option<Evicted> {
        let ttl = match self.config.ttl {
            Ttl::Never => f64::INFINITY,
            Ttl::SinceInsert(ttl) | Ttl::SinceAccess(ttl) => options.ttl.unwrap_or(ttl).max(0.0),
        };
        let (version, expires_at) = (options.version, now + ttl);
        if let Some(&i) = self.index.get(&key) {
            let slot = &mut self.slots[i as usize];
            *slot = Slot { version, inserted_at: now, ttl, expires_at, ..*slot };
            self.touch(i);
            return None;
        }
        if self.config.capacity == 0 {
            return None;
        }
        let evicted = (self.index.len() >= self.config.capacity).then(|| self.evict(rng));
        let slot = Slot {
            key,
            version,
            inserted_at: now,
            ttl,
            expires_at,
            hits: 0,
            dirty: false,
            live: true,
            link: Link::DETACHED,
            bucket: 0,
        };
        let i = list::place(&mut self.slots, &mut self.free, slot);
        self.index.insert(key, i);
        match self.config.eviction {
            Eviction::Lru | Eviction::Fifo => self.order.push_front(&mut self.slots, i),
            Eviction::Lfu => self.frequencies.attach_new(&mut self.slots, i),
            Eviction::Random => {}
        }
        evicted
    }

    /// Marks a present entry as holding a write the database has not seen (write-back), or
    /// clears the mark once it has been written. Returns whether the key was present.
    pub fn set_dirty(&mut self, key: u64, dirty: bool) -> bool {
        let Some(&i) = self.index.get(&key) else {
            return false;
        };
        self.slots[i as usize].dirty = dirty;
        true
    }

    /// Removes `key` (an invalidation) and returns it, or `None` if it was absent.
    pub fn invalidate(&mut self, key: u64) -> Option<Evicted> {
        let i = *self.index.get(&key)?;
        let dirty = self.slots[i as usize].dirty;
        self.remove_slot(i);
        Some(Evicted { key, dirty })
    }

    /// Empties the cache (a restart). Counters are kept. Returns how many dirty entries were
    /// dropped: writes that never reached the database.
    pub fn flush(&mut self) -> usize {
        let lost = self.entries().filter(|e| e.dirty).count();
        self.slots.clear();
        self.free.clear();
        self.index.clear();
        self.order = List::EMPTY;
        self.frequencies = lfu::Frequencies::default();
        lost
    }

    /// Number of entries held, stale ones included.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    pub fn capacity(&self) -> usize {
        self.config.capacity
    }

    pub fn counters(&self) -> &CacheCounters {
        &self.counters
    }

    /// The occupied slots in slot order; O(capacity), so take a prefix for big caches.
    pub fn entries(&self) -> impl Iterator<Item = Entry> + '_ {
        self.slots.iter().enumerate().filter(|(_, s)| s.live).map(|(slot, s)| Entry {
            slot,
            key: s.key,
            version: s.version,
            inserted_at: s.inserted_at,
            expires_at: s.expires_at,
            hits: s.hits,
            dirty: s.dirty,
        })
    }

    /// Keys of the entries holding unwritten writes, for a write-back flusher.
    pub fn dirty_keys(&self) -> impl Iterator<Item = u64> + '_ {
        self.entries().filter(|e| e.dirty).map(|e| e.key)
    }

    /// Records a use of slot `i` in the eviction order.
    fn touch(&mut self, i: u32) {
        match self.config.eviction {
            Eviction::Lru => self.order.move_to_front(&mut self.slots, i),
            Eviction::Lfu => self.frequencies.bump(&mut self.slots, i),
            Eviction::Fifo | Eviction::Random => {}
        }
    }

    /// Removes the policy's victim from a full cache and returns it.
    fn evict<R: Rng + ?Sized>(&mut self, rng: &mut R) -> Evicted {
        let i = match self.config.eviction {
            Eviction::Lru | Eviction::Fifo => self.order.tail,
            Eviction::Lfu => self.frequencies.victim(),
            // Full means no free slots, so every index below `len` is occupied.
            Eviction::Random => below(rng, self.slots.len()) as u32,
        };
        let Slot { key, dirty, .. } = self.slots[i as usize];
        self.remove_slot(i);
        self.counters.evictions += 1;
        Evicted { key, dirty }
    }

    fn remove_slot(&mut self, i: u32) {
        match self.config.eviction {
            Eviction::Lru | Eviction::Fifo => self.order.unlink(&mut self.slots, i),
            Eviction::Lfu => self.frequencies.detach(&mut self.slots, i),
            Eviction::Random => {}
        }
        let slot = &mut self.slots[i as usize];
        slot.live = false;
        self.index.remove(&slot.key);
        self.free.push(i);
    }
}

impl fmt::Display for Cache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = &self.counters;
        write!(
            f,
            "{:?} cache {}/{}: {} hits, {} misses, {} expired, {} evictions",
            self.config.eviction,
            self.len(),
            self.capacity(),
            c.hits,
            c.misses,
            c.expired,
            c.evictions
        )
    }
}
