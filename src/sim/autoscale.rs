//! A target-tracking autoscaler. Every `interval` seconds it compares the utilization observed
//! over the ready instances with the target and sizes the fleet to
//! `desired = ceil(ready · observed / target)`, clamped to `[min, max]` (the rule of Kubernetes'
//! horizontal pod autoscaler and of target tracking policies).
//!
//! - Within `tolerance` of the target (relative), nothing changes, so noise does not flap.
//! - Scaling out requests instances that become ready `provisioning_delay` seconds later;
//!   instances already pending count toward the desired size.
//! - Scaling in first cancels pending instances (the latest requested first), then removes
//!   ready ones at once; it waits until `scale_in_cooldown` seconds have passed since the last
//!   scaling action of either kind.

use std::collections::VecDeque;
use std::fmt;

/// The largest fleet.
pub const MAX_INSTANCES: u32 = 10_000;

/// Slack so that `ceil` of a product that should be an integer does not round up.
const EPSILON: f64 = 1e-9;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AutoscaleConfig {
    /// Utilization to aim for, in `(0, 1]`.
    pub target_utilization: f64,
    /// Relative dead band: no change while `|observed / target - 1| <= tolerance`.
    pub tolerance: f64,
    pub min_instances: u32,
    pub max_instances: u32,
    /// Seconds between evaluations.
    pub interval: f64,
    /// Seconds from requesting an instance to it serving.
    pub provisioning_delay: f64,
    /// Seconds after any scaling action before a scale-in is allowed.
    pub scale_in_cooldown: f64,
}

/// The outcome of [`Autoscaler::evaluate`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScaleDecision {
    /// The next evaluation is not due yet.
    NotDue,
    /// Evaluated; no change.
    Hold,
    /// This many instances were requested; they become ready after the provisioning delay.
    ScaleOut(u32),
    /// `cancelled` pending instances were called off and `removed` ready ones retired; the
    /// engine takes the removed ones out of service.
    ScaleIn { removed: u32, cancelled: u32 },
}

/// The controller and the fleet size it manages.
#[derive(Clone, Debug)]
pub struct Autoscaler {
    config: AutoscaleConfig,
    ready: u32,
    /// Ready times of requested instances, earliest first.
    pending: VecDeque<f64>,
    next_evaluation: f64,
    last_action: f64,
}

impl Autoscaler {
    /// Starts with `initial` ready instances (clamped to `[min, max]`) and evaluates first at
    /// time 0. Clamps: target to `[0.01, 1]`, tolerance to `[0, 1]`, `1 <= min <= max <=
    /// MAX_INSTANCES`, times to `[0, 1e9]` (the interval to at least 1 ms).
    pub fn new(config: AutoscaleConfig, initial: u32) -> Self {
        let min_instances = config.min_instances.clamp(1, MAX_INSTANCES);
        let seconds = |t: f64| t.max(0.0).min(1e9);
        let config = AutoscaleConfig {
            target_utilization: config.target_utilization.max(0.01).min(1.0),
            tolerance: config.tolerance.max(0.0).min(1.0),
            min_instances,
            max_instances: config.max_instances.clamp(min_instances, MAX_INSTANCES),
            interval: seconds(config.interval).max(1e-3),
            provisioning_delay: seconds(config.provisioning_delay),
            scale_in_cooldown: seconds(config.scale_in_cooldown),
        };
        Autoscaler {
            ready: initial.clamp(config.min_instances, config.max_instances),
            config,
            pending: VecDeque::new(),
            next_evaluation: 0.0,
            last_action: f64::NEG_INFINITY,
        }
    }

    pub fn config(&self) -> &AutoscaleConfig {
        &self.config
    }

    /// Makes the pending instances due by `now` ready and returns how many there were.
    pub fn advance(&mut self, now: f64) -> u32 {
        let mut arrived = 0;
        while self.pending.front().is_some_and(|&t| t <= now) {
            self.pending.pop_front();
            arrived += 1;
        }
        self.ready += arrived;
        arrived
    }

    /// Advances to `now`, then, if an evaluation is due, sizes the fleet for the utilization
    /// observed over the ready instances (a fraction; above 1 means a backlog). A non-finite
    /// observation holds.
    pub fn evaluate(&mut self, now: f64, observed_utilization: f64) -> ScaleDecision {
        self.advance(now);
        if now < self.next_evaluation {
            return ScaleDecision::NotDue;
        }
        self.next_evaluation = now + self.config.interval;
        let ratio = observed_utilization / self.config.target_utilization;
        if !ratio.is_finite() || (ratio - 1.0).abs() <= self.config.tolerance {
            return ScaleDecision::Hold;
        }
        let desired = (f64::from(self.ready) * ratio.max(0.0) - EPSILON).ceil();
        let desired = (desired as u32).clamp(self.config.min_instances, self.config.max_instances);
        let total = self.ready + self.pending();
        if desired > total {
            let ready_at = now + self.config.provisioning_delay;
            self.pending.extend(std::iter::repeat_n(ready_at, (desired - total) as usize));
            self.last_action = now;
            ScaleDecision::ScaleOut(desired - total)
        } else if desired < total && now - self.last_action >= self.config.scale_in_cooldown {
            let cancelled = (total - desired).min(self.pending());
            self.pending.truncate(self.pending.len() - cancelled as usize);
            let removed = total - desired - cancelled;
            self.ready -= removed;
            self.last_action = now;
            ScaleDecision::ScaleIn { removed, cancelled }
        } else {
            ScaleDecision::Hold
        }
    }

    /// Instances serving.
    pub fn ready(&self) -> u32 {
        self.ready
    }

    /// Instances requested and not yet ready.
    pub fn pending(&self) -> u32 {
        self.pending.len() as u32
    }

    /// When the next pending instance becomes ready, if any (for the engine's event queue).
    pub fn next_ready_at(&self) -> Option<f64> {
        self.pending.front().copied()
    }

    /// When the next evaluation is due.
    pub fn next_evaluation_at(&self) -> f64 {
        self.next_evaluation
    }
}

impl fmt::Display for Autoscaler {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "autoscaler: {} ready, {} pending", self.ready, self.pending())
    }
}
