//! What each kind is, said once: a [`Descriptor`] per kind, one file each under `kinds/`,
//! read by the scenario parser (which keys a kind takes), the command line, the tests and
//! every view (controls, readouts, charts, sweep, comparison, theory note, failure buttons,
//! drawing). No view matches on the kind; `Kind::descriptor` is the only place that maps a
//! kind to its descriptor.
//!
//! The building blocks shared by several kinds (readouts, charts, failure actions, theory rows)
//! are in `kinds/parts.rs`; how figures are written for a reader is `kinds/format.rs`.

pub mod format;
pub mod parts;

pub mod autoscale;
pub mod balancer;
pub mod breaker;
pub mod cache;
pub mod calls;
pub mod estimate;
pub mod hashing;
pub mod limiter;
pub mod pipeline;
pub mod queue;
pub mod replication;
pub mod retries;

pub mod contention;
pub mod delivery;
pub mod team;

pub use format::Format;

use super::chart::Bin;
use super::models::requests::Stages;
use super::simulation::Simulation;
use super::snapshot::Snapshot;
use super::theory::{Basis, Prediction};
use super::{Outcome, Report};
use crate::scenario::{KeySpec, Problem, Scenario};

/// Everything a kind is.
pub struct Descriptor {
    /// The name in `kind = ...` and in `/embed/<name>`.
    pub name: &'static str,
    /// What it shows, in a few words.
    pub summary: &'static str,
    /// The keys it reads, by group (as docs/scenarios.md groups them). Listed explicitly: a
    /// key a kind does not list is refused with a message naming the kinds that take it.
    pub keys: &'static [Group],
    /// The controls an embed shows when its address names none.
    pub controls: &'static [&'static str],
    /// What a learner can break while it runs.
    pub actions: &'static [&'static Action],
    /// Its live charts, most telling first.
    pub charts: &'static [&'static Chart],
    /// The figures beside the run (for a computed kind, its results table).
    pub readouts: &'static [Readout],
    /// The three or four readouts (by metric) that matter most for the kind: what a compact
    /// widget (a slide, a phone, the column beside a lesson) shows without a click. Each is one
    /// of `readouts`.
    pub key_readouts: &'static [&'static str],
    /// The parameter a sweep varies, if it has one.
    pub sweep: Option<&'static Sweep>,
    /// The key a comparison varies, and the figures it sets side by side.
    pub compare: Option<&'static Compare>,
    /// The closed form beside the run, if theory covers the kind.
    pub theory: Option<Theory>,
    pub units: Units,
    pub drawing: Drawing,
    /// How a run is made.
    pub model: Family,
    /// Corrects combinations of this kind's keys that cannot hold together (after each key is
    /// read and clamped on its own), naming each correction.
    pub check: fn(&mut Scenario, &mut Vec<Problem>),
}

/// Keys that belong together (`arrivals`, `cache`, ...).
pub struct Group {
    pub name: &'static str,
    pub keys: &'static [&'static KeySpec],
}

/// How a kind's figures come about.
pub enum Family {
    /// The request path (`models::requests`) with these stages present.
    Requests(Stages),
    /// Another event simulation, built at time 0 with its first events scheduled.
    Timed(fn(&Scenario) -> Box<dyn Simulation>),
    /// A direct computation.
    Computed(fn(&Scenario) -> Outcome),
}

/// What one item is and the unit simulated time is counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Units {
    /// One item, and several: "request", "requests"; "write", "writes".
    pub item: &'static str,
    pub items: &'static str,
    pub time: TimeUnit,
}

/// The unit of simulated time (and of every duration a kind reports).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeUnit {
    Second,
    Hour,
    Day,
    Week,
}

impl TimeUnit {
    /// The unit's symbol: "s", "h", "days".
    pub fn symbol(self) -> &'static str {
        match self {
            TimeUnit::Second => "s",
            TimeUnit::Hour => "h",
            TimeUnit::Day => "days",
            TimeUnit::Week => "weeks",
        }
    }

    /// The unit in words, singular: "second", "hour", "day", "week".
    pub fn one(self) -> &'static str {
        match self {
            TimeUnit::Second => "second",
            TimeUnit::Hour => "hour",
            TimeUnit::Day => "day",
            TimeUnit::Week => "week",
        }
    }

    /// The unit in words, plural: "seconds", "hours", "days", "weeks".
    pub fn word(self) -> &'static str {
        match self {
            TimeUnit::Second => "seconds",
            TimeUnit::Hour => "hours",
            TimeUnit::Day => "days",
            TimeUnit::Week => "weeks",
        }
    }
}

impl Units {
    /// Requests, timed in seconds: most kinds.
    pub const REQUESTS: Units = Units { item: "request", items: "requests", time: TimeUnit::Second };

    /// `n` items in words: "1 change", "1,200 changes".
    pub fn count(&self, n: u64) -> String {
        format!("{} {}", format::format_count(n), if n == 1 { self.item } else { self.items })
    }
}

/// How the canvas draws a kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Drawing {
    /// Clients → limiter → servers with queues and workers → cache → database.
    Path,
    /// The cache as a grid of its slots, beside the database.
    Slots,
    /// A primary and its replicas, each with how far behind it is.
    Replicas,
    /// Nothing animated: the inputs and a table of results.
    Table,
    /// A tree of services level by level, and the slowest request's waterfall.
    CallTree,
    /// Shared records, the writers in their read → gap → write, lost updates flashing.
    Records,
    /// Changes as dots through review, CI, merge, batch and deploy to production.
    Delivery,
    /// Stocks over weeks, revealed week by week: remaining work, capacity, people and debt
    /// (a computed kind's curve, `team`).
    Stocks,
}

/// One figure beside a run: a report figure by its JSON name, labelled and formatted.
#[derive(Clone, Copy, Debug)]
pub struct Readout {
    /// The figure's name in the report (and in the command line's JSON); the widget's test id
    /// is `readout-<metric>`.
    pub metric: &'static str,
    pub label: &'static str,
    pub format: Format,
}

impl Readout {
    /// The figure in `report`, written for a reader (0 when the run does not report it yet).
    pub fn show(&self, report: &Report, units: &Units) -> String {
        self.format.show(report.metric(self.metric).unwrap_or(0.0), units)
    }

    /// The figure in a computed kind's outcome, written for a reader; a dash when the outcome
    /// has none (a team whose work is not done has no finish week, which is not week 0).
    pub fn show_outcome(&self, outcome: &Outcome, units: &Units) -> String {
        outcome.metric(self.metric).map_or_else(|| "—".to_string(), |x| self.format.show(x, units))
    }
}

/// The colour family of a chart line (the view maps each to its palette).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Accent,
    Good,
    Warm,
    Bad,
    Muted,
}

/// One line of a chart: a series value by name (see `crate::sim::chart::Bin::read`).
#[derive(Clone, Copy, Debug)]
pub struct Line {
    pub name: &'static str,
    pub series: &'static str,
    pub tone: Tone,
    pub dashed: bool,
}

/// A chart's y axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    /// Durations, in the kind's time unit (ms below a second).
    Duration,
    /// Items per unit of time ("requests / s").
    Rate,
    /// A count of things at a time ("requests", "workers").
    Level(&'static str),
    /// A percentage, 0 to 100 ("hits (%)").
    Percent(&'static str),
}

/// A live chart of the run's time series.
pub struct Chart {
    /// The canvas's test id, e.g. `chart-latency`.
    pub id: &'static str,
    pub title: &'static str,
    /// What it shows, for a screen reader (the latest figures are added when drawn).
    pub description: &'static str,
    pub axis: Axis,
    pub lines: &'static [Line],
    /// Whether it applies to a scenario (a pipeline without a cache has no hit ratio).
    pub shown: fn(&Scenario) -> bool,
}

impl Chart {
    /// Each line's value in `bin`, in the chart's units (durations in seconds).
    pub fn values(&self, bin: &Bin) -> Vec<Option<f64>> {
        self.lines.iter().map(|line| bin.read(line.series)).collect()
    }
}

/// Something a learner can break while a run plays. It is written into the scenario as keys
/// that take effect from the current time, so a shared link replays it.
pub struct Action {
    /// The button's test id, e.g. `kill-server`.
    pub id: &'static str,
    /// The button's text, given the run as drawn now.
    pub label: fn(&Snapshot) -> &'static str,
    /// The keys to set, given the scenario and the run as drawn now (at `snapshot.time`).
    pub changes: fn(&Scenario, &Snapshot) -> Vec<(&'static str, String)>,
}

/// What a comparison varies: the widget's scenario runs again beside itself with only this
/// key changed, on identical arrivals.
pub struct Compare {
    /// The key (a choice; every other value it takes is offered).
    pub key: &'static str,
    /// The figures set side by side.
    pub rows: &'static [Readout],
}

/// A sweep: the scenario run at a dozen values of one key, drawn as a curve.
pub struct Sweep {
    pub key: &'static str,
    /// The values to run, as scenario text.
    pub values: fn(&Scenario) -> Vec<String>,
    /// Where a run sits on the x axis, in percent.
    pub x: fn(&Scenario) -> f64,
    pub x_desc: &'static str,
    pub axis: Axis,
    /// The measured lines (report figures by name); the first is the one a click highlights.
    pub lines: &'static [SweepLine],
    /// The line theory predicts, if any: its legend and the predicted figure.
    pub theory: Option<(&'static str, fn(&Prediction) -> Option<f64>)>,
    /// A run's button text and accessible name.
    pub label: fn(&Scenario, &Report, bool) -> (String, String),
    /// What the sweep does, before any run (given the number of runs).
    pub intro: fn(usize) -> String,
    /// The chart's accessible name, given the number of runs.
    pub chart_label: fn(usize) -> String,
}

/// One measured line of a sweep.
#[derive(Clone, Copy, Debug)]
pub struct SweepLine {
    pub name: &'static str,
    pub metric: &'static str,
    pub tone: Tone,
}

/// The closed form a kind's widget compares with its run.
#[derive(Clone, Copy)]
pub struct Theory {
    pub predict: fn(&Scenario) -> Option<Prediction>,
    /// The rows the note compares, where the prediction has the figure.
    pub rows: &'static [&'static TheoryRow],
    /// How the prediction comes by its basis.
    pub footing: Footing,
}

/// How a kind's prediction comes by its basis (exact, approximation, none: docs/theory.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Footing {
    /// The formula judges each scenario itself: its basis, what the scenario has that the
    /// model leaves out, and the notes on the arrivals (the queue kinds' forms, retries).
    Own,
    /// Always this basis; the arrival features no formula includes (bursts, a spike, evenly
    /// spaced arrivals) are listed as what differs, with a note on each.
    Always(Basis),
}

/// One row of the theory note: a predicted figure beside the run's own.
pub struct TheoryRow {
    pub label: &'static str,
    pub predicted: fn(&Prediction) -> Option<f64>,
    /// The run's own figure.
    pub measured: fn(&Report) -> f64,
    pub format: Format,
}

impl Descriptor {
    /// The key `name` as this kind reads it.
    pub fn key(&self, name: &str) -> Option<&'static KeySpec> {
        self.all_keys().find(|spec| spec.name == name)
    }

    /// Whether this kind reads `spec` (that very entry).
    pub fn uses(&self, spec: &KeySpec) -> bool {
        self.all_keys().any(|mine| std::ptr::eq(mine, spec))
    }

    /// Every key this kind reads, group by group.
    pub fn all_keys(&self) -> impl Iterator<Item = &'static KeySpec> + '_ {
        self.keys.iter().flat_map(|group| group.keys.iter().copied())
    }

    /// Whether this kind is an event simulation (not a direct computation).
    pub fn is_timed(&self) -> bool {
        matches!(self.model, Family::Requests(_) | Family::Timed(_))
    }

    /// The charts that apply to `scenario`.
    pub fn charts_for(&self, scenario: &Scenario) -> Vec<&'static Chart> {
        self.charts.iter().copied().filter(|chart| (chart.shown)(scenario)).collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::scenario::{Kind, Scenario};

    #[test]
    fn a_figure_a_computed_run_lacks_is_a_dash_not_zero() {
        // Regression: a team that never finished showed "work done in week 0.0".
        let shown = |text: &str| {
            let scenario = Scenario::parse(text).scenario;
            let outcome = crate::sim::run(&scenario, 0).expect("a computed kind always runs");
            let descriptor = Kind::Team.descriptor();
            let readout =
                descriptor.readouts.iter().find(|r| r.metric == "finish_week").expect("finish_week");
            readout.show_outcome(&outcome, &descriptor.units)
        };
        assert_eq!(shown("kind=team people=2 work=100000 weeks=10"), "—");
        assert_eq!(shown("kind=team people=4 work=20"), "6.0");
    }
}
