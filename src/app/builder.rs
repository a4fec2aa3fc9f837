//! The embed builder's island (`embed/`): pick a kind and its settings with the widget's own
//! controls, choose what the audience sees, the theme, the layout and the start time, watch
//! the preview at slide size (960 × 540, scaled to fit), and copy the iframe code or the link.
//! The address it writes is read back by `app::embed` exactly as the preview reads it, so the
//! pasted iframe shows the same run at the same time.

use leptos::{html::Div, prelude::*};
use leptos_use::{use_clipboard, use_resize_observer};

use crate::{
    browser,
    islands::Preset,
    scenario::{KEYS, Kind, Scenario},
    widgets::{ParameterControls, WidgetState},
};

/// The slide-sized frame the preview shows (a 16:9 deck's iframe).
const FRAME: (f64, f64) = (960.0, 540.0);

/// Everything the builder's address is made of.
#[derive(Clone, Debug, PartialEq)]
pub struct Embed {
    pub scenario: Scenario,
    /// Controls the audience sees (`controls=`; `none` when empty).
    pub controls: Vec<String>,
    /// `light`, `dark`, or empty for the viewer's system setting.
    pub theme: String,
    /// `compact`, `full`, or empty for the embed's own choice by frame size.
    pub layout: String,
    /// Seconds of simulated time to open at; empty for 0.
    pub start: String,
}

impl Embed {
    pub fn new(kind: Kind) -> Embed {
        Embed {
            scenario: Scenario::parse(&format!("kind = {}", kind.name())).scenario,
            controls: kind.descriptor().controls.iter().map(|k| k.to_string()).collect(),
            theme: String::new(),
            layout: String::new(),
            start: String::new(),
        }
    }

    /// Reads the builder's own address (`embed/?kind=cache&capacity=300&controls=ttl`, as a
    /// widget's share panel links to it): the embed to start from. `None` without a `kind`.
    pub fn from_query(query: &str) -> Option<Embed> {
        let mut scenario = Vec::new();
        let (mut controls, mut theme, mut layout, mut start) =
            (None, String::new(), String::new(), String::new());
        for pair in query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "controls" => controls = Some(value.to_string()),
                "theme" if matches!(value, "light" | "dark") => theme = value.to_string(),
                "layout" if matches!(value, "compact" | "full") => layout = value.to_string(),
                "t" => start = value.to_string(),
                "theme" | "layout" | "caption" => {}
                _ => scenario.push(pair),
            }
        }
        if !scenario.iter().any(|p| p.starts_with("kind=")) {
            return None;
        }
        let scenario = Scenario::from_query(&scenario.join("&")).scenario;
        let mut embed = Embed::new(scenario.kind);
        embed.scenario = scenario;
        match controls.as_deref() {
            Some("none") => embed.controls.clear(),
            Some(list) => {
                embed.controls = list.split(',').filter(|k| !k.is_empty()).map(String::from).collect()
            }
            None => {}
        }
        (embed.theme, embed.layout, embed.start) = (theme, layout, start);
        Some(embed)
    }

    /// The address relative to the site's base: `embed/<kind>/?<scenario>&controls=…&theme=…`.
    pub fn path(&self) -> String {
        let mut path = format!("embed/{}/?{}", self.scenario.kind.name(), self.scenario.to_query());
        let controls = if self.controls.is_empty() { "none".to_string() } else { self.controls.join(",") };
        path.push_str(&format!("&controls={controls}"));
        for (key, value) in [("theme", &self.theme), ("layout", &self.layout)] {
            if !value.is_empty() {
                path.push_str(&format!("&{key}={value}"));
            }
        }
        if let Some(t) = self.start_time() {
            path.push_str(&format!("&t={t}"));
        }
        path
    }

    /// The start time, when it is a time after zero.
    pub fn start_time(&self) -> Option<f64> {
        self.start.trim().parse::<f64>().ok().filter(|t| t.is_finite() && *t > 0.0)
    }

    /// The `<iframe>` for a slide, at the preview's size.
    pub fn iframe(&self, url: &str) -> String {
        format!(
            r#"<iframe src="{}" width="{}" height="{}" title="Headroom simulation: {}" loading="lazy" style="border:0;max-width:100%"></iframe>"#,
            url.replace('&', "&amp;"),
            FRAME.0,
            FRAME.1,
            self.scenario.kind.name()
        )
    }
}

#[component]
pub fn EmbedBuilder(presets: Vec<Preset>) -> impl IntoView {
    let embed = RwSignal::new(
        Embed::from_query(&browser::location_search()).unwrap_or_else(|| Embed::new(Kind::FIRST)),
    );
    // Bumped when the kind or a ready-made scenario replaces the settings: the controls are
    // rebuilt over the new scenario.
    let generation = RwSignal::new(0u32);
    let load = move |next: Embed| {
        embed.set(next);
        generation.update(|g| *g += 1);
    };
    let url = move || format!("{}{}/{}", browser::origin(), browser::base_path(), embed.with(Embed::path));
    let code = move || embed.with(|e| e.iframe(&url()));

    let kinds = Kind::ALL
        .into_iter()
        .map(|k| view! { <option value=k.name() selected=move || embed.with(|e| e.scenario.kind == k)>{k.name()}</option> })
        .collect_view();
    let choose_kind = move |ev| {
        if let Some(kind) = Kind::from_name(&event_target_value(&ev)) {
            load(Embed::new(kind));
        }
    };

    // The settings, with the widget's own controls over a widget state of the chosen scenario;
    // each key has a box for whether the audience gets its control.
    let settings = move || {
        generation.track();
        let scenario = embed.with_untracked(|e| e.scenario.clone());
        let kind = scenario.kind;
        let state = WidgetState::new(scenario);
        Effect::new(move |_| {
            let scenario = state.scenario.get();
            embed.update(|e| {
                if e.scenario != scenario {
                    e.scenario = scenario;
                }
            });
        });
        let rows = KEYS
            .iter()
            .filter(|spec| kind.uses(spec))
            .map(|spec| {
                let name = spec.name;
                let shown = move || embed.with(|e| e.controls.iter().any(|c| c == name));
                let toggle = move |_| {
                    embed.update(|e| {
                        if e.controls.iter().any(|c| c == name) {
                            e.controls.retain(|c| c != name);
                        } else {
                            e.controls.push(name.to_string());
                        }
                    })
                };
                view! {
                    <div class="builder-key">
                        <ParameterControls state keys=vec![name.to_string()]/>
                        <label class="inline audience">
                            <input type="checkbox" data-testid=format!("show-{name}") prop:checked=shown on:change=toggle/>
                            " audience can change"
                        </label>
                    </div>
                }
            })
            .collect_view();
        view! { <div class="builder-keys">{rows}</div> }
    };

    let text_field = move |get: fn(&Embed) -> &String, set: fn(&mut Embed, String)| {
        (move || embed.with(|e| get(e).clone()), move |ev| embed.update(|e| set(e, event_target_value(&ev))))
    };
    let (theme, set_theme) = text_field(|e| &e.theme, |e, v| e.theme = v);
    let (layout, set_layout) = text_field(|e| &e.layout, |e, v| e.layout = v);
    let (start, set_start) = text_field(|e| &e.start, |e, v| e.start = v);
    let start_problem = move || {
        embed.with(|e| {
            (!e.start.trim().is_empty() && e.start_time().is_none() && e.start.trim() != "0")
                .then_some("Write the start time in seconds, such as 12.5.")
        })
    };
    let option = move |value: &'static str, label: &'static str, current: Signal<String>| {
        view! { <option value=value selected=move || current.get() == value>{label}</option> }
    };
    let theme_now = Signal::derive(theme);
    let layout_now = Signal::derive(layout);

    // The preview: the embed itself, in a 960 × 540 frame scaled to the column's width.
    let frame_box = NodeRef::<Div>::new();
    let width = RwSignal::new(FRAME.0);
    use_resize_observer(frame_box, move |entries, _| {
        if let Some(entry) = entries.first() {
            width.set(entry.content_rect().width());
        }
    });
    let scale = move || (width.get() / FRAME.0).clamp(0.1, 1.0);

    let clipboard = use_clipboard();
    let (copied, supported) = (clipboard.copied, clipboard.is_supported);
    let last = RwSignal::new("");
    let write = StoredValue::new_local(clipboard.copy);
    let copy = move |text: String, what: &'static str| {
        last.set(what);
        write.with_value(|write| write(&text));
    };
    let status = move || match (supported.get(), copied.get()) {
        (false, _) if !last.get().is_empty() => "Select the text and copy it",
        (_, true) => last.get(),
        _ => "",
    };

    let preset_list = presets
        .into_iter()
        .enumerate()
        .map(|(i, preset)| {
            let title = preset.title.clone();
            let use_it = move |_| {
                let parsed = Scenario::from_query(&preset.query);
                let mut next = Embed::new(parsed.scenario.kind);
                next.scenario = parsed.scenario;
                next.controls = preset.controls.clone();
                embed.with_untracked(|e| {
                    next.theme = e.theme.clone();
                    next.layout = e.layout.clone();
                });
                load(next);
            };
            view! {
                <li>
                    <button class="secondary" data-testid=format!("preset-{i}") on:click=use_it>{title}</button>
                </li>
            }
        })
        .collect_view();

    view! {
        <div class="builder-app" data-testid="embed-builder">
            <section class="builder-presets" aria-labelledby="presets-title">
                <h2 id="presets-title">"Ready-made scenarios from the lessons"</h2>
                <ul class="presets" data-testid="presets">{preset_list}</ul>
            </section>
            <div class="builder-grid">
                <section class="builder-form" aria-label="Settings">
                    <label>"Simulation "
                        <select data-testid="builder-kind" on:change=choose_kind>{kinds}</select>
                    </label>
                    {settings}
                    <label>"Theme "
                        <select data-testid="builder-theme" on:change=set_theme>
                            {option("", "the viewer's system setting", theme_now)}
                            {option("light", "light", theme_now)}
                            {option("dark", "dark", theme_now)}
                        </select>
                    </label>
                    <label>"Layout "
                        <select data-testid="builder-layout" on:change=set_layout>
                            {option("", "fit the frame", layout_now)}
                            {option("compact", "compact (canvas and playback first)", layout_now)}
                            {option("full", "full (everything, scrolling)", layout_now)}
                        </select>
                    </label>
                    <label>"Open at (simulated seconds) "
                        <input type="text" inputmode="decimal" data-testid="builder-start" prop:value=start on:change=set_start/>
                    </label>
                    <p class="load-error" role="status">{start_problem}</p>
                </section>
                <section class="builder-output" aria-label="Preview and code">
                    <h2>"Preview at slide size"</h2>
                    <div class="builder-frame" node_ref=frame_box style:height=move || format!("{}px", FRAME.1 * scale())>
                        <iframe data-testid="builder-preview" title="Preview of the embed" src=url
                            width=FRAME.0.to_string() height=FRAME.1.to_string()
                            style:transform=move || format!("scale({})", scale())></iframe>
                    </div>
                    <label>"Iframe code"
                        <textarea readonly rows="4" data-testid="builder-code" prop:value=code on:focus=|ev| browser::select_input(&ev)></textarea>
                    </label>
                    <button class="secondary" data-testid="builder-copy-code" on:click=move |_| copy(code(), "Iframe code copied")>"Copy iframe code"</button>
                    <label>"Link"
                        <input readonly data-testid="builder-link" prop:value=url on:focus=|ev| browser::select_input(&ev)/>
                    </label>
                    <button class="secondary" data-testid="builder-copy-link" on:click=move |_| copy(url(), "Link copied")>"Copy link"</button>
                    <p class="muted" role="status">{status}</p>
                </section>
            </div>
        </div>
    }
}
