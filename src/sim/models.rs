//! The model families that plug into the kernel.

pub mod requests;
