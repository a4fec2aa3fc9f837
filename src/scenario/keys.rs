//! The key table: every scenario key with its field, range and the kinds that use it, in the
//! canonical order (the order of docs/scenarios.md). `kind` itself is read first, by the parser.

use super::fields::Scenario;
use super::kind::{Kind, Kinds};
use super::value::{self, Bounds, Value};

/// One scenario key.
pub struct KeySpec {
    pub name: &'static str,
    pub kinds: Kinds,
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

use Kind::*;
const ALL_BUT_ESTIMATE: Kinds = Kinds::all().without(Estimate);
const TIMED: Kinds = Kinds::all().without(Estimate).without(Hashing);
const SERVICE: Kinds = Kinds::of(&[Queue, Balancer, Limiter, Retries, Breaker, Autoscale, Pipeline]);
const SPEEDS: Kinds = Kinds::of(&[Queue, Balancer, Limiter, Retries, Breaker, Pipeline]);
const SERVER_COUNT: Kinds =
    Kinds::of(&[Queue, Balancer, Limiter, Retries, Breaker, Hashing, Autoscale, Pipeline]);
const FAILING: Kinds = Kinds::of(&[Retries, Breaker, Pipeline]);
const OUTAGE: Kinds = Kinds::of(&[Queue, Balancer, Retries, Breaker, Pipeline]);
const BALANCED: Kinds = Kinds::of(&[Balancer, Pipeline]);
const RING: Kinds = Kinds::of(&[Balancer, Hashing, Pipeline]);
const KEYED: Kinds = Kinds::of(&[Balancer, Cache, Hashing, Replication, Pipeline]);
const WRITES: Kinds = Kinds::of(&[Cache, Replication, Pipeline]);
const CACHED: Kinds = Kinds::of(&[Cache, Pipeline]);
const LIMITED: Kinds = Kinds::of(&[Limiter, Pipeline]);
const RETRYING: Kinds = Kinds::of(&[Retries, Pipeline]);

macro_rules! key {
    (@spec $name:literal, $kinds:expr, $min:expr, $max:expr, $none:expr, $($field:ident).+) => {
        KeySpec {
            name: $name,
            kinds: $kinds,
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
    ($name:literal => $($field:ident).+, $kinds:expr) => {
        key!(@spec $name, $kinds, 0, 0, None, $($field).+)
    };
    ($name:literal => $($field:ident).+, $kinds:expr, $min:expr, $max:expr) => {
        key!(@spec $name, $kinds, $min, $max, None, $($field).+)
    };
    // A value that a word (`none`, `unlimited`) switches off.
    ($name:literal => $($field:ident).+, $kinds:expr, $min:expr, $max:expr, or $word:literal) => {
        key!(@spec $name, $kinds, $min, $max, Some($word), $($field).+)
    };
}

/// Every key but `kind`, in canonical order. A name appears twice only when two kinds give
/// it different meanings (`policy`); at most one entry per name applies to any kind.
pub static KEYS: &[KeySpec] = &[
    // The run.
    key!("seed" => run.seed, ALL_BUT_ESTIMATE, 0, MAX_SEED),
    key!("requests" => run.requests, TIMED, 0, 10_000_000),
    key!("duration" => run.duration, TIMED, 0, 1e6),
    key!("warmup" => run.warmup, TIMED, 0, 1e6),
    key!("bucket" => run.bucket, TIMED, 0.001, 1e5),
    // Arrivals.
    key!("rate" => arrivals.rate, TIMED, 0.001, 1e6),
    key!("arrival" => arrivals.pattern, TIMED),
    key!("on_time" => arrivals.on_time, TIMED, 0.001, 1e4),
    key!("off_time" => arrivals.off_time, TIMED, 0, 1e4),
    key!("spike_at" => arrivals.spike_at, TIMED, 0, 1e6, or "none"),
    key!("spike_len" => arrivals.spike_len, TIMED, 0.001, 1e6),
    key!("spike_factor" => arrivals.spike_factor, TIMED, 1, 100),
    // Service.
    key!("service_time" => service.mean, SERVICE, 1e-6, 1e4),
    key!("service" => service.distribution, SERVICE),
    key!("sigma" => service.sigma, SERVICE, 0.1, 3),
    key!("speeds" => service.speeds, SPEEDS, 0.1, 10),
    // Servers and queues.
    key!("servers" => servers.count, SERVER_COUNT, 1, 64),
    key!("queue_cap" => servers.queue_cap, SERVICE, 0, 1_000_000, or "unlimited"),
    key!("discipline" => servers.discipline, SERVICE),
    key!("high_share" => servers.high_share, SERVICE, 0, 1),
    key!("timeout" => servers.timeout, SERVICE, 0.001, 1e4, or "none"),
    key!("fail_prob" => servers.fail_prob, FAILING, 0, 1),
    key!("outage_at" => servers.outage_at, OUTAGE, 0, 1e6, or "none"),
    key!("outage_len" => servers.outage_len, OUTAGE, 0.001, 1e6),
    key!("outage_server" => servers.outage_server, OUTAGE, 0, 63),
    key!("health_interval" => servers.health_interval, BALANCED, 0.01, 1000, or "none"),
    // Load balancing.
    key!("policy" => balancer.policy, Kinds::of(&[Balancer])),
    key!("lb_policy" => balancer.policy, Kinds::of(&[Pipeline])),
    key!("vnodes" => balancer.vnodes, RING, 1, 1000),
    // Keys and popularity.
    key!("keys" => keys.count, KEYED, 1, 1_000_000),
    key!("zipf" => keys.zipf, KEYED, 0, 3),
    key!("write_ratio" => keys.write_ratio, WRITES, 0, 1),
    // Cache.
    key!("policy" => cache.policy, Kinds::of(&[Cache])),
    key!("cache_policy" => cache.policy, Kinds::of(&[Pipeline])),
    key!("capacity" => cache.capacity, CACHED, 0, 1_000_000),
    key!("ttl" => cache.ttl, CACHED, 0.001, 1e6, or "none"),
    key!("ttl_mode" => cache.ttl_mode, CACHED),
    key!("ttl_jitter" => cache.ttl_jitter, CACHED, 0, 1),
    key!("warm" => cache.warm, CACHED),
    key!("coalesce" => cache.coalesce, CACHED),
    key!("read_policy" => cache.read_policy, CACHED),
    key!("write_policy" => cache.write_policy, CACHED),
    key!("flush_delay" => cache.flush_delay, CACHED, 0.001, 1e4),
    key!("clear_at" => cache.clear_at, CACHED, 0, 1e6, or "none"),
    key!("hit_time" => cache.hit_time, CACHED, 1e-6, 10),
    key!("db_time" => cache.db_time, CACHED, 1e-6, 100),
    key!("db_servers" => cache.db_servers, CACHED, 1, 1024),
    // Rate limiter.
    key!("limiter" => limiter.enabled, Kinds::of(&[Pipeline])),
    key!("algorithm" => limiter.algorithm, LIMITED),
    key!("limit" => limiter.limit, LIMITED, 0.001, 1e6),
    key!("burst" => limiter.burst, LIMITED, 1, 1_000_000),
    key!("window" => limiter.window, LIMITED, 0.001, 3600),
    // Retries.
    key!("max_retries" => retries.max_retries, RETRYING, 0, 20),
    key!("backoff_base" => retries.backoff_base, RETRYING, 1e-6, 1000),
    key!("backoff_cap" => retries.backoff_cap, RETRYING, 1e-6, 1e4),
    key!("jitter" => retries.jitter, RETRYING),
    key!("retry_budget" => retries.budget, RETRYING, 0, 1, or "none"),
    // Circuit breaker.
    key!("breaker_failures" => breaker.failures, Kinds::of(&[Breaker]), 1, 1000),
    key!("breaker_open" => breaker.open_for, Kinds::of(&[Breaker]), 0.001, 1e4),
    key!("breaker_probes" => breaker.probes, Kinds::of(&[Breaker]), 1, 100),
    // Replication.
    key!("replicas" => replication.replicas, Kinds::of(&[Replication]), 1, 16),
    key!("lag" => replication.lag, Kinds::of(&[Replication]), 0, 1e4),
    key!("read_from" => replication.read_from, Kinds::of(&[Replication])),
    key!("partition_at" => replication.partition_at, Kinds::of(&[Replication]), 0, 1e6, or "none"),
    key!("partition_len" => replication.partition_len, Kinds::of(&[Replication]), 0.001, 1e6),
    key!("on_partition" => replication.on_partition, Kinds::of(&[Replication])),
    // Autoscaling.
    key!("min_servers" => autoscale.min_servers, Kinds::of(&[Autoscale]), 1, 64),
    key!("max_servers" => autoscale.max_servers, Kinds::of(&[Autoscale]), 1, 64),
    key!("target_util" => autoscale.target_util, Kinds::of(&[Autoscale]), 0.05, 1),
    key!("scale_interval" => autoscale.scale_interval, Kinds::of(&[Autoscale]), 0.1, 3600),
    key!("provision_time" => autoscale.provision_time, Kinds::of(&[Autoscale]), 0, 3600),
    // Estimate.
    key!("daily_users" => estimate.daily_users, Kinds::of(&[Estimate]), 0, 1e10),
    key!("requests_per_user" => estimate.requests_per_user, Kinds::of(&[Estimate]), 0, 1e6),
    key!("peak_factor" => estimate.peak_factor, Kinds::of(&[Estimate]), 1, 100),
    key!("read_write_ratio" => estimate.read_write_ratio, Kinds::of(&[Estimate]), 0, 1e6),
    key!("record_bytes" => estimate.record_bytes, Kinds::of(&[Estimate]), 0, 1e9),
    key!("replication_factor" => estimate.replication_factor, Kinds::of(&[Estimate]), 1, 10),
    key!("retention_days" => estimate.retention_days, Kinds::of(&[Estimate]), 0, 36_500),
    key!("response_bytes" => estimate.response_bytes, Kinds::of(&[Estimate]), 0, 1e9),
    key!("model_share" => estimate.model_share, Kinds::of(&[Estimate]), 0, 1),
    key!("tokens_in" => estimate.tokens_in, Kinds::of(&[Estimate]), 0, 1e7),
    key!("tokens_out" => estimate.tokens_out, Kinds::of(&[Estimate]), 0, 1e7),
    key!("price_in" => estimate.price_in, Kinds::of(&[Estimate]), 0, 1000),
    key!("price_out" => estimate.price_out, Kinds::of(&[Estimate]), 0, 1000),
];

/// The entry for `name` that applies to `kind`, or failing that any entry named `name`
/// (so a message can say which kinds use it).
pub fn lookup(name: &str, kind: Kind) -> Option<&'static KeySpec> {
    let mut named = KEYS.iter().filter(|spec| spec.name == name).peekable();
    let first = named.peek().copied();
    named.find(|spec| spec.kinds.contains(kind)).or(first)
}

/// The names of all keys, each once, in canonical order (`kind` first).
pub fn names() -> Vec<&'static str> {
    let mut names = vec!["kind"];
    for spec in KEYS {
        if !names.contains(&spec.name) {
            names.push(spec.name);
        }
    }
    names
}
