use leptos::prelude::*;

use crate::{app::use_progress, browser};

/// Messages about saved progress, each dismissable; an unreadable value can be downloaded.
/// Mounted inside the page's `div.notices` live region.
#[component]
pub fn NoticeBar() -> impl IntoView {
    let notices = use_progress().notices;
    let items = move || {
        notices
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, notice)| {
                let download = notice.kept.clone().map(|raw| {
                    let save = move |_| {
                        let _ = browser::download("headroom-unreadable-progress.txt", "text/plain", &raw);
                    };
                    view! { <button on:click=save>"Download it"</button> }
                });
                let dismiss = move |_| {
                    notices.update(|n| {
                        if i < n.len() {
                            n.remove(i);
                        }
                    })
                };
                view! {
                    <div class="notice" role="status" data-testid="notice">
                        <p>{notice.text}</p>
                        {download}
                        <button on:click=dismiss aria-label="Dismiss this message">"Dismiss"</button>
                    </div>
                }
            })
            .collect_view()
    };
    view! { {items} }
}
