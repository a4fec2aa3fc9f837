//! What one run may hold at once, so that its memory is bounded whatever its scenario: a run
//! that would exceed a limit turns new arrivals away ("sheds" them), counts them, and says so
//! (`shed` in its report, a notice beside the widget). The limits are far above anything a
//! lesson runs; they bind only for deliberately hostile scenarios such as
//! `kind=queue rate=1000000 service_time=10000 requests=0`.
//!
//! At these limits a run holds at most about 40 MB: 100,000 requests (~64 bytes each, plus
//! their place in a queue), 500,000 pending events (32 bytes each) and 200,000 queued jobs,
//! with room for the vectors' growth.

/// Requests in the system at once.
pub const MAX_IN_FLIGHT: usize = 100_000;
/// Events scheduled and not yet processed (stale timeouts included).
pub const MAX_PENDING: usize = 500_000;
/// Jobs held in queues at once (a queue also keeps abandoned jobs until it compacts).
pub const MAX_QUEUED: usize = 200_000;

/// Whether a run holding `in_flight` requests, `pending` events and `queued` jobs may take one
/// more arrival.
#[inline]
pub fn admits(in_flight: usize, pending: usize, queued: usize) -> bool {
    in_flight < MAX_IN_FLIGHT && pending < MAX_PENDING && queued < MAX_QUEUED
}
