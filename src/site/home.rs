//! The home page: what the site is, where to start (or continue), the courses, and the
//! learner's progress tools.

use maud::{Markup, html};

use super::{Page, Route, Site, chrome, counted};
use crate::{
    content::{Block, Catalog, Course, Page as PageKind, links, markdown},
    islands::{Island, PageRef},
    scenario::Scenario,
    storage::lesson_id,
};

pub fn page(site: &Site) -> Page {
    let catalog = site.catalog;
    let first = catalog.courses.iter().find_map(|c| c.lessons().next().map(|l| (c, l)));
    let pages = catalog
        .courses
        .iter()
        .flat_map(|c| {
            c.lessons().map(move |l| PageRef {
                id: lesson_id(&c.slug, &l.slug),
                title: l.front.title.clone(),
                reference: l.front.page == PageKind::Reference,
            })
        })
        .collect();
    let start = first.map(|(course, lesson)| {
        let island = Island::Continue {
            start: (lesson_id(&course.slug, &lesson.slug), lesson.front.title.clone()),
            pages,
        };
        chrome::island(
            &island,
            html! {
                a.continue data-testid="start" href=(links::lesson_href(&course.slug, &lesson.slug)) {
                    span.muted { "New here? Start with the first lesson" }
                    strong { (lesson.front.title) }
                }
            },
        )
    });
    let (live, lessons) = live_lessons(site);
    let body = html! {
        div.page.home {
            section.hero {
                h1 { "Learn system design by running it" }
                p.lead data-testid="home-claim" {
                    (live) " of the " (lessons) " lessons sit beside a live simulation of the thing they explain: caches, load balancers, queues, rate limiters. "
                    "Guess what will happen, move a slider, and watch the numbers prove you right or wrong."
                }
            }
            @if let Some(start) = start { (start) }
            section aria-labelledby="courses-title" {
                h2 #courses-title { "Courses" }
                div.course-grid {
                    @for course in &catalog.courses { (card(course)) }
                }
            }
            section.instructors aria-labelledby="instructors-title" {
                h2 #instructors-title { "For instructors" }
                p {
                    "Every simulation can run in your slides. "
                    a.builder-link href="embed/" data-testid="builder-link" { "Embed a simulation" }
                    ": choose its settings and what your audience may change, preview it at slide size, and copy the iframe code."
                }
            }
            (progress_panel())
        }
    };
    Page {
        title: "Headroom".into(),
        description: "Learn system design by running it: lessons beside live, seeded simulations of caches, load balancers, queues and rate limiters.".into(),
        route: Route::Home,
        body: chrome::site("", body),
        problems: Vec::new(),
    }
}

/// How many lessons have a live (timed) simulation, and how many lessons there are (reference
/// pages aside), counted from the lessons themselves so the home page's claim stays true.
pub fn live_lessons(site: &Site) -> (usize, usize) {
    let catalog: &Catalog = site.catalog;
    let mut counts = (0, 0);
    for course in &catalog.courses {
        for lesson in counted(course) {
            counts.1 += 1;
            let Some(source) = (site.source)(&course.slug, &lesson.slug) else { continue };
            let rendered =
                markdown::render(crate::content::front_matter::body(&source), &course.slug, &lesson.slug);
            let live = rendered.blocks.iter().any(|block| match block {
                Block::Sim(sim) => Scenario::parse(&sim.scenario).scenario.kind.is_timed(),
                _ => false,
            });
            counts.0 += usize::from(live);
        }
    }
    counts
}

/// A course on the home page, with its completion.
fn card(course: &Course) -> Markup {
    let lessons: Vec<String> = counted(course).map(|l| lesson_id(&course.slug, &l.slug)).collect();
    let total = lessons.len();
    html! {
        article.course-card data-testid={ "course-" (course.slug) } {
            h3 { a href=(links::course_href(&course.slug)) { (course.title) } }
            p { (course.summary) }
            @if total == 0 {
                p.muted data-testid="course-progress" { "Lessons in preparation" }
            } @else {
                (chrome::island(&Island::CourseProgress { lessons, hours: None }, status(0, total, None)))
            }
        }
    }
}

/// A course's completion as the app also draws it: a bar and "n of N lessons complete".
pub fn status(done: usize, total: usize, hours: Option<u32>) -> Markup {
    html! {
        @if hours.is_none() {
            progress.bar max=(total) value=(done) aria-hidden="true" {}
        }
        p.muted data-testid="course-progress" {
            (done) " of " (total) " lessons complete"
            @if let Some(h) = hours { " · about " (h) " hours in all" }
        }
    }
}

/// Export, import and reset: prerendered as the app draws them, live once it arrives.
fn progress_panel() -> Markup {
    chrome::island(
        &Island::ProgressPanel,
        html! {
            section.progress-panel #your-progress {
                h2 { "Your progress" }
                p.muted { "Progress is kept in this browser only. Export it to keep a copy or to move to another browser." }
                div.actions {
                    button type="button" disabled data-testid="export" { "Export progress" }
                    label.button { "Import progress" }
                    button.danger type="button" disabled data-testid="reset" { "Reset progress" }
                }
                p role="status" data-testid="progress-message" {}
            }
        },
    )
}
