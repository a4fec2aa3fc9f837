//! The lesson standard's checkable parts (docs/authoring.md, the curriculum): objectives, prose
//! length, a check of 2-5 questions, the simulation the curriculum names with its "Try this"
//! experiments, and further reading.

#[path = "support/lessons.rs"]
mod lessons;

use headroom::content::{Block, front_matter, markdown};
use lessons::{assert_no_problems, files};

/// Course 1 as the curriculum defines it: each lesson's slug and the simulation it carries.
const SYSTEM_DESIGN: &[(&str, Option<&str>)] = &[
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
    ("choosing-storage", None),
    ("scale-up-vs-out", Some("autoscaling")),
    ("replication", Some("replication")),
    ("sharding", Some("consistent-hashing")),
    ("consistency", Some("retries")),
    ("fault-tolerance", Some("circuit-breaker")),
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
    ("url-shortener", Some("pipeline")),
    ("global-rate-limiter", Some("pipeline")),
    ("notification-system", Some("pipeline")),
    ("chat-app", Some("pipeline")),
    ("news-feed", Some("pipeline")),
    ("video-streaming", Some("pipeline")),
    ("file-storage", Some("pipeline")),
    ("rag-support-bot", Some("pipeline")),
];

const WORDS: std::ops::RangeInclusive<usize> = 500..=1200;
const QUESTIONS: std::ops::RangeInclusive<usize> = 2..=5;
const EXPERIMENTS: std::ops::RangeInclusive<usize> = 2..=4;

/// The items of the list right under a `## title` heading.
fn list_items_under(body: &str, title: &str) -> Option<usize> {
    let start = body.find(&format!("\n## {title}\n"))?;
    let section = &body[start + title.len() + 5..];
    let section = section.find("\n## ").map_or(section, |end| &section[..end]);
    let items = section
        .lines()
        .filter(|l| {
            l.starts_with("- ")
                || l.starts_with("* ")
                || l.split_once(". ").is_some_and(|(n, _)| n.parse::<u32>().is_ok())
        })
        .count();
    Some(items)
}

#[test]
fn every_lesson_meets_the_standard() {
    let mut problems = Vec::new();
    for file in files().into_iter().filter(|f| f.course == "system-design") {
        let name = file.name();
        let mut problem = |p: String| problems.push(format!("{name}: {p}"));
        let Ok(front) = front_matter::parse(&file.source) else {
            continue; // content_lint reports it
        };
        let body = front_matter::body(&file.source);
        let Some((_, simulation)) = SYSTEM_DESIGN.iter().find(|(slug, _)| *slug == file.slug) else {
            problem("not a lesson of the curriculum".into());
            continue;
        };
        if front.simulation.as_deref() != *simulation {
            problem(format!(
                "front matter `simulation` is {:?}, the curriculum says {simulation:?}",
                front.simulation
            ));
        }
        let words = markdown::prose_word_count(body);
        if !WORDS.contains(&words) {
            problem(format!("{words} words of prose, expected {WORDS:?}"));
        }
        let blocks = markdown::render(body, &file.course, &file.slug).blocks;
        let questions: usize = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Quiz(Ok(quiz)) => Some(quiz.questions.len()),
                _ => None,
            })
            .sum();
        if !QUESTIONS.contains(&questions) {
            problem(format!("{questions} quiz questions, expected {QUESTIONS:?}"));
        }
        let sims = blocks.iter().filter(|b| matches!(b, Block::Sim(_))).count();
        if simulation.is_some() {
            if sims == 0 {
                problem("the curriculum names a simulation but there is no ```sim block".into());
            }
            match list_items_under(body, "Try this") {
                Some(n) if EXPERIMENTS.contains(&n) => {}
                Some(n) => problem(format!("{n} experiments under `## Try this`, expected {EXPERIMENTS:?}")),
                None => problem("no `## Try this` section".into()),
            }
        }
        match list_items_under(body, "Further reading") {
            Some(n) if n >= 1 => {}
            _ => problem("no list under `## Further reading`".into()),
        }
    }
    assert_no_problems("lesson standard", &problems);
}

#[test]
fn the_curriculum_table_has_each_lesson_once() {
    let mut slugs: Vec<&str> = SYSTEM_DESIGN.iter().map(|(s, _)| *s).collect();
    slugs.sort_unstable();
    slugs.dedup();
    assert_eq!(slugs.len(), 50);
}
