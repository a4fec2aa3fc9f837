//! Retries: how long to wait before the next attempt (capped exponential backoff with jitter),
//! and whether to retry at all or give up and dead-letter the request (attempts used up, or the
//! retry budget spent).
//!
//! Backoff before retry `n` (the wait after the `n`-th failed attempt, `n >= 1`) starts from
//! `ceiling = min(cap, base · 2^(n-1))`, then the jitter mode picks the actual wait:
//! - none: exactly `ceiling`;
//! - full: uniform in `[0, ceiling)`;
//! - equal: half of `ceiling` for sure, plus uniform in `[0, ceiling/2)`;
//! - decorrelated: ignores `n` and grows from the previous wait instead: uniform in
//!   `[base, 3 · previous)`, capped at `cap` (the first previous wait counts as `base`).
//!
//! Full and decorrelated jitter spread synchronized clients apart the most; equal jitter keeps a
//! guaranteed minimum wait.
//!
//! The retry budget is a token bucket: every first attempt deposits `ratio` tokens, every retry
//! withdraws one, and the balance is capped at `max_tokens`. Over any stretch, retries can then
//! exceed `ratio` times the first attempts by at most `max_tokens`, so a failing dependency sees
//! its load grow by a bounded factor instead of multiplying by the attempt count.
//!
//! [`RetryPolicy`] is the stateless part, [`RetryBudget`] the stateful one, and [`Retrier`]
//! holds one of each for a run.

use std::fmt;

use rand::Rng;

use super::rng::uniform;

/// The largest `max_attempts` accepted.
pub const MAX_ATTEMPTS: u32 = 100;

/// Slack for a token balance built from fractional deposits (ten deposits of 0.1 make 1).
const EPSILON: f64 = 1e-9;

/// How the wait is randomized.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Jitter {
    None,
    Full,
    Equal,
    Decorrelated,
}

/// How to space retries and when to stop.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included; 1 means never retry.
    pub max_attempts: u32,
    /// Seconds before the first retry (before jitter).
    pub base: f64,
    /// Longest wait, in seconds.
    pub cap: f64,
    pub jitter: Jitter,
}

/// Why a request is given up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GiveUp {
    /// All `max_attempts` were used.
    Attempts,
    /// The retry budget had no token left.
    Budget,
}

/// What to do after a failed attempt.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RetryDecision {
    /// Try again after `delay` seconds.
    Retry { delay: f64 },
    /// Stop and send the request to the dead-letter queue.
    DeadLetter(GiveUp),
}

impl RetryPolicy {
    /// Clamps `max_attempts` to `1..=MAX_ATTEMPTS` and `base` and `cap` to finite non-negative
    /// values with `cap >= base`.
    pub fn new(max_attempts: u32, base: f64, cap: f64, jitter: Jitter) -> Self {
        let base = base.max(0.0).min(1e9);
        RetryPolicy {
            max_attempts: max_attempts.clamp(1, MAX_ATTEMPTS),
            base,
            cap: cap.max(base).min(1e9),
            jitter,
        }
    }

    /// Decides after attempt number `attempt` (1 for the first) failed: dead-letter when the
    /// attempts are used up or the budget (if any) refuses, else retry after
    /// [`RetryPolicy::next_delay`]. `previous_delay` is the wait before the failed attempt.
    pub fn decide<R: Rng + ?Sized>(
        &self,
        attempt: u32,
        previous_delay: f64,
        budget: Option<&mut RetryBudget>,
        rng: &mut R,
    ) -> RetryDecision {
        if attempt >= self.max_attempts {
            return RetryDecision::DeadLetter(GiveUp::Attempts);
        }
        if budget.is_some_and(|b| !b.try_spend()) {
            return RetryDecision::DeadLetter(GiveUp::Budget);
        }
        RetryDecision::Retry { delay: self.next_delay(attempt, previous_delay, rng) }
    }

    /// The wait after attempt number `attempt` (1 for the first) failed, per the jitter mode.
    /// `previous_delay` is the wait before that attempt (only decorrelated jitter reads it; pass
    /// 0 after the first attempt). Draws one number from `rng` unless the jitter is `None`.
    pub fn next_delay<R: Rng + ?Sized>(&self, attempt: u32, previous_delay: f64, rng: &mut R) -> f64 {
        let RetryPolicy { base, cap, .. } = *self;
        match self.jitter {
            Jitter::None => self.ceiling(attempt),
            Jitter::Full => self.ceiling(attempt) * uniform(rng),
            Jitter::Equal => {
                let half = self.ceiling(attempt) / 2.0;
                half + half * uniform(rng)
            }
            Jitter::Decorrelated => {
                let upper = 3.0 * previous_delay.max(base).min(cap);
                (base + (upper - base) * uniform(rng)).min(cap)
            }
        }
    }

    /// The un-jittered backoff after attempt `attempt` failed: `min(cap, base · 2^(attempt-1))`.
    pub fn ceiling(&self, attempt: u32) -> f64 {
        let exponent = attempt.saturating_sub(1).min(1023) as i32;
        libm::scalbn(self.base, exponent).min(self.cap)
    }
}

/// A [`RetryPolicy`] and an optional [`RetryBudget`], as one value to configure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RetryConfig {
    /// Attempts in all, the first included.
    pub max_attempts: u32,
    pub base: f64,
    pub cap: f64,
    pub jitter: Jitter,
    pub budget: Option<BudgetConfig>,
}

/// The parameters of [`RetryBudget::new`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BudgetConfig {
    pub ratio: f64,
    pub max_tokens: f64,
}

/// A retry policy together with its budget's state.
#[derive(Clone, Debug, PartialEq)]
pub struct Retrier {
    policy: RetryPolicy,
    budget: Option<RetryBudget>,
}

impl Retrier {
    /// Builds (and clamps) the policy and the budget.
    pub fn new(config: RetryConfig) -> Self {
        let RetryConfig { max_attempts, base, cap, jitter, budget } = config;
        Retrier {
            policy: RetryPolicy::new(max_attempts, base, cap, jitter),
            budget: budget.map(|b| RetryBudget::new(b.ratio, b.max_tokens)),
        }
    }

    /// Records a first attempt, which earns budget tokens.
    pub fn on_first_attempt(&mut self) {
        if let Some(budget) = &mut self.budget {
            budget.on_first_attempt();
        }
    }

    /// [`RetryPolicy::decide`] with this retrier's budget.
    pub fn decide<R: Rng + ?Sized>(
        &mut self,
        attempt: u32,
        previous_delay: f64,
        rng: &mut R,
    ) -> RetryDecision {
        self.policy.decide(attempt, previous_delay, self.budget.as_mut(), rng)
    }

    pub fn policy(&self) -> &RetryPolicy {
        &self.policy
    }

    pub fn budget(&self) -> Option<&RetryBudget> {
        self.budget.as_ref()
    }
}

/// A token-bucket retry budget: see the module documentation.
#[derive(Clone, Debug, PartialEq)]
pub struct RetryBudget {
    /// Tokens earned per first attempt (0.1: retries add at most about 10 % load).
    ratio: f64,
    /// Most tokens saved up; also the starting balance.
    max_tokens: f64,
    tokens: f64,
    spent: u64,
    refused: u64,
}

impl RetryBudget {
    /// A full budget. `ratio` is clamped to `[0, 1e6]`, `max_tokens` to `[0, 1e9]`.
    pub fn new(ratio: f64, max_tokens: f64) -> Self {
        let max_tokens = max_tokens.max(0.0).min(1e9);
        RetryBudget { ratio: ratio.max(0.0).min(1e6), max_tokens, tokens: max_tokens, spent: 0, refused: 0 }
    }

    /// Records a first attempt, which earns `ratio` tokens.
    pub fn on_first_attempt(&mut self) {
        self.tokens = (self.tokens + self.ratio).min(self.max_tokens);
    }

    /// Takes one token for a retry, or refuses when less than one is left.
    pub fn try_spend(&mut self) -> bool {
        let ok = self.tokens >= 1.0 - EPSILON;
        if ok {
            self.tokens = (self.tokens - 1.0).max(0.0);
            self.spent += 1;
        } else {
            self.refused += 1;
        }
        ok
    }

    /// Tokens left.
    pub fn tokens(&self) -> f64 {
        self.tokens
    }

    /// Retries paid for so far.
    pub fn spent(&self) -> u64 {
        self.spent
    }

    /// Retries refused so far.
    pub fn refused(&self) -> u64 {
        self.refused
    }
}

impl fmt::Display for RetryBudget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "retry budget: {:.2} tokens, {} spent, {} refused", self.tokens, self.spent, self.refused)
    }
}
