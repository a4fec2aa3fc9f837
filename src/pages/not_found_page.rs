use leptos::prelude::*;

use crate::content::embedded_catalog;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let courses = embedded_catalog().courses.iter().map(|c| {
        view! { <li><a href=format!("learn/{}", c.slug)>{c.title.clone()}</a></li> }
    });
    view! {
        <div class="page not-found" data-testid="not-found">
            <h1>"There is no page here"</h1>
            <p>"The address may be mistyped, or the page may have moved. These are the courses:"</p>
            <ul>{courses.collect_view()}</ul>
            <p><a href="./">"Back to the home page"</a></p>
        </div>
    }
}
