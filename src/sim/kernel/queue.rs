//! The event queue: a binary heap ordered by (time, sequence number), so that events at the
//! same simulated time run in the order they were scheduled, on every platform.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use crate::sim::float::min;
use crate::sim::request::ReqRef;

/// What happens at an event. Small and `Copy`: a job's details live with its server.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventKind {
    /// The next client request arrives.
    Arrival,
    /// A server's worker finishes its job (`epoch` tells a stale event from a current one).
    ServiceDone {
        station: u16,
        worker: u16,
        epoch: u32,
    },
    /// A database worker finishes its job.
    DatabaseDone {
        worker: u16,
        epoch: u32,
    },
    /// The client's timeout for one attempt runs out.
    Timeout(ReqRef),
    /// A backoff ends: the request's next attempt starts.
    Retry(ReqRef),
    /// A leaky bucket releases a request it held.
    Released(ReqRef),
    /// A cache round trip ends: the request is answered.
    Answered(ReqRef),
    /// Write-back: a key's write reaches the database.
    Flush {
        key: u32,
    },
    /// The balancer checks every server.
    HealthCheck,
    /// The autoscaler decides; or a worker it asked for is ready.
    ScaleCheck,
    Provisioned,
    /// The scenario's outage starts or ends.
    OutageStart,
    OutageEnd,
    /// Replication: a replica applies the primary's log up to `seq`.
    ReplicaApply {
        replica: u8,
        seq: u64,
    },
    PartitionStart,
    PartitionEnd,
    /// The scenario empties the cache (`clear_at`).
    CacheClear,
}

impl EventKind {
    /// A small number per variant, for the trace hash.
    pub fn tag(&self) -> u64 {
        match *self {
            EventKind::Arrival => 1,
            EventKind::ServiceDone { station, worker, epoch } => {
                2 | u64::from(station) << 8 | u64::from(worker) << 24 | u64::from(epoch) << 40
            }
            EventKind::DatabaseDone { worker, epoch } => 3 | u64::from(worker) << 8 | u64::from(epoch) << 24,
            EventKind::Timeout(r) => 4 | r.bits() << 8,
            EventKind::Retry(r) => 5 | r.bits() << 8,
            EventKind::Released(r) => 6 | r.bits() << 8,
            EventKind::Answered(r) => 7 | r.bits() << 8,
            EventKind::Flush { key } => 8 | u64::from(key) << 8,
            EventKind::HealthCheck => 9,
            EventKind::ScaleCheck => 10,
            EventKind::Provisioned => 11,
            EventKind::OutageStart => 12,
            EventKind::OutageEnd => 13,
            EventKind::ReplicaApply { replica, seq } => 14 | u64::from(replica) << 8 | seq << 16,
            EventKind::PartitionStart => 15,
            EventKind::PartitionEnd => 16,
            EventKind::CacheClear => 17,
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub struct Event {
    pub time: f64,
    pub seq: u64,
    pub kind: EventKind,
}

impl PartialEq for Event {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Event {}

impl PartialOrd for Event {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Event {
    /// Reversed, so the max-heap pops the earliest (time, seq) first. Times are never negative
    /// or NaN, so their bit patterns order like the numbers.
    fn cmp(&self, other: &Self) -> Ordering {
        (other.time.to_bits(), other.seq).cmp(&(self.time.to_bits(), self.seq))
    }
}

/// Pending events, earliest first.
#[derive(Clone, Debug, Default)]
pub struct EventQueue {
    heap: BinaryHeap<Event>,
    next_seq: u64,
}

impl EventQueue {
    /// Schedules `kind` at `time` (clamped to be finite and not negative).
    #[inline]
    pub fn push(&mut self, time: f64, kind: EventKind) {
        let time = if time >= 0.0 { min(time, f64::MAX) } else { 0.0 };
        self.heap.push(Event { time, seq: self.next_seq, kind });
        self.next_seq += 1;
    }

    #[inline]
    pub fn pop(&mut self) -> Option<Event> {
        self.heap.pop()
    }

    pub fn peek_time(&self) -> Option<f64> {
        self.heap.peek().map(|event| event.time)
    }

    pub fn len(&self) -> usize {
        self.heap.len()
    }

    pub fn is_empty(&self) -> bool {
        self.heap.is_empty()
    }
}
