//! What a lesson page does besides its islands: remember the visit and how far down the learner
//! read (restored when they come back), and move between lessons with ← and →.

use std::{cell::Cell, rc::Rc, time::Duration};

use leptos::{ev, prelude::*};

use super::use_progress;
use crate::{browser, storage::local};

pub fn behave(id: String, prev: Option<String>, next: Option<String>) {
    let progress = use_progress().progress;
    // How far down the lesson the learner was is kept for this tab only (sessionStorage).
    let resume = local::session_scroll(&id);
    progress.update(|p| p.visit(&id, browser::wall_clock_ms()));
    // The page is laid out already (it was prerendered); a heading in the address wins.
    if let Some(fraction) = resume.filter(|f| *f > 0.0)
        && browser::location_hash().is_empty()
    {
        request_animation_frame(move || browser::scroll_to_fraction(fraction));
    }
    track_scroll(id);
    keyboard_navigation(prev, next);
}

/// Records how far down the lesson the learner is, at most a few times a second.
fn track_scroll(id: String) {
    let pending = Rc::new(Cell::new(false));
    let handle = window_event_listener(ev::scroll, move |_| {
        if pending.replace(true) {
            return;
        }
        let pending = Rc::clone(&pending);
        let id = id.clone();
        set_timeout(
            move || {
                pending.set(false);
                local::save_session_scroll(&id, browser::scroll_fraction());
            },
            Duration::from_millis(400),
        );
    });
    on_cleanup(move || handle.remove());
}

/// Where keyboard focus keeps ← and → for itself: a simulation (its buttons, sliders and
/// menus) and a check.
const OWNS_KEYS: &str = ".sim, .sim-static, .quiz";

/// ← and → open the previous and next page, unless focus is in a field, a simulation or a
/// check: the arrows then belong to what has focus, and a run or an answer is never thrown
/// away by a key meant for it.
fn keyboard_navigation(prev: Option<String>, next: Option<String>) {
    let handle = window_event_listener(ev::keydown, move |ev| {
        if ev.alt_key()
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.shift_key()
            || ev.default_prevented()
            || browser::typing_in_field()
            || browser::focus_within(OWNS_KEYS)
        {
            return;
        }
        let to = match ev.key().as_str() {
            "ArrowLeft" => prev.as_deref(),
            "ArrowRight" => next.as_deref(),
            _ => None,
        };
        if let Some(to) = to {
            ev.prevent_default();
            browser::go_to(&format!("{}/{to}", browser::base_path()));
        }
    });
    on_cleanup(move || handle.remove());
}
