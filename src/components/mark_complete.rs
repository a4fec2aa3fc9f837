use leptos::prelude::*;

use crate::{app::use_progress, browser};

/// "Mark lesson complete", and its undo.
#[component]
pub fn MarkComplete(id: String) -> impl IntoView {
    let progress = use_progress().progress;
    let done_id = id.clone();
    let done = Memo::new(move |_| progress.with(|p| p.is_complete(&done_id)));
    let toggle = move |_| progress.update(|p| p.set_complete(&id, !p.is_complete(&id), browser::wall_clock_ms()));
    view! {
        <button type="button" class="complete" class:done=done data-testid="mark-complete"
            aria-pressed=move || done.get().to_string() on:click=toggle>
            {move || if done.get() { "✓ Completed (click to undo)" } else { "Mark lesson complete" }}
        </button>
    }
}
