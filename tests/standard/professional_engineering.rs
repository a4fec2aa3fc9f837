//! Course 3, Professional Software Engineering: its curriculum and the standard its weeks meet.

use super::*;

/// Each week's slug and the simulation the curriculum names for it.
pub const CURRICULUM: &[(&str, Option<&str>)] = &[
    ("programmer-to-engineer", Some("pipeline")),
    ("dev-environment", None),
    ("trunk-based-development", Some("delivery")),
    ("reading-codebases", None),
    ("layered-architecture", Some("calls")),
    ("testing-distributed-systems", Some("contention")),
    ("ci-cd-release", Some("delivery")),
    ("distributed-fundamentals", Some("calls")),
    ("schema-evolution", Some("queue")),
    ("observability-sre", Some("latency-percentiles")),
    ("performance-cost", Some("queue")),
    ("security-threats", None),
    ("ai-augmented-engineering", Some("delivery")),
    ("engineering-organization", Some("team")),
    ("architecture-defense", Some("pipeline")),
];

/// What this course asks of a week beyond the shared standard.
pub fn extra(_lesson: &Lesson, _problem: &mut dyn FnMut(String)) {}
