//! The app shell: mounts the page, provides the progress context, and routes.
//!
//! Routes (relative to the base path): `/` home, `/learn/:course` a course, `/learn/:course/:lesson`
//! a lesson, all inside the site's header and footer; `/embed/:kind` a bare widget for an
//! iframe; anything else is the not-found page. Every internal link is written relative to
//! the document's `<base href>` (`learn/...`, never `/learn/...`), so the same build works at
//! the root and under a subpath.

mod progress;

use leptos::prelude::*;
use leptos_router::{
    components::{Outlet, ParentRoute, Route, Router, Routes},
    path,
};

pub use progress::{Notice, ProgressContext, provide_progress_context, use_progress};

use crate::{
    browser,
    components::{NoticeBar, SiteFooter, SiteHeader},
    pages::{CoursePage, EmbedPage, HomePage, LessonPage, NotFoundPage},
    storage::Theme,
};

/// Entry point of the wasm binary.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

#[component]
pub fn App() -> impl IntoView {
    provide_progress_context();
    view! {
        <Router base=browser::base_path()>
            <Routes fallback=|| view! { <SiteChrome><NotFoundPage/></SiteChrome> }>
                <Route path=path!("/embed/:kind") view=EmbedPage/>
                <ParentRoute path=path!("") view=|| view! { <SiteChrome><Outlet/></SiteChrome> }>
                    <Route path=path!("") view=HomePage/>
                    <Route path=path!("learn/:course") view=CoursePage/>
                    <Route path=path!("learn/:course/:lesson") view=LessonPage/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// The site around a page: header, notices, footer, and the learner's chosen theme.
#[component]
fn SiteChrome(children: Children) -> impl IntoView {
    let progress = use_progress().progress;
    Effect::new(move |_| {
        let value = match progress.with(|p| p.theme()) {
            Theme::System => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        };
        browser::set_root_attribute("data-theme", value);
    });
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <SiteHeader/>
        <NoticeBar/>
        <main id="main">{children()}</main>
        <SiteFooter/>
    }
}
