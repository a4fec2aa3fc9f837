//! The load balancer: picks a server for each request by one of seven policies, among the
//! servers its health checks believe are up (all of them when none are).
//!
//! - round robin: each server in turn;
//! - weighted: smooth weighted round robin (nginx's), in proportion to the servers' speeds;
//! - random: uniformly;
//! - least connections: the fewest requests in the server (ties: the lowest index);
//! - power of two choices: two distinct servers at random, the one with fewer requests;
//! - peak-EWMA: two at random, the lower `latency EWMA × (requests + 1)`; the EWMA jumps up to
//!   a slow response at once and decays towards fast ones with time constant `tau`;
//! - consistent hashing: the request key's owner on the ring, or the next healthy owner
//!   clockwise.

use rand::Rng;

use super::ring::{Ring, key_position};
use super::rng::below;
use crate::scenario::LbPolicy;

#[derive(Clone, Debug)]
pub struct Balancer {
    policy: LbPolicy,
    /// What the health checks last saw, per server.
    pub healthy: Vec<bool>,
    next: usize,
    weights: Vec<f64>,
    credit: Vec<f64>,
    /// Peak-EWMA latency per server and when it was last updated.
    ewma: Vec<(f64, f64)>,
    tau: f64,
    ring: Option<Ring>,
}

impl Balancer {
    pub fn new(policy: LbPolicy, servers: usize, speeds: &[f64], vnodes: u32, seed: u64, tau: f64) -> Self {
        let weights: Vec<f64> = (0..servers).map(|i| speeds.get(i).copied().unwrap_or(1.0)).collect();
        Balancer {
            policy,
            healthy: vec![true; servers],
            next: 0,
            credit: vec![0.0; servers],
            weights,
            ewma: vec![(0.0, 0.0); servers],
            tau,
            ring: (policy == LbPolicy::Hash).then(|| Ring::new(servers as u32, vnodes, seed)),
        }
    }

    /// The server for a request with `key`, given each server's current load.
    pub fn pick<R: Rng + ?Sized>(&mut self, key: u32, loads: &[usize], rng: &mut R) -> usize {
        let n = loads.len();
        let any_healthy = self.healthy.iter().any(|&h| h);
        let ok = |i: usize| !any_healthy || self.healthy[i];
        match self.policy {
            LbPolicy::RoundRobin => {
                for _ in 0..n {
                    let i = self.next % n;
                    self.next = (i + 1) % n;
                    if ok(i) {
                        return i;
                    }
                }
                0
            }
            LbPolicy::Weighted => {
                let total: f64 = (0..n).filter(|&i| ok(i)).map(|i| self.weights[i]).sum();
                let mut best = None;
                for i in (0..n).filter(|&i| ok(i)) {
                    self.credit[i] += self.weights[i];
                    if best.is_none_or(|b: usize| self.credit[i] > self.credit[b]) {
                        best = Some(i);
                    }
                }
                let chosen = best.unwrap_or(0);
                self.credit[chosen] -= total;
                chosen
            }
            LbPolicy::Random => self.random_healthy(n, rng, &ok),
            LbPolicy::LeastConn => (0..n).filter(|&i| ok(i)).min_by_key(|&i| loads[i]).unwrap_or(0),
            LbPolicy::PowerOfTwo => {
                let (a, b) = self.two_healthy(n, rng, &ok);
                if loads[b] < loads[a] { b } else { a }
            }
            LbPolicy::PeakEwma => {
                let (a, b) = self.two_healthy(n, rng, &ok);
                let cost = |i: usize| self.ewma[i].0 * (loads[i] + 1) as f64;
                if cost(b) < cost(a) || (cost(b) == cost(a) && loads[b] < loads[a]) { b } else { a }
            }
            LbPolicy::Hash => self.ring_owner(key, &ok).unwrap_or(0),
        }
    }

    fn random_healthy<R: Rng + ?Sized>(&self, n: usize, rng: &mut R, ok: &impl Fn(usize) -> bool) -> usize {
        let healthy = (0..n).filter(|&i| ok(i)).count();
        let k = below(rng, healthy.max(1));
        (0..n).filter(|&i| ok(i)).nth(k).unwrap_or(0)
    }

    /// Two distinct healthy servers at random (the same one twice if only one is healthy).
    fn two_healthy<R: Rng + ?Sized>(
        &self,
        n: usize,
        rng: &mut R,
        ok: &impl Fn(usize) -> bool,
    ) -> (usize, usize) {
        let healthy = (0..n).filter(|&i| ok(i)).count();
        let nth = |k: usize| (0..n).filter(|&i| ok(i)).nth(k).unwrap_or(0);
        if healthy < 2 {
            let only = nth(0);
            return (only, only);
        }
        let first = below(rng, healthy);
        let second = (first + 1 + below(rng, healthy - 1)) % healthy;
        (nth(first), nth(second))
    }

    fn ring_owner(&self, key: u32, ok: &impl Fn(usize) -> bool) -> Option<usize> {
        let ring = self.ring.as_ref()?;
        let points = ring.points();
        let start = points.partition_point(|p| p.position < key_position(u64::from(key)));
        (0..points.len())
            .map(|step| points[(start + step) % points.len()].server as usize)
            .find(|&server| ok(server))
    }

    /// Records a response from server `i` that took `latency`, at `now` (peak-EWMA).
    pub fn observe(&mut self, i: usize, latency: f64, now: f64) {
        if self.policy != LbPolicy::PeakEwma {
            return;
        }
        let Some((value, at)) = self.ewma.get_mut(i) else {
            return;
        };
        if latency > *value {
            *value = latency;
        } else {
            let keep = libm::exp(-(now - *at).max(0.0) / self.tau);
            *value = *value * keep + latency * (1.0 - keep);
        }
        *at = now;
    }
}
