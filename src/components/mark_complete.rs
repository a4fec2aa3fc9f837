use leptos::prelude::*;

use crate::{app::use_progress, browser, storage::local};

/// "Mark lesson complete", and its undo.
#[component]
pub fn MarkComplete(id: String) -> impl IntoView {
    let progress = use_progress().progress;
    let done_id = id.clone();
    let done = Memo::new(move |_| progress.with(|p| p.is_complete(&done_id)));
    let toggle = move |_| {
        let done = !progress.with_untracked(|p| p.is_complete(&id));
        progress.update(|p| p.set_complete(&id, done, browser::wall_clock_ms()));
        // Something worth keeping now exists: ask the browser not to evict it.
        if done {
            local::request_persistence();
        }
    };
    view! {
        <button type="button" class="complete" class:done=done data-testid="mark-complete"
            aria-pressed=move || done.get().to_string() on:click=toggle>
            {move || if done.get() { "✓ Completed (click to undo)" } else { "Mark lesson complete" }}
        </button>
    }
}
