//! Lessons: the course index, each lesson's front matter, and markdown turned into page blocks.
//!
//! Stages:
//! 1. `content/courses.toml` + every lesson's front matter → [`Catalog`] (titles, minutes,
//!    objectives). build.rs does this at compile time and embeds the result as JSON for the
//!    native tools; [`embedded_catalog`] reads it back.
//! 2. A lesson's markdown, read when the site is built → [`front_matter::body`] →
//!    [`markdown::render`] → [`Block`]s (HTML, a ```sim widget, a ```quiz, ...) plus the headings
//!    for a table of contents, which `crate::site` writes into the lesson's page.
//!
//! Everything here is pure: `&str` in, data out. Reading files is the caller's job.

pub mod catalog;
pub mod figure;
pub mod front_matter;
pub mod links;
pub mod markdown;
pub mod quiz;
pub mod safe_html;
pub mod search;
pub mod setup;
pub mod sim_block;

pub use catalog::{Catalog, Course, Lesson, Section};
pub use figure::Figure;
pub use front_matter::{FrontMatter, Page};
pub use markdown::{Block, Heading, Rendered};
pub use quiz::Quiz;
pub use setup::Setup;
pub use sim_block::SimBlock;

/// The catalog build.rs embedded in this binary. An unreadable embed (it cannot happen unless
/// the build is broken) gives an empty catalog rather than a dead page.
pub fn embedded_catalog() -> &'static Catalog {
    static CATALOG: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
    CATALOG.get_or_init(|| {
        serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/catalog.json"))).unwrap_or_default()
    })
}
