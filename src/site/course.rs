//! A course page: its sections and pages, with the learner's completion.

use maud::{Markup, html};

use super::{Page, Route, Site, chrome, counted, home};
use crate::{
    content::{Block, Course, Lesson, Page as PageKind, Section, front_matter, links, markdown},
    islands::Island,
    storage::{ReviewState, goal_id, lesson_id, review},
};

/// A lesson's graded challenges, in the order of its ```sim blocks: each one's progress id
/// (`course/lesson#goal-n`, n from 0) and text, as the lesson page's widgets number them.
fn goals(site: &Site, course: &str, lesson: &str) -> Vec<(String, String)> {
    let Some(source) = (site.source)(course, lesson) else { return Vec::new() };
    markdown::render(front_matter::body(&source), course, lesson)
        .blocks
        .into_iter()
        .filter_map(|block| match block {
            Block::Sim(sim) => sim.goal,
            _ => None,
        })
        .enumerate()
        .map(|(n, text)| (goal_id(course, lesson, &n.to_string()), text))
        .collect()
}

pub fn page(site: &Site, course: &Course) -> Page {
    let lessons: Vec<String> = counted(course).map(|l| lesson_id(&course.slug, &l.slug)).collect();
    let total = lessons.len();
    let minutes: u32 = counted(course).map(|l| l.front.minutes).sum();
    let hours = (minutes + 30) / 60;
    let body = html! {
        div.page.course {
            nav.breadcrumb aria-label="Breadcrumb" { a href="./" { "Home" } }
            h1 { (course.title) }
            p.lead { (course.summary) }
            @if total == 0 {
                p.empty data-testid="course-progress" {
                    "This course is in preparation: its first lessons are being written. The System Design course is ready to start."
                }
            } @else {
                (chrome::island(&Island::CourseProgress { lessons, hours: Some(hours) }, home::status(0, total, Some(hours))))
            }
            @for section in &course.sections {
                section.course-section {
                    h2 { (section.title) }
                    (review_line(course, section))
                    ol.lesson-list {
                        @for lesson in &section.lessons { (row(site, course, lesson)) }
                    }
                }
            }
        }
    };
    Page {
        title: course.title.clone(),
        description: course.summary.clone(),
        route: Route::Course(course.slug.clone()),
        body: chrome::site(&links::course_href(&course.slug), body),
        problems: Vec::new(),
    }
}

fn row(site: &Site, course: &Course, lesson: &Lesson) -> Markup {
    let id = lesson_id(&course.slug, &lesson.slug);
    let goals = goals(site, &course.slug, &lesson.slug);
    html! {
        li.lesson-row {
            @if lesson.front.page == PageKind::Reference {
                span.check.reference aria-hidden="true" { "§" }
            } @else {
                (chrome::island(&Island::LessonCheck { id, goals }, check(&lesson.slug, false)))
            }
            div {
                a href=(links::lesson_href(&course.slug, &lesson.slug)) { (lesson.front.title) }
                @match lesson.front.page {
                    PageKind::Reference => { " " span.tag { "Reference" } }
                    PageKind::Review => { " " span.tag { "Review" } }
                    PageKind::Lesson => {}
                }
                p.muted { (lesson.front.summary) }
            }
            span.minutes { (lesson.front.minutes) " min" }
        }
    }
}

/// Under a section's title, when the section ends in a review page: whether it is due (the app
/// fills in the learner's state; the build writes the state of a new learner).
fn review_line(course: &Course, section: &Section) -> Markup {
    let Some(review) = section.lessons.iter().find(|l| l.front.page == PageKind::Review) else {
        return html! {};
    };
    let lessons: Vec<String> = section
        .lessons
        .iter()
        .filter(|l| l.front.page == PageKind::Lesson)
        .map(|l| lesson_id(&course.slug, &l.slug))
        .collect();
    let state = ReviewState::NotYet { done: 0, needed: review::needed(lessons.len()) };
    let island = Island::SectionReview {
        review: lesson_id(&course.slug, &review.slug),
        href: links::lesson_href(&course.slug, &review.slug),
        lessons,
    };
    chrome::island(&island, html! { p.review-state data-testid="review-state" { (state.describe().0) } })
}

/// The check mark, as the app also draws it.
pub fn check(slug: &str, done: bool) -> Markup {
    html! {
        span.check.done[done] role="img" data-testid={ "done-" (slug) }
            aria-label=(if done { "complete" } else { "not yet complete" }) {
            @if done { "✓" }
        }
    }
}
