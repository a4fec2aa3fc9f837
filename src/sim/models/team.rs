//! A team over weeks (kind = team): stocks and flows, computed week by week, not simulated.
//! A model, not a law: every assumption is stated here, in docs/scenarios.md ("Team") and on
//! the widget ([`ASSUMPTIONS`]).
//!
//! Each week `t` (0, 1, 2, ...):
//! - the team is `people`, plus `hires` from week `hire_week` on;
//! - a person hired `s` weeks ago produces `min(1, x / ramp_weeks)` of a person-week at age
//!   `x`, averaged over the week (`(s + 0.5) / ramp_weeks` while the whole week is in the
//!   ramp), and while ramping costs the mentors `mentoring` of a person-week;
//! - `n` people have `n (n - 1) / 2` communication paths, each costing `path_cost`
//!   person-weeks;
//! - what is left (never below 0) first pays the debt's interest, `interest × debt` (time lost
//!   working around it; what the team cannot pay is added to the debt); then `invest` of the
//!   rest pays the debt down, while there is debt; the rest goes to the work.
//!
//! The work is done in the week the remaining work reaches 0, at the point in that week found by
//! linear interpolation; at most `weeks` weeks are computed.

use serde::Serialize;

use crate::scenario::Team as Inputs;

/// The debt stays below this (person-weeks), so that compounding never reaches infinity.
pub const MAX_DEBT: f64 = 1e15;

/// What the widget says under the curve, so the model's assumptions stay on screen.
pub const ASSUMPTIONS: &str = "A model, not a law. Each person does one person-week a week; a \
     new person starts at nothing and reaches full output linearly over the ramp-up, costing \
     the mentors a share of a week meanwhile; every pair of people is a communication path \
     costing the same share of a week; debt costs its interest in lost time each week, and the \
     invested share pays it down. No one leaves, the work is fixed and every week is alike.";

/// One week of the curve: the state at the end of week `week` (week 0 is the start).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Week {
    pub week: u64,
    /// People on the team during the week.
    pub people: u64,
    /// Person-weeks of work left at the end of the week.
    pub remaining: f64,
    /// Person-weeks that went to the work this week (the effective capacity).
    pub capacity: f64,
    /// Person-weeks lost this week to mentoring and communication.
    pub overhead: f64,
    /// Technical debt at the end of the week, person-weeks.
    pub debt: f64,
}

/// The figures of a team run.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TeamReport {
    /// The week (with its fraction) the work is done; `None` if not within `weeks`.
    pub finish_week: Option<f64>,
    /// Whether the work was done within the weeks computed.
    pub finished: bool,
    /// Weeks computed (up to the finish, at most `weeks`).
    pub weeks_computed: u64,
    /// People at the end.
    pub people_end: u64,
    /// Communication paths at the end: n (n - 1) / 2.
    pub paths: u64,
    /// Capacity going to the work in the last week computed, person-weeks a week.
    pub capacity_end: f64,
    /// The most and the least capacity of any week computed.
    pub capacity_peak: f64,
    pub capacity_low: f64,
    /// Person-weeks lost, in all, to mentoring, to communication, to the debt's interest, and
    /// invested in paying it down.
    pub mentoring_total: f64,
    pub communication_total: f64,
    pub interest_total: f64,
    pub invested_total: f64,
    /// Technical debt at the end, person-weeks.
    pub debt_end: f64,
    /// Work left at the end (0 when finished).
    pub remaining_end: f64,
    /// Week by week, starting with week 0 (the state at the start).
    pub curve: Vec<Week>,
}

/// The output of one person hired `age` weeks ago, averaged over the week: the ramp
/// `min(1, x / ramp)` integrated from `age` to `age + 1`.
pub fn ramp_output(age: f64, ramp: f64) -> f64 {
    if ramp <= 0.0 || age >= ramp {
        1.0
    } else if age + 1.0 <= ramp {
        (age + 0.5) / ramp
    } else {
        // Ramping up for part of the week, full for the rest.
        (ramp * ramp - age * age) / (2.0 * ramp) + (age + 1.0 - ramp)
    }
}

/// The share of the week a person hired `age` weeks ago is still ramping up.
fn ramping_share(age: f64, ramp: f64) -> f64 {
    (ramp - age).clamp(0.0, 1.0)
}

/// Communication paths between `n` people.
pub fn paths(n: u64) -> u64 {
    n.saturating_mul(n.saturating_sub(1)) / 2
}

/// Computes the team's weeks until the work is done or `weeks` have passed.
pub fn team(inputs: &Inputs) -> TeamReport {
    let t = inputs;
    let horizon = t.weeks.clamp(1, 1040);
    let mut remaining = t.work.max(0.0);
    let mut debt = t.debt.max(0.0);
    let mut curve = Vec::with_capacity(64.min(horizon as usize + 1));
    curve.push(Week { week: 0, people: t.people, remaining, capacity: 0.0, overhead: 0.0, debt });
    let mut report = TeamReport {
        finish_week: if remaining <= 0.0 { Some(0.0) } else { None },
        finished: remaining <= 0.0,
        weeks_computed: 0,
        people_end: t.people,
        paths: paths(t.people),
        capacity_end: 0.0,
        capacity_peak: 0.0,
        capacity_low: f64::INFINITY,
        mentoring_total: 0.0,
        communication_total: 0.0,
        interest_total: 0.0,
        invested_total: 0.0,
        debt_end: debt,
        remaining_end: remaining,
        curve: Vec::new(),
    };
    let mut week = 0;
    while !report.finished && week < horizon {
        let hired = if week >= t.hire_week { t.hires } else { 0 };
        let n = t.people + hired;
        let age = (week - t.hire_week.min(week)) as f64;
        let (output, ramping) = if hired > 0 {
            (hired as f64 * ramp_output(age, t.ramp_weeks), hired as f64 * ramping_share(age, t.ramp_weeks))
        } else {
            (0.0, 0.0)
        };
        let mentoring = ramping * t.mentoring;
        let communication = paths(n) as f64 * t.path_cost;
        let gross = (t.people as f64 + output - mentoring - communication).max(0.0);
        let interest = debt * t.interest;
        let paid = interest.min(gross);
        debt = (debt + interest - paid).min(MAX_DEBT);
        let left = gross - paid;
        let invested = (left * t.invest).min(debt);
        debt -= invested;
        let capacity = left - invested;
        let before = remaining;
        remaining = (remaining - capacity).max(0.0);
        week += 1;
        if remaining <= 0.0 {
            report.finished = true;
            // `capacity > 0` here, since `before > 0`.
            report.finish_week = Some((week - 1) as f64 + before / capacity);
        }
        report.mentoring_total += mentoring;
        report.communication_total += communication;
        report.interest_total += paid;
        report.invested_total += invested;
        report.capacity_peak = report.capacity_peak.max(capacity);
        report.capacity_low = report.capacity_low.min(capacity);
        report.capacity_end = capacity;
        report.people_end = n;
        report.paths = paths(n);
        curve.push(Week { week, people: n, remaining, capacity, overhead: mentoring + communication, debt });
    }
    if !report.capacity_low.is_finite() {
        report.capacity_low = 0.0;
    }
    report.weeks_computed = week;
    report.debt_end = debt;
    report.remaining_end = remaining;
    report.curve = curve;
    report
}

/// What the canvas draws at week `week` of a run: the curve up to that week, scaled to the
/// whole run, and the run without the hires beside it (dashed), so that a learner sees whether
/// the hires helped.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TeamScene {
    /// Weeks 0 to `week` of the curve (week 0 alone before the first step).
    pub shown: Vec<Week>,
    /// Weeks in the whole run.
    pub weeks: u64,
    /// The x axis: the longer of the run and the run without its hires.
    pub axis_weeks: u64,
    /// The whole run's largest remaining work, debt, people and capacity: the y axes.
    pub work_max: f64,
    pub debt_max: f64,
    pub people_max: u64,
    pub capacity_max: f64,
    /// The finish, once the curve has reached it.
    pub finish_week: Option<f64>,
    /// Whether the whole run finishes within its weeks (shown once the curve is drawn out).
    pub finished: bool,
    /// Remaining work week by week without the hires (empty when there are none), and when
    /// that run finishes.
    pub without_hires: Vec<f64>,
    pub without_finish: Option<f64>,
    /// The week the hires join, if there are any and they join within the run.
    pub hire_week: Option<u64>,
    /// How far a new person has ramped up in the week shown (their output that week, 0 to 1).
    pub ramped: f64,
}

impl TeamScene {
    /// Whether the whole curve is shown.
    pub fn done(&self) -> bool {
        self.shown.last().is_none_or(|w| w.week >= self.weeks)
    }
}

/// The run without its hires, for the dashed comparison (`None` when it has none).
pub fn without_hires(inputs: &Inputs) -> Option<TeamReport> {
    (inputs.hires > 0).then(|| team(&Inputs { hires: 0, ..inputs.clone() }))
}

/// The scene at `week` (clamped to the run), given the run and the run without its hires.
pub fn scene(inputs: &Inputs, report: &TeamReport, without: Option<&TeamReport>, week: u64) -> TeamScene {
    let upto = (week as usize).min(report.curve.len().saturating_sub(1));
    let shown: Vec<Week> = report.curve.iter().take(upto + 1).copied().collect();
    let max = |f: fn(&Week) -> f64| report.curve.iter().map(f).fold(0.0, f64::max);
    let weeks = report.weeks_computed;
    let reached = shown.last().is_some_and(|w| w.week >= weeks);
    TeamScene {
        weeks,
        axis_weeks: weeks.max(without.map_or(0, |r| r.weeks_computed)).max(1),
        work_max: max(|w| w.remaining),
        debt_max: max(|w| w.debt),
        people_max: report.curve.iter().map(|w| w.people).max().unwrap_or(0),
        capacity_max: max(|w| w.capacity),
        finish_week: if reached { report.finish_week } else { None },
        finished: report.finished,
        without_hires: without.map(|r| r.curve.iter().map(|w| w.remaining).collect()).unwrap_or_default(),
        without_finish: without.and_then(|r| r.finish_week),
        ramped: shown.last().filter(|w| w.week > inputs.hire_week).map_or(0.0, |w| {
            ramp_output((w.week - 1 - inputs.hire_week) as f64, inputs.ramp_weeks)
        }),
        hire_week: (inputs.hires > 0 && inputs.hire_week < weeks.max(1)).then_some(inputs.hire_week),
        shown,
    }
}
