//! A circuit breaker: closed (calls pass, outcomes are watched), open (calls fail fast for
//! `open_for` seconds), half-open (a few probe calls pass; if they all succeed the breaker
//! closes, and the first failure opens it again).
//!
//! It trips either on a run of consecutive failures or on the failure share among the last
//! `window` calls (a count-based window, and only once it holds `min_calls`). The open to
//! half-open move happens on the first [`Breaker::allow`] or [`Breaker::tick`] after `open_for`.
//! Outcomes recorded while open are ignored: they belong to calls let through before it opened.

use std::collections::VecDeque;
use std::fmt;

/// The largest failure-rate window, in calls.
pub const MAX_WINDOW: u32 = 10_000;

/// When a closed breaker opens.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Trip {
    /// After this many failures in a row.
    ConsecutiveFailures(u32),
    /// When at least `threshold` (a fraction) of the last `window` calls failed, once at least
    /// `min_calls` have been recorded.
    FailureRate { threshold: f64, window: u32, min_calls: u32 },
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BreakerConfig {
    pub trip: Trip,
    /// Seconds spent open before probing.
    pub open_for: f64,
    /// Probe calls let through when half-open; all must succeed to close.
    pub half_open_probes: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BreakerState {
    Closed,
    Open,
    HalfOpen,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Success,
    Failure,
}

/// The breaker. See the module documentation.
#[derive(Clone, Debug)]
pub struct Breaker {
    config: BreakerConfig,
    state: BreakerState,
    /// When the current state began.
    since: f64,
    /// Closed: failures in a row.
    consecutive_failures: u32,
    /// Closed, failure-rate trip: the last outcomes, `true` for a failure.
    recent: VecDeque<bool>,
    recent_failures: u32,
    /// Half-open: probes let through and probes that succeeded.
    probes_sent: u32,
    probes_ok: u32,
    transitions: u64,
    rejected: u64,
}

impl Breaker {
    /// A closed breaker. Counts are clamped to at least 1 (and the window to `MAX_WINDOW`,
    /// `min_calls` to the window), the threshold to `(0, 1]`, `open_for` to `[0, 1e9]`.
    pub fn new(config: BreakerConfig) -> Self {
        let trip = match config.trip {
            Trip::ConsecutiveFailures(n) => Trip::ConsecutiveFailures(n.max(1)),
            Trip::FailureRate { threshold, window, min_calls } => {
                let window = window.clamp(1, MAX_WINDOW);
                Trip::FailureRate {
                    threshold: threshold.max(f64::MIN_POSITIVE).min(1.0),
                    window,
                    min_calls: min_calls.clamp(1, window),
                }
            }
        };
        let config = BreakerConfig {
            trip,
            open_for: config.open_for.max(0.0).min(1e9),
            half_open_probes: config.half_open_probes.max(1),
        };
        Breaker {
            config,
            state: BreakerState::Closed,
            since: 0.0,
            consecutive_failures: 0,
            recent: VecDeque::new(),
            recent_failures: 0,
            probes_sent: 0,
            probes_ok: 0,
            transitions: 0,
            rejected: 0,
        }
    }

    pub fn config(&self) -> &BreakerConfig {
        &self.config
    }

    /// Applies the passage of time: an open breaker whose `open_for` has elapsed turns half-open.
    pub fn tick(&mut self, now: f64) {
        if self.state == BreakerState::Open && now >= self.since + self.config.open_for {
            self.enter(BreakerState::HalfOpen, self.since + self.config.open_for);
        }
    }

    /// Whether a call at `now` may go through. When half-open, each `true` uses up a probe.
    pub fn allow(&mut self, now: f64) -> bool {
        self.tick(now);
        let allowed = match self.state {
            BreakerState::Closed => true,
            BreakerState::Open => false,
            BreakerState::HalfOpen => {
                let allowed = self.probes_sent < self.config.half_open_probes;
                self.probes_sent += u32::from(allowed);
                allowed
            }
        };
        self.rejected += u64::from(!allowed);
        allowed
    }

    /// Records how a call that was allowed through ended, at `now`.
    pub fn record(&mut self, outcome: Outcome, now: f64) {
        let failed = outcome == Outcome::Failure;
        match self.state {
            BreakerState::Closed => {
                self.consecutive_failures = if failed { self.consecutive_failures + 1 } else { 0 };
                if let Trip::FailureRate { window, .. } = self.config.trip {
                    if self.recent.len() >= window as usize {
                        let oldest = self.recent.pop_front().unwrap_or(false);
                        self.recent_failures -= u32::from(oldest);
                    }
                    self.recent.push_back(failed);
                    self.recent_failures += u32::from(failed);
                }
                if self.tripped() {
                    self.enter(BreakerState::Open, now);
                }
            }
            BreakerState::Open => {}
            BreakerState::HalfOpen if failed => self.enter(BreakerState::Open, now),
            BreakerState::HalfOpen => {
                self.probes_ok += 1;
                if self.probes_ok >= self.config.half_open_probes {
                    self.enter(BreakerState::Closed, now);
                }
            }
        }
    }

    pub fn state(&self) -> BreakerState {
        self.state
    }

    /// When the current state began.
    pub fn since(&self) -> f64 {
        self.since
    }

    /// When an open breaker will let probes through; `None` unless open.
    pub fn reopens_at(&self) -> Option<f64> {
        (self.state == BreakerState::Open).then_some(self.since + self.config.open_for)
    }

    /// State changes so far.
    pub fn transitions(&self) -> u64 {
        self.transitions
    }

    /// Calls refused so far.
    pub fn rejected(&self) -> u64 {
        self.rejected
    }

    /// Failures in a row while closed.
    pub fn consecutive_failures(&self) -> u32 {
        self.consecutive_failures
    }

    /// Failure share of the recent window (0 when empty or with a consecutive-failure trip).
    pub fn failure_rate(&self) -> f64 {
        match self.recent.len() {
            0 => 0.0,
            n => f64::from(self.recent_failures) / n as f64,
        }
    }

    fn tripped(&self) -> bool {
        match self.config.trip {
            Trip::ConsecutiveFailures(n) => self.consecutive_failures >= n,
            Trip::FailureRate { threshold, min_calls, .. } => {
                self.recent.len() >= min_calls as usize && self.failure_rate() >= threshold
            }
        }
    }

    /// Moves to `state` at time `at`, starting its bookkeeping afresh.
    fn enter(&mut self, state: BreakerState, at: f64) {
        self.state = state;
        self.since = at;
        self.transitions += 1;
        self.consecutive_failures = 0;
        self.recent.clear();
        self.recent_failures = 0;
        self.probes_sent = 0;
        self.probes_ok = 0;
    }
}

impl fmt::Display for Breaker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "breaker {:?} since {:.3}s, {} transitions, {} rejected",
            self.state, self.since, self.transitions, self.rejected
        )
    }
}
