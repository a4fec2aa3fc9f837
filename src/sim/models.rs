//! The model families that plug into the kernel.

pub mod estimate;
pub mod hashing;
pub mod requests;
