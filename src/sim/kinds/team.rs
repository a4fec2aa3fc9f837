//! `team`: stocks and flows over weeks: people, hires with a ramp-up and its mentoring cost,
//! communication paths, remaining work and technical debt. Computed week by week, drawn as it
//! unfolds.

use super::{Descriptor, Drawing, Family, Format, Group, Readout, TimeUnit, Units, parts::no_check};
use crate::scenario::keys::*;
use crate::sim::Outcome;
use crate::sim::models::team::team;

pub static TEAM: Descriptor = Descriptor {
    name: "team",
    summary: "a team over weeks: hires and their ramp-up, communication paths, remaining work and technical debt",
    keys: &[Group {
        name: "team",
        keys: &[
            &PEOPLE,
            &HIRES,
            &HIRE_WEEK,
            &RAMP_WEEKS,
            &MENTORING,
            &PATH_COST,
            &WORK,
            &DEBT,
            &INTEREST,
            &INVEST,
            &WEEKS,
        ],
    }],
    controls: &["people", "hires", "work"],
    actions: &[],
    charts: &[],
    readouts: &[
        Readout { metric: "finish_week", label: "work done in week", format: Format::Decimal(1) },
        Readout { metric: "capacity_end", label: "capacity at the end (a week)", format: Format::Decimal(1) },
        Readout { metric: "people_end", label: "people at the end", format: Format::Count },
        Readout { metric: "paths", label: "communication paths at the end", format: Format::Count },
        Readout { metric: "debt_end", label: "debt at the end", format: Format::Decimal(1) },
        Readout {
            metric: "mentoring_total",
            label: "person-weeks spent mentoring",
            format: Format::Decimal(1),
        },
        Readout {
            metric: "communication_total",
            label: "person-weeks spent communicating",
            format: Format::Decimal(1),
        },
        Readout {
            metric: "interest_total",
            label: "person-weeks lost to the debt",
            format: Format::Decimal(1),
        },
        Readout {
            metric: "invested_total",
            label: "person-weeks paying the debt down",
            format: Format::Decimal(1),
        },
        Readout { metric: "weeks_computed", label: "weeks computed", format: Format::Count },
    ],
    key_readouts: &["finish_week", "capacity_end", "people_end", "debt_end"],
    sweep: None,
    compare: None,
    theory: None,
    units: Units { item: "person-week", items: "person-weeks", time: TimeUnit::Week },
    drawing: Drawing::Stocks,
    model: Family::Computed(|s| Outcome::Team(team(&s.team))),
    check: no_check,
};
