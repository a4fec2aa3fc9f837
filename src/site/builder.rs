//! The embed builder (`embed/`): for instructors, a form that makes an embed's address and
//! iframe code, with a live preview at slide size, and the lessons' ready-made scenarios.
//!
//! Without JavaScript the page lists the ready-made scenarios as links to their embeds and
//! says how an embed address is made; the island (in the widget module) adds the form.

use maud::{Markup, html};

use super::{Page, Route, Site, chrome};
use crate::{
    content::{Block, Setup, SimBlock, front_matter, links, markdown},
    islands::{Island, Preset},
};

/// The ready-made scenarios: (course, lesson, the lesson step's settings, what it shows). Each
/// is the lesson's widget with those settings, so an instructor shows what the lesson teaches.
const PRESETS: &[(&str, &str, &str, &str)] = &[
    ("system-design", "load-balancing", "policy = round_robin", "A slow server under round robin"),
    ("system-design", "load-balancing", "policy = least_conn", "The same servers under least connections"),
    ("system-design", "caching", "ttl_jitter = 0", "A cache stampede when every entry expires at once"),
    ("system-design", "caching", "ttl_jitter = 0.5", "The stampede spread out by TTL jitter"),
    ("system-design", "consistency", "max_retries = 3", "A retry storm after a burst"),
    (
        "system-design",
        "consistency",
        "max_retries = 3, retry_budget = 0.1",
        "The storm held back by a retry budget",
    ),
    ("system-design", "fault-tolerance", "breaker_failures = 5", "A circuit breaker during an outage"),
    ("system-design", "rate-limiting", "algorithm = token_bucket", "Bursts against a token bucket"),
    ("system-design", "cap-theorem", "on_partition = serve_stale", "A network partition: serve stale reads"),
    ("system-design", "sync-vs-async", "rate = 0.9", "One server at 90 % load"),
    ("system-design", "scale-up-vs-out", "provision_time = 30", "An autoscaler meeting a spike"),
    ("system-design", "replication", "lag = 1", "Replica lag and stale reads"),
];

pub fn page(site: &Site) -> Page {
    let mut problems = Vec::new();
    let presets = presets(site, &mut problems);
    let island = Island::EmbedBuilder { presets: presets.clone() };
    let body = html! {
        div.page.builder {
            h1 { "Embed a simulation" }
            p.lead {
                "Put a live, seeded simulation in your slides or course pages. Choose what it runs and what your audience can change, "
                "check it in the preview at slide size, then copy the iframe code or the link."
            }
            (chrome::island(&island, prerendered(&presets)))
        }
    };
    Page {
        title: "Embed a simulation".into(),
        description: "Make an embed of a Headroom simulation for slides: its settings, controls, theme and start time, with a live preview.".into(),
        route: Route::Builder,
        body: chrome::site("embed/", body),
        problems,
    }
}

/// What the page shows before (or without) the app: the ready-made scenarios as links, and how
/// an address is made.
fn prerendered(presets: &[Preset]) -> Markup {
    html! {
        section.builder-presets aria-labelledby="presets-title" {
            h2 #presets-title { "Ready-made scenarios from the lessons" }
            ul.presets data-testid="presets" {
                @for preset in presets {
                    li {
                        a href=(preset.href()) { (preset.title) }
                        " "
                        span.muted { "from " a href=(preset.lesson.1) { (preset.lesson.0) } }
                    }
                }
            }
        }
        noscript {
            p {
                "An embed's address is " code { "embed/<kind>/?key=value&…" } " with the scenario's keys (docs/scenarios.md), and "
                code { "theme=light|dark" } ", " code { "controls=key,key" } " (or " code { "none" } ") and " code { "t=" } " (seconds to open at). "
                "Turn on JavaScript to build one here with a preview."
            }
        }
    }
}

/// The ready-made scenarios, each read from its lesson's widget. A lesson that moved or a
/// setting it no longer takes is a build problem; a course the site does not have is skipped.
fn presets(site: &Site, problems: &mut Vec<String>) -> Vec<Preset> {
    let mut presets = Vec::new();
    for &(course, lesson, settings, title) in PRESETS {
        if site.catalog.course(course).is_none() {
            continue; // a site without that course (a test's)
        }
        let Some(entry) = site.catalog.lesson(course, lesson) else {
            problems.push(format!("embed builder: the lesson {course}/{lesson} is not in the catalog"));
            continue;
        };
        let Some(sim) = (site.source)(course, lesson).and_then(|source| first_sim(&source, course, lesson))
        else {
            problems.push(format!("embed builder: {course}/{lesson} has no ```sim block"));
            continue;
        };
        let setup = match Setup::parse(&format!("setup: {settings}")) {
            Some(Ok(setup)) => setup,
            _ => {
                problems.push(format!("embed builder: `{settings}` is not a setup"));
                continue;
            }
        };
        let found = setup.problems(&sim);
        if !found.is_empty() {
            problems.extend(found.into_iter().map(|p| format!("embed builder, {course}/{lesson}: {p}")));
            continue;
        }
        let scenario = setup.scenario(&sim);
        presets.push(Preset {
            title: title.to_string(),
            lesson: (entry.front.title.clone(), links::lesson_href(course, lesson)),
            kind: scenario.kind.name().to_string(),
            query: scenario.to_query(),
            controls: sim.controls.clone(),
        });
    }
    presets
}

fn first_sim(source: &str, course: &str, lesson: &str) -> Option<SimBlock> {
    markdown::render(front_matter::body(source), course, lesson).blocks.into_iter().find_map(|b| match b {
        Block::Sim(sim) => Some(sim),
        _ => None,
    })
}
