//! Which footing a prediction stands on, and what the scenario has that its model leaves out.
//! The queue kinds' forms set both themselves; `settle` fills them in for the other kinds.

use serde::Serialize;

use super::Prediction;
use crate::scenario::{Arrival, Kind, Scenario};

/// How a prediction's figures relate to the run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The model's assumptions are the scenario's: a long run converges to these figures.
    Exact,
    /// A formula whose typical error docs/theory.md states.
    Approximation,
    /// No formula fits: the figures are left out ("no closed form: use the sweep").
    #[default]
    None,
}

/// The sentence for a scenario no formula fits.
pub const NO_CLOSED_FORM: &str = "No closed form: use the sweep.";

/// The arrival features no queue formula here includes, in a few words each.
pub fn arrival_differs(s: &Scenario) -> Vec<String> {
    let mut differs = Vec::new();
    if s.arrivals.pattern == Arrival::Bursty {
        differs.push("arrivals in bursts".into());
    }
    if s.arrivals.spike_at.is_some() {
        differs.push("a traffic spike".into());
    }
    differs
}

/// Sets `basis` and `differs` for the kinds whose predictions are built in `theory.rs` and
/// `caches`.
pub fn settle(s: &Scenario, p: &mut Prediction) {
    let mut differs = arrival_differs(s);
    if s.arrivals.pattern == Arrival::Constant {
        differs.push("evenly spaced arrivals".into());
    }
    p.basis = match s.kind {
        Kind::Queue | Kind::Balancer => return,
        // Expectations over ring placements: exact on average.
        Kind::Hashing => Basis::Exact,
        Kind::Retries => {
            let t = &s.servers;
            let loops = [
                (t.timeout.is_some(), "timeouts that cause retries"),
                (t.queue_cap.is_some(), "a full queue that causes retries"),
                (t.outage_at.is_some(), "an outage"),
                (s.retries.budget.is_some(), "a retry budget"),
            ];
            for (present, what) in loops {
                if present {
                    differs.push(what.into());
                }
            }
            if loops.iter().any(|(present, _)| *present) {
                // Retries feed back into the load that causes them: nothing closed fits.
                (p.dead_letter_ratio, p.mean_attempts, p.utilization) = (None, None, None);
                p.notes.push(NO_CLOSED_FORM.into());
                Basis::None
            } else {
                // Independent failures: exhaustion and attempts are exact whatever the timing.
                differs.clear();
                Basis::Exact
            }
        }
        // A long-run bound, Che's approximation, a lag model, a sizing rule.
        Kind::Limiter | Kind::Cache | Kind::Replication | Kind::Autoscale => Basis::Approximation,
        Kind::Breaker | Kind::Pipeline | Kind::Estimate => Basis::None,
    };
    p.differs = differs;
}
