//! Where a model's work comes from: arrivals over time (Poisson, constant or bursty, with
//! spikes), until the scenario's `requests` or `duration` runs out, each concerning a key of
//! Zipf popularity and reading or writing it. Shared by the models that serve a stream of
//! requests (the request path, replication); each draws from its own two seeded streams, so
//! that a model's other draws never shift its arrivals.

use super::arrivals::Arrivals;
use super::rng::{SimRng, chance, stream};
use super::zipf::Zipf;
use crate::scenario::Scenario;

/// The stream purposes a source draws from (a model numbers its other streams apart from these).
pub const ARRIVALS_STREAM: u64 = 1;
pub const KEYS_STREAM: u64 = 3;

/// One arrival: the key it concerns (0 when keys are off) and whether it writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Arrival {
    pub key: u32,
    pub write: bool,
}

#[derive(Clone, Debug)]
pub struct Source {
    arrivals: Arrivals,
    times: SimRng,
    keys: SimRng,
    popularity: Option<Zipf>,
    write_ratio: f64,
    /// Arrivals stop after this many (0: no limit) or after this time (0: no limit).
    limit: u64,
    duration: f64,
    arrived: u64,
    open: bool,
}

impl Source {
    /// The arrivals of `s`; with `keyed`, each draws a key of Zipf popularity.
    pub fn new(s: &Scenario, keyed: bool) -> Source {
        let seed = s.run.seed;
        Source {
            arrivals: Arrivals::new(&s.arrivals),
            times: stream(seed, ARRIVALS_STREAM),
            keys: stream(seed, KEYS_STREAM),
            popularity: keyed.then(|| Zipf::new(s.keys.count as u32, s.keys.zipf)),
            write_ratio: s.keys.write_ratio,
            limit: s.run.requests,
            duration: s.run.duration,
            arrived: 0,
            open: true,
        }
    }

    /// The time of the arrival after one at `now`, or `None` once arrivals are over (the
    /// source is then closed for good).
    #[inline]
    pub fn next(&mut self, now: f64) -> Option<f64> {
        if self.limit > 0 && self.arrived >= self.limit {
            self.open = false;
            return None;
        }
        let next = self.arrivals.next(now, &mut self.times);
        if !next.is_finite() || self.duration > 0.0 && next > self.duration {
            self.open = false;
            return None;
        }
        Some(next)
    }

    /// An arrival happens: counts it, and draws its key and whether it writes.
    #[inline]
    pub fn arrive(&mut self) -> Arrival {
        self.arrived += 1;
        let key = self.popularity.as_ref().map_or(0, |zipf| zipf.sample(&mut self.keys));
        let write = self.write_ratio > 0.0 && chance(&mut self.keys, self.write_ratio);
        Arrival { key, write }
    }

    /// The stream keys are drawn from, for a model's further draws about the same arrival.
    #[inline]
    pub fn key_stream(&mut self) -> &mut SimRng {
        &mut self.keys
    }

    /// Whether more arrivals may come.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Arrivals so far.
    pub fn arrived(&self) -> u64 {
        self.arrived
    }

    /// A learner's spike from `now`: the arrival rate times `factor` (0.01 to 100; 1 if not a
    /// number) for `seconds` (up to 10^6; none if not a number).
    pub fn spike(&mut self, now: f64, factor: f64, seconds: f64) {
        let factor = if factor.is_finite() { factor.clamp(0.01, 100.0) } else { 1.0 };
        let seconds = if seconds.is_finite() { seconds.clamp(0.0, 1e6) } else { 0.0 };
        self.add_spike(now, seconds, factor);
    }

    /// Multiplies the arrival rate by `factor` over `[start, start + length)`.
    pub fn add_spike(&mut self, start: f64, length: f64, factor: f64) {
        self.arrivals.add_spike(start, length, factor);
    }
}
