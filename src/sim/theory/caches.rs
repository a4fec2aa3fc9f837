//! Cache hit ratios under independent requests with Zipf popularity: the Che approximation for
//! LRU (each key stays for a characteristic time T, found so the expected occupancy equals the
//! capacity), the corresponding form for FIFO and random eviction, the top-C sum for LFU, and
//! TTL caches that never fill.

use super::Prediction;
use crate::scenario::{CachePolicy, Scenario, TtlMode};
use crate::sim::zipf;

/// Each key's share of the requests.
pub fn popularity(s: &Scenario) -> Vec<f64> {
    zipf::shares(s.keys.count as u32, s.keys.zipf)
}

/// The `t` at which `occupancy(t)` (increasing) reaches `target`, by bisection.
fn solve(target: f64, occupancy: impl Fn(f64) -> f64) -> f64 {
    let mut high = 1.0;
    while occupancy(high) < target && high < 1e300 {
        high *= 2.0;
    }
    let mut low = 0.0;
    for _ in 0..100 {
        let mid = 0.5 * (low + high);
        if occupancy(mid) < target { low = mid } else { high = mid }
    }
    high
}

/// The hit ratio of a cache of `capacity` entries under `policy`, with key shares `p`.
pub fn hit_ratio(policy: CachePolicy, capacity: usize, p: &[f64]) -> f64 {
    if capacity == 0 {
        return 0.0;
    }
    if capacity >= p.len() {
        return 1.0;
    }
    match policy {
        CachePolicy::Lru => {
            let t = solve(capacity as f64, |t| p.iter().map(|&q| 1.0 - libm::exp(-q * t)).sum());
            p.iter().map(|&q| q * (1.0 - libm::exp(-q * t))).sum()
        }
        CachePolicy::Fifo | CachePolicy::Random => {
            let t = solve(capacity as f64, |t| p.iter().map(|&q| q * t / (1.0 + q * t)).sum());
            p.iter().map(|&q| q * q * t / (1.0 + q * t)).sum()
        }
        CachePolicy::Lfu => p.iter().take(capacity).sum(),
    }
}

pub fn cache(s: &Scenario) -> Prediction {
    let c = &s.cache;
    let p = popularity(s);
    let mut notes = Vec::new();
    let reads = s.arrivals.rate * (1.0 - s.keys.write_ratio);
    let hit = match c.ttl {
        Some(ttl) if c.capacity as usize >= p.len() => {
            // Never full: only expiry causes misses. Per key with read rate r: on insert, an
            // entry serves r·ttl hits per miss; refreshed on access, a read misses only after a
            // gap longer than ttl.
            p.iter()
                .map(|&q| {
                    let rt = reads * q * ttl;
                    q * match c.ttl_mode {
                        TtlMode::Insert => rt / (1.0 + rt),
                        TtlMode::Access => 1.0 - libm::exp(-rt),
                    }
                })
                .sum()
        }
        Some(_) => {
            notes.push(
                "With both a ttl and a full cache there is no simple formula: the figure \
                        ignores the ttl, so the real hit ratio is lower."
                    .into(),
            );
            hit_ratio(c.policy, c.capacity as usize, &p)
        }
        None => hit_ratio(c.policy, c.capacity as usize, &p),
    };
    if c.policy == CachePolicy::Lfu {
        notes.push(
            "This is the best any cache of this size can do: holding the most popular \
                    keys. LFU counts uses since an entry came in, so it falls short of it."
                .into(),
        );
    }
    if s.keys.write_ratio > 0.0 {
        notes.push("Writes also replace or delete entries; the formula counts reads only.".into());
    }
    if !c.warm {
        notes.push("The first requests miss while the cache fills; the formula is for a full cache.".into());
    } else if c.ttl.is_some() && c.ttl_jitter == 0.0 {
        notes.push("Entries stored together expire together: expect a burst of misses then.".into());
    }
    let db_load = reads * (1.0 - hit) * c.db_time / c.db_servers as f64;
    if db_load >= 1.0 {
        notes.push(format!(
            "Misses ask the database for {:.0}% of what it can do: its queue grows without bound.",
            db_load * 100.0
        ));
    }
    Prediction {
        model: format!(
            "{} (independent requests)",
            match c.policy {
                CachePolicy::Lru => "Che approximation",
                CachePolicy::Fifo | CachePolicy::Random => "FIFO/random approximation",
                CachePolicy::Lfu => "most popular keys",
            }
        ),
        hit_ratio: Some(hit),
        utilization: Some(db_load.min(1.0)),
        notes,
        ..Prediction::default()
    }
}
