//! A lesson's "Set up" links (`content::setup`): a click on one sets the lesson's widget up for
//! its step instead of opening the embed the link names without JavaScript.

use leptos::{ev, prelude::*};
use wasm_bindgen::JsCast;

use crate::content::Setup;

/// Listens for clicks on the page's `a[data-setup]` links while the widget `root` lives. Only
/// the page's first widget answers (a lesson's steps set up its widget). The step's settings
/// are merged into the current scenario and the run starts over, paused; when the widget is
/// out of view (a phone, where it sits inline), it is scrolled into view.
pub fn use_setup_links(
    root: NodeRef<leptos::html::Div>,
    on_screen: Signal<bool>,
    apply: impl Fn(&[(String, String)]) + 'static,
) {
    let handle = window_event_listener(ev::click, move |ev| {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let Ok(Some(link)) = target.closest("a[data-setup]") else { return };
        let Some(widget) = root.get_untracked() else { return };
        let first = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("[data-testid=sim-widget]").ok().flatten());
        if first.as_ref() != Some(widget.unchecked_ref::<web_sys::Element>()) {
            return;
        }
        ev.prevent_default();
        let setup = Setup::from_attribute(&link.get_attribute("data-setup").unwrap_or_default());
        apply(&setup.pairs);
        if !on_screen.get_untracked() {
            widget.scroll_into_view_with_bool(true);
        }
    });
    on_cleanup(move || handle.remove());
}
