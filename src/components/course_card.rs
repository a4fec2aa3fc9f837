use leptos::prelude::*;

use crate::{app::use_progress, content::Course, storage::lesson_id};

#[component]
pub fn CourseCard(course: &'static Course) -> impl IntoView {
    let progress = use_progress().progress;
    let total = course.lesson_count();
    let done = move || {
        progress
            .with(|p| course.lessons().filter(|l| p.is_complete(&lesson_id(&course.slug, &l.slug))).count())
    };
    let status = move || match total {
        0 => "Lessons in preparation".to_string(),
        n => format!("{} of {n} lessons complete", done()),
    };
    let width = move || {
        if total == 0 { "0%".to_string() } else { format!("{:.0}%", 100.0 * done() as f64 / total as f64) }
    };
    view! {
        <article class="course-card" data-testid=format!("course-{}", course.slug)>
            <h3><a href=format!("learn/{}", course.slug)>{course.title.clone()}</a></h3>
            <p>{course.summary.clone()}</p>
            <div class="bar" aria-hidden="true"><span style:width=width></span></div>
            <p class="muted" data-testid="course-progress">{status}</p>
        </article>
    }
}
