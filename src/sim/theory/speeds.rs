//! One shared queue, servers of unequal speeds, Poisson arrivals, exponential work: an exact
//! Markov chain for up to `MAX_SERVERS` servers.
//!
//! The engine's pick order: an arrival that finds servers free goes to the free one with the
//! lowest index (whatever its speed); a server that finishes takes the next waiting request.
//! So the state is the set of busy servers while any is free, and the number waiting once all
//! are busy. Server i serves at rate μ v_i (v_i its speed, μ = 1 / mean work).
//!
//! Derivation: with all busy, completions come at rate M = μ Σ v_i whoever serves, so the
//! number waiting is a birth-death chain with ratio r = λ / M up to the queue's capacity, and
//! the full state is entered and left only with nobody waiting. Folding it into one state
//! whose exits to "all but i" run at μ v_i / Σ_n r^n leaves a chain of 2^c states, solved
//! directly. From its stationary law (PASTA):
//! - an arrival that finds set B busy is served by the lowest free server, f(B), at once;
//! - one that waits behind n others waits n + 1 exponential(M) completions and is served by
//!   the server that freed, i with chance v_i / Σ v;
//! - means follow by Little's law; with an unlimited queue the wait of those who wait is
//!   exponential(M - λ), so latency percentiles are sums of two exponentials.
//!
//! With equal speeds the chain lumps into M/M/c (a test checks it).

use super::Prediction;
use super::basis::Basis;
use super::percentiles::{exp_sum_survival, quantile};

/// Most servers solved exactly (2^8 = 256 states).
pub const MAX_SERVERS: usize = 8;

#[derive(Clone, Debug, PartialEq)]
pub struct Speeds {
    lambda: f64,
    mu: f64,
    speeds: Vec<f64>,
    cap: Option<u64>,
    /// Stationary probability of each busy set (bit i: server i busy); the full set holds the
    /// whole "all busy" mass, any number waiting.
    pi: Vec<f64>,
    /// The number waiting while all are busy.
    levels: Levels,
}

/// The number waiting while all servers are busy: geometric with ratio r, truncated at the
/// queue's capacity.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Levels {
    /// P(nobody waiting | all busy).
    first: f64,
    /// P(the queue full | all busy).
    last: f64,
    /// E[number waiting | all busy].
    mean: f64,
}

impl Levels {
    fn new(r: f64, cap: Option<u64>) -> Option<Levels> {
        // With s < 1 the ratio from the end the mass leans to: P(m) ∝ s^m, m = 0..=k.
        let truncated = |s: f64, k: f64| {
            let top = -libm::expm1((k + 1.0) * libm::log(s));
            let p0 = (1.0 - s) / top;
            let mean = s / (1.0 - s) - (k + 1.0) * libm::exp((k + 1.0) * libm::log(s)) / top;
            (p0, p0 * libm::exp(k * libm::log(s)), mean)
        };
        match cap {
            None if r >= 1.0 => None,
            None => Some(Levels { first: 1.0 - r, last: 0.0, mean: r / (1.0 - r) }),
            Some(k) => {
                let k = k as f64;
                Some(if (r - 1.0).abs() < 1e-9 {
                    Levels { first: 1.0 / (k + 1.0), last: 1.0 / (k + 1.0), mean: k / 2.0 }
                } else if r < 1.0 {
                    let (first, last, mean) = truncated(r, k);
                    Levels { first, last, mean }
                } else {
                    // Mirrored: count down from the full queue with ratio 1/r.
                    let (last, first, mean) = truncated(1.0 / r, k);
                    Levels { first, last, mean: k - mean }
                })
            }
        }
    }
}

/// Solves `a x = b` in place by Gaussian elimination with partial pivoting.
fn solve_linear(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let n = b.len();
    for col in 0..n {
        let pivot = (col..n).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-300 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        for row in col + 1..n {
            let factor = a[row][col] / a[col][col];
            if factor != 0.0 {
                let (above, below) = a.split_at_mut(row);
                for (x, p) in below[0][col..].iter_mut().zip(&above[col][col..]) {
                    *x -= factor * p;
                }
                b[row] -= factor * b[col];
            }
        }
    }
    let mut x = vec![0.0; n];
    for row in (0..n).rev() {
        let tail: f64 = (row + 1..n).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - tail) / a[row][row];
    }
    Some(x)
}

impl Speeds {
    /// `None` beyond `MAX_SERVERS`, or without a steady state (all busy and more arriving
    /// than they serve, with an unlimited queue).
    pub fn solve(lambda: f64, mu: f64, speeds: &[f64], cap: Option<u64>) -> Option<Speeds> {
        let c = speeds.len();
        if c == 0 || c > MAX_SERVERS || !(lambda > 0.0 && mu > 0.0) || speeds.iter().any(|&v| v <= 0.0) {
            return None;
        }
        let total: f64 = speeds.iter().sum();
        let levels = Levels::new(lambda / (mu * total), cap)?;
        let states = 1usize << c;
        let full = states - 1;
        // Generator, transposed: q[to][from], so that Σ_from q[to][from] pi[from] = 0.
        let mut q = vec![vec![0.0; states]; states];
        for from in 0..states {
            let out = |to: usize, rate: f64, q: &mut Vec<Vec<f64>>| {
                q[to][from] += rate;
                q[from][from] -= rate;
            };
            if from != full {
                let free = (!from).trailing_zeros() as usize;
                out(from | 1 << free, lambda, &mut q);
            }
            for (i, &v) in speeds.iter().enumerate() {
                if from & 1 << i != 0 {
                    let rate = if from == full { mu * v * levels.first } else { mu * v };
                    out(from & !(1 << i), rate, &mut q);
                }
            }
        }
        // Replace one balance equation by Σ pi = 1.
        q[0] = vec![1.0; states];
        let mut b = vec![0.0; states];
        b[0] = 1.0;
        let pi = solve_linear(q, b)?;
        Some(Speeds { lambda, mu, speeds: speeds.to_vec(), cap, pi, levels })
    }

    fn full(&self) -> usize {
        (1 << self.speeds.len()) - 1
    }

    /// The chance an arrival is turned away (the queue full).
    pub fn blocked(&self) -> f64 {
        self.pi[self.full()] * self.levels.last
    }

    /// The chance an arrival waits (finds all busy and a place in the queue).
    pub fn p_wait(&self) -> f64 {
        self.pi[self.full()] - self.blocked()
    }

    /// Time-average number waiting.
    pub fn mean_queue(&self) -> f64 {
        self.pi[self.full()] * self.levels.mean
    }

    /// Time-average number in service.
    pub fn mean_busy(&self) -> f64 {
        self.pi.iter().enumerate().map(|(set, p)| set.count_ones() as f64 * p).sum()
    }

    /// For each busy set other than the full one: (its probability, the rate of the server an
    /// arrival then gets).
    fn served_at_once(&self) -> impl Iterator<Item = (f64, f64)> + '_ {
        let full = self.full();
        self.pi.iter().enumerate().filter(move |&(set, _)| set != full).map(|(set, &p)| {
            let free = (!set).trailing_zeros() as usize;
            (p, self.mu * self.speeds[free])
        })
    }

    /// P(latency > t) for an admitted request, unlimited queue.
    fn latency_survival(&self, t: f64) -> f64 {
        let total: f64 = self.speeds.iter().sum();
        let decay = self.mu * total - self.lambda;
        let at_once: f64 = self.served_at_once().map(|(p, rate)| p * libm::exp(-rate * t)).sum();
        let waited: f64 =
            self.speeds.iter().map(|&v| v / total * exp_sum_survival(decay, self.mu * v, t)).sum();
        at_once + self.pi[self.full()] * waited
    }

    pub fn prediction(&self) -> Prediction {
        let c = self.speeds.len();
        let total: f64 = self.speeds.iter().sum();
        let admitted = self.lambda * (1.0 - self.blocked());
        let queue = self.mean_queue();
        let busy = self.mean_busy();
        let wait = queue / admitted;
        // Mean service of an admitted request: at once by the lowest free server, or after a
        // wait by whichever frees (server i with chance v_i / Σv, mean 1/(μ v_i)).
        let at_once: f64 = self.served_at_once().map(|(p, rate)| p / rate).sum();
        let service = (at_once + self.p_wait() * c as f64 / (self.mu * total)) / (1.0 - self.blocked());
        let quantile_of =
            |q: f64| self.cap.is_none().then(|| quantile(q, 1.0 / self.mu, |t| self.latency_survival(t)));
        let list: Vec<String> = self.speeds.iter().map(|v| format!("{v}")).collect();
        Prediction {
            model: format!("M/M/{c} with speeds {} (Markov chain)", list.join(",")),
            utilization: Some(busy / c as f64),
            mean_wait: Some(wait),
            mean_latency: Some(wait + service),
            mean_in_system: Some(queue + busy),
            mean_queue: Some(queue),
            p_wait: Some(self.p_wait()),
            drop_ratio: Some(self.blocked()),
            p50: quantile_of(0.5),
            p95: quantile_of(0.95),
            p99: quantile_of(0.99),
            basis: Basis::Exact,
            notes: vec![
                "A request that finds servers free goes to the free one with the lowest index, \
                 whatever its speed."
                    .into(),
            ],
            ..Prediction::default()
        }
    }

    /// The chance an arrival waits, and the rate completions come at once all are busy: the
    /// W0 of Cobham's priority formula is their ratio.
    pub fn all_busy(&self) -> (f64, f64) {
        (self.p_wait(), self.mu * self.speeds.iter().sum::<f64>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::theory::queues::mmck;

    #[test]
    fn equal_speeds_are_mmc() {
        for (c, lambda, cap) in [(1, 0.8, None), (3, 2.4, None), (4, 3.9, Some(5)), (8, 6.0, None)] {
            let chain = Speeds::solve(lambda, 1.0, &vec![1.0; c], cap).unwrap().prediction();
            let mm = mmck(lambda, 1.0, c, cap);
            for (what, a, b) in [
                ("Wq", chain.mean_wait, mm.mean_wait),
                ("W", chain.mean_latency, mm.mean_latency),
                ("L", chain.mean_in_system, mm.mean_in_system),
                ("wait", chain.p_wait, mm.p_wait),
                ("drop", chain.drop_ratio, mm.drop_ratio),
            ] {
                let (a, b) = (a.unwrap(), b.unwrap());
                assert!((a - b).abs() < 1e-9 * b.max(1.0), "c {c} {what}: {a} vs {b}");
            }
        }
        // M/M/1: latency exponential with rate μ - λ.
        let p = Speeds::solve(0.8, 1.0, &[1.0], None).unwrap().prediction();
        assert!((p.p99.unwrap() - libm::log(100.0) / 0.2).abs() < 1e-6);
    }

    #[test]
    fn the_fast_server_first_beats_the_slow_one_first() {
        let fast_first = Speeds::solve(1.0, 1.0, &[2.0, 0.5], None).unwrap().prediction();
        let slow_first = Speeds::solve(1.0, 1.0, &[0.5, 2.0], None).unwrap().prediction();
        assert!(fast_first.mean_latency < slow_first.mean_latency);
        // Both carry the same work: utilization differs only in who does it.
        assert!(fast_first.mean_wait < slow_first.mean_wait);
    }

    #[test]
    fn beyond_eight_servers_or_capacity_there_is_no_chain() {
        assert!(Speeds::solve(1.0, 1.0, &[1.0; 9], None).is_none());
        assert!(Speeds::solve(3.0, 1.0, &[1.0, 1.0], None).is_none());
        assert!(Speeds::solve(3.0, 1.0, &[1.0, 1.0], Some(3)).is_some());
    }
}
