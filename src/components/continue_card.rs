use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::app::use_progress;

/// The home page's first link: where the learner left off, or the first lesson.
#[component]
pub fn ContinueCard(start: (String, String), titles: BTreeMap<String, String>) -> impl IntoView {
    let progress = use_progress().progress;
    let last = progress.with_untracked(|p| p.last_lesson().map(str::to_string));
    match last.and_then(|id| titles.get(&id).map(|title| (id, title.clone()))) {
        Some((id, title)) => view! {
            <a class="continue" data-testid="continue" href=format!("learn/{id}/")>
                <span class="muted">"Continue where you left off"</span>
                <strong>{title}</strong>
            </a>
        }
        .into_any(),
        None => view! {
            <a class="continue" data-testid="start" href=format!("learn/{}/", start.0)>
                <span class="muted">"New here? Start with the first lesson"</span>
                <strong>{start.1}</strong>
            </a>
        }
        .into_any(),
    }
}
