//! Search: the header's button and the dialog it opens. The index (`search-index.json`, written
//! by the build) is fetched the first time the dialog opens, then searched on every keystroke
//! by `content::search` (ranking and snippets, tested natively). `/` opens it (app::shortcuts),
//! ↑ ↓ move through the results, Enter opens the section, Escape closes.
//! Offline, the service worker answers the index's request from its cache.

use std::{cell::RefCell, rc::Rc};

use leptos::{ev, html, prelude::*};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::{
    browser,
    content::search::{Hit, Searcher},
};

/// The index's file, relative to the site's base (`site::SEARCH_INDEX`).
const INDEX: &str = "search-index.json";

#[derive(Clone, Copy, PartialEq)]
enum Load {
    Idle,
    Loading,
    Ready,
    Failed,
}

/// One result as the list shows it.
#[derive(Clone, PartialEq)]
struct Row {
    page: String,
    course: String,
    heading: Option<String>,
    href: String,
    snippet: Vec<(String, bool)>,
}

fn rows(searcher: &Searcher, hits: Vec<Hit>) -> Vec<Row> {
    let index = searcher.index();
    hits.into_iter()
        .filter_map(|hit| {
            let section = index.sections.get(hit.section)?;
            let page = index.pages.get(section.page)?;
            let anchor = if section.anchor.is_empty() { "main" } else { section.anchor.as_str() };
            Some(Row {
                page: page.title.clone(),
                course: page.course.clone(),
                heading: (!section.anchor.is_empty()).then(|| section.heading.clone()),
                href: format!("{}/{}#{anchor}", browser::base_path(), page.href),
                snippet: hit.snippet.into_iter().map(|p| (p.text, p.marked)).collect(),
            })
        })
        .collect()
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response =
        JsFuture::from(window.fetch_with_str(url)).await.map_err(|_| "the network is unreachable")?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response")?;
    if !response.ok() {
        return Err(format!("status {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| "unreadable")?).await.map_err(|_| "unreadable")?;
    text.as_string().ok_or_else(|| "unreadable".to_string())
}

#[component]
pub fn SearchBox() -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    let input = NodeRef::<html::Input>::new();
    let searcher: Rc<RefCell<Option<Searcher>>> = Rc::new(RefCell::new(None));
    let load = RwSignal::new(Load::Idle);
    let query = RwSignal::new(String::new());
    let results = RwSignal::new(Vec::<Row>::new());
    let active = RwSignal::new(0usize);

    let run = {
        let searcher = Rc::clone(&searcher);
        move || {
            let found = searcher.borrow().as_ref().map(|s| rows(s, s.search(&query.get_untracked())));
            results.set(found.unwrap_or_default());
            active.set(0);
        }
    };
    let fetch_index = {
        let searcher = Rc::clone(&searcher);
        let run = run.clone();
        move || {
            if !matches!(load.get_untracked(), Load::Idle | Load::Failed) {
                return;
            }
            load.set(Load::Loading);
            let searcher = Rc::clone(&searcher);
            let run = run.clone();
            leptos::task::spawn_local(async move {
                let url = format!("{}/{INDEX}", browser::base_path());
                match fetch_text(&url).await.and_then(|json| Searcher::from_json(&json)) {
                    Ok(s) => {
                        *searcher.borrow_mut() = Some(s);
                        load.set(Load::Ready);
                        run();
                    }
                    Err(e) => {
                        web_sys::console::warn_1(&format!("search: {e}").into());
                        load.set(Load::Failed);
                    }
                }
            });
        }
    };
    // Where focus was before the dialog opened, to give it back on close. The dialog alone
    // does not when nothing had focus (a `/` typed on the page): the hidden field kept it until
    // the next rendering, and a key pressed in between was taken as typing.
    let before = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let open = move |_| {
        if let Some(d) = dialog.get() {
            if !d.open() {
                before.set_value(
                    web_sys::window()
                        .and_then(|w| w.document())
                        .and_then(|doc| doc.active_element())
                        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()),
                );
                let _ = d.show_modal();
            }
        }
        if let Some(i) = input.get() {
            let _ = i.focus();
            i.select();
        }
        fetch_index();
    };
    let give_focus_back = move || {
        if let Some(i) = input.get_untracked() {
            let _ = i.blur();
        }
        if let Some(el) = before.get_value().filter(|el| el.is_connected()) {
            let _ = el.focus();
        }
    };
    let close = move || {
        if let Some(d) = dialog.get() {
            d.close();
        }
        give_focus_back();
    };
    let go = move |row: &Row| {
        close();
        browser::go_to(&row.href);
    };
    let on_input = {
        let run = run.clone();
        move |ev: ev::Event| {
            query.set(event_target_value(&ev));
            run();
        }
    };
    let on_key = move |ev: ev::KeyboardEvent| {
        let count = results.with_untracked(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" if count > 0 => {
                ev.prevent_default();
                active.update(|a| *a = (*a + 1) % count);
            }
            "ArrowUp" if count > 0 => {
                ev.prevent_default();
                active.update(|a| *a = (*a + count - 1) % count);
            }
            // A search field would clear itself first; Escape closes at once.
            "Escape" => {
                ev.prevent_default();
                close();
            }
            "Enter" => {
                ev.prevent_default();
                if let Some(row) = results.with_untracked(|r| r.get(active.get_untracked()).cloned()) {
                    go(&row);
                }
            }
            _ => {}
        }
    };
    // Keep the active result in view as the arrows move it.
    Effect::new(move |_| {
        let at = active.get();
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&format!("search-result-{at}")))
        {
            el.scroll_into_view_with_bool(false);
        }
    });
    let status = move || match (load.get(), query.with(|q| q.trim().is_empty()), results.with(Vec::len)) {
        (Load::Failed, ..) => {
            "The search index could not be loaded. Try again when you are online.".to_string()
        }
        (Load::Loading | Load::Idle, false, _) => "Loading the search index…".to_string(),
        (_, true, _) => "Type a word or two: every lesson, the glossaries and the reading lists.".to_string(),
        (_, false, 0) => "No section holds every one of these words.".to_string(),
        (_, false, 1) => "1 result. Use ↑ and ↓ to choose, Enter to open.".to_string(),
        (_, false, n) => format!("{n} results. Use ↑ and ↓ to choose, Enter to open."),
    };
    let descendant = move || {
        let n = results.with(Vec::len);
        (n > 0).then(|| format!("search-result-{}", active.get()))
    };

    view! {
        <button type="button" class="search-open" data-testid="search-open" aria-keyshortcuts="/"
            aria-haspopup="dialog" on:click=open>
            "Search" <kbd aria-hidden="true">"/"</kbd>
        </button>
        <dialog node_ref=dialog class="search-dialog" data-testid="search-dialog" aria-labelledby="search-title"
            on:close=move |_| give_focus_back()>
            <div class="search-head">
                <h2 id="search-title">"Search the lessons"</h2>
                <button type="button" class="secondary" data-testid="search-close" on:click=move |_| close()>"Close"</button>
            </div>
            <input node_ref=input type="search" data-testid="search-input" autocomplete="off" spellcheck="false"
                role="combobox" aria-autocomplete="list" aria-controls="search-results" aria-labelledby="search-title"
                aria-expanded=move || (results.with(Vec::len) > 0).to_string()
                aria-activedescendant=descendant
                placeholder="Erlang C, idempotency key, p99…"
                on:input=on_input on:keydown=on_key/>
            <p class="muted search-status" role="status" data-testid="search-status">{status}</p>
            <ul id="search-results" role="listbox" aria-label="Results" class="search-results" data-testid="search-results"
                hidden=move || results.with(Vec::is_empty)>
                {move || results.get().into_iter().enumerate().map(|(i, row)| {
                    let chosen = move || active.get() == i;
                    let target = row.clone();
                    view! {
                        <li id=format!("search-result-{i}") role="option" class="search-result" data-testid="search-result"
                            class:active=chosen aria-selected=move || chosen().to_string()
                            on:click=move |_| go(&target) on:mousemove=move |_| active.set(i)>
                            <span class="search-where">
                                <strong>{row.page.clone()}</strong>
                                {row.heading.clone().map(|h| view! { " › " <span data-testid="search-heading">{h}</span> })}
                                <span class="muted">" · " {row.course.clone()}</span>
                            </span>
                            <span class="search-snippet">
                                {row.snippet.iter().map(|(text, marked)| if *marked {
                                    view! { <mark>{text.clone()}</mark> }.into_any()
                                } else {
                                    text.clone().into_any()
                                }).collect_view()}
                            </span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </dialog>
    }
}
