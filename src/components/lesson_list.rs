use leptos::prelude::*;

use crate::{
    app::use_progress,
    content::{Course, Section, links},
    storage::lesson_id,
};

/// A section's lessons with a checkmark for each one completed.
#[component]
pub fn LessonList(course: &'static Course, section: &'static Section) -> impl IntoView {
    let progress = use_progress().progress;
    let rows = section.lessons.iter().map(|lesson| {
        let id = lesson_id(&course.slug, &lesson.slug);
        let done = Memo::new(move |_| progress.with(|p| p.is_complete(&id)));
        view! {
            <li class="lesson-row" class:done=done>
                <span class="check" data-testid=format!("done-{}", lesson.slug) aria-label=move || if done.get() { "complete" } else { "not yet complete" }>
                    {move || if done.get() { "✓" } else { "" }}
                </span>
                <div>
                    <a href=links::lesson_href(&course.slug, &lesson.slug)>{lesson.front.title.clone()}</a>
                    <p class="muted">{lesson.front.summary.clone()}</p>
                </div>
                <span class="minutes">{format!("{} min", lesson.front.minutes)}</span>
            </li>
        }
    });
    view! { <ol class="lesson-list">{rows.collect_view()}</ol> }
}
