//! Browser timing for a widget: an animation-frame loop that runs only while it should, and a
//! signal that says whether an element is on screen.

use std::{
    cell::{Cell, RefCell},
    rc::Rc,
};

use leptos::{html::Div, prelude::*};
use send_wrapper::SendWrapper;
use wasm_bindgen::{JsCast, closure::Closure};

/// Calls `on_frame(elapsed_ms)` on every animation frame while `active()` is true. The loop
/// stops by itself when `active()` turns false or the component goes away, and starts again
/// when `active()` turns true. Hidden tabs get no animation frames, so they cost nothing.
pub fn use_animation_frames(active: impl Fn() -> bool + Clone + 'static, on_frame: impl Fn(f64) + 'static) {
    let alive = Rc::new(Cell::new(true));
    let running = Rc::new(Cell::new(false));
    let last = Rc::new(Cell::new(None::<f64>));
    let callback: Rc<RefCell<Option<Closure<dyn FnMut(f64)>>>> = Rc::new(RefCell::new(None));

    let request = {
        let callback = Rc::clone(&callback);
        move || {
            if let (Some(window), Some(cb)) = (web_sys::window(), callback.borrow().as_ref()) {
                let _ = window.request_animation_frame(cb.as_ref().unchecked_ref());
            }
        }
    };

    {
        let (alive, running, last, request) =
            (Rc::clone(&alive), Rc::clone(&running), Rc::clone(&last), request.clone());
        let active = active.clone();
        *callback.borrow_mut() = Some(Closure::new(move |timestamp: f64| {
            if !alive.get() || !untrack(&active) {
                running.set(false);
                return;
            }
            let elapsed =
                last.replace(Some(timestamp)).map_or(1000.0 / 60.0, |previous| timestamp - previous);
            on_frame(elapsed);
            request();
        }));
    }

    let effect_running = SendWrapper::new((Rc::clone(&running), Rc::clone(&last), request));
    Effect::new(move |_| {
        let (running, last, request) = &*effect_running;
        if active() && !running.get() {
            running.set(true);
            last.set(None);
            request();
        }
    });

    let cleanup = SendWrapper::new((alive, callback));
    on_cleanup(move || {
        let (alive, callback) = cleanup.take();
        alive.set(false);
        // Let the pending frame (if any) run and find `alive` false; the closure is dropped with
        // its last Rc.
        drop(callback);
    });
}

/// True while any part of `target` is inside the viewport. Browsers without
/// IntersectionObserver count as always on screen.
pub fn use_on_screen(target: NodeRef<Div>) -> ReadSignal<bool> {
    let (on_screen, set_on_screen) = signal(true);
    type Observer = (web_sys::IntersectionObserver, Closure<dyn FnMut(js_sys::Array)>);
    let observer = Rc::new(RefCell::new(None::<Observer>));
    let keep = Rc::clone(&observer);
    target.on_load(move |element| {
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Some(entry) =
                entries.iter().last().and_then(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
            {
                set_on_screen.set(entry.is_intersecting());
            }
        });
        if let Ok(obs) = web_sys::IntersectionObserver::new(callback.as_ref().unchecked_ref()) {
            obs.observe(&element);
            *keep.borrow_mut() = Some((obs, callback));
        }
    });
    let observer = SendWrapper::new(observer);
    on_cleanup(move || {
        if let Some((obs, _callback)) = observer.take().borrow_mut().take() {
            obs.disconnect();
        }
    });
    on_screen
}
