//! The scenario as typed data, grouped by the part of the system each field describes.
//! Every field is documented (meaning, range, default) in docs/scenarios.md.

use super::choices::*;
use super::kind::Kind;
use super::per_level::PerLevel;

/// A complete, validated description of one run.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub kind: Kind,
    pub run: Run,
    pub arrivals: Arrivals,
    pub service: Service,
    pub servers: Servers,
    pub balancer: Balancer,
    pub keys: Keys,
    pub cache: Cache,
    pub limiter: Limiter,
    pub retries: Retries,
    pub breaker: Breaker,
    pub replication: Replication,
    pub autoscale: Autoscale,
    pub estimate: Estimate,
    pub contention: Contention,
    pub delivery: Delivery,
    pub calls: Calls,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub seed: u64,
    /// Arrivals stop after this many (0: no limit).
    pub requests: u64,
    /// Arrivals stop after this many seconds (0: no limit).
    pub duration: f64,
    /// Requests arriving earlier are left out of the metrics.
    pub warmup: f64,
    /// Width of a time-series bucket, seconds.
    pub bucket: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Arrivals {
    pub rate: f64,
    pub pattern: Arrival,
    pub on_time: f64,
    pub off_time: f64,
    pub spike_at: Option<f64>,
    pub spike_len: f64,
    pub spike_factor: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Service {
    /// Mean work per request, seconds on a speed-1 server.
    pub mean: f64,
    pub distribution: ServiceDist,
    /// Lognormal shape: standard deviation of ln(work).
    pub sigma: f64,
    /// Per-server speed multipliers; unlisted servers run at 1.
    pub speeds: Vec<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Servers {
    pub count: u64,
    /// Waiting places per queue (`None`: unlimited).
    pub queue_cap: Option<u64>,
    pub discipline: Discipline,
    pub high_share: f64,
    pub timeout: Option<f64>,
    pub fail_prob: f64,
    pub outage_at: Option<f64>,
    pub outage_len: f64,
    pub outage_server: u64,
    pub health_interval: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Balancer {
    pub policy: LbPolicy,
    pub vnodes: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Keys {
    pub count: u64,
    pub zipf: f64,
    pub write_ratio: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Cache {
    pub policy: CachePolicy,
    /// Entries (0: no cache).
    pub capacity: u64,
    pub ttl: Option<f64>,
    pub ttl_mode: TtlMode,
    pub ttl_jitter: f64,
    pub warm: bool,
    pub coalesce: bool,
    pub read_policy: ReadPolicy,
    pub write_policy: WritePolicy,
    pub flush_delay: f64,
    /// The cache is emptied at this time, as by a restart (`None`: never).
    pub clear_at: Option<f64>,
    pub hit_time: f64,
    pub db_time: f64,
    pub db_servers: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Limiter {
    /// Pipeline only: whether the limiter is in the chain.
    pub enabled: bool,
    pub algorithm: Algorithm,
    pub limit: f64,
    pub burst: u64,
    pub window: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Retries {
    pub max_retries: u64,
    pub backoff_base: f64,
    pub backoff_cap: f64,
    pub jitter: Jitter,
    /// Retries allowed per first attempt (`None`: unlimited).
    pub budget: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Breaker {
    pub failures: u64,
    pub open_for: f64,
    pub probes: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Replication {
    pub replicas: u64,
    pub lag: f64,
    pub read_from: ReadFrom,
    pub partition_at: Option<f64>,
    pub partition_len: f64,
    pub on_partition: OnPartition,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Autoscale {
    pub min_servers: u64,
    pub max_servers: u64,
    pub target_util: f64,
    pub scale_interval: f64,
    pub provision_time: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Estimate {
    pub daily_users: f64,
    pub requests_per_user: f64,
    pub peak_factor: f64,
    pub read_write_ratio: f64,
    pub record_bytes: f64,
    pub replication_factor: f64,
    pub retention_days: f64,
    pub response_bytes: f64,
    pub model_share: f64,
    pub tokens_in: f64,
    pub tokens_out: f64,
    pub price_in: f64,
    pub price_out: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Contention {
    /// Seconds between a writer's read and its write.
    pub gap: f64,
    pub strategy: WriteStrategy,
    /// The chance a message is delivered twice.
    pub dup_prob: f64,
    /// The chance a message is held back and delivered late, after messages sent after it.
    pub reorder_prob: f64,
    /// Whether a message delivered again is recognized by its id and skipped.
    pub idempotency: bool,
}

/// `delivery`: changes from a developer to production. Times in hours, except `branch_days`.
#[derive(Clone, Debug, PartialEq)]
pub struct Delivery {
    pub developers: u64,
    /// Changes per developer per hour.
    pub change_rate: f64,
    /// Multiplies each developer's output (AI-assisted editing).
    pub ai_factor: f64,
    pub reviewers: u64,
    /// Mean hours one review takes (exponential).
    pub review_time: f64,
    /// Share of defective changes a review catches.
    pub review_catch: f64,
    pub tests: u64,
    /// Chance one test fails on one attempt although nothing is wrong.
    pub flake: f64,
    /// Times a failed test is run again before the run counts as red.
    pub reruns: u64,
    /// Share of defective changes the tests catch.
    pub test_catch: f64,
    /// Hours one CI run takes.
    pub ci_time: f64,
    /// Days a change lives on its branch before it asks for review.
    pub branch_days: f64,
    /// Conflict rate per other developer per day of branch age.
    pub overlap: f64,
    /// Changes per deploy.
    pub batch: u64,
    pub defect_prob: f64,
    /// Mean hours from a failed deploy to its detection (exponential).
    pub detect_time: f64,
    /// Mean hours from detection to restored service (exponential).
    pub restore_time: f64,
    /// Feature flags: a defective change is switched off rather than rolled back.
    pub flags: bool,
}

/// A request through a tree of services (kind = calls). Per-level lists give levels 1, 2, ...
/// in order; the last entry applies to every deeper level.
#[derive(Clone, Debug, PartialEq)]
pub struct Calls {
    pub depth: u64,
    pub fanout: u64,
    /// Mean service time of one attempt, per level, seconds.
    pub hop_time: PerLevel,
    /// Failure probability of one attempt, per level.
    pub hop_fail: PerLevel,
    /// Retries of a failed call, per level (whole numbers).
    pub hop_retries: PerLevel,
    /// Seconds the caller waits for one attempt, per level (`None`: forever).
    pub hop_timeout: Option<PerLevel>,
    /// Workers serving each level.
    pub replicas: PerLevel,
    /// End-to-end budget of a request, seconds (`None`: no deadline).
    pub deadline: Option<f64>,
    /// The levels whose incoming edge is asynchronous (through a queue).
    pub async_levels: Option<PerLevel>,
    /// The level an outage stops (`None`: the deepest).
    pub outage_level: Option<u64>,
}

impl Scenario {
    /// Every key at its default (docs/scenarios.md).
    pub const DEFAULT: Scenario = Scenario {
        kind: Kind::Queue,
        run: Run { seed: 1, requests: 10_000, duration: 0.0, warmup: 0.0, bucket: 1.0 },
        arrivals: Arrivals {
            rate: 0.9,
            pattern: Arrival::Poisson,
            on_time: 1.0,
            off_time: 4.0,
            spike_at: None,
            spike_len: 10.0,
            spike_factor: 5.0,
        },
        service: Service {
            mean: 1.0,
            distribution: ServiceDist::Exponential,
            sigma: 1.0,
            speeds: Vec::new(),
        },
        servers: Servers {
            count: 1,
            queue_cap: None,
            discipline: Discipline::Fifo,
            high_share: 0.1,
            timeout: None,
            fail_prob: 0.0,
            outage_at: None,
            outage_len: 10.0,
            outage_server: 0,
            health_interval: None,
        },
        balancer: Balancer { policy: LbPolicy::RoundRobin, vnodes: 100 },
        keys: Keys { count: 1000, zipf: 1.0, write_ratio: 0.0 },
        cache: Cache {
            policy: CachePolicy::Lru,
            capacity: 100,
            ttl: None,
            ttl_mode: TtlMode::Insert,
            ttl_jitter: 0.0,
            warm: false,
            coalesce: false,
            read_policy: ReadPolicy::CacheAside,
            write_policy: WritePolicy::WriteAround,
            flush_delay: 1.0,
            clear_at: None,
            hit_time: 0.001,
            db_time: 0.05,
            db_servers: 16,
        },
        limiter: Limiter {
            enabled: false,
            algorithm: Algorithm::TokenBucket,
            limit: 10.0,
            burst: 10,
            window: 1.0,
        },
        retries: Retries {
            max_retries: 3,
            backoff_base: 0.1,
            backoff_cap: 10.0,
            jitter: Jitter::Full,
            budget: None,
        },
        breaker: Breaker { failures: 5, open_for: 5.0, probes: 1 },
        replication: Replication {
            replicas: 2,
            lag: 0.1,
            read_from: ReadFrom::Replica,
            partition_at: None,
            partition_len: 10.0,
            on_partition: OnPartition::ServeStale,
        },
        autoscale: Autoscale {
            min_servers: 1,
            max_servers: 16,
            target_util: 0.6,
            scale_interval: 10.0,
            provision_time: 30.0,
        },
        estimate: Estimate {
            daily_users: 1e6,
            requests_per_user: 10.0,
            peak_factor: 3.0,
            read_write_ratio: 10.0,
            record_bytes: 1000.0,
            replication_factor: 1.0,
            retention_days: 365.0,
            response_bytes: 10_000.0,
            model_share: 0.0,
            tokens_in: 1000.0,
            tokens_out: 200.0,
            price_in: 3.0,
            price_out: 15.0,
        },
        contention: Contention {
            gap: 1.0,
            strategy: WriteStrategy::None,
            dup_prob: 0.0,
            reorder_prob: 0.0,
            idempotency: false,
        },
        delivery: Delivery {
            developers: 4,
            change_rate: 0.25,
            ai_factor: 1.0,
            reviewers: 2,
            review_time: 0.5,
            review_catch: 0.5,
            tests: 200,
            flake: 0.001,
            reruns: 0,
            test_catch: 0.5,
            ci_time: 0.25,
            branch_days: 1.0,
            overlap: 0.05,
            batch: 5,
            defect_prob: 0.02,
            detect_time: 1.0,
            restore_time: 1.0,
            flags: false,
        },
        calls: Calls {
            depth: 3,
            fanout: 2,
            hop_time: PerLevel::one(0.05),
            hop_fail: PerLevel::one(0.01),
            hop_retries: PerLevel::one(0.0),
            hop_timeout: None,
            replicas: PerLevel::one(8.0),
            deadline: None,
            async_levels: None,
            outage_level: None,
        },
    };
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario::DEFAULT
    }
}
