//! Course 2, Systems Thinking for People Who Build with AI: its curriculum and the standard
//! its modules meet.

use super::*;

/// Each module's slug and the simulation the curriculum names for it.
pub const CURRICULUM: &[(&str, Option<&str>)] = &[
    ("demo-vs-system", Some("estimation")),
    ("everything-is-a-system", Some("pipeline")),
    ("where-code-runs", Some("estimation")),
    ("steering-ai-code-changes", Some("delivery")),
    ("history-and-tests", Some("delivery")),
    ("state-and-data", Some("cache")),
    ("apis-and-contracts", Some("calls")),
    ("failure-and-concurrency", Some("contention")),
    ("security-basics", Some("rate-limiter")),
    ("architecture-choices", Some("calls")),
    ("shipping-and-operating", Some("delivery")),
    ("scale-and-cost", Some("rate-limiter")),
];

/// What this course asks of a module beyond the shared standard.
pub fn extra(_lesson: &Lesson, _problem: &mut dyn FnMut(String)) {}
