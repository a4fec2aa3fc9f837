//! The app shell: mounts the page, provides the progress context, and routes.
//!
//! Routes (relative to the base path): `/` home, `/learn/:course` a course, `/learn/:course/:lesson`
//! a lesson; anything else is the not-found page. Every internal link is written relative to
//! the document's `<base href>` (`learn/...`, never `/learn/...`), so the same build works at
//! the root and under a subpath.

mod progress;

use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

pub use progress::{Notice, ProgressContext, provide_progress_context, use_progress};

use crate::{
    browser,
    components::{NoticeBar, SiteFooter, SiteHeader},
    pages::{CoursePage, HomePage, LessonPage, NotFoundPage},
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
            <a class="skip-link" href="#main">"Skip to content"</a>
            <SiteHeader/>
            <NoticeBar/>
            <main id="main">
                <Routes fallback=|| view! { <NotFoundPage/> }>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/learn/:course") view=CoursePage/>
                    <Route path=path!("/learn/:course/:lesson") view=LessonPage/>
                </Routes>
            </main>
            <SiteFooter/>
        </Router>
    }
}
