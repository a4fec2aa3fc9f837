//! Course 2, Systems Thinking for People Who Build with AI: its curriculum and the standard
//! its modules meet.

use super::*;

/// Each module's slug and the simulation it carries: the curriculum's, except where noted.
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
    // The curriculum names `delivery`, a kind still to be built; until it lands the module runs a
    // balancer whose outage stands in for a bad release.
    ("shipping-and-operating", Some("load-balancer")),
    ("scale-and-cost", Some("rate-limiter")),
];

/// The simulation kind that runs each of the curriculum's simulation names.
const KINDS: &[(&str, &str)] = &[
    ("estimation", "estimate"),
    ("pipeline", "pipeline"),
    ("cache", "cache"),
    ("rate-limiter", "limiter"),
    ("load-balancer", "balancer"),
    ("replication", "replication"),
    ("queue", "queue"),
    ("retries", "retries"),
    ("delivery", "delivery"),
    ("contention", "contention"),
    ("calls", "calls"),
];

/// What this course asks of a module beyond the shared standard: something to do before the
/// check (a widget or a graded prediction), a sim block of the kind its front matter names, and a
/// link to the Course 1 lesson that covers the same ground in depth.
pub fn extra(lesson: &Lesson, problem: &mut dyn FnMut(String)) {
    if !is_interactive(lesson.blocks) {
        problem("no ```sim or ```predict block: every module has something to do before its check".into());
    }
    if let Some(simulation) = lesson.front.simulation.as_deref() {
        let kinds: Vec<&str> = lesson
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Sim(sim) => {
                    Some(headroom::scenario::Scenario::parse(&sim.scenario).scenario.kind.name())
                }
                _ => None,
            })
            .collect();
        match KINDS.iter().find(|(name, _)| *name == simulation) {
            Some((_, kind)) if kinds.contains(kind) => {}
            Some((_, kind)) => {
                problem(format!("`simulation = \"{simulation}\"` but no sim block has `kind = {kind}`"))
            }
            None => problem(format!("`simulation = \"{simulation}\"` is not a kind that exists yet")),
        }
    }
    let course_1 = markdown::links(lesson.body).iter().any(|link| link.starts_with("../system-design/"));
    if !course_1 {
        problem(
            "links to no Course 1 lesson (`../system-design/<slug>`) that covers the same ground in depth"
                .into(),
        );
    }
}
