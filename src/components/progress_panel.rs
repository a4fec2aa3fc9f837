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
    let import = move |ev: leptos::ev::Event| {
        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        let Some(file) = input.as_ref().and_then(|i| i.files()).and_then(|f| f.get(0)) else { return };
        if let Some(input) = input {
            input.set_value("");
        }
        spawn_local(async move {
            let result = browser::read_file(file).await.and_then(|text| {
                storage::import(&text, crate::content::embedded_catalog(), browser::wall_clock_ms())
            });
            match result {
                Ok(imported) => {
                    let lessons = imported.progress().completed_count();
                    let now = browser::wall_clock_ms();
                    ctx.progress.update(|p| {
                        *p = storage::plan_import(p, &imported, storage::ImportMode::Replace, now).0
                    });
                    message.set(format!("Progress imported: {lessons} lessons complete."));
                }
                Err(e) => message
                    .set(format!("That file was not imported: {e}. Your current progress is unchanged.")),
            }
        });
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
            <p role="status" data-testid="progress-message">{move || message.get()}</p>
        </section>
    }
}
