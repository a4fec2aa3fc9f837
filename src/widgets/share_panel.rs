use leptos::{prelude::*, task::spawn_local};

use super::WidgetState;
use crate::browser;

/// The address of the embed that replays this exact run (`controls`: the keys it offers,
/// joined by commas), opening at the current time when `with_time`.
pub fn run_address(state: WidgetState, controls: &str, with_time: bool) -> String {
    let (kind, query) = state.scenario.with(|s| (s.kind.name(), s.to_query()));
    let mut url = format!("{}{}/embed/{kind}?{query}", browser::origin(), browser::base_path());
    if !controls.is_empty() {
        url.push_str(&format!("&controls={controls}"));
    }
    if with_time && state.now() > 0.0 {
        // Full precision: a rounded time can stop just short of the event the learner saw.
        url.push_str(&format!("&t={}", state.now()));
    }
    url
}

/// The address that replays this exact run, and a ready `<iframe>` for slides.
#[component]
pub fn SharePanel(state: WidgetState, controls: Vec<String>) -> impl IntoView {
    let controls = StoredValue::new(controls.join(","));
    let address = move |with_time: bool| controls.with_value(|c| run_address(state, c, with_time));
    let share = move || address(true);
    let embed = move || {
        let kind = state.scenario.with(|s| s.kind.name());
        format!(
            r#"<iframe src="{}" width="760" height="640" title="Headroom simulation: {kind}" loading="lazy" style="border:0;max-width:100%"></iframe>"#,
            address(false).replace('&', "&amp;")
        )
    };
    // The builder, starting from this run (relative to the page's base).
    let builder = move || {
        let query = state.scenario.with(|s| s.to_query());
        controls.with_value(|c| {
            if c.is_empty() { format!("embed/?{query}") } else { format!("embed/?{query}&controls={c}") }
        })
    };
    // What the last copy did, in words: copied, or why not and how to copy by hand.
    let status = RwSignal::new(String::new());
    let copy = move |text: String, what: &'static str| {
        status.set(String::new());
        spawn_local(async move {
            status.set(match browser::copy_text(&text).await {
                Ok(()) => what.to_string(),
                Err(why) => format!("Not copied: {why}. Select the text above and copy it."),
            });
        });
    };
    let copy_link = move |_| copy(share(), "Link copied");
    let copy_embed = move |_| copy(embed(), "Embed code copied");
    view! {
        <details class="share">
            <summary>"Share or embed this run"</summary>
            <label>"Link to this exact run"
                <input readonly data-testid="share-url" prop:value=share on:focus=|ev| browser::select_input(&ev)/>
            </label>
            <button class="secondary" data-testid="copy-link" on:click=copy_link>"Copy link"</button>
            <label>"Embed code for slides"
                <textarea readonly rows="3" data-testid="embed-code" prop:value=embed on:focus=|ev| browser::select_input(&ev)></textarea>
            </label>
            <button class="secondary" data-testid="copy-embed" on:click=copy_embed>"Copy embed code"</button>
            <p class="muted" role="status" data-testid="copy-status">{move || status.get()}</p>
            <p><a class="builder-link" data-testid="open-builder" href=builder>"Open this run in the embed builder"</a>" to choose its controls, theme and start time for slides."</p>
        </details>
    }
}
