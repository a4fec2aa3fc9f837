//! Course 1, System Design: its curriculum and the standard its lessons meet.

use super::*;

/// Course 1 as the curriculum defines it: each lesson's slug and the simulation it carries.
pub const CURRICULUM: &[(&str, Option<&str>)] = &[
    ("scalability-performance-reliability", None),
    ("latency-throughput", Some("latency-percentiles")),
    ("cap-theorem", Some("replication")),
    ("back-of-the-envelope", Some("estimation")),
    ("networking-basics", None),
    ("monolith-vs-microservices", None),
    ("api-design", None),
    ("storage-types", None),
    ("caching", Some("cache")),
    ("cdns", Some("cache")),
    ("load-balancing", Some("load-balancer")),
    ("rate-limiting", Some("rate-limiter")),
    ("schema-design", None),
    ("indexes", None),
    ("normalization", None),
    ("transactions", None),
    ("id-generation", None),
    ("choosing-storage", None),
    ("scale-up-vs-out", Some("autoscaling")),
    ("replication", Some("replication")),
    ("sharding", Some("consistent-hashing")),
    ("consistency", Some("retries")),
    ("distributed-transactions", None),
    ("fault-tolerance", Some("circuit-breaker")),
    ("disaster-recovery", None),
    ("sync-vs-async", Some("queue")),
    ("event-driven", Some("queue")),
    ("coordination", None),
    ("docker", None),
    ("orchestration", Some("autoscaling")),
    ("ci-cd", None),
    ("deployment-strategies", None),
    ("context-management", Some("estimation")),
    ("rag", None),
    ("ai-agents", Some("queue")),
    ("agent-harness", None),
    ("coding-agent-patterns", None),
    ("zero-trust", None),
    ("ai-security", None),
    ("observability", Some("latency-percentiles")),
    ("clarifying-requirements", None),
    ("build-vs-buy", None),
    ("simplicity-vs-scale", Some("pipeline")),
    ("cost-of-complexity", None),
    ("what-diagrams-miss", None),
    ("operational-excellence", None),
    ("design-interview", None),
    ("url-shortener", Some("pipeline")),
    ("global-rate-limiter", Some("pipeline")),
    ("notification-system", Some("pipeline")),
    ("chat-app", Some("pipeline")),
    ("news-feed", Some("pipeline")),
    ("video-streaming", Some("pipeline")),
    ("file-storage", Some("pipeline")),
    ("rag-support-bot", Some("pipeline")),
    ("typeahead", Some("pipeline")),
    ("web-crawler", Some("pipeline")),
    ("key-value-store", Some("pipeline")),
    ("payments", Some("pipeline")),
];

/// The case studies that ask the learner to estimate and sketch before the page explains.
const CASE_STUDIES: &[&str] = &[
    "url-shortener",
    "global-rate-limiter",
    "notification-system",
    "chat-app",
    "news-feed",
    "video-streaming",
    "file-storage",
    "rag-support-bot",
    "typeahead",
    "web-crawler",
    "key-value-store",
    "payments",
];

/// What this course asks of a lesson beyond the shared standard: something to do before the
/// check (a widget or a graded prediction), and case studies that ask before they tell.
pub fn extra(lesson: &Lesson, problem: &mut dyn FnMut(String)) {
    if !is_interactive(lesson.blocks) {
        problem(
            "no interactive piece: add a ```sim or a ```predict block before the text that answers it".into(),
        );
    }
    if CASE_STUDIES.contains(&lesson.slug) {
        case_study_asks_first(lesson, problem);
    }
}

/// A case study asks for at least two estimates, and a sketch whose reference design sits in a
/// `<details>` block, all before its first simulation.
fn case_study_asks_first(lesson: &Lesson, problem: &mut dyn FnMut(String)) {
    let first_sim =
        lesson.blocks.iter().position(|b| matches!(b, Block::Sim(_))).unwrap_or(lesson.blocks.len());
    let predictions =
        lesson.blocks[..first_sim].iter().filter(|b| matches!(b, Block::Predict(Ok(_)))).count();
    if predictions < 2 {
        problem(format!(
            "a case study asks for estimates first: {predictions} ```predict blocks before the simulation, expected at least 2"
        ));
    }
    let sim_at = lesson.body.find("```sim").unwrap_or(lesson.body.len());
    if !lesson.body[..sim_at].contains("<details><summary>Reference design") {
        problem("a case study asks for a sketch first: no `<details><summary>Reference design` before the simulation".into());
    }
}
