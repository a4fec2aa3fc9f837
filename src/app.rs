//! The browser app: live islands over a prerendered page, in two wasm modules.
//!
//! Every page arrives as complete HTML (`crate::site`). `assets/boot.js` then loads:
//! - the site module (`headroom-web`, [`start`]) on every page with site islands: it provides
//!   the learner's progress (`use_progress()`) on one root owner, so every island shares it,
//!   finds each element marked `data-island` ([`crate::islands::Island`]), empties it and
//!   mounts the live component, which draws the same markup the build wrote;
//! - the widget module (`headroom-widgets`, [`start_widgets`]) only on pages with a
//!   simulation, after the site module: the engine, the widgets and their charts, which are
//!   most of the code, never delay a page's text, checks or progress. On the not-found page
//!   under `embed/` it replaces the page with an embed naming the unknown kind.
//!
//! There is no router: navigation is plain links between prerendered pages, and the text never
//! waits for the wasm. Every internal link is relative to the document's `<base href>`, so the
//! same build works at the root and under a subpath.

mod builder;
mod embed;
mod lesson;
mod progress;
mod search;
mod shortcuts;

use std::{collections::VecDeque, time::Duration};

use leptos::{prelude::*, reactive::owner::Owner};

/// Milliseconds of mounting per task before the app yields to the browser.
const SLICE_MS: f64 = 8.0;

pub use embed::{EmbedPage, embed_config};
pub use progress::{Notice, ProgressContext, provide_progress_context, use_progress};

use crate::{
    browser,
    components::{
        ContinueCard, CourseProgress, LessonCheck, MarkComplete, NoticeBar, ProgressPanel, QuizView,
        SectionReview, ThemeToggle,
    },
    content::SimBlock,
    islands::{ATTRIBUTE, Island},
    widgets::{SimWidget, WidgetConfig, test_hooks},
};

/// Entry point of the site module: every island but the simulations. It runs as the module is
/// instantiated, so the work waits for the next task: the browser gets to breathe in between.
pub fn start() {
    begin();
    set_timeout(start_site, Duration::ZERO);
}

fn start_site() {
    let islands = islands();
    if embed_kind_on_not_found(&islands).is_some() {
        return; // the widget module turns this page into an embed
    }
    let root = Owner::new();
    root.set();
    provide_progress_context();
    shortcuts::print_share_links();
    let mut queue = VecDeque::new();
    for (el, island) in islands {
        match island {
            Ok(island) => queue.extend(site_view(island).map(|view| (el, view))),
            Err(e) => browser::log_error(&e),
        }
    }
    set_timeout(move || mount_in_slices(root, queue), Duration::ZERO);
}

/// Mounts the islands in document order, a few milliseconds' worth per task, so the page stays
/// responsive while the app takes it over (a page with 60 islands is not one long task).
fn mount_in_slices(root: Owner, mut queue: VecDeque<(web_sys::HtmlElement, Box<dyn FnOnce() -> AnyView>)>) {
    let started = browser::now_ms();
    root.with(|| {
        while let Some((el, view)) = queue.pop_front() {
            mount(el, view);
            if browser::now_ms() - started > SLICE_MS {
                break;
            }
        }
    });
    if queue.is_empty() {
        std::mem::forget(root);
        ready("site");
    } else {
        set_timeout(move || mount_in_slices(root, queue), Duration::ZERO);
    }
}

/// Entry point of the widget module: the simulations (and the embed page).
pub fn start_widgets() {
    begin();
    let islands = islands();
    let root = Owner::new();
    root.set();
    if let Some(kind) = embed_kind_on_not_found(&islands) {
        if let Some(main) = browser::replace_body_with("main", "embed") {
            mount(main, move || view! { <EmbedPage kind/> }.into_any());
        }
    } else {
        for (el, island) in islands {
            match island {
                // Remountable by the browser tests (`widgets::test_hooks`).
                Ok(Island::Sim { scenario, controls, caption, goal }) => {
                    test_hooks::mount_remountable(el, move || {
                        let block = SimBlock {
                            scenario: scenario.clone(),
                            controls: controls.clone(),
                            caption: caption.clone(),
                            goal: None,
                        };
                        let mut config = WidgetConfig::from_block(&block);
                        config.goal = goal.clone();
                        view! { <SimWidget config/> }.into_any()
                    })
                }
                Ok(Island::Embed { kind }) => mount(el, move || view! { <EmbedPage kind/> }.into_any()),
                Ok(Island::EmbedBuilder { presets }) => {
                    mount(el, move || view! { <builder::EmbedBuilder presets/> }.into_any())
                }
                _ => {}
            }
        }
    }
    std::mem::forget(root);
    ready("widgets");
}

/// Panics reach the console; effects and tasks run on the browser's event loop (set before
/// the progress context creates its first effect, not only by the first mount).
fn begin() {
    console_error_panic_hook::set_once();
    let _ = any_spawner::Executor::init_wasm_bindgen();
}

/// Every island of the page, in document order, read from its attribute.
fn islands() -> Vec<(web_sys::HtmlElement, Result<Island, String>)> {
    browser::elements_with(ATTRIBUTE)
        .into_iter()
        .map(|el| {
            let island = Island::from_attribute(&el.get_attribute(ATTRIBUTE).unwrap_or_default());
            (el, island)
        })
        .collect()
}

/// Empties `el` and mounts a live view in it, for the life of the page.
fn mount(el: web_sys::HtmlElement, view: impl FnOnce() -> AnyView + 'static) {
    el.set_inner_html("");
    leptos::mount::mount_to(el, view).forget();
}

/// Marks a module as started on `<html data-app>` ("site", "widgets", or both): a hook for
/// tests and for scripts that wait on the app.
fn ready(module: &str) {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
    let before = root.as_ref().and_then(|r| r.get_attribute("data-app")).unwrap_or_default();
    let mut modules: Vec<&str> = before.split_whitespace().collect();
    modules.push(module);
    browser::set_root_attribute("data-app", Some(&modules.join(" ")));
}

/// The live part of a site island; `None` for the widget module's islands.
fn site_view(island: Island) -> Option<Box<dyn FnOnce() -> AnyView>> {
    if matches!(
        island,
        Island::Sim { .. } | Island::Embed { .. } | Island::EmbedBuilder { .. } | Island::NotFound
    ) {
        return None;
    }
    Some(Box::new(move || match island {
        Island::ThemeToggle => view! { <ThemeToggle/> }.into_any(),
        Island::Search => view! { <search::SearchBox/> }.into_any(),
        Island::Shortcuts => view! { <shortcuts::Shortcuts/> }.into_any(),
        Island::Notices => view! { <NoticeBar/> }.into_any(),
        Island::Continue { start, pages } => view! { <ContinueCard start pages/> }.into_any(),
        Island::CourseProgress { lessons, hours } => view! { <CourseProgress lessons hours/> }.into_any(),
        Island::LessonCheck { id, goals } => view! { <LessonCheck id goals/> }.into_any(),
        Island::SectionReview { review, href, lessons } => {
            view! { <SectionReview review href lessons/> }.into_any()
        }
        Island::ProgressPanel => view! { <ProgressPanel/> }.into_any(),
        Island::Lesson { id, prev, next } => {
            lesson::behave(id, prev, next);
            ().into_any()
        }
        Island::MarkComplete { id } => view! { <MarkComplete id/> }.into_any(),
        Island::Quiz { id, quiz, prediction } => view! { <QuizView quiz id prediction/> }.into_any(),
        Island::Sim { .. } | Island::Embed { .. } | Island::EmbedBuilder { .. } | Island::NotFound => {
            ().into_any()
        }
    }))
}

/// `Some(kind)` on the not-found page when the address is `<base>/embed/<kind>...` (the host
/// sent it because `<kind>` is not a simulation).
fn embed_kind_on_not_found(islands: &[(web_sys::HtmlElement, Result<Island, String>)]) -> Option<String> {
    if !islands.iter().any(|(_, i)| matches!(i, Ok(Island::NotFound))) {
        return None;
    }
    let path = browser::location_path();
    let rest = path.strip_prefix(&browser::base_path())?.trim_start_matches('/').strip_prefix("embed/")?;
    let segment = rest.split('/').next().unwrap_or_default();
    Some(
        js_sys::decode_uri_component(segment)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| segment.to_string()),
    )
}
