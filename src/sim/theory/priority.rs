//! Two priority classes, high served before low, no preemption (the `priority` discipline).
//!
//! Derivation (Cobham 1954): an arriving request of class k waits for the work it finds that
//! must go first, W0 (the mean residual time until a server frees, the same for every class),
//! then for the work of its own and higher classes that is already queued, and then for the
//! higher-class work that arrives while it waits. With sigma_k the load of classes 1..k
//! (per server):
//!
//!   W_k = W0 / ((1 - sigma_{k-1}) (1 - sigma_k)).
//!
//! W0 = λE[S²]/2 with one server and any service (M/G/1), and Erlang C / (cμ) with c servers
//! and exponential service of one rate (M/M/c), where W0 is the FIFO wait times (1 - rho).
//! Either way the class-weighted mean equals the FIFO wait: priority reorders waiting, it does
//! not add any.

use serde::Serialize;

/// One class's figures.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ClassPrediction {
    /// "high" or "low".
    pub class: &'static str,
    /// Share of the arrivals in this class.
    pub share: f64,
    pub mean_wait: f64,
    pub mean_latency: f64,
}

/// Cobham's class waits for `high_share` of the arrivals in the high class, total load `rho`
/// (per server, below 1), residual `w0`, and mean service time `service`.
pub fn cobham(w0: f64, high_share: f64, rho: f64, service: f64) -> Vec<ClassPrediction> {
    let sigma_high = high_share * rho;
    let high = w0 / (1.0 - sigma_high);
    let low = w0 / ((1.0 - sigma_high) * (1.0 - rho));
    vec![
        ClassPrediction { class: "high", share: high_share, mean_wait: high, mean_latency: high + service },
        ClassPrediction {
            class: "low",
            share: 1.0 - high_share,
            mean_wait: low,
            mean_latency: low + service,
        },
    ]
}

/// The class-weighted mean wait.
pub fn weighted_wait(classes: &[ClassPrediction]) -> f64 {
    classes.iter().map(|c| c.share * c.mean_wait).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issue_s_figures() {
        // M/M/1, rho 0.8, 30 % high: W0 = rho/μ = 0.8; 1.0526 and 5.2632.
        let classes = cobham(0.8, 0.3, 0.8, 1.0);
        assert!((classes[0].mean_wait - 1.052_63).abs() < 1e-5);
        assert!((classes[1].mean_wait - 5.263_16).abs() < 1e-5);
        assert!((weighted_wait(&classes) - 4.0).abs() < 1e-12, "conservation");
    }
}
