use leptos::prelude::*;

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>
                "Headroom: learn system design by running it. Your progress stays in this browser; "
                <a href="./#your-progress">"export it"</a>" to move it."
            </p>
        </footer>
    }
}
