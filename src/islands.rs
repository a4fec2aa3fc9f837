//! Islands: the interactive parts of a prerendered page, and what each needs to start.
//!
//! The build (`crate::site`) writes every page as HTML. Where a part of the page needs the
//! browser (a check to answer, a simulation to run, the learner's progress), it writes an
//! element carrying `data-island="<json>"`: one [`Island`], serialized. The wasm app finds
//! every such element, reads its island, and mounts the live component over the prerendered
//! markup, which already has the right content and size. This enum is the one contract between
//! the two sides; both serialize it with serde, so they cannot drift apart.
//!
//! Pure: no browser crate (tests/layering.rs).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::content::Quiz;

/// The attribute that marks an island and holds its JSON.
pub const ATTRIBUTE: &str = "data-island";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "island", rename_all = "kebab-case")]
pub enum Island {
    /// The header's theme button.
    ThemeToggle,
    /// The header's search button and the search dialog (`content::search`).
    Search,
    /// The `?` overlay listing the keyboard shortcuts, and the keys themselves.
    Shortcuts,
    /// Messages about saved progress (storage switched off, an unreadable value).
    Notices,
    /// The home page's first link: "start here", or "continue where you left off".
    Continue {
        /// The first lesson, as prerendered: `(id, title)`.
        start: (String, String),
        /// Every page's title by id (`course/lesson`), to name the last one visited.
        titles: BTreeMap<String, String>,
    },
    /// A course's completion: on its card on the home page, or at the top of its page.
    CourseProgress {
        /// Ids of the pages that count (lessons and reviews, not reference pages).
        lessons: Vec<String>,
        /// `Some(hours)` on the course page ("about 12 hours in all"); `None` on a card.
        hours: Option<u32>,
    },
    /// The check mark beside one lesson in a course's list.
    LessonCheck { id: String },
    /// Export, import and reset of progress (home page).
    ProgressPanel,
    /// A lesson's behaviour: remembers the visit and the scroll position, ← → between pages.
    Lesson {
        id: String,
        /// Addresses of the previous and next page, relative to the base.
        prev: Option<String>,
        next: Option<String>,
    },
    /// "Mark lesson complete".
    MarkComplete { id: String },
    /// A ```quiz or ```predict block. Its text (prompts, choices, explanations) is HTML,
    /// rendered at build time, so the wasm needs no markdown parser.
    Quiz { id: String, quiz: Quiz, prediction: bool },
    /// A ```sim block.
    Sim {
        /// The scenario's `key = value` lines.
        scenario: String,
        controls: Vec<String>,
        caption: Option<String>,
    },
    /// The embed page: one widget from the address (`embed/<kind>/?<scenario>`).
    Embed { kind: String },
    /// The not-found page: under `embed/` it becomes an embed that names the unknown kind.
    NotFound,
}

impl Island {
    /// The attribute value: the island as JSON.
    pub fn to_attribute(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads an attribute value back; a message when it is not an island this build knows.
    pub fn from_attribute(text: &str) -> Result<Island, String> {
        serde_json::from_str(text).map_err(|e| format!("an interactive part of this page is damaged: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_island_survives_the_attribute() {
        let quiz = crate::content::quiz::parse("? Q\n- [x] <b>a</b>\n> why\n- [ ] b\n> why not\n").unwrap();
        let islands = [
            Island::ThemeToggle,
            Island::Search,
            Island::Shortcuts,
            Island::Continue { start: ("c/a".into(), "A".into()), titles: [("c/a".into(), "A".into())].into() },
            Island::CourseProgress { lessons: vec!["c/a".into()], hours: Some(3) },
            Island::Lesson { id: "c/a".into(), prev: None, next: Some("learn/c/b/".into()) },
            Island::Quiz { id: "c/a#0".into(), quiz, prediction: false },
            Island::Sim { scenario: "kind = queue\n".into(), controls: vec!["rate".into()], caption: None },
            Island::Embed { kind: "queue".into() },
        ];
        for island in islands {
            assert_eq!(Island::from_attribute(&island.to_attribute()), Ok(island));
        }
        assert!(Island::from_attribute(r#"{"island":"rocket"}"#).unwrap_err().contains("damaged"));
    }
}
