//! The only code that touches localStorage. Every call can fail (storage switched off, a
//! sandboxed iframe, a private window, a full quota), so each returns a message for the learner
//! instead of panicking.

use web_sys::Storage;

#[derive(Clone)]
pub struct LocalStore {
    storage: Storage,
}

const PROBE_KEY: &str = "headroom.probe";

impl LocalStore {
    /// Opens localStorage and proves it can write (some private modes hand out a storage whose
    /// every write fails).
    pub fn open() -> Result<LocalStore, String> {
        let window = web_sys::window().ok_or("there is no browser window")?;
        let storage = match window.local_storage() {
            Ok(Some(storage)) => storage,
            Ok(None) => return Err("this browser offers no local storage".into()),
            Err(_) => {
                return Err(
                    "this page may not use the browser's storage (a private window or an embedded frame)"
                        .into(),
                );
            }
        };
        let store = LocalStore { storage };
        store.set(PROBE_KEY, "1")?;
        // Best effort: a leftover probe key harms nothing.
        let _ = store.storage.remove_item(PROBE_KEY);
        Ok(store)
    }

    pub fn get(&self, key: &str) -> Result<Option<String>, String> {
        self.storage.get_item(key).map_err(|_| "the browser refused to read saved progress".into())
    }

    pub fn set(&self, key: &str, value: &str) -> Result<(), String> {
        self.storage
            .set_item(key, value)
            .map_err(|_| "the browser refused to save (storage may be full or switched off)".into())
    }

    /// Stores `value` under `base`, or `base.2`, `base.3`, ... whichever is free, so nothing kept
    /// earlier is overwritten. Returns the key used.
    pub fn keep_aside(&self, base: &str, value: &str) -> Result<String, String> {
        for n in 1..=20 {
            let key = if n == 1 { base.to_string() } else { format!("{base}.{n}") };
            match self.get(&key)? {
                Some(existing) if existing == value => return Ok(key),
                Some(_) => continue,
                None => return self.set(&key, value).map(|()| key),
            }
        }
        Err("there is no free place to keep the unreadable progress".into())
    }
}

/// Asks the browser not to evict this site's storage under pressure, once per page. Called
/// only after the learner did something worth keeping (marked a lesson complete), never inside
/// a frame (an embed in someone's slides must not ask for anything). The answer does not matter
/// to the page, and a browser that refuses or lacks the API changes nothing.
pub fn request_persistence() {
    use std::sync::atomic::{AtomicBool, Ordering};
    static ASKED: AtomicBool = AtomicBool::new(false);
    let Some(window) = web_sys::window() else { return };
    let framed = window.parent().ok().flatten().is_none_or(|parent| parent != window);
    if framed || ASKED.swap(true, Ordering::Relaxed) {
        return;
    }
    // `navigator.storage` is missing on plain-HTTP origins and in old browsers: look before
    // calling, so nothing throws through the wasm.
    let navigator = wasm_bindgen::JsValue::from(window.navigator());
    let has = |on: &wasm_bindgen::JsValue, name: &str| {
        js_sys::Reflect::get(on, &name.into()).ok().filter(|v| !v.is_undefined() && !v.is_null())
    };
    let Some(manager) = has(&navigator, "storage") else { return };
    if let Some(persist) =
        has(&manager, "persist").and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok())
    {
        let _ = persist.call0(&manager);
    }
}

/// How far down lesson `id` this tab had read, kept in sessionStorage: it belongs to one tab,
/// so two tabs never fight over it and it never enters the learner's saved progress.
pub fn session_scroll(id: &str) -> Option<f64> {
    let value = session()?.get_item(&scroll_key(id)).ok().flatten()?;
    value.parse::<f64>().ok().filter(|f| f.is_finite()).map(|f| f.clamp(0.0, 1.0))
}

/// Remembers how far down lesson `id` this tab has read (best effort: a refusal loses nothing
/// the learner keeps).
pub fn save_session_scroll(id: &str, fraction: f64) {
    if let Some(session) = session() {
        let _ = session.set_item(&scroll_key(id), &format!("{fraction:.3}"));
    }
}

fn session() -> Option<Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn scroll_key(id: &str) -> String {
    format!("headroom.scroll.{id}")
}
