use leptos::prelude::*;

use super::ThemeToggle;

#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <a class="brand" href="./" aria-label="Headroom home">
                <span class="brand-mark" aria-hidden="true">"▲"</span>
                "Headroom"
            </a>
            <nav class="site-nav" aria-label="Site">
                <a href="./#courses-title">"Courses"</a>
            </nav>
            <ThemeToggle/>
        </header>
    }
}
