//! Figures the browser tests read, on `window.__headroom`: `frameLoops` (animation-frame loops
//! whose callback is alive) and `wasmMemory` (bytes of WebAssembly memory, sampled each frame);
//! and on each simulation canvas, what its last paint drew ([`record_paint`]). Reading them
//! costs a test nothing it could not see otherwise; writing them costs a property set (an
//! attribute only when it changes).
//!
//! And one action: `window.__headroom.remountWidgets(n)` unmounts every simulation widget of the
//! page and mounts it again in place, `n` times. Lessons are separate documents, so nothing else
//! in a page unmounts a widget; this is how the browser tests check that a widget that goes
//! away frees what it held (its animation-frame loop).

use std::{any::Any, cell::RefCell, rc::Rc};

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use web_sys::Element;

use super::{draw::Painted, palette::Palette};

const ROOT: &str = "__headroom";

/// Sets `window.__headroom[name] = value`.
pub fn set(name: &str, value: f64) {
    set_value(name, &JsValue::from_f64(value));
}

fn set_value(name: &str, value: &JsValue) {
    let Some(window) = web_sys::window() else { return };
    let root = match js_sys::Reflect::get(&window, &JsValue::from_str(ROOT)) {
        Ok(root) if root.is_object() => root,
        _ => {
            let root = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&window, &JsValue::from_str(ROOT), &root);
            root.into()
        }
    };
    let _ = js_sys::Reflect::set(&root, &JsValue::from_str(name), value);
}

/// Records the size of the WebAssembly memory, which only ever grows.
pub fn note_memory() {
    if let Ok(memory) = wasm_bindgen::memory().dyn_into::<js_sys::WebAssembly::Memory>() {
        let bytes = memory.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length();
        set("wasmMemory", f64::from(bytes));
    }
}

/// A widget mounted where the tests can remount it: its element, how to draw it, and the
/// handle whose drop unmounts it and frees its reactive owner.
struct Remountable {
    el: web_sys::HtmlElement,
    view: Rc<dyn Fn() -> AnyView>,
    handle: Option<Box<dyn Any>>,
}

thread_local! {
    static REMOUNTABLE: RefCell<Vec<Remountable>> = const { RefCell::new(Vec::new()) };
}

/// Empties `el` and mounts `view` in it for the life of the page, unless the tests remount it
/// (`remountWidgets`).
pub fn mount_remountable(el: web_sys::HtmlElement, view: impl Fn() -> AnyView + 'static) {
    let mut widget = Remountable { el, view: Rc::new(view), handle: None };
    mount(&mut widget);
    let first = REMOUNTABLE.with_borrow_mut(|all| {
        all.push(widget);
        all.len() == 1
    });
    if first {
        install_remount();
    }
}

fn mount(widget: &mut Remountable) {
    widget.el.set_inner_html("");
    let view = Rc::clone(&widget.view);
    let handle = leptos::mount::mount_to(widget.el.clone(), move || view());
    widget.handle = Some(Box::new(handle));
}

/// Defines `window.__headroom.remountWidgets(n)`.
fn install_remount() {
    let remount = Closure::<dyn Fn(f64)>::new(|times: f64| {
        let times = if times.is_finite() { times.clamp(0.0, 1000.0) as usize } else { 0 };
        for _ in 0..times {
            // Taken out while they are remounted: mounting runs components, which must not
            // find the list borrowed.
            let mut widgets = REMOUNTABLE.with_borrow_mut(std::mem::take);
            for widget in &mut widgets {
                drop(widget.handle.take());
                mount(widget);
            }
            REMOUNTABLE.with_borrow_mut(|all| {
                widgets.append(all);
                *all = widgets;
            });
        }
    });
    set_value("remountWidgets", remount.as_ref());
    // Lives as long as the page, like the widgets it remounts.
    remount.forget();
}

/// Describes a canvas's last paint on the canvas element, for the drawing tests:
/// `data-labels` (JSON: every label placed, `{text, x, y, w, h}` in CSS pixels from the canvas's
/// top left), `data-left-out` (labels that fitted nowhere), `data-painted-theme` (`light` or
/// `dark`: the background it was painted for), `data-structure` and `data-background` (the
/// colours outlines were drawn in and on).
pub fn record_paint(canvas: &Element, painted: &Painted, palette: &Palette) {
    let labels: Vec<serde_json::Value> = painted
        .labels
        .iter()
        .map(|l| {
            serde_json::json!({ "text": l.text, "x": l.rect.x, "y": l.rect.y, "w": l.rect.w, "h": l.rect.h })
        })
        .collect();
    let theme = if palette.dark() { "dark" } else { "light" };
    let attributes = [
        ("data-labels", serde_json::Value::Array(labels).to_string()),
        ("data-left-out", painted.left_out.to_string()),
        ("data-painted-theme", theme.to_string()),
        ("data-structure", palette.structure.clone()),
        ("data-background", palette.bg.clone()),
    ];
    for (name, value) in attributes {
        if canvas.get_attribute(name).as_deref() != Some(value.as_str()) {
            let _ = canvas.set_attribute(name, &value);
        }
    }
}
