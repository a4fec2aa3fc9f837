//! What a view draws of the request path: every request in flight and where it is, each
//! server's queue and workers, the cache and the database, the limiter, the breaker and the
//! autoscaler. Built in time proportional to what is drawn.

use serde::Serialize;

use crate::sim::request::Stage;

/// Most requests listed in a snapshot (the total is always given).
pub const MAX_DRAWN: usize = 1000;
/// Most cache entries listed.
pub const MAX_ENTRIES: usize = 256;
/// Requests that left within this many simulated seconds are listed in `recent`, at most
/// `MAX_RECENT` of them (the newest).
pub const RECENT_WINDOW: f64 = 1.0;
pub const MAX_RECENT: usize = 200;

/// How an attempt ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Fate {
    Served,
    /// Turned away by a full queue, a dead server or an open breaker.
    Dropped,
    TimedOut,
    Failed,
    /// Turned away by the rate limiter.
    Limited,
    /// Its last allowed attempt failed.
    DeadLettered,
    /// It failed and a retry is scheduled.
    Retried,
}

/// An attempt that ended recently, for drawing each dot's fate.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct OutcomeView {
    /// The `RequestView::id` it had.
    pub id: u64,
    pub outcome: Fate,
    /// Seconds since it ended.
    pub ago: f64,
    /// The server it was sent to, if it reached the balancer.
    pub server: Option<u16>,
}

/// An attempt's end as the engine records it (`OutcomeView` with the time instead of the age).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Exit {
    pub id: u64,
    pub fate: Fate,
    pub at: f64,
    pub server: Option<u16>,
}

/// A request in flight.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RequestView {
    pub id: u64,
    pub stage: StageView,
    /// Seconds since it first arrived.
    pub age: f64,
    pub attempt: u32,
    pub key: u32,
    pub write: bool,
    pub high: bool,
}

/// Where a request is, for drawing.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "at", rename_all = "snake_case")]
pub enum StageView {
    Limiter,
    /// In `server`'s queue, `position` places from the front.
    Queue {
        server: u16,
        position: usize,
    },
    /// Served by `server`'s `worker`, `progress` from 0 to 1.
    Service {
        server: u16,
        worker: u16,
        progress: f64,
    },
    /// Sent to a dead server, waiting for its timeout.
    Hanging {
        server: u16,
    },
    Cache,
    Database,
    Backoff,
}

impl StageView {
    pub(crate) fn from_stage(stage: Stage) -> StageView {
        match stage {
            Stage::Limiter => StageView::Limiter,
            Stage::Waiting { station } => StageView::Queue { server: station, position: 0 },
            Stage::Service { station, worker } => {
                StageView::Service { server: station, worker, progress: 0.0 }
            }
            Stage::Hanging { station } => StageView::Hanging { server: station },
            Stage::Cache => StageView::Cache,
            Stage::Database => StageView::Database,
            Stage::Backoff => StageView::Backoff,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WorkerView {
    pub up: bool,
    pub busy: bool,
    pub speed: f64,
}

/// A queue with its workers: a server (or, with a shared queue, the whole pool).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ServerView {
    pub waiting: usize,
    pub busy: usize,
    pub workers: Vec<WorkerView>,
    pub up: bool,
    /// What the balancer's health checks believe.
    pub healthy: bool,
    pub completed: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CacheEntryView {
    pub slot: usize,
    pub key: u64,
    pub age: f64,
    /// Seconds until it expires (infinite without a ttl; serialized as null).
    pub expires_in: f64,
    pub hits: u64,
    pub dirty: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CacheView {
    pub len: usize,
    pub capacity: usize,
    pub hit_ratio: f64,
    pub evictions: u64,
    /// The first `MAX_ENTRIES` occupied slots.
    pub entries: Vec<CacheEntryView>,
    /// Keys with a database read in flight that others wait on (coalescing).
    pub coalescing: usize,
}

/// The request path at one moment.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct RequestScene {
    /// The first `MAX_DRAWN` requests in flight (`Snapshot::in_flight` counts them all).
    pub requests: Vec<RequestView>,
    /// Attempts that ended in the last `RECENT_WINDOW` seconds, oldest first.
    pub recent: Vec<OutcomeView>,
    pub servers: Vec<ServerView>,
    pub database: Option<ServerView>,
    pub cache: Option<CacheView>,
    /// Tokens left, requests in the bucket, or requests in the window (by algorithm).
    pub limiter_level: Option<f64>,
    pub breaker: Option<&'static str>,
    /// Autoscaling: workers ready and asked for.
    pub ready_workers: Option<u32>,
    pub pending_workers: Option<u32>,
}
