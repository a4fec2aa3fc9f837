//! The site around a page: skip link, header (with the theme button), notices, footer.
//!
//! Every address is relative to the document's `<base href>`, including in-page anchors
//! (`learn/sd/caching/#main`, never `#main`, which the base would send to the home page).

use maud::{Markup, html};

use crate::islands::Island;

/// `content` as the page's `<main>`, inside the site's header and footer. `path` is the page's
/// own address (for the skip link).
pub fn site(path: &str, content: Markup) -> Markup {
    html! {
        a.skip-link href={ (path) "#main" } { "Skip to content" }
        header.site-header {
            a.brand href="./" aria-label="Headroom home" {
                span.brand-mark aria-hidden="true" { "▲" }
                "Headroom"
            }
            nav.site-nav aria-label="Site" {
                a href="./#courses-title" { "Courses" }
            }
            (island(&Island::Search, html! {
                button.search-open type="button" disabled data-testid="search-open" aria-keyshortcuts="/" {
                    "Search" kbd aria-hidden="true" { "/" }
                }
            }))
            (island(&Island::ThemeToggle, html! {
                button.theme-toggle type="button" disabled data-testid="theme-toggle"
                    aria-label="Colour theme: follows your system. Change it." { "◐ Auto" }
            }))
        }
        div.notices aria-live="polite" data-island=(Island::Notices.to_attribute()) {}
        div.update-ready role="status" hidden data-testid="update-ready" {
            p { "A new version of Headroom is ready." }
            button type="button" data-testid="update-apply" { "Update now" }
        }
        main #main { (content) }
        div.island data-island=(Island::Shortcuts.to_attribute()) {}
        footer.site-footer {
            p {
                "Headroom: learn system design by running it. Your progress stays in this browser; "
                a href="./#your-progress" { "export it" }
                " to move it."
            }
        }
    }
}

/// An island around prerendered markup: a wrapper the app empties and mounts into. The wrapper
/// takes no space of its own (`display: contents`), so the page lays out the same before and
/// after the app arrives. Buttons that only the app can work are prerendered `disabled`.
pub fn island(island: &Island, prerendered: Markup) -> Markup {
    html! { div.island data-island=(island.to_attribute()) { (prerendered) } }
}
