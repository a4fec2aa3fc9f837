//! Building a run from a scenario: the stages its kind has (from the kind's descriptor), their
//! models, the first events.

use super::EventKind;
use super::data::Data;
use super::{K, RequestPath, Rngs, Servers, Stages, Stream, Switch};
use crate::scenario::{Algorithm, Scenario};
use crate::sim::autoscale::{AutoscaleConfig, Autoscaler};
use crate::sim::balancer::Balancer;
use crate::sim::breaker::{Breaker, BreakerConfig, Trip};
use crate::sim::dist::Work;
use crate::sim::limiter::{Limiter, LimiterConfig};
use crate::sim::metrics::Metrics;
use crate::sim::request::Requests;
use crate::sim::retry::{Jitter, RetryBudget, RetryPolicy};
use crate::sim::rng::stream;
use crate::sim::simulation::Observe;
use crate::sim::source::Source;
use crate::sim::station::Station;

/// Most retry tokens a budget saves up: a burst of this many retries is always allowed.
const BUDGET_TOKENS: f64 = 10.0;
/// The autoscaler ignores deviations from its target smaller than this (relative).
const SCALE_TOLERANCE: f64 = 0.1;

pub(super) fn build(scenario: &Scenario, stages: &Stages) -> RequestPath {
    let s = scenario;
    let seed = s.run.seed;
    let has_servers = stages.servers != Servers::None;
    let shared_queue = stages.servers != Servers::Balanced;
    let servers = s.servers.count as usize;
    let stations = match (has_servers, shared_queue) {
        (false, _) => Vec::new(),
        (true, true) => vec![station(s, servers, &s.service.speeds)],
        (true, false) => {
            (0..servers).map(|i| station(s, 1, s.service.speeds.get(i..i + 1).unwrap_or(&[]))).collect()
        }
    };
    let keyed = stages.keyed;
    let stream = |purpose: Stream| stream(seed, purpose as u64);
    let mut sim = RequestPath {
        scenario: s.clone(),
        stages: *stages,
        rng: Rngs {
            work: stream(Stream::Work),
            routing: stream(Stream::Routing),
            failures: stream(Stream::Failures),
            backoff: stream(Stream::Backoff),
            cache: stream(Stream::Cache),
            database: stream(Stream::Database),
        },
        source: Source::new(s, keyed),
        work: Work::new(s.service.distribution, s.service.mean, s.service.sigma),
        requests: Requests::default(),
        stations,
        shared_queue,
        balancer: (has_servers && !shared_queue).then(|| {
            let tau = 10.0 * s.service.mean;
            Balancer::new(s.balancer.policy, servers, &s.service.speeds, s.balancer.vnodes as u32, seed, tau)
        }),
        loads: Vec::new(),
        limiter: match stages.limiter {
            Switch::Off => None,
            Switch::On => Some(Limiter::new(limiter_config(s))),
            Switch::ByKey => s.limiter.enabled.then(|| Limiter::new(limiter_config(s))),
        },
        retry: stages.retries.then(|| retry_policy(s)),
        budget: s
            .retries
            .budget
            .filter(|_| stages.retries)
            .map(|ratio| RetryBudget::new(ratio, BUDGET_TOKENS)),
        breaker: stages.breaker.then(|| {
            Breaker::new(BreakerConfig {
                trip: Trip::ConsecutiveFailures(s.breaker.failures as u32),
                open_for: s.breaker.open_for,
                half_open_probes: s.breaker.probes as u32,
            })
        }),
        breaker_opened: 0,
        data: None,
        autoscaler: stages.autoscale.then(|| {
            let a = &s.autoscale;
            let config = AutoscaleConfig {
                target_utilization: a.target_util,
                tolerance: SCALE_TOLERANCE,
                min_instances: a.min_servers as u32,
                max_instances: a.max_servers as u32,
                interval: a.scale_interval,
                provisioning_delay: a.provision_time,
                scale_in_cooldown: 0.0,
            };
            Autoscaler::new(config, servers as u32)
        }),
        scale_mark: (0.0, 0.0),
        peak_workers: servers,
        metrics: Metrics::new(s.run.warmup, s.run.bucket),
        measuring: s.run.warmup <= 0.0,
        recent: Default::default(),
        observe: Observe::Everything,
    };
    if stages.data {
        sim.data = Some(Data::new(s, &mut sim.rng.cache));
    }
    sim
}

fn station<P: Copy>(s: &Scenario, workers: usize, speeds: &[f64]) -> Station<P> {
    Station::new(workers, speeds, s.servers.discipline, s.servers.queue_cap)
}

fn limiter_config(s: &Scenario) -> LimiterConfig {
    let l = &s.limiter;
    let per_window = (l.limit * l.window).round().clamp(1.0, f64::from(u32::MAX)) as u32;
    match l.algorithm {
        Algorithm::TokenBucket => LimiterConfig::TokenBucket { rate: l.limit, burst: l.burst as f64 },
        Algorithm::LeakyBucket => LimiterConfig::LeakyBucket { rate: l.limit, capacity: l.burst as f64 },
        Algorithm::FixedWindow => LimiterConfig::FixedWindow { limit: per_window, window: l.window },
        Algorithm::SlidingWindow => LimiterConfig::SlidingCounter { limit: per_window, window: l.window },
    }
}

fn retry_policy(s: &Scenario) -> RetryPolicy {
    let r = &s.retries;
    let jitter = match r.jitter {
        crate::scenario::Jitter::None => Jitter::None,
        crate::scenario::Jitter::Full => Jitter::Full,
        crate::scenario::Jitter::Equal => Jitter::Equal,
        crate::scenario::Jitter::Decorrelated => Jitter::Decorrelated,
    };
    RetryPolicy::new(r.max_retries as u32 + 1, r.backoff_base, r.backoff_cap, jitter)
}

/// The first arrival, and the events the scenario fixes in advance (outage, health checks,
/// autoscaling decisions, the cache's flush, the partition).
pub(super) fn schedule_first_events(sim: &mut RequestPath, k: &mut K) {
    let s = sim.scenario.clone();
    sim.schedule_next_arrival(k);
    if let Some(at) = s.servers.outage_at.filter(|_| !sim.stations.is_empty()) {
        k.schedule(at, EventKind::OutageStart);
        k.schedule(at + s.servers.outage_len, EventKind::OutageEnd);
    }
    if let (Some(interval), Some(_)) = (s.servers.health_interval, &sim.balancer) {
        k.schedule(interval, EventKind::HealthCheck);
    }
    if sim.autoscaler.is_some() {
        k.schedule(s.autoscale.scale_interval, EventKind::ScaleCheck);
    }
    if let Some(at) = s.cache.clear_at.filter(|_| sim.data.is_some()) {
        k.schedule(at, EventKind::CacheClear);
    }
}
