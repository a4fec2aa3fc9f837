use leptos::prelude::*;

use crate::app::use_progress;

/// The check mark beside a lesson in its course's list, and a star beside it when every
/// graded challenge of the lesson (`goals`: progress id and text) has been met.
#[component]
pub fn LessonCheck(id: String, goals: Vec<(String, String)>) -> impl IntoView {
    let progress = use_progress().progress;
    let slug = id.rsplit('/').next().unwrap_or_default().to_string();
    let done = Memo::new(move |_| progress.with(|p| p.is_complete(&id)));
    let has_goals = !goals.is_empty();
    let met = Memo::new(move |_| {
        has_goals && progress.with(|p| goals.iter().all(|(id, text)| p.goal_met(id, text)))
    });
    let goal_testid = format!("goal-met-{slug}");
    view! {
        <span class="check" class:done=done role="img" data-testid=format!("done-{slug}")
            aria-label=move || if done.get() { "complete" } else { "not yet complete" }>
            {move || if done.get() { "✓" } else { "" }}
        </span>
        {move || met.get().then(|| view! {
            <span class="goal-mark" role="img" aria-label="goal met" title="Challenge met" data-testid=goal_testid.clone()>"★"</span>
        })}
    }
}
