//! Waiting-time distributions, and the numerical tools that turn a distribution into
//! percentiles.
//!
//! - M/M/c and GI/M/c: the wait is 0 or exponential (see `gi_m_c`); the latency adds an
//!   independent exponential service, so its survival function is a closed form
//!   (`exp_sum_survival`).
//! - M/D/1, exact: the joint law of the number in the system and the elapsed service time
//!   (the supplementary-variable method) gives P(W ≤ kD + u) as a sum of positive terms.
//!   Erlang's (Crommelin's) formula for the same distribution alternates in sign and loses
//!   every digit for waits of a few dozen service times; this form does not.
//! - M/G/1, numerical: Beneš's form of Pollaczek-Khinchine, W = R_1 + ... + R_N with N
//!   geometric (P(N = n) = (1 - rho) rho^n) and R_i drawn from the equilibrium residual of the
//!   service, P(R ≤ x) = E[min(S, x)] / E[S]. R is put on a grid and the compound geometric
//!   sum computed by Panjer's recursion: exact up to the grid, which is fitted to each
//!   percentile (about a thousandth of it).

/// The point where `below` turns false on [low, high], `below` being true at low and false at
/// high (or at the end of the interval).
pub fn bisect(mut low: f64, mut high: f64, below: impl Fn(f64) -> bool) -> f64 {
    for _ in 0..200 {
        let mid = 0.5 * (low + high);
        if mid <= low || mid >= high {
            break;
        }
        if below(mid) { low = mid } else { high = mid }
    }
    0.5 * (low + high)
}

/// The q-quantile of a distribution on [0, ∞) with survival function `survival` (non-increasing),
/// found by bracketing from `scale` and bisecting.
pub fn quantile(q: f64, scale: f64, survival: impl Fn(f64) -> f64) -> f64 {
    let target = 1.0 - q;
    if survival(0.0) <= target {
        return 0.0;
    }
    let mut high = scale.max(f64::MIN_POSITIVE);
    let mut steps = 0;
    while survival(high) > target && steps < 2000 {
        high *= 2.0;
        steps += 1;
    }
    bisect(0.0, high, |t| survival(t) > target)
}

/// (1 - e^(-d·t)) / d, and its limit t as d → 0 (d may be negative).
pub fn grow(d: f64, t: f64) -> f64 {
    if (d * t).abs() < 1e-12 { t } else { -libm::expm1(-d * t) / d }
}

/// P(X + Y > t) for independent exponentials X (rate `a`) and Y (rate `b`).
pub fn exp_sum_survival(a: f64, b: f64, t: f64) -> f64 {
    if t <= 0.0 {
        return 1.0;
    }
    // = e^(-bt) (1 + b (1 - e^(-(a-b)t)) / (a - b)), written to stay exact as a → b.
    (libm::exp(-b * t) * (1.0 + b * grow(a - b, t))).clamp(0.0, 1.0)
}

/// Composite Simpson's rule with `n` (even) intervals.
#[cfg(test)]
pub fn simpson(a: f64, b: f64, n: usize, mut f: impl FnMut(f64) -> f64) -> f64 {
    let n = n.max(2) & !1;
    let h = (b - a) / n as f64;
    let inner: f64 = (1..n).map(|i| f(a + i as f64 * h) * if i % 2 == 1 { 4.0 } else { 2.0 }).sum();
    let ends = f(a) + f(b);
    (ends + inner) * h / 3.0
}

/// Poisson(m) probabilities P(X = 0..=n).
fn poisson_pmf(m: f64, n: usize) -> Vec<f64> {
    let mut p = Vec::with_capacity(n + 1);
    let mut term = libm::exp(-m);
    for i in 0..=n {
        p.push(term);
        term *= m / (i + 1) as f64;
    }
    p
}

/// M/D/1: Poisson arrivals at `lambda`, service exactly `d` seconds, rho = lambda·d < 1.
#[derive(Clone, Debug, PartialEq)]
pub struct MD1 {
    lambda: f64,
    d: f64,
    /// P(n in the system), n = 0, 1, ... (grown as needed up to the percentile asked for).
    p: Vec<f64>,
    /// P(Poisson(rho) ≥ i), i = 0, 1, ...
    tail: Vec<f64>,
}

impl MD1 {
    pub fn new(lambda: f64, d: f64) -> Option<MD1> {
        let rho = lambda * d;
        if !(rho > 0.0 && rho < 1.0 && d > 0.0) {
            return None;
        }
        Some(MD1 { lambda, d, p: vec![1.0 - rho], tail: vec![1.0] })
    }

    fn rho(&self) -> f64 {
        self.lambda * self.d
    }

    /// Extends `p` to index `n`. The stationary distribution (equal at arrivals, departures
    /// and any time) satisfies, integrating the joint density below over the service time,
    /// p_n = e^rho (p_0 G_n + Σ_{j=1..n-1} p_j G_{n-j+1}),  G_i = P(Poisson(rho) ≥ i):
    /// positive terms only.
    fn grow_to(&mut self, n: usize) {
        let rho = self.rho();
        if self.tail.len() < n + 2 {
            let pmf = poisson_pmf(rho, n + 64);
            // Tail sums from the far end, where the terms are negligible.
            let mut tail = vec![0.0; pmf.len() + 1];
            for i in (0..pmf.len()).rev() {
                tail[i] = tail[i + 1] + pmf[i];
            }
            tail[0] = 1.0;
            self.tail = tail;
        }
        let g = &self.tail;
        let e = libm::exp(rho);
        while self.p.len() <= n {
            let k = self.p.len();
            let mut sum = self.p[0] * g[k];
            for j in 1..k {
                sum += self.p[j] * g[k - j + 1];
            }
            self.p.push(e * sum);
        }
    }

    /// P(W ≤ t). With k = ⌊t/D⌋ and u = t - kD: an arrival waits at most t when it finds at
    /// most k in the system, or k + 1 with the one in service past D - u. Service starts
    /// leaving j in the system happen at rate λ b_j (b_1 = p_0 + p_1, b_j = p_j), and while
    /// one service runs Poisson arrivals add to them, so the density of (k + 1 present, elapsed
    /// x) is λ Σ_{j=1..k+1} b_j e^(-λx)(λx)^(k+1-j)/(k+1-j)!; its integral over [D - u, D] is
    /// a sum of differences of Poisson distribution functions.
    pub fn wait_cdf(&mut self, t: f64) -> f64 {
        if t < 0.0 {
            return 0.0;
        }
        let k = (t / self.d).floor().min(1e6) as usize;
        let u = (t - k as f64 * self.d).clamp(0.0, self.d);
        self.grow_to(k + 1);
        let below: f64 = self.p[..=k].iter().sum();
        let (low, high) = (self.lambda * (self.d - u), self.rho());
        let (at_low, at_high) = (poisson_cdf(low, k), poisson_cdf(high, k));
        let mut partial = 0.0;
        for j in 1..=k + 1 {
            let b = if j == 1 { self.p[0] + self.p[1] } else { self.p[j] };
            let i = k + 1 - j;
            partial += b * (at_low[i] - at_high[i]).max(0.0);
        }
        (below + partial).min(1.0)
    }

    /// The q-quantile of the latency (the wait plus D); `None` when it lies beyond
    /// `MAX_SERVICES` service times (rho within a hair of 1), where the sums grow too long.
    pub fn latency_quantile(&mut self, q: f64) -> Option<f64> {
        let above = |me: &mut MD1, t: f64| 1.0 - me.wait_cdf(t) > 1.0 - q;
        if !above(self, 0.0) {
            return Some(self.d);
        }
        let mut high = self.d;
        while above(self, high) {
            high *= 2.0;
            if high > MAX_SERVICES * self.d {
                return None;
            }
        }
        let mut low = 0.0;
        for _ in 0..100 {
            let mid = 0.5 * (low + high);
            if above(self, mid) { low = mid } else { high = mid }
        }
        Some(0.5 * (low + high) + self.d)
    }
}

/// The longest wait, in service times, that the M/D/1 sums are taken to.
const MAX_SERVICES: f64 = 4096.0;

/// P(Poisson(m) ≤ i) for i = 0..=n.
fn poisson_cdf(m: f64, n: usize) -> Vec<f64> {
    let mut sum = 0.0;
    poisson_pmf(m, n)
        .into_iter()
        .map(|p| {
            sum += p;
            sum.min(1.0)
        })
        .collect()
}

/// Grid points for the M/G/1 recursion (its cost grows as their square).
const GRID: usize = 1000;

/// M/G/1 latency percentiles by Beneš's formula on a grid (see the module comment).
/// `lambda`: arrivals per second; `mean`: E[S]; `service_cdf(x)` = P(S ≤ x);
/// `partial_mean(x)` = E[min(S, x)]. Returns the latency quantiles for `qs`.
///
/// A first grid is stretched until it holds the highest quantile asked for; each quantile is
/// then computed again on a grid of its own, reaching just past the first estimate, so a
/// median is not read off a grid sized for a heavy tail. The recursion for the grid's first
/// points does not depend on its last, so a shorter grid is exact as far as it goes.
pub fn mg1_latency_quantiles(
    lambda: f64,
    mean: f64,
    service_cdf: impl Fn(f64) -> f64,
    partial_mean: impl Fn(f64) -> f64,
    mean_wait: f64,
    qs: &[f64],
) -> Option<Vec<f64>> {
    let rho = lambda * mean;
    if !(rho > 0.0 && rho < 1.0 && mean_wait.is_finite()) {
        return None;
    }
    let grid = |reach: f64| Grid::new(rho, reach, &partial_mean, mean, &service_cdf);
    let top = qs.iter().copied().fold(0.0, f64::max);
    let mut reach = 20.0 * (mean_wait + mean);
    let mut first = grid(reach);
    let mut stretched = 0;
    while first.quantile(top).is_none() {
        stretched += 1;
        if stretched > 12 {
            return None;
        }
        reach *= 4.0;
        first = grid(reach);
    }
    let step = reach / GRID as f64;
    qs.iter()
        .map(|&q| {
            let rough = first.quantile(q)?;
            // Past the grid's first half a quantile already has 500 points below it.
            if rough > reach / 2.0 {
                return Some(rough);
            }
            Some(grid(rough + 4.0 * step).quantile(q).unwrap_or(rough))
        })
        .collect()
}

/// The wait on a grid, and the service's distribution at its points.
struct Grid {
    h: f64,
    /// P(W = kh), k = 0..=GRID.
    masses: Vec<f64>,
    /// P(S ≤ jh), j = 0..=GRID.
    service: Vec<f64>,
}

impl Grid {
    fn new(
        rho: f64,
        reach: f64,
        partial_mean: &impl Fn(f64) -> f64,
        mean: f64,
        service_cdf: &impl Fn(f64) -> f64,
    ) -> Grid {
        let h = reach / GRID as f64;
        let wait = compound_geometric(rho, h, GRID, partial_mean, mean);
        let mut previous = 0.0;
        let masses = wait.iter().map(|&c| c - std::mem::replace(&mut previous, c)).collect();
        let service = (0..=GRID).map(|j| service_cdf(j as f64 * h)).collect();
        Grid { h, masses, service }
    }

    /// P(W + S ≤ mh) = Σ_{k ≤ m} P(W = kh) P(S ≤ (m - k)h).
    fn latency(&self, m: usize) -> f64 {
        (0..=m).map(|k| self.masses[k] * self.service[m - k]).sum()
    }

    /// The q-quantile, straight-line between the grid points around it; `None` past the grid.
    fn quantile(&self, q: f64) -> Option<f64> {
        if self.latency(GRID) < q {
            return None;
        }
        // The first point at or past q.
        let (mut low, mut high) = (0, GRID);
        while low < high {
            let mid = (low + high) / 2;
            if self.latency(mid) < q { low = mid + 1 } else { high = mid }
        }
        if high == 0 {
            return Some(0.0);
        }
        let (below, above) = (self.latency(high - 1), self.latency(high));
        let fraction = if above > below { (q - below) / (above - below) } else { 1.0 };
        Some((high as f64 - 1.0 + fraction) * self.h)
    }
}

/// P(W ≤ kh), k = 0..n, for W a geometric sum of residuals R, R rounded to the grid h.
fn compound_geometric(rho: f64, h: f64, n: usize, partial_mean: &impl Fn(f64) -> f64, mean: f64) -> Vec<f64> {
    let residual_cdf = |x: f64| (partial_mean(x) / mean).clamp(0.0, 1.0);
    // r_j = P(R rounds to j·h).
    let mut r = Vec::with_capacity(n + 1);
    let mut previous = 0.0;
    for j in 0..=n {
        let edge = residual_cdf((j as f64 + 0.5) * h);
        r.push((edge - previous).max(0.0));
        previous = edge;
    }
    // Panjer's recursion for a geometric count: g_k = rho/(1 - rho r_0) Σ_{j=1..k} r_j g_{k-j}.
    let scale = rho / (1.0 - rho * r[0]);
    let mut g = Vec::with_capacity(n + 1);
    g.push((1.0 - rho) / (1.0 - rho * r[0]));
    for k in 1..=n {
        let sum: f64 = (1..=k).map(|j| r[j] * g[k - j]).sum();
        g.push(scale * sum);
    }
    let mut cumulative = 0.0;
    g.into_iter()
        .map(|p| {
            cumulative += p;
            cumulative.min(1.0)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn md1_distribution_has_the_pollaczek_khinchine_mean() {
        // E[W] = ∫ P(W > t) dt = rho D / (2(1 - rho)).
        for rho in [0.3, 0.8, 0.95] {
            let mut q = MD1::new(rho, 1.0).unwrap();
            let expected = rho / (2.0 * (1.0 - rho));
            let reach = 60.0 * (expected + 1.0);
            let mean = simpson(0.0, reach, 20_000, |t| 1.0 - q.wait_cdf(t));
            assert!((mean - expected).abs() < 1e-4 * expected.max(1.0), "rho {rho}: {mean} vs {expected}");
        }
    }

    #[test]
    fn md1_known_points() {
        // P(W = 0) = 1 - rho; P(W ≤ D) = (1 - rho) e^(λD) (Erlang's formula, k = 1 term).
        let mut q = MD1::new(0.8, 1.0).unwrap();
        assert!((q.wait_cdf(0.0) - 0.2).abs() < 1e-12);
        assert!((q.wait_cdf(1.0) - 0.2 * libm::exp(0.8)).abs() < 1e-12, "{}", q.wait_cdf(1.0));
        // Erlang's formula at t = 1.5 (terms j = 0, 1): (1-rho)(e^(1.2) - 0.4 e^(0.4)).
        let erlang = 0.2 * (libm::exp(1.2) - 0.4 * libm::exp(0.4));
        assert!((q.wait_cdf(1.5) - erlang).abs() < 1e-12, "{} vs {erlang}", q.wait_cdf(1.5));
    }

    #[test]
    fn beneš_on_exponential_service_recovers_mm1() {
        // M/M/1 at rho 0.8: latency exponential with rate 0.2.
        let mean = 1.0;
        let qs = [0.5, 0.95, 0.99];
        let got =
            mg1_latency_quantiles(0.8, mean, |x| -libm::expm1(-x), |x| -libm::expm1(-x), 4.0, &qs).unwrap();
        for (q, value) in qs.iter().zip(got) {
            let exact = -libm::log(1.0 - q) / 0.2;
            assert!((value - exact).abs() < 3e-3 * exact, "q {q}: {value} vs {exact}");
        }
    }

    #[test]
    fn beneš_on_constant_service_agrees_with_the_exact_md1() {
        let mut exact = MD1::new(0.8, 1.0).unwrap();
        let qs = [0.5, 0.95, 0.99];
        let got =
            mg1_latency_quantiles(0.8, 1.0, |x| if x >= 1.0 { 1.0 } else { 0.0 }, |x| x.min(1.0), 2.0, &qs)
                .unwrap();
        for (q, value) in qs.iter().zip(got) {
            let expected = exact.latency_quantile(*q).unwrap();
            assert!((value - expected).abs() < 5e-3 * expected, "q {q}: {value} vs {expected}");
        }
    }

    #[test]
    fn exp_sum_is_continuous_in_its_rates() {
        let equal = exp_sum_survival(1.0, 1.0, 2.0);
        assert!((equal - 3.0 * libm::exp(-2.0)).abs() < 1e-12);
        assert!((exp_sum_survival(1.0 + 1e-9, 1.0, 2.0) - equal).abs() < 1e-8);
        assert!((exp_sum_survival(2.0, 1.0, 1.0) - (2.0 * libm::exp(-1.0) - libm::exp(-2.0))).abs() < 1e-12);
    }
}
