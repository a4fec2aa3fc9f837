//! The metrics of a run so far, summarized as numbers a reader (or `headroom run`) wants:
//! counts, rates, latency percentiles, time-averages, and a line per server.
//!
//! A [`Report`] is a shared core, which every timed kind reports (docs/scenarios.md, "What a
//! run reports"), plus the model's own [`Figures`], each a named value. Views read any of them
//! by name ([`Report::metric`]); `headroom run` prints them all, the figures after the core.

use serde::Serialize;
use serde::ser::SerializeMap;

use crate::scenario::Kind;

/// One server's share of the run.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ServerReport {
    pub completed: u64,
    pub dropped: u64,
    /// Fraction of its available worker time spent busy.
    pub utilization: f64,
    /// Time-average number waiting.
    pub mean_queue: f64,
}

/// One priority class's share of the run (the `priority` discipline): the requests of that
/// class answered, and their waits and latencies.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ClassReport {
    /// "high" or "low".
    pub class: &'static str,
    pub completed: u64,
    pub mean_wait: f64,
    pub mean_latency: f64,
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
}

impl ClassReport {
    /// The names [`Report::metric`] reads for each class, after its prefix (`high_mean_wait`).
    pub const FIELDS: &'static [&'static str] =
        &["completed", "mean_wait", "mean_latency", "p50", "p95", "p99"];

    fn field(&self, name: &str) -> Option<f64> {
        Some(match name {
            "completed" => self.completed as f64,
            "mean_wait" => self.mean_wait,
            "mean_latency" => self.mean_latency,
            "p50" => self.p50,
            "p95" => self.p95,
            "p99" => self.p99,
            _ => return None,
        })
    }
}

/// The final (or so-far) figures of a timed run. Times in seconds. Field meanings:
/// docs/scenarios.md, "What a run reports".
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    pub kind: Option<Kind>,
    pub seed: u64,
    pub arrivals: u64,
    pub completed: u64,
    pub dropped: u64,
    pub timed_out: u64,
    pub failed: u64,
    pub retries: u64,
    pub mean_attempts: f64,
    pub dead_lettered: u64,
    pub wasted_work: f64,
    pub throughput: f64,
    pub mean_wait: f64,
    pub mean_latency: f64,
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
    pub p999: f64,
    pub max_latency: f64,
    pub mean_in_system: f64,
    pub mean_queue: f64,
    pub utilization: f64,
    /// Little's law terms over every request that left (answered or not): arrival rate and
    /// mean time in the system; `mean_in_system` ≈ `arrival_rate × mean_sojourn`.
    pub arrival_rate: f64,
    pub mean_sojourn: f64,
    pub hits: u64,
    pub misses: u64,
    pub hit_ratio: f64,
    pub stale_reads: u64,
    pub db_reads: u64,
    pub db_writes: u64,
    pub events: u64,
    pub sim_time: f64,
    /// The run's trace hash in hex: equal for runs that took the same path.
    pub trace_hash: String,
    /// The model's own figures (`limited`, `stale_ratio`, ...), in the order it adds them.
    #[serde(flatten)]
    pub figures: Figures,
    /// With the `priority` discipline, each class (high first); absent otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub classes: Vec<ClassReport>,
    pub servers: Vec<ServerReport>,
}

impl Report {
    /// The names [`Report::metric`] reads from the core (figures add their own).
    pub const CORE: &'static [&'static str] = &[
        "seed",
        "arrivals",
        "completed",
        "dropped",
        "timed_out",
        "failed",
        "retries",
        "mean_attempts",
        "dead_lettered",
        "wasted_work",
        "throughput",
        "mean_wait",
        "mean_latency",
        "p50",
        "p95",
        "p99",
        "p999",
        "max_latency",
        "mean_in_system",
        "mean_queue",
        "utilization",
        "arrival_rate",
        "mean_sojourn",
        "hits",
        "misses",
        "hit_ratio",
        "stale_reads",
        "db_reads",
        "db_writes",
        "events",
        "sim_time",
    ];

    /// A figure by the name the command line's JSON gives it, as a number: the core's, then a
    /// priority class's (`high_mean_wait`, `low_p99`: the class, then its field), then the
    /// model's own. `None` for a name the run does not report (or one that is a word).
    pub fn metric(&self, name: &str) -> Option<f64> {
        let value = match name {
            "seed" => self.seed as f64,
            "arrivals" => self.arrivals as f64,
            "completed" => self.completed as f64,
            "dropped" => self.dropped as f64,
            "timed_out" => self.timed_out as f64,
            "failed" => self.failed as f64,
            "retries" => self.retries as f64,
            "mean_attempts" => self.mean_attempts,
            "dead_lettered" => self.dead_lettered as f64,
            "wasted_work" => self.wasted_work,
            "throughput" => self.throughput,
            "mean_wait" => self.mean_wait,
            "mean_latency" => self.mean_latency,
            "p50" => self.p50,
            "p95" => self.p95,
            "p99" => self.p99,
            "p999" => self.p999,
            "max_latency" => self.max_latency,
            "mean_in_system" => self.mean_in_system,
            "mean_queue" => self.mean_queue,
            "utilization" => self.utilization,
            "arrival_rate" => self.arrival_rate,
            "mean_sojourn" => self.mean_sojourn,
            "hits" => self.hits as f64,
            "misses" => self.misses as f64,
            "hit_ratio" => self.hit_ratio,
            "stale_reads" => self.stale_reads as f64,
            "db_reads" => self.db_reads as f64,
            "db_writes" => self.db_writes as f64,
            "events" => self.events as f64,
            "sim_time" => self.sim_time,
            _ => return self.class_metric(name).or_else(|| self.figures.number(name)),
        };
        Some(value)
    }

    /// A priority class's figure, `<class>_<field>`.
    fn class_metric(&self, name: &str) -> Option<f64> {
        let (class, field) = name.split_once('_')?;
        self.classes.iter().find(|c| c.class == class)?.field(field)
    }

    /// A figure that is a word (`breaker_state`), by name.
    pub fn word(&self, name: &str) -> Option<&'static str> {
        match self.figures.get(name)? {
            Figure::Word(word) => Some(word),
            _ => None,
        }
    }
}

/// One of a model's own figures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Figure {
    Count(u64),
    Number(f64),
    Word(&'static str),
}

impl Figure {
    pub fn number(self) -> Option<f64> {
        match self {
            Figure::Count(n) => Some(n as f64),
            Figure::Number(x) => Some(x),
            Figure::Word(_) => None,
        }
    }
}

impl Serialize for Figure {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            Figure::Count(n) => serializer.serialize_u64(n),
            Figure::Number(x) => serializer.serialize_f64(x),
            Figure::Word(word) => serializer.serialize_str(word),
        }
    }
}

/// A model's own figures, by name, in the order it adds them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figures(Vec<(&'static str, Figure)>);

impl Figures {
    pub fn add(&mut self, name: &'static str, figure: Figure) {
        self.0.push((name, figure));
    }

    pub fn get(&self, name: &str) -> Option<Figure> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, figure)| *figure)
    }

    pub fn number(&self, name: &str) -> Option<f64> {
        self.get(name).and_then(Figure::number)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&'static str, Figure)> + '_ {
        self.0.iter().copied()
    }
}

impl Serialize for Figures {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, figure) in &self.0 {
            map.serialize_entry(name, figure)?;
        }
        map.end()
    }
}

/// `a / b`, or 0 when `b` is 0.
pub fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 { a / b } else { 0.0 }
}
