//! Which footing a prediction stands on, and what the scenario has that its model leaves out.
//! The queue kinds' forms and retries set both themselves (`Footing::Own` in their
//! descriptors); `settle` fills them in for the kinds whose descriptor gives one basis.

use serde::Serialize;

use super::Prediction;
use crate::scenario::{Arrival, Scenario};

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

/// Sets `basis`, and `differs` with a note on each arrival feature, for a kind whose
/// descriptor gives its formula one footing whatever the scenario (`Footing::Always`).
pub fn settle(s: &Scenario, basis: Basis, p: &mut Prediction) {
    let mut differs = Vec::new();
    if s.kind.is_timed() {
        super::arrival_notes(s, &mut p.notes);
        differs = arrival_differs(s);
        if s.arrivals.pattern == Arrival::Constant {
            differs.push("evenly spaced arrivals".into());
        }
    }
    p.basis = basis;
    p.differs = differs;
}

/// Retries: independent failures give exhaustion and attempts exactly, whatever the timing of
/// the arrivals; timeouts, a full queue, an outage or a budget feed back into the retries that
/// cause them, and then nothing closed fits.
pub fn retries(s: &Scenario, p: &mut Prediction) {
    let t = &s.servers;
    let loops = [
        (t.timeout.is_some(), "timeouts that cause retries"),
        (t.queue_cap.is_some(), "a full queue that causes retries"),
        (t.outage_at.is_some(), "an outage"),
        (s.retries.budget.is_some(), "a retry budget"),
    ];
    let differs: Vec<String> =
        loops.iter().filter(|(present, _)| *present).map(|(_, what)| (*what).to_string()).collect();
    if differs.is_empty() {
        p.basis = Basis::Exact;
        p.differs = Vec::new();
    } else {
        let mut all = arrival_differs(s);
        if s.arrivals.pattern == Arrival::Constant {
            all.push("evenly spaced arrivals".into());
        }
        all.extend(differs);
        (p.dead_letter_ratio, p.mean_attempts, p.utilization) = (None, None, None);
        p.notes.push(NO_CLOSED_FORM.into());
        p.basis = Basis::None;
        p.differs = all;
    }
}
