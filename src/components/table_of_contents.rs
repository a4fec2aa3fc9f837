use leptos::prelude::*;

use crate::content::{Heading, links};

/// The lesson's `##` and `###` headings as links.
#[component]
pub fn TableOfContents(course: String, lesson: String, headings: Vec<Heading>) -> impl IntoView {
    let page = links::lesson_href(&course, &lesson);
    let items = headings
        .into_iter()
        .map(|h| {
            view! {
                <li class=format!("toc-h{}", h.level)>
                    <a href=format!("{page}#{}", h.id)>{h.text}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="toc" aria-label="On this page">
            <details open>
                <summary>"On this page"</summary>
                <ul>{items}</ul>
            </details>
        </nav>
    }
}
