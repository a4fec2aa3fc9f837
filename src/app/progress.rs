//! The learner's progress as a reactive context: loaded once from storage at start, saved on
//! every change, with notices when storage misbehaves.
//!
//! Where storage cannot be used the site keeps working from memory and says so. An unreadable
//! saved value is kept aside before anything is written and offered as a download; a value
//! written by a newer Headroom is never overwritten.

use leptos::prelude::*;

use crate::storage::{self, Loaded, Progress, local::LocalStore};

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

/// Loads progress, provides it, and saves it whenever it changes.
pub fn provide_progress_context() -> ProgressContext {
    let notices = RwSignal::new(Vec::new());
    let (initial, store, notice) = open();
    let ctx = ProgressContext { progress: RwSignal::new(initial), notices };
    if let Some(notice) = notice {
        ctx.notify(notice.text, notice.kept);
    }
    provide_context(ctx);

    if let Some(store) = store {
        storage::local::request_persistence();
        let saved = StoredValue::new(ctx.progress.with_untracked(Progress::to_json));
        Effect::new(move |_| {
            let json = ctx.progress.with(Progress::to_json);
            if saved.with_value(|s| *s == json) {
                return;
            }
            match store.set(storage::KEY, &json) {
                Ok(()) => saved.set_value(json),
                Err(e) => ctx.notify(format!("Your progress could not be saved: {e}. {MEMORY_ONLY}"), None),
            }
        });
    }

    ctx
}

/// Reads the stored progress: what to start with, the store to save to (`None`: do not save),
/// and what to tell the learner.
fn open() -> (Progress, Option<LocalStore>, Option<Notice>) {
    let memory_only = |why: String| {
        let text = format!("Progress cannot be saved here: {why}. {MEMORY_ONLY}");
        (Progress::default(), None, Some(Notice { text, kept: None }))
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
        Loaded::Unreadable { raw, reason, newer: true } => {
            let text = format!(
                "Your saved progress was not loaded: {reason}. Nothing you do on this page will overwrite it."
            );
            (Progress::default(), None, Some(Notice { text, kept: Some(raw) }))
        }
        Loaded::Unreadable { raw, reason, newer: false } => match store.keep_aside(storage::KEPT_KEY, &raw) {
            Ok(key) => {
                let text = format!(
                    "Your saved progress could not be read ({reason}), so you are starting fresh. The old value is kept in this browser under \u{201c}{key}\u{201d}, and you can download it."
                );
                (Progress::default(), Some(store), Some(Notice { text, kept: Some(raw) }))
            }
            Err(why) => {
                let text = format!(
                    "Your saved progress could not be read ({reason}) and could not be kept aside ({why}), so it is left untouched. {MEMORY_ONLY}"
                );
                (Progress::default(), None, Some(Notice { text, kept: Some(raw) }))
            }
        },
    }
}
