use leptos::{prelude::*, task::spawn_local};
use wasm_bindgen::JsCast;

use crate::{app::use_progress, browser, storage};

/// Export progress to a file, import it back, or start over.
#[component]
pub fn ProgressPanel() -> impl IntoView {
    let ctx = use_progress();
    let message = RwSignal::new(String::new());
    let export = move |_| {
        let json = ctx.progress.with(storage::Progress::to_pretty_json);
        match browser::download("headroom-progress.json", "application/json", &json) {
            Ok(()) => message.set("Progress exported as headroom-progress.json.".into()),
            Err(e) => message.set(format!("Export failed: {e}.")),
        }
    };
    // A file read and checked, waiting for the learner to choose merge or replace.
    let pending = RwSignal::new(None::<storage::Imported>);
    let import = move |ev: leptos::ev::Event| {
        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        let Some(file) = input.as_ref().and_then(|i| i.files()).and_then(|f| f.get(0)) else { return };
        if let Some(input) = input {
            input.set_value("");
        }
        pending.set(None);
        let refused = move |e: String| {
            message.set(format!("That file was not imported: {e}. Your current progress is unchanged."))
        };
        // The size is known before reading: a huge file is never read into memory.
        let size = file.size();
        let size = if size.is_finite() && size >= 0.0 { size as u64 } else { u64::MAX };
        if let Err(e) = storage::import::check_size(size) {
            return refused(e);
        }
        message.set(String::new());
        spawn_local(async move {
            let result = browser::read_file(file).await.and_then(|text| {
                storage::import(&text, crate::content::embedded_catalog(), browser::wall_clock_ms())
            });
            match result {
                Ok(imported) => pending.set(Some(imported)),
                Err(e) => refused(e),
            }
        });
    };
    // What each choice would change, against the progress as it is now (another tab may change it).
    let changes = move |mode| {
        pending.with(|p| {
            p.as_ref().map(|imported| {
                let now = browser::wall_clock_ms();
                ctx.progress.with(|ours| storage::plan_import(ours, imported, mode, now).1.describe())
            })
        })
    };
    let apply = move |mode: storage::ImportMode| {
        let Some(imported) = pending.get_untracked() else { return };
        let now = browser::wall_clock_ms();
        let mut described = String::new();
        ctx.progress.update(|p| {
            let (after, changes) = storage::plan_import(p, &imported, mode, now);
            described = changes.describe();
            *p = after;
        });
        pending.set(None);
        let how = match mode {
            storage::ImportMode::Merge => "merged",
            storage::ImportMode::Replace => "replaced your progress",
        };
        message.set(format!("Progress imported ({how}): {described}"));
    };
    let choice = move || {
        pending.with(|p| p.as_ref().map(|imported| (imported.left_out_summary(), imported.future_times))).map(
            |(left_out, future)| {
                let future = (future > 0).then(|| {
                    format!(
                        "{future} {} in the file {} later than now and {} moved to now.",
                        if future == 1 { "time" } else { "times" },
                        if future == 1 { "was" } else { "were" },
                        if future == 1 { "was" } else { "were" },
                    )
                });
                view! {
                    <div class="import-choice" role="group" aria-label="How to import the file" data-testid="import-choice">
                        <p>"The file can be read. Choose how to bring it in:"</p>
                        {left_out.map(|text| view! { <p class="muted" data-testid="import-left-out">{text}</p> })}
                        {future.map(|text| view! { <p class="muted">{text}</p> })}
                        <div class="option">
                            <button data-testid="import-merge" on:click=move |_| apply(storage::ImportMode::Merge)>"Merge with my progress"</button>
                            <span data-testid="import-merge-changes">{move || changes(storage::ImportMode::Merge)}</span>
                        </div>
                        <div class="option">
                            <button class="danger" data-testid="import-replace" on:click=move |_| apply(storage::ImportMode::Replace)>"Replace my progress"</button>
                            <span data-testid="import-replace-changes">{move || changes(storage::ImportMode::Replace)}</span>
                        </div>
                        <button class="secondary" data-testid="import-cancel" on:click=move |_| {
                            pending.set(None);
                            message.set("Import cancelled. Your progress is unchanged.".into());
                        }>"Cancel"</button>
                    </div>
                }
            },
        )
    };
    let reset = move |_| {
        if browser::confirm(
            "Reset all progress? Completed lessons and quiz answers will be cleared. Export first if you may want them back.",
        ) {
            ctx.progress.update(|p| {
                p.reset(browser::wall_clock_ms());
            });
            message.set("Progress reset.".into());
        }
    };
    view! {
        <section class="progress-panel" id="your-progress">
            <h2>"Your progress"</h2>
            <p class="muted">"Progress is kept in this browser only. Export it to keep a copy or to move to another browser."</p>
            <div class="actions">
                <button data-testid="export" on:click=export>"Export progress"</button>
                <label class="button">
                    "Import progress"
                    <input type="file" accept="application/json,.json" data-testid="import" on:change=import class="visually-hidden"/>
                </label>
                <button class="danger" data-testid="reset" on:click=reset>"Reset progress"</button>
            </div>
            {choice}
            <p role="status" data-testid="progress-message">{move || message.get()}</p>
        </section>
    }
}
