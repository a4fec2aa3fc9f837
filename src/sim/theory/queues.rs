//! Queueing formulas: M/M/c/K from its stationary distribution (computed in log space, so any
//! load and capacity in the scenario's ranges is safe), Erlang C for unlimited queues, and the
//! supermarket limit for power of two choices. `shared` and `split` pick, per scenario, among
//! these and the forms in the sibling modules.

use super::Prediction;
use crate::scenario::{Scenario, ServiceDist};

/// The squared coefficient of variation of the service time.
pub fn service_scv(s: &Scenario) -> f64 {
    match s.service.distribution {
        ServiceDist::Exponential => 1.0,
        ServiceDist::Constant => 0.0,
        ServiceDist::Lognormal => libm::exp(s.service.sigma * s.service.sigma) - 1.0,
    }
}

/// Erlang B by its stable recursion, then Erlang C: the chance an arrival waits in M/M/c
/// with offered load `a` (< c).
pub fn erlang_c(c: usize, a: f64) -> f64 {
    let mut b = 1.0;
    for n in 1..=c {
        b = a * b / (n as f64 + a * b);
    }
    let c = c as f64;
    c * b / (c - a * (1.0 - b))
}

/// M/M/c with `cap` waiting places (`None`: unlimited), arrival rate `lambda`, service rate
/// `mu` per server.
pub fn mmck(lambda: f64, mu: f64, c: usize, cap: Option<u64>) -> Prediction {
    let a = lambda / mu;
    let rho = a / c as f64;
    let Some(cap) = cap else {
        let model = if c == 1 { "M/M/1".to_string() } else { format!("M/M/{c}") };
        if rho >= 1.0 {
            return Prediction {
                model,
                utilization: Some(1.0),
                notes: vec![format!(
                    "Utilization would be {rho:.2}: at or above 1 there is no steady state; \
                     the queue grows without bound."
                )],
                ..Prediction::default()
            };
        }
        let p_wait = erlang_c(c, a);
        let wait = p_wait / (c as f64 * mu - lambda);
        let latency = wait + 1.0 / mu;
        // In M/M/1 the time in the system is exponential with rate mu - lambda.
        let quantile = |q: f64| (c == 1).then(|| -libm::log(1.0 - q) / (mu - lambda));
        return Prediction {
            model,
            utilization: Some(rho),
            mean_wait: Some(wait),
            mean_latency: Some(latency),
            mean_in_system: Some(lambda * latency),
            mean_queue: Some(lambda * wait),
            p_wait: Some(p_wait),
            drop_ratio: Some(0.0),
            p50: quantile(0.5),
            p95: quantile(0.95),
            p99: quantile(0.99),
            ..Prediction::default()
        };
    };
    // Stationary distribution over 0..=K requests in the system, in log space.
    let k = c + cap as usize;
    let mut log_p = Vec::with_capacity(k + 1);
    log_p.push(0.0);
    for n in 1..=k {
        let previous = log_p[n - 1];
        log_p.push(previous + libm::log(a / n.min(c) as f64));
    }
    let top = log_p.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let weights: Vec<f64> = log_p.iter().map(|l| libm::exp(l - top)).collect();
    let total: f64 = weights.iter().sum();
    let p = |n: usize| weights[n] / total;
    let in_system: f64 = (0..=k).map(|n| n as f64 * p(n)).sum();
    let queue: f64 = (c..=k).map(|n| (n - c) as f64 * p(n)).sum();
    let blocked = p(k);
    let admitted = lambda * (1.0 - blocked);
    Prediction {
        model: format!("M/M/{c}/{k}"),
        utilization: Some(admitted / (c as f64 * mu)),
        mean_wait: Some(queue / admitted),
        mean_latency: Some(in_system / admitted),
        mean_in_system: Some(in_system),
        mean_queue: Some(queue),
        p_wait: Some((c..k).map(p).sum()),
        drop_ratio: Some(blocked),
        ..Prediction::default()
    }
}

/// kind = queue: one queue shared by `servers` workers (the form is picked in `shared`).
pub fn shared_queue(s: &Scenario) -> Prediction {
    super::shared::shared_queue(s)
}

/// kind = balancer: the policy decides how the servers share the arrivals (see `split`).
pub fn balanced(s: &Scenario) -> Option<Prediction> {
    Some(super::split::balanced(s))
}

/// Power of two choices in the limit of many servers (the supermarket model): the share of
/// servers with at least k requests is rho^(2^k - 1).
pub fn supermarket(per_server: f64, mu: f64, n: usize) -> Prediction {
    let rho = per_server / mu;
    if rho >= 1.0 {
        return mmck(per_server, mu, 1, None);
    }
    let mut per_server_load = 0.0;
    let mut exponent = 1.0;
    while exponent < 4096.0 {
        per_server_load += libm::pow(rho, exponent);
        exponent = 2.0 * exponent + 1.0;
    }
    let latency = per_server_load / per_server;
    Prediction {
        model: "power of two choices (supermarket limit)".into(),
        utilization: Some(rho),
        mean_wait: Some(latency - 1.0 / mu),
        mean_latency: Some(latency),
        mean_in_system: Some(per_server_load * n as f64),
        mean_queue: Some((per_server_load - rho) * n as f64),
        drop_ratio: Some(0.0),
        notes: vec!["This is the limit for many servers; with few, waits are somewhat longer.".into()],
        ..Prediction::default()
    }
}
