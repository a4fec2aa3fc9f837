//! The scenario format (being written).
