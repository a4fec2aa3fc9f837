//! Figures quoted by the Systems Thinking course (`content/systems-thinking`).
//! See `tests/lesson_claims.rs` for the
//! row format and how to update a row when the engine changes on purpose.

#[allow(unused_imports, reason = "a new course table may not use every form yet")]
use super::*;

#[rustfmt::skip]
pub const CLAIMS: &[Claim] = &[
    // demo-vs-system: "3.5 a second on average" (worked by hand on the page, shown by the calculator)
    ("demo-vs-system", "", "requests_per_second", About(3.5, 0.05)),
    // 1. "About 10 a second at peak (3.5 on average, times three)"
    ("demo-vs-system", "", "peak_requests_per_second", About(10.0, 0.5)),
    // 2. "The peak is about 104 requests a second."
    ("demo-vs-system", "daily_users=100000", "peak_requests_per_second", About(104.0, 0.5)),
    // 3. "About 100 MB a day and 36.5 GB over the year"
    ("demo-vs-system", "", "storage_bytes_per_day", Percent(100e6, EXACT)),
    ("demo-vs-system", "", "storage_bytes_total", Percent(36.5e9, EXACT)),
];
