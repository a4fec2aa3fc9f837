//! A lesson page (or a reference or review page): header, objectives, table of contents, the
//! body's blocks, and the footer with "mark complete" and the neighbours.

use maud::{Markup, html};

use super::{Page, Route, Site, blocks, chrome, print};
use crate::{
    content::{Block, Course, Lesson, Page as PageKind, front_matter, links, markdown},
    islands::Island,
    storage::lesson_id,
};

pub fn page(site: &Site, course: &Course, lesson: &Lesson) -> Page {
    let id = lesson_id(&course.slug, &lesson.slug);
    let path = links::lesson_href(&course.slug, &lesson.slug);
    let mut problems = Vec::new();
    let rendered = match (site.source)(&course.slug, &lesson.slug) {
        Some(source) => markdown::render(front_matter::body(&source), &course.slug, &lesson.slug),
        None => {
            problems.push("the lesson's markdown is missing".to_string());
            Default::default()
        }
    };
    problems.extend(rendered.problems.iter().cloned());
    let body = blocks::render(site, course, lesson, &rendered.blocks, &mut problems);
    let section = course.sections.iter().find(|s| s.lessons.iter().any(|l| l.slug == lesson.slug));
    let (prev, next) = course.neighbours(&lesson.slug);
    let href = |l: &Lesson| links::lesson_href(&course.slug, &l.slug);
    let counts = lesson.front.page != PageKind::Reference;
    // A lesson with one simulation keeps it beside the text on a wide screen (the style sheet's
    // "Widget layout" block); with two or more, each stays where the lesson placed it.
    let beside = rendered.blocks.iter().filter(|b| matches!(b, Block::Sim(_))).count() == 1;
    let behaviour = Island::Lesson { id: id.clone(), prev: prev.map(href), next: next.map(href) };

    let content = html! {
        article.page.lesson.has-widget[beside] {
            nav.breadcrumb aria-label="Breadcrumb" {
                a href="./" { "Home" } " / "
                a href=(links::course_href(&course.slug)) { (course.title) }
                @if let Some(s) = section { " / " (s.title) }
            }
            header.lesson-header {
                h1 { (lesson.front.title) }
                p.lead { (lesson.front.summary) }
                p.muted { "About " (lesson.front.minutes) " minutes" }
                @if !lesson.front.objectives.is_empty() {
                    div.objectives {
                        h2 { "After this lesson you can" }
                        ul { @for o in &lesson.front.objectives { li { (o) } } }
                    }
                }
            }
            div.lesson-layout {
                @if !rendered.headings.is_empty() {
                    nav.toc aria-label="On this page" {
                        details open {
                            summary { "On this page" }
                            ul {
                                @for h in &rendered.headings {
                                    li class={ "toc-h" (h.level) } { a href={ (path) "#" (h.id) } { (h.text) } }
                                }
                            }
                        }
                    }
                }
                div.lesson-body.beside[beside] data-testid="lesson-body" {
                    (body)
                    (print::answers(&rendered.blocks, &course.slug, &lesson.slug))
                }
            }
            footer.lesson-footer {
                @if counts {
                    (chrome::island(&Island::MarkComplete { id }, mark_complete(false)))
                }
                nav.prev-next aria-label="Lessons" {
                    @if let Some(l) = prev { a rel="prev" data-testid="prev" href=(href(l)) { "← " (l.front.title) } }
                    @if let Some(l) = next { a rel="next" data-testid="next" href=(href(l)) { (l.front.title) " →" } }
                }
                p.muted.keys { "Tip: the ← and → keys move between lessons; ? lists every shortcut." }
            }
            div.island hidden data-island=(behaviour.to_attribute()) {}
        }
    };
    Page {
        title: lesson.front.title.clone(),
        description: lesson.front.summary.clone(),
        route: Route::Lesson(course.slug.clone(), lesson.slug.clone()),
        body: chrome::site(&path, content),
        problems,
    }
}

/// The "mark complete" button, as the app also draws it.
pub fn mark_complete(done: bool) -> Markup {
    html! {
        button.complete.done[done] type="button" disabled data-testid="mark-complete" aria-pressed=(done) {
            @if done { "✓ Completed (click to undo)" } @else { "Mark lesson complete" }
        }
    }
}
