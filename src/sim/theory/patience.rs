//! M/M/c whose clients give up after a fixed time: the `timeout` key as the engine runs it.
//!
//! The engine starts the clock at arrival. A request still waiting when it rings leaves the
//! queue; one already in service is counted as timed out, but its server works on to the end
//! (the whole service is `wasted_work`). So the servers see M/M/c with deterministic patience
//! tau on the wait (M/M/c+D), and the client sees a timeout whenever wait + service > tau.
//!
//! Derivation (Baccelli & Hébuterne 1981; Zeltyn & Mandelbaum 2005, M/M/n+G): let V be the
//! virtual wait, the wait an infinitely patient arrival would have. While some server is free
//! the number busy j is a birth-death chain, pi_j ∝ a^j / j! (a = λ/μ, j < c). With all busy,
//! an arrival that would wait less than tau joins and adds an exponential(cμ) to V, one that
//! would wait longer adds nothing, and V drains at unit rate; level crossing gives the density
//!
//!   v(x) = λ pi_{c-1} exp(λ min(x, tau) - cμ x),  x > 0.
//!
//! Arrivals see time averages (PASTA), so with the atom P(V = 0) = Σ_{j<c} pi_j:
//! - share abandoned in the queue: P(V > tau) = v(tau) / (cμ);
//! - share timed out in service: E[e^(-μ(tau - V)); V < tau];
//! - wasted work per arrival: E[(tau - V + 1/μ) e^(-μ(tau - V)); V < tau], the mean of a
//!   service longer than tau - V;
//! - the figures of completed requests (wait, latency, its percentiles) condition on
//!   V + S ≤ tau.
//!
//! Every integral of v against exponentials and x is closed-form; each is carried with its
//! exponent apart, so overloads far past capacity and long timeouts stay finite.

use super::Prediction;
use super::basis::Basis;
use super::percentiles::{bisect, grow};

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Patience {
    lambda: f64,
    mu: f64,
    c: usize,
    tau: f64,
    /// λ - cμ: the exponent of v below tau.
    d: f64,
    /// log of λ pi_{c-1} (normalized): v(x) = e^(log_k + d x) below tau.
    log_k: f64,
    /// P(V = 0).
    p0: f64,
}

/// ∫_0^t y e^(-b y) dy for b ≥ 0, without cancellation when b·t is small.
fn first_moment(b: f64, t: f64) -> f64 {
    let x = b * t;
    if x < 0.1 {
        // t² Σ (-x)^n / (n! (n + 2))
        let (mut sum, mut term) = (0.0, 1.0);
        for n in 0..20 {
            sum += term / (n as f64 + 2.0);
            term *= -x / (n as f64 + 1.0);
        }
        t * t * sum
    } else {
        (grow(b, t) - t * libm::exp(-x)) / b
    }
}

/// ∫_0^t x^k e^(a x) dx, k = 0 or 1, as (whether a ≥ 0, value): the integral is e^(a t) · value
/// when a ≥ 0 and value itself otherwise.
fn integral(a: f64, k: usize, t: f64) -> (bool, f64) {
    let b = a.abs();
    if a >= 0.0 {
        // e^(at) ∫_0^t (t - y)^k e^(-a y) dy
        (true, if k == 0 { grow(b, t) } else { t * grow(b, t) - first_moment(b, t) })
    } else {
        (false, if k == 0 { grow(b, t) } else { first_moment(b, t) })
    }
}

/// log(e^x + e^y).
fn log_add(x: f64, y: f64) -> f64 {
    let top = x.max(y);
    if top == f64::NEG_INFINITY { top } else { top + libm::log(libm::exp(x - top) + libm::exp(y - top)) }
}

impl Patience {
    pub fn new(lambda: f64, mu: f64, c: usize, tau: f64) -> Option<Patience> {
        let sane = |x: f64| x.is_finite() && x > 0.0;
        if !(sane(lambda) && sane(mu) && sane(tau) && c >= 1) {
            return None;
        }
        let a = lambda / mu;
        let d = lambda - c as f64 * mu;
        // log Σ_{j<c} a^j / j!, and log a^(c-1)/(c-1)!.
        let mut log_w = 0.0;
        let mut log_free = 0.0;
        for j in 1..c {
            log_w += libm::log(a / j as f64);
            log_free = log_add(log_free, log_w);
        }
        // ∫ v: the part below tau and the exponential tail above it, λ e^(d tau) / (cμ).
        let (grows, below) = integral(d, 0, tau);
        let e = if grows { d * tau } else { 0.0 };
        let log_busy =
            log_w + libm::log(lambda) + e + libm::log(below + libm::exp(d * tau - e) / (c as f64 * mu));
        let log_z = log_add(log_free, log_busy);
        Some(Patience {
            lambda,
            mu,
            c,
            tau,
            d,
            log_k: log_w + libm::log(lambda) - log_z,
            p0: libm::exp(log_free - log_z),
        })
    }

    /// ∫_0^t x^k v(x) e^(-shift·(t - x)) dx. The exponent is formed once, from d·t or
    /// shift·t, never as a difference of two large products.
    fn mass(&self, shift: f64, k: usize, t: f64) -> f64 {
        let (grows, value) = integral(self.d + shift, k, t);
        let exponent = if grows { self.d * t } else { -shift * t };
        libm::exp(self.log_k + exponent) * value
    }

    /// P(V > tau): the share that leaves the queue unserved.
    pub fn abandoned(&self) -> f64 {
        libm::exp(self.log_k + self.d * self.tau) / (self.c as f64 * self.mu)
    }

    /// The share whose service started but ended after the timeout.
    pub fn timed_out_in_service(&self) -> f64 {
        let (mu, tau) = (self.mu, self.tau);
        self.p0 * libm::exp(-mu * tau) + self.mass(mu, 0, tau)
    }

    pub fn timed_out(&self) -> f64 {
        (self.abandoned() + self.timed_out_in_service()).min(1.0)
    }

    /// The share answered in time: served, and done within tau of arriving. Computed from the
    /// same terms as the waits it divides, so that far past capacity (where it is tiny) their
    /// rounding cancels in the ratio.
    pub fn completed(&self) -> f64 {
        let (mu, tau) = (self.mu, self.tau);
        let done = self.p0 * -libm::expm1(-mu * tau) + self.mass(0.0, 0, tau) - self.mass(mu, 0, tau);
        done.max(f64::MIN_POSITIVE)
    }

    /// Server seconds per arrival spent on services whose client had given up.
    pub fn wasted_per_arrival(&self) -> f64 {
        let (mu, tau) = (self.mu, self.tau);
        let late = tau + 1.0 / mu;
        self.p0 * late * libm::exp(-mu * tau) + late * self.mass(mu, 0, tau) - self.mass(mu, 1, tau)
    }

    /// Mean wait of completed requests.
    pub fn mean_wait(&self) -> f64 {
        let (mu, tau) = (self.mu, self.tau);
        let total = self.mass(0.0, 1, tau) - self.mass(mu, 1, tau);
        total / self.completed()
    }

    /// Mean latency (wait plus service) of completed requests.
    pub fn mean_latency(&self) -> f64 {
        let (mu, tau) = (self.mu, self.tau);
        let waits = self.mass(0.0, 1, tau) - self.mass(mu, 1, tau);
        // E[S; S ≤ a] = (1 - e^(-μa))/μ - a e^(-μa), with a = tau - V.
        let at_once = self.p0 * ((1.0 - libm::exp(-mu * tau)) / mu - tau * libm::exp(-mu * tau));
        let after_wait =
            self.mass(0.0, 0, tau) / mu - (1.0 / mu + tau) * self.mass(mu, 0, tau) + self.mass(mu, 1, tau);
        (waits + at_once + after_wait) / self.completed()
    }

    /// P(latency ≤ t | completed), t ≤ tau.
    pub fn latency_cdf(&self, t: f64) -> f64 {
        let t = t.clamp(0.0, self.tau);
        let mu = self.mu;
        let done = self.p0 * -libm::expm1(-mu * t) + self.mass(0.0, 0, t) - self.mass(mu, 0, t);
        (done / self.completed()).clamp(0.0, 1.0)
    }

    pub fn latency_quantile(&self, q: f64) -> f64 {
        bisect(0.0, self.tau, |t| self.latency_cdf(t) < q)
    }

    /// Time-average requests waiting: each arrival waits min(V, tau).
    pub fn mean_queue(&self) -> f64 {
        self.lambda * (self.mass(0.0, 1, self.tau) + self.tau * self.abandoned())
    }

    /// Time-average requests in the system, by Little's law: an arrival stays tau if it
    /// abandons, else min(V + S, tau).
    pub fn mean_in_system(&self) -> f64 {
        let (mu, tau) = (self.mu, self.tau);
        let stays = tau * self.abandoned()
            + self.p0 * -libm::expm1(-mu * tau) / mu
            + self.mass(0.0, 1, tau)
            + (self.mass(0.0, 0, tau) - self.mass(mu, 0, tau)) / mu;
        self.lambda * stays
    }

    pub fn prediction(&self) -> Prediction {
        let c = self.c;
        let served = 1.0 - self.abandoned();
        Prediction {
            model: format!("M/M/{c}+D (clients give up after {} s)", self.tau),
            utilization: Some((self.lambda * served / (c as f64 * self.mu)).min(1.0)),
            mean_wait: Some(self.mean_wait()),
            mean_latency: Some(self.mean_latency()),
            mean_in_system: Some(self.mean_in_system()),
            mean_queue: Some(self.mean_queue()),
            p_wait: Some(1.0 - self.p0),
            drop_ratio: Some(0.0),
            p50: Some(self.latency_quantile(0.5)),
            p95: Some(self.latency_quantile(0.95)),
            p99: Some(self.latency_quantile(0.99)),
            timed_out_ratio: Some(self.timed_out()),
            wasted_per_arrival: Some(self.wasted_per_arrival()),
            basis: Basis::Exact,
            notes: vec![format!(
                "Clients give up after {} s: {:.1} % leave the queue unserved and {:.1} % time \
                 out in service, their server working on to the end. The waits and latencies \
                 are of the requests answered in time.",
                self.tau,
                self.abandoned() * 100.0,
                self.timed_out_in_service() * 100.0
            )],
            ..Prediction::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issue_s_figures() {
        // M/M/2, tau 3, rho 1.1: 42.6 % time out, 0.478 s of wasted work per arrival.
        let p = Patience::new(2.2, 1.0, 2, 3.0).unwrap();
        assert!((p.timed_out() - 0.426_007).abs() < 1e-5, "{}", p.timed_out());
        assert!((p.wasted_per_arrival() - 0.477_744).abs() < 1e-5, "{}", p.wasted_per_arrival());
    }

    #[test]
    fn integrals_agree_with_quadrature() {
        use crate::sim::theory::percentiles::simpson;
        for a in [-3.0, -1e-9, 0.0, 1e-9, 0.7, 5.0] {
            for k in [0, 1] {
                let (grows, value) = integral(a, k, 2.0);
                let closed = if grows { libm::exp(2.0 * a) * value } else { value };
                let numeric = simpson(0.0, 2.0, 4000, |x| libm::pow(x, k as f64) * libm::exp(a * x));
                assert!((closed - numeric).abs() < 1e-9 * numeric.max(1.0), "a {a} k {k}");
            }
        }
    }

    #[test]
    fn a_long_timeout_is_plain_mmc() {
        // Nobody gives up: M/M/2 at rho 0.75, Wq = C/(cμ - λ) with C = 0.642857.
        let p = Patience::new(1.5, 1.0, 2, 1000.0).unwrap();
        assert!(p.timed_out() < 1e-12);
        assert!((p.mean_wait() - 0.642_857 / 0.5).abs() < 1e-5, "{}", p.mean_wait());
        assert!((p.mean_latency() - (1.285_714 + 1.0)).abs() < 1e-5, "{}", p.mean_latency());
    }

    #[test]
    fn answered_requests_waited_less_than_the_timeout() {
        // 15 times past capacity: the few answered ones waited just under tau.
        let p = Patience::new(1000.0, 1.0, 64, 1e4).unwrap();
        let wait = p.mean_wait();
        assert!(wait < 1e4 && wait > 1e4 - 0.01, "{wait}");
        assert!(p.latency_quantile(0.99) <= 1e4);
    }

    #[test]
    fn far_past_capacity_stays_finite() {
        let p = Patience::new(1e5, 1.0, 4, 1e3).unwrap();
        assert!(p.abandoned() > 0.99 && p.abandoned() <= 1.0, "{}", p.abandoned());
        assert!(p.mean_queue().is_finite() && p.mean_in_system().is_finite());
        // Exponents near 1e8 keep about 8 digits.
        let shares = p.p0 + p.mass(0.0, 0, p.tau) + p.abandoned();
        assert!((shares - 1.0).abs() < 1e-7, "{shares}");
    }
}
