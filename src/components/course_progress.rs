use leptos::prelude::*;

use crate::app::use_progress;

/// How much of a course the learner has completed: a bar and a line on its card (`hours` is
/// `None`), or the line with the course's length on its page.
#[component]
pub fn CourseProgress(lessons: Vec<String>, hours: Option<u32>) -> impl IntoView {
    let progress = use_progress().progress;
    let total = lessons.len();
    let done = Memo::new(move |_| progress.with(|p| lessons.iter().filter(|id| p.is_complete(id)).count()));
    view! {
        {hours.is_none().then(|| view! { <progress class="bar" max=total value=move || done.get() aria-hidden="true"></progress> })}
        <p class="muted" data-testid="course-progress">
            {move || format!("{} of {total} lessons complete", done.get())}
            {hours.map(|h| format!(" · about {h} hours in all"))}
        </p>
    }
}
