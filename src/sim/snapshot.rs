//! What a view needs to draw a run at one moment: the time, how many items are in flight, the
//! figures so far, and the model's own picture ([`Scene`]), each model's defined with it.

use serde::Serialize;

use super::models::contention::ContentionScene;
use super::models::delivery::DeliveryScene;
use super::models::calls::CallsScene;
use super::models::replication::ReplicationScene;
use super::models::requests::scene::RequestScene;
use super::report::Report;

/// A model's own picture of the moment.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "model", rename_all = "snake_case")]
pub enum Scene {
    /// Nothing to draw (a computed kind).
    Empty,
    Requests(Box<RequestScene>),
    Replication(ReplicationScene),
    Contention(ContentionScene),
    Delivery(Box<DeliveryScene>),
    Calls(Box<CallsScene>),
}

/// Everything a view draws.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Snapshot {
    pub time: f64,
    /// Items in the system now (requests, for the request path).
    pub in_flight: usize,
    pub report: Report,
    pub scene: Scene,
}

impl Snapshot {
    /// A snapshot at `now` with nothing in it.
    pub fn empty(now: f64) -> Snapshot {
        Snapshot { time: now, in_flight: 0, report: Report::default(), scene: Scene::Empty }
    }

    /// The request path's picture, if this is one.
    pub fn request_path(&self) -> Option<&RequestScene> {
        match &self.scene {
            Scene::Requests(scene) => Some(scene),
            _ => None,
        }
    }

    /// Replication's picture, if this is one.
    pub fn replication(&self) -> Option<&ReplicationScene> {
        match &self.scene {
            Scene::Replication(scene) => Some(scene),
            _ => None,
        }
    }

    /// Contention's picture, if this is one.
    pub fn contention(&self) -> Option<&ContentionScene> {
        match &self.scene {
            Scene::Contention(scene) => Some(scene),
            _ => None,
        }
    }
    /// A delivery pipeline's picture, if this is one.
    pub fn delivery(&self) -> Option<&DeliveryScene> {
        match &self.scene {
            Scene::Delivery(scene) => Some(scene),
            _ => None,
        }
    }

    /// The calls kind's picture, if this is one.
    pub fn calls(&self) -> Option<&CallsScene> {
        match &self.scene {
            Scene::Calls(scene) => Some(scene),
            _ => None,
        }
    }
}
