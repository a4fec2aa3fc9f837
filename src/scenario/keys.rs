//! The key table: every scenario key with its field and range, one `static` each, and
//! [`KEYS`], all of them in the canonical order (the order of docs/scenarios.md, and of a
//! scenario written back). Which kinds use a key is said by each kind's descriptor
//! (`crate::sim::kinds`), which lists its keys by these statics. `kind` itself is read first,
//! by the parser.

use super::fields::Scenario;
use super::kind::Kind;
use super::value::{self, Bounds, Value};

/// One scenario key.
pub struct KeySpec {
    pub name: &'static str,
    pub bounds: Bounds,
    /// Reads `text` into the scenario; `Ok(Some(note))` when the value was clamped.
    pub set: fn(&mut Scenario, &str, &Bounds) -> Result<Option<String>, String>,
    /// The field's canonical text.
    pub write: fn(&Scenario, &Bounds) -> String,
    pub is_default: fn(&Scenario) -> bool,
    /// The words the key takes, for a menu (`None` for numbers).
    pub choices: fn() -> Option<Vec<&'static str>>,
    /// The value is a whole number.
    pub integer: fn() -> bool,
}

impl KeySpec {
    /// The words this key takes, in menu order; `None` when it takes a number.
    pub fn choices(&self) -> Option<Vec<&'static str>> {
        (self.choices)()
    }

    /// True when the key takes a whole number.
    pub fn integer(&self) -> bool {
        (self.integer)()
    }

    /// This key's default value, as text.
    pub fn default_text(&self) -> String {
        (self.write)(&Scenario::DEFAULT, &self.bounds)
    }
}

/// Seeds stay below 2^53 so they survive a round trip through a JavaScript number.
pub const MAX_SEED: u64 = (1 << 53) - 1;

macro_rules! key {
    (@spec $name:literal, $min:expr, $max:expr, $none:expr, $($field:ident).+) => {
        KeySpec {
            name: $name,
            bounds: Bounds { min: $min as f64, max: $max as f64, none: $none },
            set: |scenario, text, bounds| {
                let (value, note) = Value::read(text, bounds)?;
                scenario.$($field).+ = value;
                Ok(note)
            },
            write: |scenario, bounds| Value::write(&scenario.$($field).+, bounds),
            is_default: |scenario| scenario.$($field).+ == Scenario::DEFAULT.$($field).+,
            choices: || value::choices_of(&Scenario::DEFAULT.$($field).+),
            integer: || value::is_integer(&Scenario::DEFAULT.$($field).+),
        }
    };
    // A choice or a switch: no range.
    ($name:literal => $($field:ident).+) => {
        key!(@spec $name, 0, 0, None, $($field).+)
    };
    ($name:literal => $($field:ident).+, $min:expr, $max:expr) => {
        key!(@spec $name, $min, $max, None, $($field).+)
    };
    // A value that a word (`none`, `unlimited`) switches off.
    ($name:literal => $($field:ident).+, $min:expr, $max:expr, or $word:literal) => {
        key!(@spec $name, $min, $max, Some($word), $($field).+)
    };
}

// The run.
pub static SEED: KeySpec = key!("seed" => run.seed, 0, MAX_SEED);
pub static REQUESTS: KeySpec = key!("requests" => run.requests, 0, 10_000_000);
pub static DURATION: KeySpec = key!("duration" => run.duration, 0, 1e6);
pub static WARMUP: KeySpec = key!("warmup" => run.warmup, 0, 1e6);
pub static BUCKET: KeySpec = key!("bucket" => run.bucket, 0.001, 1e5);

// Arrivals.
pub static RATE: KeySpec = key!("rate" => arrivals.rate, 0.001, 1e6);
pub static ARRIVAL: KeySpec = key!("arrival" => arrivals.pattern);
pub static ON_TIME: KeySpec = key!("on_time" => arrivals.on_time, 0.001, 1e4);
pub static OFF_TIME: KeySpec = key!("off_time" => arrivals.off_time, 0, 1e4);
pub static SPIKE_AT: KeySpec = key!("spike_at" => arrivals.spike_at, 0, 1e6, or "none");
pub static SPIKE_LEN: KeySpec = key!("spike_len" => arrivals.spike_len, 0.001, 1e6);
pub static SPIKE_FACTOR: KeySpec = key!("spike_factor" => arrivals.spike_factor, 1, 100);

// Service.
pub static SERVICE_TIME: KeySpec = key!("service_time" => service.mean, 1e-6, 1e4);
pub static SERVICE_DIST: KeySpec = key!("service" => service.distribution);
pub static SIGMA: KeySpec = key!("sigma" => service.sigma, 0.1, 3);
pub static SPEEDS: KeySpec = key!("speeds" => service.speeds, 0.1, 10);

// Servers and queues.
pub static SERVER_COUNT: KeySpec = key!("servers" => servers.count, 1, 64);
pub static QUEUE_CAP: KeySpec = key!("queue_cap" => servers.queue_cap, 0, 1_000_000, or "unlimited");
pub static DISCIPLINE: KeySpec = key!("discipline" => servers.discipline);
pub static HIGH_SHARE: KeySpec = key!("high_share" => servers.high_share, 0, 1);
pub static TIMEOUT: KeySpec = key!("timeout" => servers.timeout, 0.001, 1e4, or "none");
pub static FAIL_PROB: KeySpec = key!("fail_prob" => servers.fail_prob, 0, 1);
pub static OUTAGE_AT: KeySpec = key!("outage_at" => servers.outage_at, 0, 1e6, or "none");
pub static OUTAGE_LEN: KeySpec = key!("outage_len" => servers.outage_len, 0.001, 1e6);
pub static OUTAGE_SERVER: KeySpec = key!("outage_server" => servers.outage_server, 0, 63);
pub static HEALTH_INTERVAL: KeySpec =
    key!("health_interval" => servers.health_interval, 0.01, 1000, or "none");

// Load balancing.
/// The balancer's policy, for kind = balancer (`lb_policy` in a pipeline).
pub static POLICY_BALANCER: KeySpec = key!("policy" => balancer.policy);
pub static LB_POLICY: KeySpec = key!("lb_policy" => balancer.policy);
pub static VNODES: KeySpec = key!("vnodes" => balancer.vnodes, 1, 1000);

// Keys and popularity.
pub static KEY_COUNT: KeySpec = key!("keys" => keys.count, 1, 1_000_000);
pub static ZIPF: KeySpec = key!("zipf" => keys.zipf, 0, 3);
pub static WRITE_RATIO: KeySpec = key!("write_ratio" => keys.write_ratio, 0, 1);

// Cache.
/// The cache's eviction policy, for kind = cache (`cache_policy` in a pipeline).
pub static POLICY_CACHE: KeySpec = key!("policy" => cache.policy);
pub static CACHE_POLICY: KeySpec = key!("cache_policy" => cache.policy);
pub static CAPACITY: KeySpec = key!("capacity" => cache.capacity, 0, 1_000_000);
pub static TTL: KeySpec = key!("ttl" => cache.ttl, 0.001, 1e6, or "none");
pub static TTL_MODE: KeySpec = key!("ttl_mode" => cache.ttl_mode);
pub static TTL_JITTER: KeySpec = key!("ttl_jitter" => cache.ttl_jitter, 0, 1);
pub static WARM: KeySpec = key!("warm" => cache.warm);
pub static COALESCE: KeySpec = key!("coalesce" => cache.coalesce);
pub static READ_POLICY: KeySpec = key!("read_policy" => cache.read_policy);
pub static WRITE_POLICY: KeySpec = key!("write_policy" => cache.write_policy);
pub static FLUSH_DELAY: KeySpec = key!("flush_delay" => cache.flush_delay, 0.001, 1e4);
pub static CLEAR_AT: KeySpec = key!("clear_at" => cache.clear_at, 0, 1e6, or "none");
pub static HIT_TIME: KeySpec = key!("hit_time" => cache.hit_time, 1e-6, 10);
pub static DB_TIME: KeySpec = key!("db_time" => cache.db_time, 1e-6, 100);
pub static DB_SERVERS: KeySpec = key!("db_servers" => cache.db_servers, 1, 1024);

// Rate limiter.
pub static LIMITER_ON: KeySpec = key!("limiter" => limiter.enabled);
pub static ALGORITHM: KeySpec = key!("algorithm" => limiter.algorithm);
pub static LIMIT: KeySpec = key!("limit" => limiter.limit, 0.001, 1e6);
pub static BURST: KeySpec = key!("burst" => limiter.burst, 1, 1_000_000);
pub static WINDOW: KeySpec = key!("window" => limiter.window, 0.001, 3600);

// Retries.
pub static MAX_RETRIES: KeySpec = key!("max_retries" => retries.max_retries, 0, 20);
pub static BACKOFF_BASE: KeySpec = key!("backoff_base" => retries.backoff_base, 1e-6, 1000);
pub static BACKOFF_CAP: KeySpec = key!("backoff_cap" => retries.backoff_cap, 1e-6, 1e4);
pub static JITTER: KeySpec = key!("jitter" => retries.jitter);
pub static RETRY_BUDGET: KeySpec = key!("retry_budget" => retries.budget, 0, 1, or "none");

// Circuit breaker.
pub static BREAKER_FAILURES: KeySpec = key!("breaker_failures" => breaker.failures, 1, 1000);
pub static BREAKER_OPEN: KeySpec = key!("breaker_open" => breaker.open_for, 0.001, 1e4);
pub static BREAKER_PROBES: KeySpec = key!("breaker_probes" => breaker.probes, 1, 100);

// Replication.
pub static REPLICAS: KeySpec = key!("replicas" => replication.replicas, 1, 16);
pub static LAG: KeySpec = key!("lag" => replication.lag, 0, 1e4);
pub static READ_FROM: KeySpec = key!("read_from" => replication.read_from);
pub static PARTITION_AT: KeySpec = key!("partition_at" => replication.partition_at, 0, 1e6, or "none");
pub static PARTITION_LEN: KeySpec = key!("partition_len" => replication.partition_len, 0.001, 1e6);
pub static ON_PARTITION: KeySpec = key!("on_partition" => replication.on_partition);

// Autoscaling.
pub static MIN_SERVERS: KeySpec = key!("min_servers" => autoscale.min_servers, 1, 64);
pub static MAX_SERVERS: KeySpec = key!("max_servers" => autoscale.max_servers, 1, 64);
pub static TARGET_UTIL: KeySpec = key!("target_util" => autoscale.target_util, 0.05, 1);
pub static SCALE_INTERVAL: KeySpec = key!("scale_interval" => autoscale.scale_interval, 0.1, 3600);
pub static PROVISION_TIME: KeySpec = key!("provision_time" => autoscale.provision_time, 0, 3600);

// Estimate.
pub static DAILY_USERS: KeySpec = key!("daily_users" => estimate.daily_users, 0, 1e10);
pub static REQUESTS_PER_USER: KeySpec = key!("requests_per_user" => estimate.requests_per_user, 0, 1e6);
pub static PEAK_FACTOR: KeySpec = key!("peak_factor" => estimate.peak_factor, 1, 100);
pub static READ_WRITE_RATIO: KeySpec = key!("read_write_ratio" => estimate.read_write_ratio, 0, 1e6);
pub static RECORD_BYTES: KeySpec = key!("record_bytes" => estimate.record_bytes, 0, 1e9);
pub static REPLICATION_FACTOR: KeySpec = key!("replication_factor" => estimate.replication_factor, 1, 10);
pub static RETENTION_DAYS: KeySpec = key!("retention_days" => estimate.retention_days, 0, 36_500);
pub static RESPONSE_BYTES: KeySpec = key!("response_bytes" => estimate.response_bytes, 0, 1e9);
pub static MODEL_SHARE: KeySpec = key!("model_share" => estimate.model_share, 0, 1);
pub static TOKENS_IN: KeySpec = key!("tokens_in" => estimate.tokens_in, 0, 1e7);
pub static TOKENS_OUT: KeySpec = key!("tokens_out" => estimate.tokens_out, 0, 1e7);
pub static PRICE_IN: KeySpec = key!("price_in" => estimate.price_in, 0, 1000);
pub static PRICE_OUT: KeySpec = key!("price_out" => estimate.price_out, 0, 1000);

// Contention.
pub static GAP: KeySpec = key!("gap" => contention.gap, 0, 1e4);
pub static STRATEGY: KeySpec = key!("strategy" => contention.strategy);
pub static DUP_PROB: KeySpec = key!("dup_prob" => contention.dup_prob, 0, 1);
pub static REORDER_PROB: KeySpec = key!("reorder_prob" => contention.reorder_prob, 0, 1);
pub static IDEMPOTENCY: KeySpec = key!("idempotency" => contention.idempotency);
// Delivery.
/// How many changes a delivery run starts (the field `requests` is for the request kinds).
pub static CHANGES: KeySpec = key!("changes" => run.requests, 0, 10_000_000);
pub static DEVELOPERS: KeySpec = key!("developers" => delivery.developers, 1, 1000);
pub static CHANGE_RATE: KeySpec = key!("change_rate" => delivery.change_rate, 0.001, 100);
pub static AI_FACTOR: KeySpec = key!("ai_factor" => delivery.ai_factor, 0.1, 100);
pub static REVIEWERS: KeySpec = key!("reviewers" => delivery.reviewers, 1, 64);
pub static REVIEW_TIME: KeySpec = key!("review_time" => delivery.review_time, 0.001, 1000);
pub static REVIEW_CATCH: KeySpec = key!("review_catch" => delivery.review_catch, 0, 1);
pub static TESTS: KeySpec = key!("tests" => delivery.tests, 0, 1_000_000);
pub static FLAKE: KeySpec = key!("flake" => delivery.flake, 0, 1);
pub static RERUNS: KeySpec = key!("reruns" => delivery.reruns, 0, 10);
pub static TEST_CATCH: KeySpec = key!("test_catch" => delivery.test_catch, 0, 1);
pub static CI_TIME: KeySpec = key!("ci_time" => delivery.ci_time, 0.001, 1000);
pub static BRANCH_DAYS: KeySpec = key!("branch_days" => delivery.branch_days, 0, 365);
pub static OVERLAP: KeySpec = key!("overlap" => delivery.overlap, 0, 10);
pub static BATCH: KeySpec = key!("batch" => delivery.batch, 1, 1000);
pub static DEFECT_PROB: KeySpec = key!("defect_prob" => delivery.defect_prob, 0, 1);
pub static DETECT_TIME: KeySpec = key!("detect_time" => delivery.detect_time, 0, 10_000);
pub static RESTORE_TIME: KeySpec = key!("restore_time" => delivery.restore_time, 0, 10_000);
pub static FLAGS: KeySpec = key!("flags" => delivery.flags);
// Calls through a tree of services.
pub static DEPTH: KeySpec = key!("depth" => calls.depth, 1, 8);
pub static FANOUT: KeySpec = key!("fanout" => calls.fanout, 1, 10);
pub static HOP_TIME: KeySpec = key!("hop_time" => calls.hop_time, 1e-6, 1e4);
pub static HOP_FAIL: KeySpec = key!("hop_fail" => calls.hop_fail, 0, 1);
pub static HOP_RETRIES: KeySpec = key!("hop_retries" => calls.hop_retries, 0, 10);
pub static HOP_TIMEOUT: KeySpec = key!("hop_timeout" => calls.hop_timeout, 0.001, 1e4, or "none");
/// Workers per level, for kind = calls (`replicas` of replication counts read replicas).
pub static REPLICAS_CALLS: KeySpec = key!("replicas" => calls.replicas, 1, 64);
pub static DEADLINE: KeySpec = key!("deadline" => calls.deadline, 0.001, 1e6, or "none");
pub static ASYNC: KeySpec = key!("async" => calls.async_levels, 2, 8, or "none");
pub static OUTAGE_LEVEL: KeySpec = key!("outage_level" => calls.outage_level, 1, 8, or "deepest");

/// Every key but `kind`, in canonical order. A name appears twice only when two kinds give
/// it different meanings (`policy`); at most one entry per name applies to any kind.
pub static KEYS: &[&KeySpec] = &[
    &SEED,
    &REQUESTS,
    &DURATION,
    &WARMUP,
    &BUCKET,
    &RATE,
    &ARRIVAL,
    &ON_TIME,
    &OFF_TIME,
    &SPIKE_AT,
    &SPIKE_LEN,
    &SPIKE_FACTOR,
    &SERVICE_TIME,
    &SERVICE_DIST,
    &SIGMA,
    &SPEEDS,
    &SERVER_COUNT,
    &QUEUE_CAP,
    &DISCIPLINE,
    &HIGH_SHARE,
    &TIMEOUT,
    &FAIL_PROB,
    &OUTAGE_AT,
    &OUTAGE_LEN,
    &OUTAGE_SERVER,
    &HEALTH_INTERVAL,
    &POLICY_BALANCER,
    &LB_POLICY,
    &VNODES,
    &KEY_COUNT,
    &ZIPF,
    &WRITE_RATIO,
    &POLICY_CACHE,
    &CACHE_POLICY,
    &CAPACITY,
    &TTL,
    &TTL_MODE,
    &TTL_JITTER,
    &WARM,
    &COALESCE,
    &READ_POLICY,
    &WRITE_POLICY,
    &FLUSH_DELAY,
    &CLEAR_AT,
    &HIT_TIME,
    &DB_TIME,
    &DB_SERVERS,
    &LIMITER_ON,
    &ALGORITHM,
    &LIMIT,
    &BURST,
    &WINDOW,
    &MAX_RETRIES,
    &BACKOFF_BASE,
    &BACKOFF_CAP,
    &JITTER,
    &RETRY_BUDGET,
    &BREAKER_FAILURES,
    &BREAKER_OPEN,
    &BREAKER_PROBES,
    &REPLICAS,
    &LAG,
    &READ_FROM,
    &PARTITION_AT,
    &PARTITION_LEN,
    &ON_PARTITION,
    &MIN_SERVERS,
    &MAX_SERVERS,
    &TARGET_UTIL,
    &SCALE_INTERVAL,
    &PROVISION_TIME,
    &DAILY_USERS,
    &REQUESTS_PER_USER,
    &PEAK_FACTOR,
    &READ_WRITE_RATIO,
    &RECORD_BYTES,
    &REPLICATION_FACTOR,
    &RETENTION_DAYS,
    &RESPONSE_BYTES,
    &MODEL_SHARE,
    &TOKENS_IN,
    &TOKENS_OUT,
    &PRICE_IN,
    &PRICE_OUT,
    &GAP,
    &STRATEGY,
    &DUP_PROB,
    &REORDER_PROB,
    &IDEMPOTENCY,
    &CHANGES,
    &DEVELOPERS,
    &CHANGE_RATE,
    &AI_FACTOR,
    &REVIEWERS,
    &REVIEW_TIME,
    &REVIEW_CATCH,
    &TESTS,
    &FLAKE,
    &RERUNS,
    &TEST_CATCH,
    &CI_TIME,
    &BRANCH_DAYS,
    &OVERLAP,
    &BATCH,
    &DEFECT_PROB,
    &DETECT_TIME,
    &RESTORE_TIME,
    &FLAGS,
    &DEPTH,
    &FANOUT,
    &HOP_TIME,
    &HOP_FAIL,
    &HOP_RETRIES,
    &HOP_TIMEOUT,
    &REPLICAS_CALLS,
    &DEADLINE,
    &ASYNC,
    &OUTAGE_LEVEL,
];

/// The run's length, seed and chart buckets: every timed kind reads these.
pub static RUN_KEYS: &[&KeySpec] = &[&SEED, &REQUESTS, &DURATION, &WARMUP, &BUCKET];
/// When work arrives: every kind fed by arrivals reads these.
pub static ARRIVAL_KEYS: &[&KeySpec] =
    &[&RATE, &ARRIVAL, &ON_TIME, &OFF_TIME, &SPIKE_AT, &SPIKE_LEN, &SPIKE_FACTOR];

/// The key `name` as `kind` reads it, if `kind` uses a key of that name.
pub fn lookup(name: &str, kind: Kind) -> Option<&'static KeySpec> {
    kind.descriptor().key(name)
}

/// The kinds that use a key named `name`, in `Kind::ALL` order (for messages).
pub fn kinds_using(name: &str) -> Vec<Kind> {
    Kind::ALL.into_iter().filter(|kind| kind.descriptor().key(name).is_some()).collect()
}

/// The names of all keys, each once, in canonical order (`kind` first).
pub fn names() -> Vec<&'static str> {
    let mut names = vec!["kind"];
    for spec in KEYS.iter() {
        if !names.contains(&spec.name) {
            names.push(spec.name);
        }
    }
    names
}
