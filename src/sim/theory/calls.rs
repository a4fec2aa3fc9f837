//! Calls through a tree of services: availability in series and with retries, retry
//! amplification, the fan-out tail, and how long a backlog takes to drain after an outage.
//!
//! Level i (0 for level 1) fails an attempt with probability `p_i` and retries a failed call
//! `r_i` times; each attempt that does not fail itself calls `N` (the fanout) services at the
//! next level over a sync edge and succeeds when all of them do. With failures independent:
//!
//! - an attempt at level i succeeds with `a_i = (1 - p_i) · S_{i+1}^N` (`a = 1 - p` at the
//!   deepest level, or above an async edge, whose outcome never comes back);
//! - a call succeeds with `S_i = 1 - (1 - a_i)^(r_i + 1)`: with no retries and `N = 1` the
//!   product of the levels' `1 - p_i` (availability in series);
//! - a call makes `A_i = (1 - (1 - a_i)^(r_i + 1)) / a_i` attempts (`r_i + 1` when `a_i = 0`),
//!   and the deepest level sees `D_i = A_i · (1 - p_i) · N · D_{i+1}` attempts per call at
//!   level i: when every attempt fails at the bottom and N = 1, the product of `r_i + 1`.
//!
//! The attempt counts are exact for `N = 1`; with a larger fanout a failed child cancels its
//! siblings, which then make fewer attempts than this counts.

use super::{Basis, Prediction};
use crate::scenario::Scenario;

/// One level's failure probability, retries, and whether the edge into the next is async.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hop {
    pub fail: f64,
    pub retries: u32,
    /// The next level's incoming edge is async (this level does not wait for it).
    pub async_below: bool,
}

/// What the formulas give for a tree of `hops` (level 1 first) with `fanout`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tree {
    /// Chance a request succeeds.
    pub success: f64,
    /// Attempts at the deepest level per request.
    pub amplification: f64,
    /// Attempts at all levels per request.
    pub attempts: f64,
}

/// Success, amplification and attempts of a tree (see the module documentation).
pub fn tree(hops: &[Hop], fanout: u32) -> Tree {
    let n = f64::from(fanout.max(1));
    let mut below_success: f64 = 1.0;
    let mut below_deepest = 0.0;
    let mut below_attempts = 0.0;
    for (i, hop) in hops.iter().enumerate().rev() {
        let last = i + 1 == hops.len();
        let own = 1.0 - hop.fail.clamp(0.0, 1.0);
        let child = if last || hop.async_below { 1.0 } else { libm::pow(below_success, n) };
        let a = own * child;
        let tries = f64::from(hop.retries) + 1.0;
        let success = 1.0 - libm::pow(1.0 - a, tries);
        let attempts = if a > 0.0 { success / a } else { tries };
        let (deepest, total) = if last {
            (attempts, attempts)
        } else {
            (attempts * own * n * below_deepest, attempts + attempts * own * n * below_attempts)
        };
        below_success = success;
        below_deepest = deepest;
        below_attempts = total;
    }
    Tree { success: below_success, amplification: below_deepest, attempts: below_attempts }
}

/// The share of requests that meet at least one slow call, when each of `calls` calls is slow
/// with chance `q` independently: `1 - (1 - q)^calls`.
pub fn fanout_tail(q: f64, calls: f64) -> f64 {
    1.0 - libm::pow(1.0 - q.clamp(0.0, 1.0), calls.max(0.0))
}

/// After an outage of `outage` seconds at a consumer fed `rate` messages a second, which
/// serves `capacity` a second: the backlog it leaves (`rate · outage`) and the seconds to
/// drain it (`backlog / (capacity - rate)`; `None` when the consumer cannot keep up at all).
pub fn drain(rate: f64, outage: f64, capacity: f64) -> (f64, Option<f64>) {
    let backlog = rate * outage;
    let spare = capacity - rate;
    (backlog, (spare > 0.0).then(|| backlog / spare))
}

/// The levels of `s` as the formulas read them.
pub fn hops(s: &Scenario) -> Vec<Hop> {
    let c = &s.calls;
    let depth = (c.depth as usize).clamp(1, crate::scenario::PerLevel::MAX);
    (0..depth)
        .map(|i| Hop {
            fail: c.hop_fail.at(i).clamp(0.0, 1.0),
            retries: c.hop_retries.at(i).clamp(0.0, 10.0) as u32,
            async_below: i + 1 < depth && c.async_levels.is_some_and(|a| a.contains(i as f64 + 2.0)),
        })
        .collect()
}

/// The prediction beside a calls run.
pub fn calls(s: &Scenario) -> Prediction {
    let c = &s.calls;
    let hops = hops(s);
    let fanout = c.fanout.clamp(1, 10) as u32;
    let t = tree(&hops, fanout);
    let mut notes = Vec::new();
    let mut differs = Vec::new();
    let failures = hops.iter().any(|h| h.fail > 0.0);
    if c.hop_timeout.is_some() {
        differs.push("timeouts".into());
        notes.push("Timeouts fail attempts too; the formulas count only errors.".into());
    }
    if c.deadline.is_some() {
        differs.push("a deadline".into());
        notes.push("The deadline cuts retries short: fewer attempts, more failures than predicted.".into());
    }
    if s.retries.budget.is_some() {
        differs.push("a retry budget".into());
        notes.push("The retry budget refuses some retries: fewer attempts, more failures.".into());
    }
    let outage = s.servers.outage_at.is_some();
    let depth = hops.len();
    let outage_level = c.outage_level.map_or(depth, |l| l as usize).clamp(1, depth) - 1;
    let outage_async = outage_level > 0 && hops[outage_level - 1].async_below;
    if outage && !outage_async {
        differs.push("an outage".into());
        notes.push("While a sync level is down every call to it fails.".into());
    }
    if fanout > 1 && failures {
        notes.push("A failed call cancels its siblings, which then make fewer attempts than counted.".into());
    }
    let mut p = Prediction {
        model: "independent failures through the tree".into(),
        success_ratio: Some(t.success),
        amplification: Some(t.amplification),
        ..Prediction::default()
    };
    if outage && outage_async {
        // Messages reaching the stopped level per second, and what its workers serve.
        let mut per_request = 1.0;
        for hop in &hops[..outage_level] {
            per_request *= (1.0 - hop.fail) * f64::from(fanout);
        }
        let rate = s.arrivals.rate * per_request;
        let capacity = c.replicas.at(outage_level).clamp(1.0, 64.0) / c.hop_time.at(outage_level).max(1e-9);
        let (backlog, time) = drain(rate, s.servers.outage_len, capacity);
        p.max_backlog = Some(backlog);
        p.drain_time = time;
        notes.push(format!(
            "The consumer gets {rate:.1} messages/s and serves up to {capacity:.1}/s: a backlog of \
             {backlog:.0} drains at {:.1}/s.",
            capacity - rate
        ));
    }
    if fanout > 1 {
        let calls = super::super::models::calls::tree_size(depth as u64, u64::from(fanout)) as f64;
        notes.push(format!(
            "With {calls:.0} calls per request, {:.1} % of requests meet at least one call slower \
             than its level's p99 (1 - 0.99^{calls:.0}).",
            100.0 * fanout_tail(0.01, calls)
        ));
    }
    let exact_counts = fanout == 1 || !failures;
    p.basis = if differs.is_empty() && exact_counts { Basis::Exact } else { Basis::Approximation };
    p.typical_error = (p.basis == Basis::Approximation)
        .then(|| "success is exact for independent errors; attempt counts are upper bounds".into());
    super::arrival_notes(s, &mut notes);
    differs.extend(super::basis::arrival_differs(s));
    p.differs = differs;
    p.notes = notes;
    p
}
