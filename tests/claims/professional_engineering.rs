//! Figures quoted by the Professional Software Engineering course (`content/professional-engineering`).
//! See `tests/lesson_claims.rs` for the
//! row format and how to update a row when the engine changes on purpose.

#[allow(unused_imports, reason = "a new course table may not use every form yet")]
use super::*;

#[rustfmt::skip]
pub const CLAIMS: &[Claim] = &[
];
