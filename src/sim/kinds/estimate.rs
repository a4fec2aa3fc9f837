//! `estimate`: a back-of-the-envelope calculator from a few assumptions to request rates,
//! storage, bandwidth and model cost. Computed, not simulated.

use super::{Descriptor, Drawing, Family, Format, Group, Readout, Units, parts::no_check};
use crate::scenario::keys::*;
use crate::sim::Outcome;
use crate::sim::models::estimate::estimate;

pub static ESTIMATE: Descriptor = Descriptor {
    name: "estimate",
    summary: "request rates, storage, bandwidth and model cost from a few assumptions",
    keys: &[Group {
        name: "estimate",
        keys: &[
            &DAILY_USERS,
            &REQUESTS_PER_USER,
            &PEAK_FACTOR,
            &READ_WRITE_RATIO,
            &RECORD_BYTES,
            &REPLICATION_FACTOR,
            &RETENTION_DAYS,
            &RESPONSE_BYTES,
            &MODEL_SHARE,
            &TOKENS_IN,
            &TOKENS_OUT,
            &PRICE_IN,
            &PRICE_OUT,
        ],
    }],
    controls: &["daily_users", "requests_per_user"],
    actions: &[],
    charts: &[],
    readouts: &[
        Readout {
            metric: "requests_per_second",
            label: "requests per second (average)",
            format: Format::Whole,
        },
        Readout {
            metric: "peak_requests_per_second",
            label: "requests per second (peak)",
            format: Format::Whole,
        },
        Readout { metric: "reads_per_second", label: "reads per second", format: Format::Whole },
        Readout { metric: "writes_per_second", label: "writes per second", format: Format::Whole },
        Readout { metric: "storage_bytes_per_day", label: "storage per day", format: Format::Si("B") },
        Readout { metric: "storage_bytes_total", label: "storage in all", format: Format::Si("B") },
        Readout {
            metric: "bandwidth_bytes_per_second",
            label: "bandwidth (average)",
            format: Format::Si("B/s"),
        },
        Readout { metric: "tokens_in_per_day", label: "model tokens in per day", format: Format::Si("") },
        Readout { metric: "tokens_out_per_day", label: "model tokens out per day", format: Format::Si("") },
        Readout { metric: "dollars_per_day", label: "model cost per day", format: Format::Dollars },
        Readout { metric: "dollars_per_month", label: "model cost per month", format: Format::Dollars },
    ],
    key_readouts: &["requests_per_second", "peak_requests_per_second", "storage_bytes_total"],
    sweep: None,
    compare: None,
    theory: None,
    units: Units::REQUESTS,
    drawing: Drawing::Table,
    model: Family::Computed(|s| Outcome::Estimate(estimate(&s.estimate))),
    check: no_check,
};
