//! Replication: a primary and read replicas that apply its log after a lag.
//!
//! Writes go to the primary, which numbers them; each replica applies the log in order, each
//! write an exponential lag after it was made (never before the write before it). A read at a
//! replica is stale when the replica has not yet applied the last write to that key. While
//! partitioned, replicas apply nothing; a read there is served stale or refused
//! (`on_partition`). Reads and writes take no time: this model measures freshness and
//! availability, not latency. Its arrivals and keys come from the shared `source`, its
//! figures from the shared `metrics`.

use std::fmt;

use crate::scenario::{OnPartition, ReadFrom, Scenario};
use crate::sim::dist::exponential;
use crate::sim::histogram::Histogram;
use crate::sim::kernel::{Kernel, Model};
use crate::sim::limits;
use crate::sim::metrics::Metrics;
use crate::sim::report::{Figure, Report, ratio};
use crate::sim::rng::{SimRng, below, stream};
use crate::sim::series::{Levels, Series};
use crate::sim::simulation::{Action, Observe, Observed};
use serde::Serialize;

use crate::sim::snapshot::{Scene, Snapshot};
use crate::sim::source::Source;

/// The stream replica lags and read routing draw from (1 and 3 are the source's).
const REPLICATION_STREAM: u64 = 9;

/// What happens in a replicated store. The tags keep the numbers these events had when they
/// were part of the request path, so traces from then still match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// The next read or write arrives.
    Arrival,
    /// A replica applies the primary's log up to `seq`.
    Apply {
        replica: u8,
        seq: u64,
    },
    PartitionStart,
    PartitionEnd,
}

type K = Kernel<Event>;

/// What a view draws of replication: how far behind each replica is, and the partition.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReplicationScene {
    pub replicas: Vec<ReplicaView>,
    pub partitioned: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReplicaView {
    /// Writes made at the primary that this replica has not applied yet.
    pub behind: u64,
}

#[derive(Clone, Debug)]
pub struct Replica {
    /// Log position applied.
    pub applied: u64,
    /// When its last scheduled apply happens (applies keep log order).
    last_apply: f64,
}

/// A primary, its replicas, and the reads and writes sent to them.
#[derive(Clone, Debug)]
pub struct Replication {
    scenario: Scenario,
    source: Source,
    rng: SimRng,
    metrics: Metrics,
    /// Log position of the primary: writes so far.
    head: u64,
    /// Per key: the log position of its last write.
    last_write: Vec<u64>,
    replicas: Vec<Replica>,
    partitioned: bool,
}

impl Replication {
    pub fn new(s: &Scenario) -> Replication {
        Replication {
            scenario: s.clone(),
            source: Source::new(s, true),
            rng: stream(s.run.seed, REPLICATION_STREAM),
            metrics: Metrics::new(s.run.warmup, s.run.bucket),
            head: 0,
            last_write: vec![0; s.keys.count as usize],
            replicas: vec![Replica { applied: 0, last_apply: 0.0 }; s.replication.replicas as usize],
            partitioned: false,
        }
    }

    fn schedule_next_arrival(&mut self, k: &mut K) {
        if let Some(next) = self.source.next(k.now()) {
            k.schedule(next, Event::Arrival);
        }
    }

    fn on_arrival(&mut self, k: &mut K) {
        let arrival = self.source.arrive();
        self.schedule_next_arrival(k);
        let counted = self.metrics.arrival(k.now());
        if !limits::admits(0, k.pending(), 0) {
            self.metrics.shed(k.now(), counted);
            return;
        }
        if counted {
            self.metrics.read_or_write(arrival.write);
        }
        self.replicate(k, arrival.key, arrival.write, counted);
    }
}

impl Model for Replication {
    type Event = Event;

    fn start(&mut self, k: &mut K) {
        self.schedule_next_arrival(k);
        let r = &self.scenario.replication;
        if let Some(at) = r.partition_at {
            k.schedule(at, Event::PartitionStart);
            k.schedule(at + r.partition_len, Event::PartitionEnd);
        }
    }

    #[inline]
    fn advance(&mut self, now: f64, to: f64) {
        if to > now {
            // Reads and writes take no time: nothing is ever in the system.
            self.metrics.advance(to, Levels::default());
        }
    }

    fn handle(&mut self, k: &mut K, event: Event) {
        match event {
            Event::Arrival => self.on_arrival(k),
            Event::Apply { replica, seq } => self.on_replica_apply(k, replica, seq),
            Event::PartitionStart => self.partitioned = true,
            Event::PartitionEnd => self.partitioned = false,
        }
    }

    fn tag(event: &Event) -> u64 {
        match *event {
            Event::Arrival => 1,
            Event::Apply { replica, seq } => 14 | u64::from(replica) << 8 | seq << 16,
            Event::PartitionStart => 15,
            Event::PartitionEnd => 16,
        }
    }
}

impl Observed for Replication {
    fn report(&self, _now: f64) -> Report {
        let c = &self.metrics.counts;
        let mut report = self.metrics.report(&self.scenario);
        let figures = &mut report.figures;
        figures.add("reads", Figure::Count(c.reads));
        figures.add("writes", Figure::Count(c.writes));
        figures.add("stale_ratio", Figure::Number(ratio(c.stale_reads as f64, c.reads as f64)));
        figures.add("refused", Figure::Count(c.refused));
        report
    }

    fn snapshot(&self, now: f64) -> Snapshot {
        let replicas = self
            .replicas
            .iter()
            .map(|r| ReplicaView { behind: self.head - r.applied.min(self.head) })
            .collect();
        let scene = ReplicationScene { replicas, partitioned: self.partitioned };
        Snapshot { scene: Scene::Replication(scene), ..Snapshot::empty(now) }
    }

    fn series(&self) -> &Series {
        &self.metrics.series
    }

    fn latency(&self) -> &Histogram {
        &self.metrics.latency
    }

    fn act(&mut self, k: &mut K, action: Action) -> bool {
        match action {
            Action::Spike { factor, seconds } => {
                self.source.spike(k.now(), factor, seconds);
                true
            }
            Action::KillServer(_) | Action::ReviveServer(_) | Action::FlushCache => false,
        }
    }

    fn describe(&self, _now: f64, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "in_flight=0 | head {}", self.head)?;
        for (i, r) in self.replicas.iter().enumerate() {
            write!(f, " | r{i}: {} behind", self.head - r.applied.min(self.head))?;
        }
        Ok(())
    }

    fn set_observe(&mut self, observe: Observe) {
        self.metrics.set_observe(observe);
    }
}

impl Replication {
    /// A read or write of `key`, handled at once.
    fn replicate(&mut self, k: &mut K, key: u32, write: bool, counted: bool) {
        let now = k.now();
        let lag = self.scenario.replication.lag;
        if write {
            self.head += 1;
            let seq = self.head;
            self.last_write[key as usize] = seq;
            for (i, replica) in self.replicas.iter_mut().enumerate() {
                let at = (now + exponential(&mut self.rng, lag)).max(replica.last_apply);
                replica.last_apply = at;
                k.schedule(at, Event::Apply { replica: i as u8, seq });
            }
        } else if self.scenario.replication.read_from == ReadFrom::Replica {
            let replica = &self.replicas[below(&mut self.rng, self.replicas.len())];
            if self.partitioned && self.scenario.replication.on_partition == OnPartition::Refuse {
                if counted {
                    self.metrics.counts.attempts += 1;
                    self.metrics.counts.refused += 1;
                    self.metrics.counts.dropped += 1;
                    self.metrics.departed(now, now);
                }
                return;
            }
            let stale = replica.applied < self.last_write[key as usize];
            self.metrics.counts.stale_reads += u64::from(stale && counted);
        }
        if counted {
            self.metrics.counts.attempts += 1;
            self.metrics.completed(now, 0.0, now);
            self.metrics.departed(now, now);
        }
    }

    fn on_replica_apply(&mut self, k: &mut K, replica: u8, seq: u64) {
        let partition_end =
            self.scenario.replication.partition_at.unwrap_or(0.0) + self.scenario.replication.partition_len;
        if self.partitioned {
            // Held back until the partition heals, still in log order.
            k.schedule(partition_end.max(k.now()), Event::Apply { replica, seq });
            return;
        }
        if let Some(r) = self.replicas.get_mut(replica as usize) {
            r.applied = r.applied.max(seq);
        }
    }
}
