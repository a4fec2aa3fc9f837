//! Rate limiters: token bucket, leaky bucket (as a queue), fixed window, sliding window log
//! and sliding window counter. Each decides, at the caller's simulated time, whether one more
//! request may pass.
//!
//! - Token bucket: tokens refill continuously at `rate` up to `burst`; a request takes one.
//! - Leaky bucket, as a queue: admitted requests wait in a bucket of `capacity` places that
//!   drains at a steady `rate`, so requests leave evenly spaced; a full bucket rejects. The
//!   answer carries the wait before release.
//! - Fixed window: at most `limit` requests per aligned window `[k·w, (k+1)·w)`; up to twice
//!   the limit can pass around a window boundary.
//! - Sliding window log: exact; keeps the times of the requests admitted in the last `window`
//!   and admits while there are fewer than `limit`. Memory grows with `limit`.
//! - Sliding window counter: the usual O(1) approximation; weighs the previous fixed window's
//!   count by how much of it still overlaps the sliding window, as if its requests had been
//!   spread evenly, adds the current window's count, and admits while that is below `limit`.

use std::collections::VecDeque;
use std::fmt;

/// The largest `limit` a window limiter takes (it bounds the sliding log's memory).
pub const MAX_LIMIT: u32 = 1_000_000;

/// Shortest accepted window or drain interval, in seconds; smaller values are clamped up.
const MIN_SECONDS: f64 = 1e-6;

/// Slack for comparing token and level amounts accumulated in floating point.
const EPSILON: f64 = 1e-9;

/// A limiter's algorithm and parameters. Rates are per second, windows in seconds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LimiterConfig {
    TokenBucket { rate: f64, burst: f64 },
    LeakyBucket { rate: f64, capacity: f64 },
    FixedWindow { limit: u32, window: f64 },
    SlidingLog { limit: u32, window: f64 },
    SlidingCounter { limit: u32, window: f64 },
}

/// A limiter's answer to one request.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Admission {
    /// Passes now.
    Pass,
    /// Passes after this many seconds (leaky bucket only).
    Delay(f64),
    Reject,
}

#[derive(Clone, Debug)]
enum State {
    TokenBucket { rate: f64, burst: f64, tokens: f64, at: f64 },
    LeakyBucket { rate: f64, capacity: f64, level: f64, at: f64 },
    FixedWindow { limit: u32, window: f64, start: f64, count: u32 },
    SlidingLog { limit: u32, window: f64, admitted: VecDeque<f64> },
    SlidingCounter { limit: u32, window: f64, start: f64, previous: u32, current: u32 },
}

/// A rate limiter; see the module documentation for the algorithms.
#[derive(Clone, Debug)]
pub struct Limiter {
    config: LimiterConfig,
    state: State,
    passed: u64,
    rejected: u64,
}

/// A rate or window clamped to a positive finite number (NaN becomes the minimum).
fn positive(x: f64) -> f64 {
    x.max(MIN_SECONDS).min(1e12)
}

impl Limiter {
    /// A limiter at time 0 with full buckets and empty windows. Rates, windows and sizes are
    /// clamped to positive values (a burst or capacity to at least 1), limits to `MAX_LIMIT`.
    pub fn new(config: LimiterConfig) -> Self {
        let config = match config {
            LimiterConfig::TokenBucket { rate, burst } => {
                LimiterConfig::TokenBucket { rate: positive(rate), burst: positive(burst).max(1.0) }
            }
            LimiterConfig::LeakyBucket { rate, capacity } => {
                LimiterConfig::LeakyBucket { rate: positive(rate), capacity: positive(capacity).max(1.0) }
            }
            LimiterConfig::FixedWindow { limit, window } => {
                LimiterConfig::FixedWindow { limit: limit.min(MAX_LIMIT), window: positive(window) }
            }
            LimiterConfig::SlidingLog { limit, window } => {
                LimiterConfig::SlidingLog { limit: limit.min(MAX_LIMIT), window: positive(window) }
            }
            LimiterConfig::SlidingCounter { limit, window } => {
                LimiterConfig::SlidingCounter { limit: limit.min(MAX_LIMIT), window: positive(window) }
            }
        };
        let state = match config {
            LimiterConfig::TokenBucket { rate, burst } => {
                State::TokenBucket { rate, burst, tokens: burst, at: 0.0 }
            }
            LimiterConfig::LeakyBucket { rate, capacity } => {
                State::LeakyBucket { rate, capacity, level: 0.0, at: 0.0 }
            }
            LimiterConfig::FixedWindow { limit, window } => {
                State::FixedWindow { limit, window, start: 0.0, count: 0 }
            }
            LimiterConfig::SlidingLog { limit, window } => {
                State::SlidingLog { limit, window, admitted: VecDeque::new() }
            }
            LimiterConfig::SlidingCounter { limit, window } => {
                State::SlidingCounter { limit, window, start: 0.0, previous: 0, current: 0 }
            }
        };
        Limiter { config, state, passed: 0, rejected: 0 }
    }

    /// The clamped configuration in use.
    pub fn config(&self) -> &LimiterConfig {
        &self.config
    }

    /// Decides one request arriving at `now`. Times must not go backwards; an earlier `now` is
    /// treated as the latest time seen.
    pub fn acquire(&mut self, now: f64) -> Admission {
        let admission = match &mut self.state {
            State::TokenBucket { rate, burst, tokens, at } => {
                let now = now.max(*at);
                *tokens = (*tokens + *rate * (now - *at)).min(*burst);
                *at = now;
                if *tokens >= 1.0 - EPSILON {
                    *tokens = (*tokens - 1.0).max(0.0);
                    Admission::Pass
                } else {
                    Admission::Reject
                }
            }
            State::LeakyBucket { rate, capacity, level, at } => {
                let now = now.max(*at);
                *level = (*level - *rate * (now - *at)).max(0.0);
                *at = now;
                if *level + 1.0 <= *capacity + EPSILON {
                    // Leaves once everything ahead of it has drained.
                    let wait = *level / *rate;
                    *level += 1.0;
                    if wait > 0.0 { Admission::Delay(wait) } else { Admission::Pass }
                } else {
                    Admission::Reject
                }
            }
            State::FixedWindow { limit, window, start, count } => {
                let now = now.max(*start);
                let elapsed = ((now - *start) / *window).floor();
                if elapsed >= 1.0 {
                    *start += elapsed * *window;
                    *count = 0;
                }
                admit_if(*count < *limit, count)
            }
            State::SlidingLog { limit, window, admitted } => {
                while admitted.front().is_some_and(|&t| t <= now - *window) {
                    admitted.pop_front();
                }
                let pass = admitted.len() < *limit as usize;
                if pass {
                    admitted.push_back(now.max(admitted.back().copied().unwrap_or(now)));
                }
                if pass { Admission::Pass } else { Admission::Reject }
            }
            State::SlidingCounter { limit, window, start, previous, current } => {
                let now = now.max(*start);
                let elapsed = ((now - *start) / *window).floor();
                if elapsed >= 1.0 {
                    // The window just ended becomes the previous one; after a longer gap, both
                    // are empty.
                    *previous = if elapsed < 2.0 { *current } else { 0 };
                    *current = 0;
                    *start += elapsed * *window;
                }
                let overlap = 1.0 - (now - *start) / *window;
                let estimate = f64::from(*previous) * overlap + f64::from(*current);
                admit_if(estimate < f64::from(*limit) - EPSILON, current)
            }
        };
        match admission {
            Admission::Reject => self.rejected += 1,
            Admission::Pass | Admission::Delay(_) => self.passed += 1,
        }
        admission
    }

    /// Whether a request arriving at `now` is admitted (now or, for a leaky bucket, after a
    /// wait that this form drops; use [`Limiter::acquire`] to get it).
    pub fn try_acquire(&mut self, now: f64) -> bool {
        self.acquire(now) != Admission::Reject
    }

    /// Requests admitted so far.
    pub fn passed(&self) -> u64 {
        self.passed
    }

    /// Requests rejected so far.
    pub fn rejected(&self) -> u64 {
        self.rejected
    }

    /// What a view draws as the limiter's fill, as of the last request: tokens left (token
    /// bucket), requests in the bucket (leaky bucket), or requests admitted in the current
    /// window (fixed window, sliding counter) or the last `window` seconds (sliding log).
    pub fn level(&self) -> f64 {
        match &self.state {
            State::TokenBucket { tokens, .. } => *tokens,
            State::LeakyBucket { level, .. } => *level,
            State::SlidingLog { admitted, .. } => admitted.len() as f64,
            State::FixedWindow { count, .. } | State::SlidingCounter { current: count, .. } => {
                f64::from(*count)
            }
        }
    }
}

/// Counts one admission in `count` when `pass`.
fn admit_if(pass: bool, count: &mut u32) -> Admission {
    if pass {
        *count += 1;
        Admission::Pass
    } else {
        Admission::Reject
    }
}

impl fmt::Display for Limiter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {} passed, {} rejected", self.config, self.passed, self.rejected)
    }
}
