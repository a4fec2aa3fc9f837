//! Cache hit ratios under independent requests with Zipf popularity: the Che approximation for
//! LRU (each key stays for a characteristic time T, found so the expected occupancy equals the
//! capacity), the corresponding form for FIFO and random eviction, the top-C sum for LFU, and
//! TTL caches that never fill.

use super::Prediction;
use crate::scenario::{CachePolicy, Scenario, TtlMode};
use crate::sim::zipf;

/// Keys of (nearly) equal popularity taken together: `keys` keys with `share` each.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    pub share: f64,
    pub keys: f64,
}

/// The most popular keys are each their own band, so key spaces up to this size are computed
/// key by key, exactly.
pub const EXACT_KEYS: u32 = 2048;
/// Past `EXACT_KEYS`, a band spans the ranks from `a` to `a × BAND_RATIO`: their shares differ
/// by under 1 % (3 % at zipf = 3), and a million keys make about 2,700 bands.
const BAND_RATIO: f64 = 1.01;
/// Bisection steps when solving for the characteristic time.
const BISECTIONS: u32 = 100;

/// The keys' shares of the requests, as bands: key by key up to [`EXACT_KEYS`], then ranks of
/// nearly equal popularity together, so that every formula's work is bounded by the number of
/// bands (a few thousand), not the number of keys (up to a million).
pub fn popularity(s: &Scenario) -> Vec<Band> {
    bands(s.keys.count as u32, s.keys.zipf)
}

/// [`popularity`] for `n` keys (at least 1) and Zipf exponent `zipf`.
pub fn bands(n: u32, zipf: f64) -> Vec<Band> {
    let n = n.max(1);
    let s = zipf.max(0.0);
    let exact = n.min(EXACT_KEYS);
    if n == exact {
        return zipf::shares(n, s).into_iter().map(|share| Band { share, keys: 1.0 }).collect();
    }
    // Weights (unnormalized): 1/k^s per key; past the exact ones, the band's sum over its ranks
    // by the midpoint integral of x^-s, shared equally.
    let mut bands: Vec<Band> =
        (1..=exact).map(|k| Band { share: libm::pow(f64::from(k), -s), keys: 1.0 }).collect();
    let mut a = exact + 1;
    while a <= n {
        let b = ((f64::from(a) * BAND_RATIO) as u32).clamp(a, n);
        let keys = f64::from(b - a + 1);
        bands.push(Band { share: integral(f64::from(a) - 0.5, f64::from(b) + 0.5, s) / keys, keys });
        a = b + 1;
    }
    let total: f64 = bands.iter().map(|band| band.share * band.keys).sum();
    bands.iter_mut().for_each(|band| band.share /= total);
    bands
}

/// The integral of x^-s from `from` to `to`.
fn integral(from: f64, to: f64, s: f64) -> f64 {
    if (s - 1.0).abs() < 1e-9 {
        libm::log(to / from)
    } else {
        (libm::pow(to, 1.0 - s) - libm::pow(from, 1.0 - s)) / (1.0 - s)
    }
}

/// The number of keys the bands hold.
fn keys(p: &[Band]) -> f64 {
    p.iter().map(|band| band.keys).sum()
}

/// Σ over the bands of `keys × f(share)`, counting the terms evaluated into `work`.
fn sum(p: &[Band], work: &mut u64, f: impl Fn(f64) -> f64) -> f64 {
    *work += p.len() as u64;
    p.iter().map(|band| band.keys * f(band.share)).sum()
}

/// The `t` at which `occupancy(t)` (increasing) reaches `target`, by bisection.
fn solve(target: f64, mut occupancy: impl FnMut(f64) -> f64) -> f64 {
    let mut high = 1.0;
    while occupancy(high) < target && high < 1e300 {
        high *= 2.0;
    }
    let mut low = 0.0;
    for _ in 0..BISECTIONS {
        let mid = 0.5 * (low + high);
        if occupancy(mid) < target { low = mid } else { high = mid }
    }
    high
}

/// The hit ratio of a cache of `capacity` entries under `policy`, with key shares `p`.
pub fn hit_ratio(policy: CachePolicy, capacity: usize, p: &[Band]) -> f64 {
    hit_ratio_counted(policy, capacity, p).0
}

/// [`hit_ratio`], and how many terms it evaluated (each an `exp` or a division): the work a
/// prediction costs, which the bands bound.
pub fn hit_ratio_counted(policy: CachePolicy, capacity: usize, p: &[Band]) -> (f64, u64) {
    let mut work = 0;
    if capacity == 0 {
        return (0.0, work);
    }
    if capacity as f64 >= keys(p) {
        return (1.0, work);
    }
    let ratio = match policy {
        CachePolicy::Lru => {
            let t = solve(capacity as f64, |t| sum(p, &mut work, |q| 1.0 - libm::exp(-q * t)));
            sum(p, &mut work, |q| q * (1.0 - libm::exp(-q * t)))
        }
        CachePolicy::Fifo | CachePolicy::Random => {
            let t = solve(capacity as f64, |t| sum(p, &mut work, |q| q * t / (1.0 + q * t)));
            sum(p, &mut work, |q| q * q * t / (1.0 + q * t))
        }
        CachePolicy::Lfu => {
            // The most popular `capacity` keys, the last band perhaps in part.
            let mut left = capacity as f64;
            let mut hit = 0.0;
            for band in p {
                let taken = band.keys.min(left);
                hit += band.share * taken;
                left -= taken;
                if left <= 0.0 {
                    break;
                }
            }
            hit
        }
    };
    (ratio, work)
}

pub fn cache(s: &Scenario) -> Prediction {
    let c = &s.cache;
    let p = popularity(s);
    let mut notes = Vec::new();
    let reads = s.arrivals.rate * (1.0 - s.keys.write_ratio);
    let hit = match c.ttl {
        Some(ttl) if c.capacity >= s.keys.count => {
            // Never full: only expiry causes misses. Per key with read rate r: on insert, an
            // entry serves r·ttl hits per miss; refreshed on access, a read misses only after a
            // gap longer than ttl.
            sum(&p, &mut 0, |q| {
                let rt = reads * q * ttl;
                q * match c.ttl_mode {
                    TtlMode::Insert => rt / (1.0 + rt),
                    TtlMode::Access => 1.0 - libm::exp(-rt),
                }
            })
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
        typical_error: Some(
            match c.policy {
                CachePolicy::Lfu => "a bound: LFU falls short of it",
                _ => "within 1 % of warm runs",
            }
            .into(),
        ),
        notes,
        ..Prediction::default()
    }
}
