//! Back-of-the-envelope estimates (kind = estimate): a pure function from a few assumptions
//! to request rates, storage, bandwidth, model tokens and their cost. Formulas:
//! docs/scenarios.md, "Estimate".

use serde::Serialize;

use crate::scenario::Estimate as Inputs;

const SECONDS_PER_DAY: f64 = 86_400.0;
const DAYS_PER_MONTH: f64 = 30.0;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Estimate {
    pub requests_per_day: f64,
    pub requests_per_second: f64,
    pub peak_requests_per_second: f64,
    pub reads_per_second: f64,
    pub writes_per_second: f64,
    pub storage_bytes_per_day: f64,
    pub storage_bytes_total: f64,
    pub bandwidth_bytes_per_second: f64,
    pub peak_bandwidth_bytes_per_second: f64,
    pub model_calls_per_day: f64,
    pub tokens_in_per_day: f64,
    pub tokens_out_per_day: f64,
    pub dollars_per_day: f64,
    pub dollars_per_month: f64,
}

pub fn estimate(inputs: &Inputs) -> Estimate {
    let e = inputs;
    let requests_per_day = e.daily_users * e.requests_per_user;
    let requests_per_second = requests_per_day / SECONDS_PER_DAY;
    let write_share = 1.0 / (e.read_write_ratio + 1.0);
    let writes_per_day = requests_per_day * write_share;
    let storage_bytes_per_day = writes_per_day * e.record_bytes * e.replication_factor;
    let model_calls_per_day = requests_per_day * e.model_share;
    let tokens_in_per_day = model_calls_per_day * e.tokens_in;
    let tokens_out_per_day = model_calls_per_day * e.tokens_out;
    let dollars_per_day = tokens_in_per_day / 1e6 * e.price_in + tokens_out_per_day / 1e6 * e.price_out;
    Estimate {
        requests_per_day,
        requests_per_second,
        peak_requests_per_second: requests_per_second * e.peak_factor,
        reads_per_second: requests_per_second * (1.0 - write_share),
        writes_per_second: requests_per_second * write_share,
        storage_bytes_per_day,
        storage_bytes_total: storage_bytes_per_day * e.retention_days,
        bandwidth_bytes_per_second: requests_per_second * e.response_bytes,
        peak_bandwidth_bytes_per_second: requests_per_second * e.peak_factor * e.response_bytes,
        model_calls_per_day,
        tokens_in_per_day,
        tokens_out_per_day,
        dollars_per_day,
        dollars_per_month: dollars_per_day * DAYS_PER_MONTH,
    }
}
