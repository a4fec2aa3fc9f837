//! kind = balancer: `servers` servers, each with its own queue and one worker.
//!
//! - random: each server gets every arrival with chance 1/n, so it sees Poisson arrivals (from
//!   Poisson) or evenly spaced ones thinned at random (from constant): renewal processes, each
//!   server an exact single-server queue;
//! - round robin (and weighted, when all speeds are equal, which then visits the servers in
//!   turn): each server gets every n-th arrival, Erlang-n gaps from Poisson arrivals and evenly
//!   spaced ones from constant arrivals: GI/M/1 per server, exact;
//! - weighted with unequal speeds: each server's arrivals are a regular pattern, approximated
//!   by Kingman's formula with the gaps' variability a server with that share would see;
//! - least connections: one shared queue (M/M/c) as a lower bound, an approximation;
//! - power of two choices: the supermarket limit, an approximation;
//! - peak-EWMA, consistent hashing, bursts, spikes and outages: no formula.
//!
//! Per-server figures compose exactly: means weighted by each server's share of the requests,
//! counts summed, and latency percentiles from the mixture of the servers' distributions.

use super::Prediction;
use super::approx::{allen_cunneen, none};
use super::basis::{Basis, arrival_differs};
use super::gi_m_c::{GiMc, Renewal};
use super::patience::Patience;
use super::percentiles::quantile;
use super::priority::{ClassPrediction, cobham};
use super::queues::{mmck, service_scv, supermarket};
use super::shared::{equal_speed, exact, gi_prediction, mg1, speeds_of};
use crate::scenario::{Arrival, Discipline, LbPolicy, Scenario, ServiceDist};

/// One server's share of the arrivals and its figures.
struct Part {
    share: f64,
    p: Prediction,
    /// Its queue, where the latency distribution is known in closed form.
    queue: Option<GiMc>,
}

/// kind = balancer.
pub fn balanced(s: &Scenario) -> Prediction {
    let n = s.servers.count as usize;
    let lambda = s.arrivals.rate;
    let speeds = speeds_of(s, n);
    let total: f64 = speeds.iter().sum();
    let work = s.service.mean;
    let offered = lambda * work / total;
    let name = format!("{n} servers behind a balancer ({})", policy_name(s.balancer.policy));
    // With one server every policy sends it everything: a random split of one.
    let policy = if n == 1 { LbPolicy::Random } else { s.balancer.policy };
    let mut differs = arrival_differs(s);
    if s.servers.outage_at.is_some() {
        differs.push("an outage".into());
    }
    if policy == LbPolicy::Hash {
        differs.push("consistent hashing, which gives each server the load of the keys it owns".into());
    }
    if !differs.is_empty() {
        return none(&name, differs, None);
    }
    let poisson = s.arrivals.pattern == Arrival::Poisson;
    let exponential = s.service.distribution == ServiceDist::Exponential;
    // What keeps the shared-queue bound and the supermarket limit from applying.
    let extras: Vec<&str> = [
        (!poisson, "evenly spaced arrivals"),
        (!exponential, "non-exponential work"),
        (equal_speed(&speeds).is_none(), "unequal speeds"),
        (s.servers.queue_cap.is_some(), "a limited queue"),
        (s.servers.timeout.is_some(), "a timeout"),
    ]
    .into_iter()
    .filter_map(|(present, what)| present.then_some(what))
    .collect();
    let plain = extras.is_empty();
    let mu = total / n as f64 / work;
    if plain && offered >= 1.0 {
        // More than all the servers together can serve, whatever the policy.
        let mut p = mmck(lambda, mu, n, None);
        p.model = name;
        p.basis = Basis::Exact;
        return p;
    }
    let parts: Vec<Part> = match policy {
        LbPolicy::Random => {
            let arrivals = if poisson {
                Renewal::Poisson { rate: lambda / n as f64 }
            } else {
                Renewal::Thinned { gap: 1.0 / lambda, p: 1.0 / n as f64 }
            };
            speeds.iter().map(|&v| single(s, arrivals, v / work, 1.0 / n as f64)).collect()
        }
        LbPolicy::RoundRobin | LbPolicy::Weighted
            if equal_speed(&speeds).is_some() || policy == LbPolicy::RoundRobin =>
        {
            let arrivals = match (poisson, n) {
                (true, 1) => Renewal::Poisson { rate: lambda },
                (true, _) => Renewal::Erlang { k: n as u32, rate: lambda / n as f64 },
                (false, _) => Renewal::Deterministic { rate: lambda / n as f64 },
            };
            speeds.iter().map(|&v| single(s, arrivals, v / work, 1.0 / n as f64)).collect()
        }
        LbPolicy::Weighted => {
            if s.servers.timeout.is_some() || s.servers.queue_cap.is_some() {
                return none(
                    &name,
                    vec!["weighted balancing with a timeout or a limited queue".into()],
                    None,
                );
            }
            speeds.iter().map(|&v| weighted(s, lambda, v, total, work)).collect()
        }
        LbPolicy::LeastConn if plain => {
            let mut p = mmck(lambda, mu, n, None);
            p.model = format!("M/M/{n}, a lower bound for least connections");
            p.notes.push(
                "Least connections comes close to one shared queue but never matches it: real \
                 waits are somewhat longer."
                    .into(),
            );
            (p.p_wait, p.p50, p.p95, p.p99) = (None, None, None, None);
            p.basis = Basis::Approximation;
            p.typical_error = Some("10 to 13 % short of the run's latency".into());
            p.differs = vec!["least connections instead of one shared queue".into()];
            return p;
        }
        LbPolicy::PowerOfTwo if plain => {
            let mut p = supermarket(lambda / n as f64, mu, n);
            p.basis = Basis::Approximation;
            p.typical_error = Some("short by about 2 % at 50 servers, 6 to 12 % at 10".into());
            p.differs = vec![format!("{n} servers, not infinitely many")];
            return p;
        }
        // Choosing by a moving average of latency is not two choices by queue length: the
        // supermarket limit undershoots it by 15 to 20 % (docs/theory.md), too far to show.
        LbPolicy::PeakEwma => {
            return none(&name, vec!["choosing by a moving average of latency".into()], None);
        }
        _ => {
            let what = format!("{} with {}", policy_name(policy), extras.join(" and "));
            return none(&name, vec![what], None);
        }
    };
    compose(&name, parts, s)
}

fn policy_name(policy: LbPolicy) -> &'static str {
    match policy {
        LbPolicy::RoundRobin => "round robin",
        LbPolicy::Weighted => "weighted",
        LbPolicy::Random => "random",
        LbPolicy::LeastConn => "least connections",
        LbPolicy::PowerOfTwo => "power of two choices",
        LbPolicy::PeakEwma => "peak-EWMA",
        LbPolicy::Hash => "consistent hashing",
    }
}

/// One server with its own queue: renewal arrivals, service rate `mu`.
fn single(s: &Scenario, arrivals: Renewal, mu: f64, share: f64) -> Part {
    let lambda = arrivals.rate();
    let poisson = matches!(arrivals, Renewal::Poisson { .. });
    let fifo = s.servers.discipline == Discipline::Fifo;
    let priority = s.servers.discipline == Discipline::Priority;
    let exponential = s.service.distribution == ServiceDist::Exponential;
    let part = |p: Prediction| Part { share, p, queue: None };
    if let Some(tau) = s.servers.timeout {
        return match Patience::new(lambda, mu, 1, tau) {
            Some(q) if poisson && exponential && fifo && s.servers.queue_cap.is_none() => {
                part(q.prediction())
            }
            _ => part(none("", vec!["a timeout with this split of the arrivals".into()], None)),
        };
    }
    if lambda >= mu && s.servers.queue_cap.is_none() {
        let mut p = mmck(lambda, mu, 1, None);
        p.basis = Basis::Exact;
        return part(p);
    }
    match (exponential, s.servers.queue_cap) {
        (true, Some(cap)) if poisson => {
            let mut p = mmck(lambda, mu, 1, Some(cap));
            p.basis = Basis::Exact;
            part(p)
        }
        (_, Some(_)) => part(none("", vec!["a limited queue with this split of the arrivals".into()], None)),
        (true, None) => {
            let Some(q) = GiMc::solve(arrivals, mu, 1) else {
                return part(exact(mmck(lambda, mu, 1, None)));
            };
            let mut p = gi_prediction(&q, fifo);
            if priority && poisson {
                p.classes = cobham(q.p_wait / mu, s.servers.high_share, lambda / mu, 1.0 / mu);
            }
            Part { share, p, queue: Some(q) }
        }
        (false, None) if poisson => {
            let mut p = mg1(s, lambda, mu, fifo);
            if priority {
                let rho = lambda / mu;
                let w0 = p.mean_wait.unwrap_or(0.0) * (1.0 - rho);
                p.classes = cobham(w0, s.servers.high_share, rho, 1.0 / mu);
            }
            part(p)
        }
        (false, None) => {
            let mut p = allen_cunneen(lambda, mu, 1, arrivals.scv(), service_scv(s))
                .unwrap_or_else(|| exact(mmck(lambda, mu, 1, None)));
            p.differs = vec!["non-exponential work with arrivals that are not Poisson".into()];
            part(p)
        }
    }
}

/// Weighted balancing over unequal speeds: server i gets v_i / Σv of the arrivals, spread
/// evenly, so its gaps are about Σv / v_i of the stream's; Kingman's formula with the gaps'
/// variability that gives (the stream's scv · v_i / Σv).
fn weighted(s: &Scenario, lambda: f64, v: f64, total: f64, work: f64) -> Part {
    let share = v / total;
    let ca2 = if s.arrivals.pattern == Arrival::Poisson { share } else { 0.0 };
    let mu = v / work;
    let mut p = allen_cunneen(lambda * share, mu, 1, ca2, service_scv(s))
        .unwrap_or_else(|| exact(mmck(lambda * share, mu, 1, None)));
    p.basis = Basis::Approximation;
    p.typical_error = Some("within 2 %".into());
    p.differs = vec!["weighted turns, which give each server a regular pattern of arrivals".into()];
    Part { share, p, queue: None }
}

/// The whole from its servers.
fn compose(name: &str, parts: Vec<Part>, s: &Scenario) -> Prediction {
    let n = parts.len();
    if n == 0 {
        return none(name, Vec::new(), None);
    }
    let basis = if parts.iter().any(|part| part.p.basis == Basis::None) {
        Basis::None
    } else if parts.iter().all(|part| part.p.basis == Basis::Exact) {
        Basis::Exact
    } else {
        Basis::Approximation
    };
    if basis == Basis::None {
        let differs = parts.iter().flat_map(|part| part.p.differs.clone()).take(1).collect();
        return none(name, differs, None);
    }
    if parts.iter().any(|part| part.p.mean_wait.is_none()) {
        // A server busy all the time counts 1; the others their own load.
        let busy: f64 = parts.iter().map(|part| part.p.utilization.unwrap_or(1.0)).sum();
        return Prediction {
            model: name.into(),
            utilization: Some(busy / n as f64),
            basis: Basis::Exact,
            notes: vec![
                "At least one server gets more than it can serve: its queue grows without bound.".into(),
            ],
            ..Prediction::default()
        };
    }
    let first = &parts[0].p;
    // Per request: weights are each server's share of the arrivals (for shares of arrivals)
    // or of the completed requests (for waits and latencies).
    let get = |f: fn(&Prediction) -> Option<f64>, part: &Part| f(&part.p).unwrap_or(0.0);
    let by_arrival =
        |f: fn(&Prediction) -> Option<f64>| -> f64 { parts.iter().map(|x| x.share * get(f, x)).sum() };
    let completed = |part: &Part| {
        part.share * (1.0 - get(|p| p.drop_ratio, part)) * (1.0 - get(|p| p.timed_out_ratio, part))
    };
    let served: f64 = parts.iter().map(completed).sum();
    let by_completion = |f: fn(&Prediction) -> Option<f64>| -> f64 {
        parts.iter().map(|x| completed(x) * get(f, x)).sum::<f64>() / served
    };
    let summed = |f: fn(&Prediction) -> Option<f64>| -> f64 { parts.iter().map(|x| get(f, x)).sum() };
    let percentiles = percentiles(&parts);
    let classes = if parts.iter().any(|x| x.p.classes.len() != 2) {
        Vec::new()
    } else {
        (0..2)
            .map(|k| {
                let wait = parts.iter().map(|x| x.share * x.p.classes[k].mean_wait).sum();
                let latency = parts.iter().map(|x| x.share * x.p.classes[k].mean_latency).sum();
                ClassPrediction { mean_wait: wait, mean_latency: latency, ..first.classes[k].clone() }
            })
            .collect()
    };
    let alike = parts.iter().all(|x| x.p.mean_latency == first.mean_latency);
    let model = match (parts.iter().all(|x| x.p.model == first.model), alike) {
        (true, true) if n == 1 => first.model.clone(),
        (true, true) => format!("{n} × {}", first.model),
        (true, false) => format!("{n} × {}, each at its own speed", first.model),
        _ => format!("{name}: each server its own queue"),
    };
    let timeout = s.servers.timeout.is_some();
    let mut notes = Vec::new();
    let mut differs: Vec<String> = Vec::new();
    if basis == Basis::Approximation {
        for what in parts.iter().flat_map(|x| &x.p.differs) {
            if !differs.contains(what) {
                differs.push(what.clone());
            }
        }
    }
    if s.servers.discipline != Discipline::Fifo {
        notes
            .push("The order of service moves the tail, not the mean: percentiles are not predicted.".into());
    }
    Prediction {
        model,
        utilization: Some(summed(|p| p.utilization) / n as f64),
        mean_wait: Some(by_completion(|p| p.mean_wait)),
        mean_latency: Some(by_completion(|p| p.mean_latency)),
        mean_in_system: Some(summed(|p| p.mean_in_system)),
        mean_queue: Some(summed(|p| p.mean_queue)),
        p_wait: parts.iter().all(|x| x.p.p_wait.is_some()).then(|| by_arrival(|p| p.p_wait)),
        drop_ratio: Some(by_arrival(|p| p.drop_ratio)),
        p50: percentiles.map(|p| p[0]),
        p95: percentiles.map(|p| p[1]),
        p99: percentiles.map(|p| p[2]),
        timed_out_ratio: timeout.then(|| by_arrival(|p| p.timed_out_ratio)),
        wasted_per_arrival: timeout.then(|| by_arrival(|p| p.wasted_per_arrival)),
        classes,
        basis,
        typical_error: if basis == Basis::Approximation {
            parts.iter().find_map(|x| x.p.typical_error.clone())
        } else {
            None
        },
        differs,
        notes,
        ..Prediction::default()
    }
}

/// The latency percentiles of the mix: the servers' own when they are all alike, else from the
/// mixture of their distributions where those are closed forms.
fn percentiles(parts: &[Part]) -> Option<[f64; 3]> {
    let first = &parts.first()?.p;
    let alike = parts.iter().all(|x| x.p.model == first.model && x.p.mean_latency == first.mean_latency);
    if alike {
        return Some([first.p50?, first.p95?, first.p99?]);
    }
    let queues: Vec<(f64, GiMc)> = parts.iter().map(|x| Some((x.share, x.queue?))).collect::<Option<_>>()?;
    if parts.iter().any(|x| x.p.p50.is_none()) {
        return None;
    }
    let survival = |t: f64| queues.iter().map(|(share, q)| share * q.latency_survival(t)).sum::<f64>();
    let scale = queues.iter().map(|(_, q)| 1.0 / q.mu).fold(0.0, f64::max);
    Some([0.5, 0.95, 0.99].map(|q| quantile(q, scale, survival)))
}
