//! Keyboard shortcuts on every page, and the `?` overlay that lists them. Each shortcut says
//! what it did in a polite live region, so a screen reader hears it.
//!
//! ← and → (previous and next lesson) are `app::lesson`'s; this module lists them and owns the
//! rest: `/` search, `?` this list, `c` mark complete, `p` `s` `r` play or pause, step and reset
//! the simulation in view. They act by pressing the page's own buttons (the search button, "mark
//! complete", the widget's controls), so a shortcut can do nothing a click cannot. They stay out
//! of the way while the learner types, holds Ctrl, Alt or Meta, or has a dialog open.

use leptos::{ev, html, prelude::*};
use wasm_bindgen::JsCast;

use crate::browser;

/// Every shortcut as the overlay lists it: keys, what they do.
pub const SHORTCUTS: [(&str, &str); 8] = [
    ("/", "Search every lesson"),
    ("?", "Show this list"),
    ("← →", "Previous or next lesson"),
    ("c", "Mark the lesson complete, or not"),
    ("p", "Play or pause the simulation in view"),
    ("s", "Step the simulation in view"),
    ("r", "Reset the simulation in view"),
    ("Esc", "Close a dialog"),
];

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

fn find(selector: &str) -> Option<web_sys::HtmlElement> {
    document()?.query_selector(selector).ok().flatten()?.dyn_into().ok()
}

fn pressed(el: &web_sys::HtmlElement) -> bool {
    el.get_attribute("aria-pressed").as_deref() == Some("true")
}

/// The simulation that shows most of itself in the viewport, if any shows at all.
fn widget_in_view() -> Option<web_sys::Element> {
    let window = web_sys::window()?;
    let height = window.inner_height().ok()?.as_f64()?;
    let list = document()?.query_selector_all("[data-testid='sim-widget']").ok()?;
    let mut best: Option<(f64, web_sys::Element)> = None;
    for el in
        (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
    {
        let rect = el.get_bounding_client_rect();
        let visible = rect.bottom().min(height) - rect.top().max(0.0);
        if visible > 0.0 && best.as_ref().is_none_or(|(v, _)| visible > *v) {
            best = Some((visible, el));
        }
    }
    best.map(|(_, el)| el)
}

/// Presses `control` (play, step, reset) of the simulation in view; what happened, in words.
fn widget(control: &str) -> String {
    let Some(widget) = widget_in_view() else { return "There is no simulation in view.".into() };
    let button: Option<web_sys::HtmlElement> = widget
        .query_selector(&format!("[data-testid='{control}']"))
        .ok()
        .flatten()
        .and_then(|b| b.dyn_into().ok());
    let Some(button) = button else { return "This simulation has no such control.".into() };
    let playing = pressed(&button);
    button.click();
    match control {
        "play" if playing => "Simulation paused.".into(),
        "play" => "Simulation playing.".into(),
        "step" => "Simulation stepped by one event.".into(),
        _ => "Simulation reset to time zero.".into(),
    }
}

#[component]
pub fn Shortcuts() -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    let said = RwSignal::new(String::new());
    let say = move |text: String| {
        // The same words twice in a row are announced again.
        said.set(String::new());
        request_animation_frame(move || said.set(text));
    };
    let show = move || {
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    let handle = window_event_listener(ev::keydown, move |ev| {
        if ev.default_prevented()
            || ev.alt_key()
            || ev.ctrl_key()
            || ev.meta_key()
            || browser::typing_in_field()
        {
            return;
        }
        if document().and_then(|d| d.query_selector("dialog[open]").ok().flatten()).is_some() {
            return;
        }
        let message = match ev.key().as_str() {
            "/" => match find("[data-testid='search-open']:not([disabled])") {
                Some(button) => {
                    button.click();
                    "Search opened.".to_string()
                }
                None => return,
            },
            "?" => {
                show();
                "Keyboard shortcuts opened.".to_string()
            }
            "c" => match find("[data-testid='mark-complete']:not([disabled])") {
                Some(button) => {
                    let done = pressed(&button);
                    button.click();
                    if done { "Lesson marked not complete." } else { "Lesson marked complete." }.to_string()
                }
                None => "This page is not a lesson to complete.".to_string(),
            },
            "p" => widget("play"),
            "s" => widget("step"),
            "r" => widget("reset"),
            _ => return,
        };
        ev.prevent_default();
        say(message);
    });
    on_cleanup(move || handle.remove());
    let close = move |_| {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    view! {
        <p class="visually-hidden" aria-live="polite" data-testid="announcer">{move || said.get()}</p>
        <dialog node_ref=dialog class="shortcuts-dialog" data-testid="shortcuts-dialog" aria-labelledby="shortcuts-title">
            <div class="search-head">
                <h2 id="shortcuts-title">"Keyboard shortcuts"</h2>
                <button type="button" class="secondary" data-testid="shortcuts-close" on:click=close>"Close"</button>
            </div>
            <dl class="shortcuts">
                {SHORTCUTS.iter().map(|(keys, what)| view! {
                    <div>
                        <dt>{keys.split(' ').map(|k| view! { <kbd>{k}</kbd> " " }).collect_view()}</dt>
                        <dd>{*what}</dd>
                    </div>
                }).collect_view()}
            </dl>
            <p class="muted">"Shortcuts wait while you type in a field. Each says what it did to a screen reader."</p>
        </dialog>
    }
}

/// Before printing, each live simulation's share link is written out beside it, since the
/// share panel (a form) does not print; the print style sheet shows it.
pub fn print_share_links() {
    let handle = window_event_listener(ev::beforeprint, |_| {
        let Some(document) = document() else { return };
        let Ok(inputs) = document.query_selector_all("[data-testid='share-url']") else { return };
        for input in (0..inputs.length()).filter_map(|i| inputs.item(i)) {
            let Ok(input) = input.dyn_into::<web_sys::HtmlInputElement>() else { continue };
            let Some(widget) = input.closest("[data-testid='sim-widget']").ok().flatten() else { continue };
            let existing = widget.query_selector(".print-link").ok().flatten();
            let note = match existing {
                Some(note) => note,
                None => match document.create_element("p") {
                    Ok(note) => {
                        note.set_class_name("print-link");
                        let _ = widget.append_child(&note);
                        note
                    }
                    Err(_) => continue,
                },
            };
            note.set_text_content(Some(&format!("This run: {}", input.value())));
        }
    });
    // For the life of the page.
    std::mem::forget(handle);
}
