//! `hashing`: how evenly a consistent-hashing ring spreads keys, and how many move when a
//! server joins. Computed, not simulated.

use super::{
    Descriptor, Drawing, Family, Footing, Format, Group, Readout, Units, parts::no_check, parts::theory,
};
use crate::scenario::keys::*;
use crate::sim::models::hashing::hashing;
use crate::sim::theory::Basis;
use crate::sim::{Outcome, theory};

pub static HASHING: Descriptor = Descriptor {
    name: "hashing",
    summary: "keys spread over a consistent-hashing ring",
    keys: &[
        Group { name: "run", keys: &[&SEED] },
        Group { name: "servers", keys: &[&SERVER_COUNT] },
        Group { name: "balancer", keys: &[&VNODES] },
        Group { name: "keys", keys: &[&KEY_COUNT, &ZIPF] },
    ],
    controls: &["servers", "vnodes"],
    actions: &[],
    charts: &[],
    readouts: &[
        Readout { metric: "max_over_mean", label: "busiest server ÷ average", format: Format::Decimal(2) },
        Readout {
            metric: "cv",
            label: "spread of load (coefficient of variation)",
            format: Format::Decimal(3),
        },
        Readout {
            metric: "expected_cv",
            label: "expected spread, √((S−1)/(S·V+1))",
            format: Format::Decimal(3),
        },
        Readout {
            metric: "moved_on_join",
            label: "keys that move when a server joins",
            format: Format::Percent,
        },
        Readout { metric: "moved_mod_n", label: "keys that move with hash mod N", format: Format::Percent },
    ],
    key_readouts: &["max_over_mean", "cv", "moved_on_join"],
    sweep: None,
    compare: None,
    // Expectations over ring placements: exact on average.
    theory: Some(theory(|s| Some(theory::hashing(s)), Footing::Always(Basis::Exact))),
    units: Units::REQUESTS,
    drawing: Drawing::Table,
    model: Family::Computed(|s| Outcome::Hashing(hashing(s))),
    check: no_check,
};
