use leptos::prelude::*;

use crate::{app::use_progress, browser};

/// Under a section's title: whether its review page is due, linking to it when it is.
#[component]
pub fn SectionReview(review: String, href: String, lessons: Vec<String>) -> impl IntoView {
    let progress = use_progress().progress;
    let now = browser::wall_clock_ms();
    let line = Memo::new(move |_| progress.with(|p| p.review_state(&review, &lessons, now).describe()));
    view! {
        <p class="review-state" class:due=move || line.get().1 data-testid="review-state">
            {move || {
                let (text, due) = line.get();
                if due { view! { <a href=href.clone()>{text}</a> }.into_any() } else { text.into_any() }
            }}
        </p>
    }
}
