//! The kernel: what every simulation shares, whatever it models.

pub mod queue;
