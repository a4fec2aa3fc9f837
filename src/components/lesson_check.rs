use leptos::prelude::*;

use crate::app::use_progress;

/// The check mark beside a lesson in its course's list.
#[component]
pub fn LessonCheck(id: String) -> impl IntoView {
    let progress = use_progress().progress;
    let slug = id.rsplit('/').next().unwrap_or_default().to_string();
    let done = Memo::new(move |_| progress.with(|p| p.is_complete(&id)));
    view! {
        <span class="check" class:done=done role="img" data-testid=format!("done-{slug}")
            aria-label=move || if done.get() { "complete" } else { "not yet complete" }>
            {move || if done.get() { "✓" } else { "" }}
        </span>
    }
}
