use leptos::prelude::*;

use crate::{
    app::use_progress,
    islands::{PageRef, Resume, resume},
};

/// The home page's first link: where the learner left off, the next lesson after the one they
/// just completed, or the first lesson.
#[component]
pub fn ContinueCard(start: (String, String), pages: Vec<PageRef>) -> impl IntoView {
    let progress = use_progress().progress;
    let (lead, id, title, testid) =
        progress.with_untracked(|p| match resume(&pages, p.last_lesson(), |id| p.is_complete(id)) {
            Some(Resume::Continue(page)) => {
                ("Continue where you left off".to_string(), page.id.clone(), page.title.clone(), "continue")
            }
            Some(Resume::Next { done, next }) => (
                format!("You completed “{}”. Up next", done.title),
                next.id.clone(),
                next.title.clone(),
                "continue",
            ),
            None => (
                "New here? Start with the first lesson".to_string(),
                start.0.clone(),
                start.1.clone(),
                "start",
            ),
        });
    view! {
        <a class="continue" data-testid=testid href=format!("learn/{id}/")>
            <span class="muted">{lead}</span>
            <strong>{title}</strong>
        </a>
    }
}
