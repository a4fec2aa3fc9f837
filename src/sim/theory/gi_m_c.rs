//! GI/M/c: renewal arrivals, exponential service, `c` equal servers, FIFO, unlimited queue.
//!
//! Derivation (Takács 1962; Gross & Harris, "Fundamentals of Queueing Theory", G/M/c): embed a
//! Markov chain at arrival epochs. Above `c - 1` the chain only moves down at rate `cμ`, so the
//! number an arrival finds, once at least `c`, is geometric with ratio sigma, the root in (0, 1)
//! of sigma = A*(cμ(1 - sigma)), A* the Laplace-Stieltjes transform of the gap between
//! arrivals. An arrival that waits sees a geometric number ahead of it, so its wait is
//! exponential with rate cμ(1 - sigma):
//!
//!   P(W > t) = P_wait · e^(-cμ(1 - sigma) t),   P_wait = K / (1 - sigma),
//!
//! with Takács's constant
//!
//!   1/K = 1/(1 - sigma) + Σ_{j=1..c} C(c, j) · R_j / (C_j (1 - A*(jμ))),
//!   C_j = Π_{i=1..j} A*(iμ) / (1 - A*(iμ)),
//!   R_j = (c(1 - A*(jμ)) - j) / (c(1 - sigma) - j),
//!
//! where R_j, a ratio of two quantities with the same sign, tends to 1 + cμ A*'(cμ(1 - sigma))
//! where both vanish. Every term is positive, so the sum is summed in log space without
//! cancellation, for any c the scenarios allow. Poisson arrivals give sigma = rho and P_wait =
//! Erlang C (M/M/c); one server gives P_wait = sigma (GI/M/1).

use super::percentiles::{bisect, exp_sum_survival, quantile};

/// A renewal arrival process, known by the transform of its gaps.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Renewal {
    /// Exponential gaps at `rate` per second.
    Poisson { rate: f64 },
    /// Evenly spaced, `rate` per second.
    Deterministic { rate: f64 },
    /// Erlang gaps of `k` phases, `rate` per second: every k-th arrival of a Poisson stream.
    Erlang { k: u32, rate: f64 },
    /// Gaps of `gap` times a geometric number (success chance `p`): evenly spaced arrivals
    /// split at random, each kept with chance `p`.
    Thinned { gap: f64, p: f64 },
}

impl Renewal {
    /// Arrivals per second.
    pub fn rate(self) -> f64 {
        match self {
            Renewal::Poisson { rate } | Renewal::Deterministic { rate } | Renewal::Erlang { rate, .. } => {
                rate
            }
            Renewal::Thinned { gap, p } => p / gap,
        }
    }

    /// Kendall's letter for the process.
    pub fn letter(self) -> String {
        match self {
            Renewal::Poisson { .. } => "M".into(),
            Renewal::Deterministic { .. } => "D".into(),
            Renewal::Erlang { k, .. } => format!("E{k}"),
            Renewal::Thinned { .. } => "GI".into(),
        }
    }

    /// The squared coefficient of variation of the gaps.
    pub fn scv(self) -> f64 {
        match self {
            Renewal::Poisson { .. } => 1.0,
            Renewal::Deterministic { .. } => 0.0,
            Renewal::Erlang { k, .. } => 1.0 / f64::from(k.max(1)),
            Renewal::Thinned { p, .. } => 1.0 - p,
        }
    }

    /// A*(s) = E[e^(-s·gap)], and 1 - A*(s) computed without cancellation.
    fn transform(self, s: f64) -> (f64, f64) {
        match self {
            Renewal::Poisson { rate } => (rate / (rate + s), s / (rate + s)),
            Renewal::Deterministic { rate } => (libm::exp(-s / rate), -libm::expm1(-s / rate)),
            Renewal::Erlang { k, rate } => {
                let kl = f64::from(k) * rate;
                let log = f64::from(k) * libm::log1p(-s / (kl + s));
                (libm::exp(log), -libm::expm1(log))
            }
            Renewal::Thinned { gap, p } => {
                let u = libm::exp(-s * gap);
                let q = 1.0 - p;
                // 1 - p u / (1 - q u) = (1 - u) / (1 - q u)
                (p * u / (1.0 - q * u), -libm::expm1(-s * gap) / (1.0 - q * u))
            }
        }
    }

    /// dA*/ds.
    fn slope(self, s: f64) -> f64 {
        match self {
            Renewal::Poisson { rate } => -rate / ((rate + s) * (rate + s)),
            Renewal::Deterministic { rate } => -libm::exp(-s / rate) / rate,
            Renewal::Erlang { k, rate } => {
                let kl = f64::from(k) * rate;
                -f64::from(k) / (kl + s) * self.transform(s).0
            }
            Renewal::Thinned { gap, p } => {
                let u = libm::exp(-s * gap);
                let d = 1.0 - (1.0 - p) * u;
                -p * gap * u / (d * d)
            }
        }
    }
}

/// The solved queue.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GiMc {
    pub arrivals: Renewal,
    pub mu: f64,
    pub c: usize,
    /// The root of sigma = A*(cμ(1 - sigma)).
    pub sigma: f64,
    /// The chance an arrival waits.
    pub p_wait: f64,
    /// The rate of the exponential wait of those who wait: cμ(1 - sigma).
    pub decay: f64,
}

impl GiMc {
    /// Solves the queue; `None` unless rho = λ/(cμ) < 1 (no steady state) and inputs are sane.
    pub fn solve(arrivals: Renewal, mu: f64, c: usize) -> Option<GiMc> {
        let lambda = arrivals.rate();
        let valid = lambda.is_finite() && lambda > 0.0 && mu.is_finite() && mu > 0.0 && c >= 1;
        if !valid || lambda >= c as f64 * mu {
            return None;
        }
        let cmu = c as f64 * mu;
        let sigma = match arrivals {
            Renewal::Poisson { .. } => lambda / cmu,
            // g(x) = A*(cμ(1 - x)) - x is positive below the root and negative between it and 1.
            _ => bisect(0.0, 1.0, |x| arrivals.transform(cmu * (1.0 - x)).0 - x > 0.0),
        };
        let p_wait = (takacs(arrivals, mu, c, sigma) / (1.0 - sigma)).clamp(0.0, 1.0);
        Some(GiMc { arrivals, mu, c, sigma, p_wait, decay: cmu * (1.0 - sigma) })
    }

    pub fn utilization(&self) -> f64 {
        self.arrivals.rate() / (self.c as f64 * self.mu)
    }

    pub fn mean_wait(&self) -> f64 {
        self.p_wait / self.decay
    }

    /// P(W > t).
    pub fn wait_survival(&self, t: f64) -> f64 {
        if t < 0.0 { 1.0 } else { self.p_wait * libm::exp(-self.decay * t) }
    }

    /// P(W + S > t): the latency, the wait plus an independent exponential service.
    pub fn latency_survival(&self, t: f64) -> f64 {
        let served_at_once = (1.0 - self.p_wait) * libm::exp(-self.mu * t.max(0.0));
        served_at_once + self.p_wait * exp_sum_survival(self.decay, self.mu, t)
    }

    /// The q-quantile of the latency.
    pub fn latency_quantile(&self, q: f64) -> f64 {
        quantile(q, 1.0 / self.mu, |t| self.latency_survival(t))
    }
}

/// Takács's constant K (see the module comment), in log space.
fn takacs(arrivals: Renewal, mu: f64, c: usize, sigma: f64) -> f64 {
    let cf = c as f64;
    let x_sigma = cf * mu * (1.0 - sigma);
    // log C(c, j) and log C_j, built up term by term.
    let mut log_binomial = 0.0;
    let mut log_cj = 0.0;
    let mut logs = Vec::with_capacity(c + 1);
    logs.push(-libm::log(1.0 - sigma));
    for j in 1..=c {
        let jf = j as f64;
        log_binomial += libm::log((cf - jf + 1.0) / jf);
        let x_j = jf * mu;
        let (beta, one_minus_beta) = arrivals.transform(x_j);
        log_cj += libm::log(beta) - libm::log(one_minus_beta);
        let ratio = if (x_j - x_sigma).abs() <= 1e-9 * x_j {
            1.0 + cf * mu * arrivals.slope(x_sigma)
        } else {
            (cf * one_minus_beta - jf) / (cf * (1.0 - sigma) - jf)
        };
        logs.push(
            log_binomial + libm::log(ratio.max(f64::MIN_POSITIVE)) - log_cj - libm::log(one_minus_beta),
        );
    }
    let top = logs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let sum: f64 = logs.iter().map(|l| libm::exp(l - top)).sum();
    libm::exp(-(top + libm::log(sum)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::theory::queues::erlang_c;

    #[test]
    fn d_m_1_matches_the_published_root() {
        // rho = 0.8: sigma = e^(-(1 - sigma)/0.8) = 0.6286, Wq = sigma / (1 - sigma).
        let q = GiMc::solve(Renewal::Deterministic { rate: 0.8 }, 1.0, 1).unwrap();
        assert!((q.sigma - 0.628_63).abs() < 1e-5, "{}", q.sigma);
        assert!((q.mean_wait() - 1.692_73).abs() < 1e-4, "{}", q.mean_wait());
        assert!((q.p_wait - q.sigma).abs() < 1e-12);
    }

    #[test]
    fn poisson_arrivals_give_erlang_c() {
        for (c, a) in [(1, 0.5), (2, 1.0), (4, 3.2), (16, 15.0), (64, 60.0)] {
            let q = GiMc::solve(Renewal::Poisson { rate: a }, 1.0, c).unwrap();
            let expected = erlang_c(c, a);
            assert!(
                (q.p_wait - expected).abs() < 1e-9 * expected.max(1e-3),
                "c {c}: {} vs {expected}",
                q.p_wait
            );
        }
    }

    #[test]
    fn removable_singularity_is_handled() {
        // M/M/2 at rho = 0.5: c(1 - sigma) = 1 = j exactly.
        let q = GiMc::solve(Renewal::Erlang { k: 1, rate: 1.0 }, 1.0, 2).unwrap();
        assert!((q.p_wait - erlang_c(2, 1.0)).abs() < 1e-9, "{}", q.p_wait);
    }

    #[test]
    fn erlang_4_per_server_under_round_robin() {
        // Round robin over 4 servers at 3.6 per second: each sees E4 gaps at 0.9 per second.
        let q = GiMc::solve(Renewal::Erlang { k: 4, rate: 0.9 }, 1.0, 1).unwrap();
        assert!((q.mean_wait() + 1.0 - 6.383).abs() < 2e-3, "{}", q.mean_wait() + 1.0);
    }

    #[test]
    fn d_m_c_agrees_with_the_embedded_chain() {
        // Values from the arrival-epoch Markov chain solved numerically (pure-death transitions
        // over one gap by uniformization, 150 states, power iteration).
        for (c, rho, expected) in [(3, 0.8, 0.458_375_490), (2, 0.5, 0.103_448_880)] {
            let q = GiMc::solve(Renewal::Deterministic { rate: rho * c as f64 }, 1.0, c).unwrap();
            assert!((q.p_wait - expected).abs() < 1e-8, "D/M/{c}: {}", q.p_wait);
        }
    }

    #[test]
    fn latency_survival_is_a_distribution() {
        let q = GiMc::solve(Renewal::Deterministic { rate: 2.4 }, 1.0, 3).unwrap();
        assert!((q.latency_survival(0.0) - 1.0).abs() < 1e-12);
        assert!(q.latency_survival(200.0) < 1e-12);
        let median = q.latency_quantile(0.5);
        assert!((q.latency_survival(median) - 0.5).abs() < 1e-9);
    }

    #[test]
    fn no_steady_state_at_or_above_capacity() {
        assert!(GiMc::solve(Renewal::Deterministic { rate: 2.0 }, 1.0, 2).is_none());
        assert!(GiMc::solve(Renewal::Erlang { k: 3, rate: 0.0 }, 1.0, 2).is_none());
    }
}
