//! Queueing formulas: M/M/c/K from its stationary distribution (computed in log space, so any
//! load and capacity in the scenario's ranges is safe), Erlang C for unlimited queues,
//! Pollaczek-Khinchine and Allen-Cunneen for other service distributions, and the balancer
//! policies as compositions of these.

use super::Prediction;
use crate::scenario::{Discipline, LbPolicy, Scenario, ServiceDist};

/// The squared coefficient of variation of the service time.
fn service_scv(s: &Scenario) -> f64 {
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

/// Notes on what the queue formulas leave out.
fn server_notes(s: &Scenario, notes: &mut Vec<String>) {
    if s.service.speeds.iter().any(|&v| v != 1.0) {
        notes.push("Servers run at different speeds: the formulas use their average.".into());
    }
    if let Some(timeout) = s.servers.timeout {
        notes.push(format!(
            "Clients give up after {timeout} s; the formulas assume they wait as long as it takes."
        ));
    }
    if s.servers.outage_at.is_some() {
        notes.push("The outage is not in the formulas.".into());
    }
    match s.servers.discipline {
        Discipline::Fifo => {}
        Discipline::Lifo | Discipline::Priority => notes.push(
            "The mean wait does not depend on the order of service, but the tail does: the \
             percentiles are not predicted."
                .into(),
        ),
    }
}

/// Service rate of one server: its speed over the mean work (average speed of `servers`).
fn service_rate(s: &Scenario, servers: usize) -> f64 {
    let speeds = &s.service.speeds;
    let listed: f64 = speeds.iter().sum();
    let average = (listed + servers.saturating_sub(speeds.len()) as f64) / servers as f64;
    average / s.service.mean
}

/// kind = queue: one queue shared by `servers` workers.
pub fn shared_queue(s: &Scenario) -> Prediction {
    let c = s.servers.count as usize;
    let (lambda, mu) = (s.arrivals.rate, service_rate(s, c));
    let scv = service_scv(s);
    let mut p = mmck(lambda, mu, c, s.servers.queue_cap);
    if scv != 1.0 {
        general_service(&mut p, s, lambda, mu, c, scv);
    }
    if s.servers.discipline != Discipline::Fifo {
        (p.p50, p.p95, p.p99) = (None, None, None);
    }
    server_notes(s, &mut p.notes);
    p
}

/// Adjusts an M/M/c prediction for service that is not exponential.
fn general_service(p: &mut Prediction, s: &Scenario, lambda: f64, mu: f64, c: usize, scv: f64) {
    (p.p50, p.p95, p.p99) = (None, None, None);
    let Some(mm_wait) = p.mean_wait.filter(|_| s.servers.queue_cap.is_none()) else {
        p.notes.push(
            "Service is not exponential and the queue is limited: no formula; the figures \
             are for exponential service."
                .into(),
        );
        return;
    };
    // Pollaczek-Khinchine (exact for one server), Allen-Cunneen (approximate for several):
    // the M/M/c wait scaled by (1 + scv) / 2.
    let wait = mm_wait * (1.0 + scv) / 2.0;
    p.model = if c == 1 {
        "M/G/1 (Pollaczek-Khinchine)".into()
    } else {
        p.notes.push("With several servers the wait is an approximation (Allen-Cunneen).".into());
        format!("M/G/{c} (Allen-Cunneen)")
    };
    // With one server an arrival waits exactly when it is busy, a share rho of the time,
    // whatever the service; with several, Erlang C no longer applies.
    p.p_wait = if c == 1 { p.utilization } else { None };
    p.mean_wait = Some(wait);
    p.mean_latency = Some(wait + 1.0 / mu);
    p.mean_queue = Some(lambda * wait);
    p.mean_in_system = Some(lambda * (wait + 1.0 / mu));
}

/// kind = balancer: the policy decides how the servers share the arrivals.
pub fn balanced(s: &Scenario) -> Option<Prediction> {
    let n = s.servers.count as usize;
    let (lambda, mu) = (s.arrivals.rate, service_rate(s, n));
    let per_server = lambda / n as f64;
    let mut p = match s.balancer.policy {
        LbPolicy::Hash => return None,
        LbPolicy::LeastConn => {
            let mut p = mmck(lambda, mu, n, None);
            p.model = format!("M/M/{n}, a lower bound for least connections");
            p.notes.push(
                "Least connections comes close to one shared queue but never matches it: real \
                 waits are somewhat longer."
                    .into(),
            );
            (p.p50, p.p95, p.p99) = (None, None, None);
            p
        }
        LbPolicy::PowerOfTwo | LbPolicy::PeakEwma if s.servers.queue_cap.is_none() => {
            supermarket(per_server, mu, n)
        }
        policy => {
            let mut p = mmck(per_server, mu, 1, s.servers.queue_cap);
            p.model = format!("{n} independent M/M/1 queues (random split)");
            if policy != LbPolicy::Random {
                p.notes.push(
                    "This policy spaces each server's arrivals more evenly than random: real \
                     waits are shorter."
                        .into(),
                );
            }
            p.mean_in_system = p.mean_in_system.map(|l| l * n as f64);
            p.mean_queue = p.mean_queue.map(|l| l * n as f64);
            p
        }
    };
    if service_scv(s) != 1.0 {
        p.notes.push("Service is not exponential: the figures are for exponential service.".into());
        (p.p50, p.p95, p.p99) = (None, None, None);
    }
    server_notes(s, &mut p.notes);
    Some(p)
}

/// Power of two choices in the limit of many servers (the supermarket model): the share of
/// servers with at least k requests is rho^(2^k - 1).
fn supermarket(per_server: f64, mu: f64, n: usize) -> Prediction {
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
