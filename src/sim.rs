//! The simulation engine (being written).
