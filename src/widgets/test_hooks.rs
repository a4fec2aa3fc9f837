//! Figures the browser tests read, on `window.__headroom`: `frameLoops` (animation-frame loops
//! whose callback is alive) and `wasmMemory` (bytes of WebAssembly memory, sampled each frame).
//! Reading them costs a test nothing it could not see otherwise; writing them costs a property
//! set.

use wasm_bindgen::{JsCast, JsValue};

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
