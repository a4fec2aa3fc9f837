//! Small, fallible helpers over browser APIs: the base path and address, the page's islands,
//! files in and out, scrolling. Each returns a message or a neutral value instead of panicking.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The site's base path without a trailing slash ("" at the root, "/headroom" under a
/// subpath), read from `<base href>` which Trunk writes at build time.
pub fn base_path() -> String {
    let path = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_default();
    path.trim_end_matches('/').to_string()
}

/// Offers `text` to the learner as a file download.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |_| format!("the browser could not prepare {filename}");
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.dyn_into().map_err(|_| "no anchor".to_string())?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Reads a file the learner picked.
pub async fn read_file(file: web_sys::File) -> Result<String, String> {
    let text = JsFuture::from(file.text()).await.map_err(|_| "the file could not be read".to_string())?;
    text.as_string().ok_or_else(|| "the file is not text".to_string())
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Every element carrying `attribute`, in document order.
pub fn elements_with(attribute: &str) -> Vec<web_sys::HtmlElement> {
    let Some(list) = document().and_then(|d| d.query_selector_all(&format!("[{attribute}]")).ok()) else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into().ok()).collect()
}

/// Empties `<body>` and gives it one new `<tag class="class">`, returned.
pub fn replace_body_with(tag: &str, class: &str) -> Option<web_sys::HtmlElement> {
    let document = document()?;
    let body = document.body()?;
    let fresh: web_sys::HtmlElement = document.create_element(tag).ok()?.dyn_into().ok()?;
    fresh.set_class_name(class);
    body.set_inner_html("");
    body.append_child(&fresh).ok()?;
    Some(fresh)
}

/// The address's path (`/headroom/learn/sd/caching/`).
pub fn location_path() -> String {
    web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default()
}

/// The address's query, with its `?` (or empty).
pub fn location_search() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// The address's fragment, with its `#` (or empty).
pub fn location_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Opens another page.
pub fn go_to(url: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(url);
    }
}

/// Writes to the console (a damaged island: the rest of the page still works).
pub fn log_error(message: &str) {
    web_sys::console::error_1(&message.into());
}

/// Asks a yes/no question; a browser that cannot show dialogs (a sandboxed frame) says no.
pub fn confirm(message: &str) -> bool {
    web_sys::window().and_then(|w| w.confirm_with_message(message).ok()).unwrap_or(false)
}

/// How far down the page the reader is, from 0 to 1.
pub fn scroll_fraction() -> f64 {
    let Some(window) = web_sys::window() else { return 0.0 };
    let Some(root) = window.document().and_then(|d| d.document_element()) else { return 0.0 };
    let scrollable =
        f64::from(root.scroll_height()) - window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    let y = window.scroll_y().unwrap_or(0.0);
    if scrollable > 0.0 { (y / scrollable).clamp(0.0, 1.0) } else { 0.0 }
}

/// Scrolls to a fraction of the page (see [`scroll_fraction`]).
pub fn scroll_to_fraction(fraction: f64) {
    let Some(window) = web_sys::window() else { return };
    let Some(root) = window.document().and_then(|d| d.document_element()) else { return };
    let scrollable =
        f64::from(root.scroll_height()) - window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    window.scroll_to_with_x_and_y(0.0, (fraction.clamp(0.0, 1.0) * scrollable.max(0.0)).round());
}

/// True while the learner is typing in a form field (keyboard shortcuts stay out of the way).
pub fn typing_in_field() -> bool {
    let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
    active.is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            || el.get_attribute("contenteditable").is_some()
    })
}

/// True while the learner is typing text: a text-like input (not a slider, box or button), a
/// text area or an editable element, where arrows and Space edit what is typed.
pub fn typing_text() -> bool {
    let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
    active.is_some_and(|el| match el.tag_name().as_str() {
        "TEXTAREA" => true,
        "INPUT" => !matches!(
            el.get_attribute("type").unwrap_or_default().to_ascii_lowercase().as_str(),
            "range" | "checkbox" | "radio" | "button" | "submit" | "reset" | "color" | "file" | "image"
        ),
        _ => el.get_attribute("contenteditable").is_some_and(|v| v != "false"),
    })
}

/// True while keyboard focus is on an element inside one matching `selector` (or on it).
pub fn focus_within(selector: &str) -> bool {
    let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
    active.is_some_and(|el| el.closest(selector).ok().flatten().is_some())
}

/// True when this page is shown inside another (an iframe in a slide deck).
pub fn in_frame() -> bool {
    let Some(window) = web_sys::window() else { return false };
    matches!(window.parent(), Ok(Some(parent)) if parent != window)
}

/// Posts `message` (JSON text, parsed first unless `as_text`) to the page that frames this one,
/// to any origin: only for messages that carry nothing private (a key press to pass on).
pub fn post_to_parent(message: &str, as_text: bool) {
    let Some(window) = web_sys::window() else { return };
    let Ok(Some(parent)) = window.parent() else { return };
    if parent == window {
        return;
    }
    let value =
        if as_text { Ok(wasm_bindgen::JsValue::from_str(message)) } else { js_sys::JSON::parse(message) };
    if let Ok(value) = value {
        let _ = parent.post_message(&value, "*");
    }
}

/// Sets or clears an attribute on `<html>` (the theme).
pub fn set_root_attribute(name: &str, value: Option<&str>) {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else {
        return;
    };
    let _ = match value {
        Some(value) => root.set_attribute(name, value),
        None => root.remove_attribute(name),
    };
}

/// Sets one property of the root element's style (through the CSS object model, which a
/// Content Security Policy without `unsafe-inline` allows).
pub fn set_root_style(property: &str, value: &str) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(root) = root {
        let _ = root.style().set_property(property, value);
    }
}

/// The page's origin (`http://127.0.0.1:8080`).
pub fn origin() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

/// Copies text to the clipboard. The message says why it could not: no clipboard here (a
/// plain-HTTP address or an old browser), or the browser refused (permission, focus). Nothing
/// throws through the wasm: the API is looked up and called through `Reflect`, which catches.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let unavailable =
        || "this browser offers no clipboard to this page (it needs an https address)".to_string();
    let navigator = JsValue::from(web_sys::window().ok_or_else(unavailable)?.navigator());
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .ok()
        .filter(|c| c.is_object())
        .ok_or_else(unavailable)?;
    let write: js_sys::Function = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(unavailable)?;
    let refused = |_| "the browser did not allow the copy".to_string();
    let promise: js_sys::Promise =
        write.call1(&clipboard, &text.into()).map_err(refused)?.dyn_into().map_err(refused)?;
    JsFuture::from(promise).await.map(|_| ()).map_err(refused)
}

/// Selects the whole text of the input or textarea an event came from.
pub fn select_input(ev: &web_sys::FocusEvent) {
    use wasm_bindgen::JsCast;
    let Some(target) = ev.target() else { return };
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        input.select();
    } else if let Some(area) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.select();
    }
}

/// The learner asked their system for less motion.
pub fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Milliseconds from the page's time origin (for pacing spoken and posted updates).
pub fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Milliseconds since the Unix epoch, for stamping progress edits (the storage format reads
/// no clock itself).
pub fn wall_clock_ms() -> crate::storage::Millis {
    // A clock before 1970 or past 2^64 ms is not a real clock; `as` saturates it.
    js_sys::Date::now() as crate::storage::Millis
}
