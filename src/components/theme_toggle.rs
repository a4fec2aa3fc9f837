use leptos::prelude::*;

use crate::{app::use_progress, storage::Theme};

/// Cycles the theme: the system setting → light → dark.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let progress = use_progress().progress;
    let theme = move || progress.with(|p| p.theme);
    let label = move || match theme() {
        Theme::System => "Theme: system",
        Theme::Light => "Theme: light",
        Theme::Dark => "Theme: dark",
    };
    let next = move |_| {
        progress.update(|p| {
            p.theme = match p.theme {
                Theme::System => Theme::Light,
                Theme::Light => Theme::Dark,
                Theme::Dark => Theme::System,
            }
        })
    };
    view! {
        <button class="theme-toggle" data-testid="theme-toggle" on:click=next title="Change the colour theme">
            {label}
        </button>
    }
}
