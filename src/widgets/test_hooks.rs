//! Figures the browser tests read, on `window.__headroom`: `frameLoops` (animation-frame loops
//! whose callback is alive) and `wasmMemory` (bytes of WebAssembly memory, sampled each frame);
//! and on each simulation canvas, what its last paint drew ([`record_paint`]). Reading them
//! costs a test nothing it could not see otherwise; writing them costs a property set (an
//! attribute only when it changes).

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use super::{draw::Painted, palette::Palette};

const ROOT: &str = "__headroom";

/// Sets `window.__headroom[name] = value`.
pub fn set(name: &str, value: f64) {
    let Some(window) = web_sys::window() else { return };
    let root = match js_sys::Reflect::get(&window, &JsValue::from_str(ROOT)) {
        Ok(root) if root.is_object() => root,
        _ => {
            let root = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&window, &JsValue::from_str(ROOT), &root);
            root.into()
        }
    };
    let _ = js_sys::Reflect::set(&root, &JsValue::from_str(name), &JsValue::from_f64(value));
}

/// Records the size of the WebAssembly memory, which only ever grows.
pub fn note_memory() {
    if let Ok(memory) = wasm_bindgen::memory().dyn_into::<js_sys::WebAssembly::Memory>() {
        let bytes = memory.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length();
        set("wasmMemory", f64::from(bytes));
    }
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
