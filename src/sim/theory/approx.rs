//! The labelled approximations, and the plain word where no formula fits. Each one's typical
//! error, measured against long runs, is in docs/theory.md.
//!
//! - Allen-Cunneen for G/G/c (Kingman's formula with one server): the M/M/c wait scaled by
//!   (ca² + cs²) / 2, the mean of the squared coefficients of variation of the gaps between
//!   arrivals and of the service, times Krämer and Langenbach-Belz's (1976) correction g for
//!   arrivals more regular than Poisson (ca² < 1), which Kingman's heavy-traffic form
//!   overstates at moderate load: g = exp(-2(1 - rho)(1 - ca²)² / (3 rho (ca² + cs²))). Exact
//!   for M/M/c and M/G/1 (g = 1 there).
//! - The supermarket limit for power of two choices (in `queues`), exact as the servers grow
//!   in number; with few servers waits are longer.
//! - One shared queue (M/M/c) as a lower bound for least connections.

use super::Prediction;
use super::basis::{Basis, NO_CLOSED_FORM};
use super::queues::mmck;

/// Allen-Cunneen: `c` servers at `mu` each, arrivals at `lambda` with gaps of squared
/// coefficient of variation `ca2`, service with `cs2`. `None` without a steady state.
pub fn allen_cunneen(lambda: f64, mu: f64, c: usize, ca2: f64, cs2: f64) -> Option<Prediction> {
    let mut p = mmck(lambda, mu, c, None);
    let rho = lambda / (c as f64 * mu);
    let spread = ca2 + cs2;
    let correction = if ca2 < 1.0 && spread > 0.0 {
        libm::exp(-2.0 * (1.0 - rho) * (1.0 - ca2) * (1.0 - ca2) / (3.0 * rho * spread))
    } else {
        1.0
    };
    let wait = p.mean_wait? * spread / 2.0 * correction;
    let model = if c == 1 { "G/G/1 (Kingman)".to_string() } else { format!("G/G/{c} (Allen-Cunneen)") };
    p.model = model;
    p.mean_wait = Some(wait);
    p.mean_latency = Some(wait + 1.0 / mu);
    p.mean_queue = Some(lambda * wait);
    p.mean_in_system = Some(lambda * (wait + 1.0 / mu));
    // Erlang C and the percentiles belong to M/M/c only.
    (p.p_wait, p.p50, p.p95, p.p99) = (None, None, None, None);
    p.basis = Basis::Approximation;
    // docs/theory.md's table: regular arrivals (corrected), and Poisson arrivals.
    p.typical_error = Some(
        if ca2 < 1.0 {
            "within 10 % at ρ 0.8 and above; off by more at light load, where the latency stays within about 2 %"
        } else {
            "within 10 % at ρ 0.8 and above; over by up to a fifth at light load, more with heavy tails"
        }
        .into(),
    );
    Some(p)
}

/// A prediction with no figures: the scenario has `differs`, which no formula here includes.
/// `utilization` is kept where the caller knows it holds whatever the arrivals' timing
/// (no request lost, none added).
pub fn none(model: &str, differs: Vec<String>, utilization: Option<f64>) -> Prediction {
    // `differs` says what the formulas leave out; the note says where to look instead.
    let notes = vec![NO_CLOSED_FORM.to_string()];
    Prediction {
        model: model.into(),
        utilization,
        basis: Basis::None,
        differs,
        notes,
        ..Prediction::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_where_it_should_be() {
        // M/M/2: the scale factor is 1. M/D/1: (1 + 0)/2 of M/M/1, Pollaczek-Khinchine.
        let mm2 = allen_cunneen(1.5, 1.0, 2, 1.0, 1.0).unwrap();
        assert!((mm2.mean_wait.unwrap() - mmck(1.5, 1.0, 2, None).mean_wait.unwrap()).abs() < 1e-12);
        let md1 = allen_cunneen(0.8, 1.0, 1, 1.0, 0.0).unwrap();
        assert!((md1.mean_wait.unwrap() - 2.0).abs() < 1e-12);
        // D/D/1 never waits.
        assert_eq!(allen_cunneen(0.8, 1.0, 1, 0.0, 0.0).unwrap().mean_wait, Some(0.0));
        assert!(allen_cunneen(2.0, 1.0, 2, 0.0, 1.0).is_none());
    }
}
