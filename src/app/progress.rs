//! The learner's progress as a reactive context, shared by every tab of the site.
//!
//! - At start the page reads the stored progress once (`open`).
//! - Before every write it reads the stored value again and merges ([`storage::plan_write`]),
//!   so what another tab saved since is kept, and a reset made in another tab is not undone.
//! - It listens to `storage` events (another tab saved) and shows the merged progress at once.
//! - A value written by a newer Headroom is never overwritten: the page stops writing and says
//!   so, at start or the moment another tab (already updated) writes the newer format.
//!
//! Where storage cannot be used the site keeps working from memory and says so. An unreadable
//! saved value is kept aside before anything is written and offered as a download.

use leptos::{ev, prelude::*};

use crate::storage::{self, Loaded, Progress, Write, local::LocalStore};

/// A message for the learner about their saved progress.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub text: String,
    /// The unreadable value, offered as a file.
    pub kept: Option<String>,
}

#[derive(Clone, Copy)]
pub struct ProgressContext {
    pub progress: RwSignal<Progress>,
    pub notices: RwSignal<Vec<Notice>>,
}

impl ProgressContext {
    pub fn notify(&self, text: impl Into<String>, kept: Option<String>) {
        let notice = Notice { text: text.into(), kept };
        self.notices.update(|n| {
            if !n.contains(&notice) {
                n.push(notice);
            }
        });
    }
}

pub fn use_progress() -> ProgressContext {
    expect_context::<ProgressContext>()
}

const MEMORY_ONLY: &str = "Everything on this page works, but your progress will be lost when you leave it.";

/// Loads progress, provides it, saves it (merged with what is stored) whenever it changes, and
/// follows what other tabs save.
pub fn provide_progress_context() -> ProgressContext {
    let notices = RwSignal::new(Vec::new());
    let (initial, store, notice) = open();
    let ctx = ProgressContext { progress: RwSignal::new(initial), notices };
    let refused = notice.as_ref().is_some_and(|n| n.refused);
    if let Some(notice) = notice {
        ctx.notify(notice.text, notice.kept);
    }
    provide_context(ctx);

    let Some(store) = store else { return ctx };
    // The JSON this page last wrote or found stored: a change to anything else is an edit.
    let saved = StoredValue::new(ctx.progress.with_untracked(Progress::to_json));
    // A newer format is stored: this page has said so once and writes nothing while it lasts.
    let refused = StoredValue::new(refused);
    let writer = store.clone();
    Effect::new(move |_| {
        let json = ctx.progress.with(Progress::to_json);
        if saved.with_value(|s| *s == json) {
            return;
        }
        let ours = ctx.progress.get_untracked();
        if let Some(shown) = write(&writer, &ours, ctx, refused) {
            saved.set_value(shown.to_json());
            if shown != ours {
                ctx.progress.set(shown);
            }
        }
    });

    // Another tab saved (or cleared the site's storage): show what it saved, merged with ours.
    let follow = window_event_listener(ev::storage, move |ev: web_sys::StorageEvent| {
        if ev.key().is_some_and(|k| k != storage::KEY) {
            return;
        }
        let Ok(raw) = store.get(storage::KEY) else { return };
        match storage::load(raw.as_deref()) {
            Loaded::Ready { progress, .. } => {
                let merged = storage::sync(&progress, &ctx.progress.get_untracked());
                // What is stored is known: the effect writes only if ours adds to it.
                saved.set_value(progress.to_json());
                ctx.progress.set(merged);
            }
            Loaded::Unreadable { reason, newer: true, .. } => refuse(
                ctx,
                refused,
                format!(
                    "Your progress is no longer saved from this page: {reason}. Nothing on this page will overwrite it."
                ),
            ),
            // Emptied or damaged elsewhere: this page's next save stores its progress again
            // (keeping a damaged value aside first).
            Loaded::Empty | Loaded::Unreadable { .. } => {}
        }
    });
    // The context lives as long as the page.
    std::mem::forget(follow);

    ctx
}

/// Says once that the page stops saving because a newer format is stored.
fn refuse(ctx: ProgressContext, refused: StoredValue<bool>, reason: String) {
    if !refused.get_value() {
        refused.set_value(true);
        ctx.notify(reason, None);
    }
}

/// Saves `ours` merged with what is stored now. Returns the progress to show (ours with
/// another tab's work), or `None` when nothing was saved (the learner is told why).
fn write(
    store: &LocalStore,
    ours: &Progress,
    ctx: ProgressContext,
    refused: StoredValue<bool>,
) -> Option<Progress> {
    let cannot_save = |e: String| {
        ctx.notify(format!("Your progress could not be saved: {e}. {MEMORY_ONLY}"), None);
    };
    let raw = store.get(storage::KEY).map_err(cannot_save).ok()?;
    let loaded = storage::load(raw.as_deref());
    let why = match &loaded {
        Loaded::Unreadable { reason, .. } => reason.clone(),
        _ => String::new(),
    };
    let progress = match storage::plan_write(loaded, ours) {
        Write::Unchanged(progress) => {
            refused.set_value(false);
            return Some(progress);
        }
        Write::Save(progress) => progress,
        Write::Refuse { reason } => {
            refuse(ctx, refused, reason);
            return None;
        }
        Write::KeepAsideThenSave { raw, reason, progress } => match store.keep_aside(storage::KEPT_KEY, &raw)
        {
            Ok(key) => {
                ctx.notify(kept_aside(&why, &key), Some(raw));
                progress
            }
            Err(why) => {
                ctx.notify(
                    format!("{reason} It could not be kept aside ({why}), so it is left as it is and your progress is not saved."),
                    Some(raw),
                );
                return None;
            }
        },
    };
    store.set(storage::KEY, &progress.to_json()).map_err(cannot_save).ok()?;
    refused.set_value(false);
    Some(progress)
}

/// What reading the stored value at start found, for the learner.
struct Opened {
    text: String,
    kept: Option<String>,
    /// A newer format is stored: nothing is written.
    refused: bool,
}

/// Reads the stored progress: what to start with, the store to save to (`None`: do not save),
/// and what to tell the learner.
fn open() -> (Progress, Option<LocalStore>, Option<Opened>) {
    let memory_only = |why: String| {
        let text = format!("Progress cannot be saved here: {why}. {MEMORY_ONLY}");
        (Progress::default(), None, Some(Opened { text, kept: None, refused: false }))
    };
    let store = match LocalStore::open() {
        Ok(store) => store,
        Err(why) => return memory_only(why),
    };
    let raw = match store.get(storage::KEY) {
        Ok(raw) => raw,
        Err(why) => return memory_only(why),
    };
    match storage::load(raw.as_deref()) {
        Loaded::Empty => (Progress::default(), Some(store), None),
        Loaded::Ready { progress, .. } => (progress, Some(store), None),
        // The store is kept: every save is refused while the newer value is there.
        Loaded::Unreadable { raw, reason, newer: true } => {
            let text = format!(
                "Your saved progress was not loaded: {reason}. Nothing you do on this page will overwrite it."
            );
            (Progress::default(), Some(store), Some(Opened { text, kept: Some(raw), refused: true }))
        }
        Loaded::Unreadable { raw, reason, newer: false } => match store.keep_aside(storage::KEPT_KEY, &raw) {
            Ok(key) => {
                let text = kept_aside(&reason, &key);
                (Progress::default(), Some(store), Some(Opened { text, kept: Some(raw), refused: false }))
            }
            Err(why) => {
                let text = format!(
                    "Your saved progress could not be read ({reason}) and could not be kept aside ({why}), so it is left untouched. {MEMORY_ONLY}"
                );
                (Progress::default(), None, Some(Opened { text, kept: Some(raw), refused: false }))
            }
        },
    }
}

/// The notice for a stored value that could not be read and is now kept under `key`.
fn kept_aside(reason: &str, key: &str) -> String {
    format!(
        "The progress saved in this browser could not be read ({reason}). It is kept under \u{201c}{key}\u{201d}, you can download it, and your progress is saved afresh."
    )
}
