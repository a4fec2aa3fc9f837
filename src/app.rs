//! The browser app: live islands over a prerendered page.
//!
//! Every page arrives as complete HTML (`crate::site`). The wasm then:
//! 1. provides the learner's progress (`use_progress()`) on one root owner, so every island
//!    shares it;
//! 2. finds each element marked `data-island` ([`crate::islands::Island`]), empties it and
//!    mounts the live component, which draws the same markup the build wrote;
//! 3. on the not-found page under `embed/`, replaces the page with an embed naming the problem.
//!
//! There is no router: navigation is plain links between prerendered pages, and the text never
//! waits for the wasm. Every internal link is relative to the document's `<base href>`, so the
//! same build works at the root and under a subpath.

mod embed;
mod lesson;
mod progress;

use leptos::{prelude::*, reactive::owner::Owner};

pub use embed::{EmbedPage, embed_config};
pub use progress::{Notice, ProgressContext, provide_progress_context, use_progress};

use crate::{
    browser,
    components::{
        ContinueCard, CourseProgress, LessonCheck, MarkComplete, NoticeBar, ProgressPanel, QuizView, ThemeToggle,
    },
    content::SimBlock,
    islands::{ATTRIBUTE, Island},
    widgets::{SimWidget, WidgetConfig},
};

/// Entry point of the wasm binary.
pub fn start() {
    console_error_panic_hook::set_once();
    let root = Owner::new();
    root.set();
    provide_progress_context();

    let found = browser::elements_with(ATTRIBUTE);
    let islands: Vec<(web_sys::HtmlElement, Result<Island, String>)> = found
        .into_iter()
        .map(|el| {
            let island = Island::from_attribute(&el.get_attribute(ATTRIBUTE).unwrap_or_default());
            (el, island)
        })
        .collect();
    let not_found = islands.iter().any(|(_, i)| matches!(i, Ok(Island::NotFound)));
    if not_found && let Some(kind) = embed_kind_in_path() {
        if let Some(main) = browser::replace_body_with("main", "embed") {
            mount(main, move || view! { <EmbedPage kind/> });
        }
    } else {
        for (el, island) in islands {
            match island {
                Ok(island) => mount(el, move || island_view(island)),
                Err(e) => browser::log_error(&e),
            }
        }
    }
    std::mem::forget(root);
    // Every island is live: a hook for tests and for scripts that wait on the app.
    browser::set_root_attribute("data-app", Some("ready"));
}

/// Empties `el` and mounts a live view in it, for the life of the page.
fn mount<V: IntoView + 'static>(el: web_sys::HtmlElement, view: impl FnOnce() -> V + 'static) {
    el.set_inner_html("");
    leptos::mount::mount_to(el, view).forget();
}

fn island_view(island: Island) -> AnyView {
    match island {
        Island::ThemeToggle => view! { <ThemeToggle/> }.into_any(),
        Island::Notices => view! { <NoticeBar/> }.into_any(),
        Island::Continue { start, titles } => view! { <ContinueCard start titles/> }.into_any(),
        Island::CourseProgress { lessons, hours } => view! { <CourseProgress lessons hours/> }.into_any(),
        Island::LessonCheck { id } => view! { <LessonCheck id/> }.into_any(),
        Island::ProgressPanel => view! { <ProgressPanel/> }.into_any(),
        Island::Lesson { id, prev, next } => {
            lesson::behave(id, prev, next);
            ().into_any()
        }
        Island::MarkComplete { id } => view! { <MarkComplete id/> }.into_any(),
        Island::Quiz { id, quiz, prediction } => view! { <QuizView quiz id prediction/> }.into_any(),
        Island::Sim { scenario, controls, caption } => {
            let config = WidgetConfig::from_block(&SimBlock { scenario, controls, caption });
            view! { <SimWidget config/> }.into_any()
        }
        Island::Embed { kind } => view! { <EmbedPage kind/> }.into_any(),
        Island::NotFound => ().into_any(),
    }
}

/// `Some(kind)` when the address is `<base>/embed/<kind>...` (the host sent the not-found
/// page because `<kind>` is not a simulation).
fn embed_kind_in_path() -> Option<String> {
    let path = browser::location_path();
    let rest = path.strip_prefix(&browser::base_path())?.trim_start_matches('/').strip_prefix("embed/")?;
    let segment = rest.split('/').next().unwrap_or_default();
    Some(js_sys::decode_uri_component(segment).ok().and_then(|s| s.as_string()).unwrap_or_else(|| segment.to_string()))
}
