//! The request path's events. Small and `Copy`: a job's details live with its server.

use crate::sim::request::ReqRef;

/// What happens at an event.
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
    /// The scenario empties the cache (`clear_at`).
    CacheClear,
}

impl EventKind {
    /// A small number per variant, for the trace hash.
    #[inline]
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
            // 14 to 16 were replication's, before it became its own model.
            EventKind::CacheClear => 17,
        }
    }
}
