//! Replication: a primary and read replicas that apply its log after a lag.
//!
//! Writes go to the primary, which numbers them; each replica applies the log in order, each
//! write an exponential lag after it was made (never before the write before it). A read at a
//! replica is stale when the replica has not yet applied the last write to that key. While
//! partitioned, replicas apply nothing; a read there is served stale or refused
//! (`on_partition`). Reads and writes take no time: this model measures freshness and
//! availability, not latency.

use super::EventKind;
use super::{K, RequestPath};
use crate::scenario::{OnPartition, ReadFrom, Scenario};
use crate::sim::dist::exponential;
use crate::sim::rng::below;

#[derive(Clone, Debug)]
pub(super) struct Replica {
    /// Log position applied.
    pub applied: u64,
    /// When its last scheduled apply happens (applies keep log order).
    last_apply: f64,
}

#[derive(Clone, Debug)]
pub(super) struct Replication {
    /// Log position of the primary: writes so far.
    pub head: u64,
    /// Per key: the log position of its last write.
    last_write: Vec<u64>,
    pub replicas: Vec<Replica>,
    pub partitioned: bool,
}

impl Replication {
    pub fn new(s: &Scenario) -> Replication {
        Replication {
            head: 0,
            last_write: vec![0; s.keys.count as usize],
            replicas: vec![Replica { applied: 0, last_apply: 0.0 }; s.replication.replicas as usize],
            partitioned: false,
        }
    }
}

impl RequestPath {
    /// A read or write of `key`, handled at once.
    pub(super) fn replicate(&mut self, k: &mut K, key: u32, write: bool, counted: bool) {
        let now = k.now();
        let lag = self.scenario.replication.lag;
        let Some(rep) = &mut self.replication else {
            return;
        };
        if write {
            rep.head += 1;
            let seq = rep.head;
            rep.last_write[key as usize] = seq;
            let mut applies = Vec::with_capacity(rep.replicas.len());
            for (i, replica) in rep.replicas.iter_mut().enumerate() {
                let at = (now + exponential(&mut self.rng.replication, lag)).max(replica.last_apply);
                replica.last_apply = at;
                applies.push((at, EventKind::ReplicaApply { replica: i as u8, seq }));
            }
            for (at, kind) in applies {
                k.schedule(at, kind);
            }
        } else if self.scenario.replication.read_from == ReadFrom::Replica {
            let replica = &rep.replicas[below(&mut self.rng.replication, rep.replicas.len())];
            if rep.partitioned && self.scenario.replication.on_partition == OnPartition::Refuse {
                if counted {
                    self.metrics.counts.attempts += 1;
                    self.metrics.counts.refused += 1;
                    self.metrics.counts.dropped += 1;
                    self.metrics.departed(now, now);
                }
                return;
            }
            let stale = replica.applied < rep.last_write[key as usize];
            self.metrics.counts.stale_reads += u64::from(stale && counted);
        }
        if counted {
            self.metrics.counts.attempts += 1;
            self.metrics.completed(now, 0.0, now);
            self.metrics.departed(now, now);
        }
    }

    pub(super) fn on_replica_apply(&mut self, k: &mut K, replica: u8, seq: u64) {
        let partition_end =
            self.scenario.replication.partition_at.unwrap_or(0.0) + self.scenario.replication.partition_len;
        let Some(rep) = &mut self.replication else {
            return;
        };
        if rep.partitioned {
            // Held back until the partition heals, still in log order.
            k.schedule(partition_end.max(k.now()), EventKind::ReplicaApply { replica, seq });
            return;
        }
        if let Some(r) = rep.replicas.get_mut(replica as usize) {
            r.applied = r.applied.max(seq);
        }
    }

    pub(super) fn on_partition(&mut self, starts: bool) {
        if let Some(rep) = &mut self.replication {
            rep.partitioned = starts;
        }
    }
}
