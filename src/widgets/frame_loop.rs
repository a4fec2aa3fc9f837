//! Browser timing for a widget: an animation-frame loop that runs only while it should. (Whether
//! the widget is on screen comes from leptos-use's `use_element_visibility`; its `use_raf_fn`
//! is not used because it leaves a closure behind each time it pauses.)

use std::{
    cell::RefCell,
    rc::{Rc, Weak},
    sync::atomic::{AtomicUsize, Ordering},
};

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::{JsCast, closure::Closure};

/// One widget's loop: its frame callback, the frame it has asked for, and when the last one ran.
struct Loop {
    /// The callback handed to the browser; it holds only a weak reference back to this loop,
    /// so dropping the loop frees it (the closure and the loop used to keep each other alive).
    callback: Option<Closure<dyn FnMut(f64)>>,
    /// The frame asked for and not yet run, to cancel on cleanup.
    pending: Option<i32>,
    last: Option<f64>,
    running: bool,
}

impl Loop {
    fn request(&mut self) {
        if let (Some(window), Some(cb)) = (web_sys::window(), self.callback.as_ref()) {
            self.pending = window.request_animation_frame(cb.as_ref().unchecked_ref()).ok();
        }
    }
}

/// Calls `on_frame(elapsed_ms)` on every animation frame while `active()` is true. The loop
/// stops by itself when `active()` turns false or the component goes away, and starts again
/// when `active()` turns true. Hidden tabs get no animation frames, so they cost nothing. When
/// the component goes away, the pending frame is cancelled and the callback freed.
pub fn use_animation_frames(active: impl Fn() -> bool + Clone + 'static, on_frame: impl Fn(f64) + 'static) {
    let state = Rc::new(RefCell::new(Loop { callback: None, pending: None, last: None, running: false }));
    let weak: Weak<RefCell<Loop>> = Rc::downgrade(&state);
    let counted = LiveLoop::new();
    let callback = {
        let active = active.clone();
        Closure::new(move |timestamp: f64| {
            let _counted = &counted;
            let Some(state) = weak.upgrade() else { return };
            let elapsed = {
                let mut s = state.borrow_mut();
                s.pending = None;
                if !untrack(&active) {
                    s.running = false;
                    return;
                }
                s.last.replace(timestamp).map_or(1000.0 / 60.0, |previous| timestamp - previous)
            };
            on_frame(elapsed);
            state.borrow_mut().request();
        })
    };
    state.borrow_mut().callback = Some(callback);

    let effect_state = SendWrapper::new(Rc::clone(&state));
    Effect::new(move |_| {
        if active() {
            let mut s = effect_state.borrow_mut();
            if !s.running {
                s.running = true;
                s.last = None;
                s.request();
            }
        }
    });

    let cleanup = SendWrapper::new(state);
    on_cleanup(move || {
        let state = cleanup.take();
        let callback = {
            let mut s = state.borrow_mut();
            if let (Some(window), Some(id)) = (web_sys::window(), s.pending.take()) {
                let _ = window.cancel_animation_frame(id);
            }
            s.running = false;
            s.callback.take()
        };
        // Freed after the current task, in case the cleanup runs inside the callback itself.
        leptos::task::spawn_local(async move { drop(callback) });
    });
}

/// Counts the frame loops whose callback is alive, for the browser tests
/// (`window.__headroom.frameLoops`): it falls back when widgets go away.
struct LiveLoop;

static LIVE_LOOPS: AtomicUsize = AtomicUsize::new(0);

impl LiveLoop {
    fn new() -> LiveLoop {
        publish(LIVE_LOOPS.fetch_add(1, Ordering::Relaxed) + 1);
        LiveLoop
    }
}

impl Drop for LiveLoop {
    fn drop(&mut self) {
        publish(LIVE_LOOPS.fetch_sub(1, Ordering::Relaxed) - 1);
    }
}

fn publish(loops: usize) {
    super::test_hooks::set("frameLoops", loops as f64);
}
