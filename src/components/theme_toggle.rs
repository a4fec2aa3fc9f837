use leptos::prelude::*;

use crate::{app::use_progress, browser, storage::Theme};

/// Cycles the theme: the system setting → light → dark, and keeps `<html data-theme>` in step
/// with the saved choice (which the page's bootstrap script already applied before the first
/// paint).
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let progress = use_progress().progress;
    Effect::new(move |_| {
        let value = match progress.with(|p| p.theme()) {
            Theme::System => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        };
        browser::set_root_attribute("data-theme", value);
    });
    let theme = move || progress.with(|p| p.theme());
    let label = move || match theme() {
        Theme::System => "◐ Auto",
        Theme::Light => "☀ Light",
        Theme::Dark => "☾ Dark",
    };
    let describe = move || match theme() {
        Theme::System => "Colour theme: follows your system. Change it.",
        Theme::Light => "Colour theme: light. Change it.",
        Theme::Dark => "Colour theme: dark. Change it.",
    };
    let next = move |_| {
        progress.update(|p| {
            let next = match p.theme() {
                Theme::System => Theme::Light,
                Theme::Light => Theme::Dark,
                Theme::Dark => Theme::System,
            };
            p.set_theme(next, browser::wall_clock_ms());
        })
    };
    view! {
        <button type="button" class="theme-toggle" data-testid="theme-toggle" on:click=next aria-label=describe title=describe>
            {label}
        </button>
    }
}
