//! When requests arrive: Poisson, evenly spaced, or on/off bursts, at a base rate that spikes
//! (from the scenario, or injected while running) multiply over windows of time.
//!
//! A Poisson process with a piecewise-constant rate is sampled exactly: one unit exponential
//! is spent across the pieces, each consuming `rate × length` of it.

use rand::Rng;

use super::dist::exponential;
use crate::scenario::{Arrival, Arrivals as Config};

/// A window during which the arrival rate is multiplied.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spike {
    pub start: f64,
    pub end: f64,
    pub factor: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Arrivals {
    pattern: Arrival,
    rate: f64,
    on_time: f64,
    off_time: f64,
    pub spikes: Vec<Spike>,
}

impl Arrivals {
    pub fn new(config: &Config) -> Arrivals {
        let spikes = config
            .spike_at
            .map(|start| Spike { start, end: start + config.spike_len, factor: config.spike_factor })
            .into_iter()
            .collect();
        Arrivals {
            pattern: config.pattern,
            rate: config.rate,
            on_time: config.on_time,
            off_time: config.off_time,
            spikes,
        }
    }

    /// The rate at `t` and the time it next changes.
    fn rate_at(&self, t: f64) -> (f64, f64) {
        let mut rate = self.rate;
        let mut next_change = f64::INFINITY;
        if self.pattern == Arrival::Bursty && self.off_time > 0.0 {
            let period = self.on_time + self.off_time;
            let cycle = (t / period).floor();
            let into = t - cycle * period;
            if into < self.on_time {
                rate *= period / self.on_time;
                next_change = cycle * period + self.on_time;
            } else {
                rate = 0.0;
                next_change = (cycle + 1.0) * period;
            }
            // Guard against a boundary that rounding put at or before `t`.
            if next_change <= t {
                next_change = t.next_up();
            }
        }
        for spike in &self.spikes {
            if t >= spike.start && t < spike.end {
                rate *= spike.factor;
                next_change = next_change.min(spike.end);
            } else if spike.start > t {
                next_change = next_change.min(spike.start);
            }
        }
        (rate, next_change)
    }

    /// The arrival after one at `now`.
    pub fn next<R: Rng + ?Sized>(&self, now: f64, rng: &mut R) -> f64 {
        match self.pattern {
            Arrival::Constant => {
                let (rate, _) = self.rate_at(now);
                now + 1.0 / rate
            }
            Arrival::Poisson if self.spikes.is_empty() => now + exponential(rng, 1.0) / self.rate,
            Arrival::Poisson | Arrival::Bursty => {
                let mut budget = exponential(rng, 1.0);
                let mut t = now;
                // Each piece consumes rate × length of the budget; a bounded number of pieces
                // keeps a pathological configuration from spinning.
                for _ in 0..1_000_000 {
                    let (rate, change) = self.rate_at(t);
                    let piece = change - t;
                    if rate * piece >= budget {
                        return t + budget / rate;
                    }
                    budget -= rate * piece;
                    t = change;
                }
                f64::INFINITY
            }
        }
    }

    /// Multiplies the rate by `factor` over `[start, start + length)`.
    pub fn add_spike(&mut self, start: f64, length: f64, factor: f64) {
        self.spikes.push(Spike { start, end: start + length.max(0.0), factor: factor.max(0.0) });
    }
}
