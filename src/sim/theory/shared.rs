//! kind = queue: one queue shared by `servers` workers. Picks the form that fits the scenario,
//! exact where one exists (GI/M/c, M/M/c/K, M/G/1, the speeds chain, patience, Cobham), a
//! labelled approximation where one is known to be close (Allen-Cunneen), and no figures
//! otherwise.

use super::Prediction;
use super::approx::{allen_cunneen, none};
use super::basis::{Basis, arrival_differs};
use super::gi_m_c::{GiMc, Renewal};
use super::patience::Patience;
use super::percentiles::MD1;
use super::percentiles::mg1_latency_quantiles;
use super::priority::{cobham, weighted_wait};
use super::queues::{mmck, service_scv};
use super::speeds::{MAX_SERVERS, Speeds};
use crate::scenario::{Arrival, Discipline, Scenario, ServiceDist};

/// `p` marked exact: M/M/c/K's figures, or its statement that there is no steady state.
pub fn exact(mut p: Prediction) -> Prediction {
    p.basis = Basis::Exact;
    p
}

/// Each server's speed (unlisted ones run at 1).
pub fn speeds_of(s: &Scenario, n: usize) -> Vec<f64> {
    (0..n).map(|i| s.service.speeds.get(i).copied().unwrap_or(1.0)).collect()
}

/// The common speed, if all are equal.
pub fn equal_speed(speeds: &[f64]) -> Option<f64> {
    let first = *speeds.first()?;
    speeds.iter().all(|&v| v == first).then_some(first)
}

/// The arrival process, when it is a renewal process.
pub fn renewal(s: &Scenario, rate: f64) -> Option<Renewal> {
    match s.arrivals.pattern {
        Arrival::Poisson => Some(Renewal::Poisson { rate }),
        Arrival::Constant => Some(Renewal::Deterministic { rate }),
        Arrival::Bursty => None,
    }
}

/// GI/M/c's figures; latency percentiles only where the order of service is FIFO.
pub fn gi_prediction(q: &GiMc, fifo: bool) -> Prediction {
    let lambda = q.arrivals.rate();
    let wait = q.mean_wait();
    let latency = wait + 1.0 / q.mu;
    let percentile = |x: f64| fifo.then(|| q.latency_quantile(x));
    Prediction {
        model: format!("{}/M/{}", q.arrivals.letter(), q.c),
        utilization: Some(q.utilization()),
        mean_wait: Some(wait),
        mean_latency: Some(latency),
        mean_in_system: Some(lambda * latency),
        mean_queue: Some(lambda * wait),
        p_wait: Some(q.p_wait),
        drop_ratio: Some(0.0),
        p50: percentile(0.5),
        p95: percentile(0.95),
        p99: percentile(0.99),
        basis: Basis::Exact,
        ..Prediction::default()
    }
}

/// Lognormal service with mean `mean` and log-spread `sigma`: P(S ≤ x) and E[min(S, x)].
pub fn lognormal(mean: f64, sigma: f64) -> (impl Fn(f64) -> f64, impl Fn(f64) -> f64) {
    let m = libm::log(mean) - sigma * sigma / 2.0;
    let phi = |z: f64| 0.5 * libm::erfc(-z / std::f64::consts::SQRT_2);
    let cdf = move |x: f64| if x <= 0.0 { 0.0 } else { phi((libm::log(x) - m) / sigma) };
    let partial = move |x: f64| {
        if x <= 0.0 {
            return 0.0;
        }
        let z = (libm::log(x) - m) / sigma;
        mean * phi(z - sigma) + x * (1.0 - phi(z))
    };
    (cdf, partial)
}

/// M/G/1 with service of mean 1/`mu`, Pollaczek-Khinchine's mean and, with FIFO, the latency
/// percentiles: exact for constant service, on Beneš's grid for lognormal.
pub fn mg1(s: &Scenario, lambda: f64, mu: f64, fifo: bool) -> Prediction {
    let scv = service_scv(s);
    let rho = lambda / mu;
    let mut p = mmck(lambda, mu, 1, None);
    if rho >= 1.0 {
        return exact(p);
    }
    let wait = rho / mu * (1.0 + scv) / 2.0 / (1.0 - rho);
    let mean = 1.0 / mu;
    let (quantiles, method) = match (fifo, s.service.distribution) {
        (false, _) => (None, ""),
        (true, ServiceDist::Constant) => {
            let q = MD1::new(lambda, mean).and_then(|mut md1| {
                Some([md1.latency_quantile(0.5)?, md1.latency_quantile(0.95)?, md1.latency_quantile(0.99)?])
            });
            (q, " (percentiles exact)")
        }
        (true, ServiceDist::Lognormal) => {
            let (cdf, partial) = lognormal(mean, s.service.sigma);
            let q = mg1_latency_quantiles(lambda, mean, cdf, partial, wait, &[0.5, 0.95, 0.99]);
            (q.map(|v| [v[0], v[1], v[2]]), " (percentiles by Beneš's formula on a grid)")
        }
        (true, ServiceDist::Exponential) => (None, ""),
    };
    p.model = format!("M/{}/1 (Pollaczek-Khinchine){method}", if scv == 0.0 { "D" } else { "G" });
    p.mean_wait = Some(wait);
    p.mean_latency = Some(wait + mean);
    p.mean_queue = Some(lambda * wait);
    p.mean_in_system = Some(lambda * (wait + mean));
    // One server: an arrival waits exactly when it is busy, whatever the service.
    p.p_wait = Some(rho);
    (p.p50, p.p95, p.p99) = match quantiles {
        Some([a, b, c]) => (Some(a), Some(b), Some(c)),
        None => (None, None, None),
    };
    p.basis = Basis::Exact;
    p
}

/// kind = queue.
pub fn shared_queue(s: &Scenario) -> Prediction {
    let c = s.servers.count as usize;
    let lambda = s.arrivals.rate;
    let speeds = speeds_of(s, c);
    let total: f64 = speeds.iter().sum();
    let work = s.service.mean;
    let offered = lambda * work / total;
    let fifo = s.servers.discipline == Discipline::Fifo;
    let exponential = s.service.distribution == ServiceDist::Exponential;
    let name = if c == 1 { "one worker".to_string() } else { format!("{c} workers sharing one queue") };

    let mut differs = arrival_differs(s);
    if s.servers.outage_at.is_some() {
        differs.push("an outage".into());
    }
    if !differs.is_empty() {
        let lossless = s.servers.queue_cap.is_none()
            && s.servers.timeout.is_none()
            && s.servers.outage_at.is_none()
            && s.arrivals.spike_at.is_none();
        return none(&name, differs, lossless.then_some(offered.min(1.0)));
    }
    let Some(arrivals) = renewal(s, lambda) else {
        return none(&name, vec!["arrivals in bursts".into()], None);
    };

    if let Some(tau) = s.servers.timeout {
        let mut blockers = Vec::new();
        if arrivals != (Renewal::Poisson { rate: lambda }) {
            blockers.push("evenly spaced arrivals");
        }
        if !exponential {
            blockers.push("non-exponential work");
        }
        if equal_speed(&speeds).is_none() {
            blockers.push("unequal speeds");
        }
        if !fifo {
            blockers.push("an order other than FIFO");
        }
        if s.servers.queue_cap.is_some() {
            blockers.push("a limited queue");
        }
        let patience = Patience::new(lambda, total / c as f64 / work, c, tau);
        return match patience {
            Some(p) if blockers.is_empty() => p.prediction(),
            _ => none(&name, vec![format!("a timeout together with {}", blockers.join(" and "))], None),
        };
    }

    if s.servers.queue_cap.is_none() && offered >= 1.0 {
        let mut p = exact(mmck(lambda, total / c as f64 / work, c, None));
        let service = match s.service.distribution {
            ServiceDist::Exponential => "M",
            ServiceDist::Constant => "D",
            ServiceDist::Lognormal => "G",
        };
        p.model = format!("{}/{service}/{c}", arrivals.letter());
        return p;
    }

    let mut p = match (exponential, equal_speed(&speeds)) {
        (true, Some(v)) => exponential_equal(s, arrivals, v / work, c, fifo),
        (true, None) => exponential_unequal(s, arrivals, &speeds, work, fifo),
        (false, Some(v)) => general_service(s, arrivals, v / work, c, fifo),
        (false, None) => none(&name, vec!["unequal speeds with non-exponential work".into()], Some(offered)),
    };
    discipline_notes(s, &mut p);
    p
}

/// Exponential work, servers of one speed.
fn exponential_equal(s: &Scenario, arrivals: Renewal, mu: f64, c: usize, fifo: bool) -> Prediction {
    let lambda = arrivals.rate();
    let poisson = matches!(arrivals, Renewal::Poisson { .. });
    match (s.servers.queue_cap, poisson) {
        (Some(cap), true) => {
            let mut p = mmck(lambda, mu, c, Some(cap));
            p.basis = Basis::Exact;
            p
        }
        (Some(_), false) => none(
            &format!("D/M/{c} with a limited queue"),
            vec!["evenly spaced arrivals with a limited queue".into()],
            None,
        ),
        (None, _) => {
            let Some(q) = GiMc::solve(arrivals, mu, c) else {
                return exact(mmck(lambda, mu, c, None));
            };
            let mut p = gi_prediction(&q, fifo);
            if s.servers.discipline == Discipline::Priority && poisson {
                p.classes =
                    cobham(q.p_wait / (c as f64 * mu), s.servers.high_share, q.utilization(), 1.0 / mu);
            }
            p
        }
    }
}

/// Exponential work, servers of unequal speeds.
fn exponential_unequal(s: &Scenario, arrivals: Renewal, speeds: &[f64], work: f64, fifo: bool) -> Prediction {
    let c = speeds.len();
    let lambda = arrivals.rate();
    let poisson = matches!(arrivals, Renewal::Poisson { .. });
    let cap = s.servers.queue_cap;
    if !poisson {
        return none(
            &format!("D/M/{c} with unequal speeds"),
            vec!["evenly spaced arrivals to servers of unequal speeds".into()],
            None,
        );
    }
    if c > MAX_SERVERS {
        // More states than the chain is solved for: the servers at their average speed.
        let total: f64 = speeds.iter().sum();
        let mut p = mmck(lambda, total / c as f64 / work, c, cap);
        p.model = format!("M/M/{c} at the average speed (approximation)");
        (p.p50, p.p95, p.p99) = (None, None, None);
        p.basis = Basis::Approximation;
        p.typical_error = Some("within about 11 %, either way".into());
        p.differs = vec![format!("unequal speeds over more than {MAX_SERVERS} servers")];
        p.notes.push(format!(
            "Servers run at different speeds; beyond {MAX_SERVERS} servers the formula uses their \
             average, which ignores that the lowest-index free server takes each request."
        ));
        return p;
    }
    let Some(chain) = Speeds::solve(lambda, 1.0 / work, speeds, cap) else {
        let total: f64 = speeds.iter().sum();
        return exact(mmck(lambda, total / c as f64 / work, c, cap));
    };
    let mut p = chain.prediction();
    if !fifo {
        (p.p50, p.p95, p.p99) = (None, None, None);
    }
    if s.servers.discipline == Discipline::Priority && cap.is_none() {
        let (waits, rate) = chain.all_busy();
        let service = p.mean_latency.unwrap_or(0.0) - p.mean_wait.unwrap_or(0.0);
        p.classes = cobham(waits / rate, s.servers.high_share, lambda / rate, service);
    }
    p
}

/// Constant or lognormal work, servers of one speed.
fn general_service(s: &Scenario, arrivals: Renewal, mu: f64, c: usize, fifo: bool) -> Prediction {
    let lambda = arrivals.rate();
    let poisson = matches!(arrivals, Renewal::Poisson { .. });
    let scv = service_scv(s);
    if s.servers.queue_cap.is_some() {
        return none(
            &format!("{}/G/{c} with a limited queue", arrivals.letter()),
            vec!["a limited queue with non-exponential work".into()],
            None,
        );
    }
    let priority = s.servers.discipline == Discipline::Priority;
    if poisson && c == 1 {
        let mut p = mg1(s, lambda, mu, fifo);
        if priority {
            // W0 = λE[S²]/2: the P-K wait times (1 - rho).
            let rho = lambda / mu;
            let w0 = p.mean_wait.unwrap_or(0.0) * (1.0 - rho);
            p.classes = cobham(w0, s.servers.high_share, rho, 1.0 / mu);
        }
        return p;
    }
    let Some(mut p) = allen_cunneen(lambda, mu, c, arrivals.scv(), scv) else {
        return exact(mmck(lambda, mu, c, None));
    };
    let method = if c == 1 { "Kingman" } else { "Allen-Cunneen" };
    p.model = format!("{}/G/{c} ({method} approximation)", arrivals.letter());
    p.differs = vec![if poisson {
        "several servers with non-exponential work".into()
    } else {
        "evenly spaced arrivals with non-exponential work".into()
    }];
    p.notes.push(format!("The wait is an approximation ({method})."));
    if priority && poisson {
        let rho = lambda / (c as f64 * mu);
        let w0 = p.mean_wait.unwrap_or(0.0) * (1.0 - rho);
        p.classes = cobham(w0, s.servers.high_share, rho, 1.0 / mu);
    }
    p
}

/// What the order of service changes, and what it leaves alone.
fn discipline_notes(s: &Scenario, p: &mut Prediction) {
    if p.basis == Basis::None {
        return;
    }
    match s.servers.discipline {
        Discipline::Fifo => {}
        Discipline::Lifo => {
            (p.p50, p.p95, p.p99) = (None, None, None);
            p.notes.push(
                "The mean wait does not depend on the order of service, but the tail does: the \
                 percentiles are not predicted."
                    .into(),
            );
        }
        Discipline::Priority => {
            (p.p50, p.p95, p.p99) = (None, None, None);
            if p.classes.is_empty() {
                p.notes.push(
                    "The mean wait does not depend on the order of service, but each class's \
                     does, and no formula here gives it for this scenario; nor are the \
                     percentiles predicted."
                        .into(),
                );
            } else {
                p.model = format!("{}, two priority classes (Cobham)", p.model);
                let (high, low) = (&p.classes[0], &p.classes[1]);
                p.notes.push(format!(
                    "High class waits {:.3} s on average, low class {:.3} s (Cobham); together \
                     {:.3} s, as without priority. The percentiles are not predicted.",
                    high.mean_wait,
                    low.mean_wait,
                    weighted_wait(&p.classes)
                ));
            }
        }
    }
}
