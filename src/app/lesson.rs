//! What a lesson page does besides its islands: remember the visit and how far down the learner
//! read (restored when they come back), and move between lessons with ← and →.

use std::{cell::Cell, rc::Rc, time::Duration};

use leptos::{ev, prelude::*};

use super::use_progress;
use crate::{browser, storage::LastVisit};

pub fn behave(id: String, prev: Option<String>, next: Option<String>) {
    let progress = use_progress().progress;
    let resume = progress.with_untracked(|p| p.last.as_ref().filter(|l| l.lesson == id).map(|l| l.scroll));
    progress.update(|p| p.last = Some(LastVisit { lesson: id.clone(), scroll: resume.unwrap_or(0.0) }));
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
    let progress = use_progress().progress;
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
                let scroll = browser::scroll_fraction();
                progress.update(|p| {
                    if let Some(last) = p.last.as_mut().filter(|l| l.lesson == id) {
                        last.scroll = (scroll * 1000.0).round() / 1000.0;
                    }
                });
            },
            Duration::from_millis(400),
        );
    });
    on_cleanup(move || handle.remove());
}

/// ← and → open the previous and next page, unless the learner is typing.
fn keyboard_navigation(prev: Option<String>, next: Option<String>) {
    let handle = window_event_listener(ev::keydown, move |ev| {
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || browser::typing_in_field() {
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
