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
    /// The home page's first link: "start here", "continue where you left off", or the next
    /// lesson after the one just completed.
    Continue {
        /// The first lesson, as prerendered: `(id, title)`.
        start: (String, String),
        /// Every page in the site's order, to name the last one visited and find the next.
        pages: Vec<PageRef>,
    },
    /// A course's completion: on its card on the home page, or at the top of its page.
    CourseProgress {
        /// Ids of the pages that count (lessons and reviews, not reference pages).
        lessons: Vec<String>,
        /// `Some(hours)` on the course page ("about 12 hours in all"); `None` on a card.
        hours: Option<u32>,
    },
    /// Whether a section's review page is due, under the section's title on its course page.
    SectionReview {
        /// The review page's id (`course/slug`) and address.
        review: String,
        href: String,
        /// Ids of the section's lessons (not its review or reference pages).
        lessons: Vec<String>,
    },
    /// The check mark beside one lesson in a course's list.
    LessonCheck {
        id: String,
        /// The lesson's graded challenges: each one's progress id and text, for a "goal met"
        /// mark beside the check.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        goals: Vec<(String, String)>,
    },
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
        /// The block's graded challenge: its progress id (`course/lesson#goal-n`) and its text.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        goal: Option<(String, String)>,
    },
    /// The embed page: one widget from the address (`embed/<kind>/?<scenario>`).
    Embed { kind: String },
    /// The not-found page: under `embed/` it becomes an embed that names the unknown kind.
    NotFound,
    /// The embed builder (`embed/`): an instructor's form for an embed address, with the
    /// lessons' ready-made scenarios.
    EmbedBuilder { presets: Vec<Preset> },
}

/// A ready-made scenario from a lesson, for the embed builder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Preset {
    /// What it shows ("A slow server under round robin").
    pub title: String,
    /// The lesson it comes from: its title and address.
    pub lesson: (String, String),
    pub kind: String,
    /// The scenario as a URL query (`kind=balancer&rate=150...`).
    pub query: String,
    /// The controls the lesson gives the learner.
    pub controls: Vec<String>,
}

impl Preset {
    /// The embed address, relative to the site's base.
    pub fn href(&self) -> String {
        let mut href = format!("embed/{}/?{}", self.kind, self.query);
        if !self.controls.is_empty() {
            href.push_str("&controls=");
            href.push_str(&self.controls.join(","));
        }
        href
    }
}

/// One page of the catalog, as the home page's "continue" link needs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageRef {
    /// `course/lesson`.
    pub id: String,
    pub title: String,
    /// A reference page: never completed, so never the next thing to do.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reference: bool,
}

/// Where the home page sends a learner who has been here before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resume<'a> {
    /// The last page visited, not yet complete: "continue where you left off".
    Continue(&'a PageRef),
    /// The last page visited is complete: the first page after it, in the site's order, that
    /// is neither complete nor a reference page.
    Next { done: &'a PageRef, next: &'a PageRef },
}

/// Where to resume, from the last page visited (`None`: no visit, or a page no longer in the
/// catalog, so the home page offers the first lesson). After a completed page with nothing left
/// after it, the first page not yet complete; when everything is complete, the last page.
pub fn resume<'a>(
    pages: &'a [PageRef],
    last: Option<&str>,
    complete: impl Fn(&str) -> bool,
) -> Option<Resume<'a>> {
    let at = pages.iter().position(|p| Some(p.id.as_str()) == last)?;
    let here = &pages[at];
    if here.reference || !complete(&here.id) {
        return Some(Resume::Continue(here));
    }
    let open = |p: &&PageRef| !p.reference && !complete(&p.id);
    let next = pages[at + 1..].iter().find(open).or_else(|| pages[..at].iter().find(open));
    Some(next.map_or(Resume::Continue(here), |next| Resume::Next { done: here, next }))
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
            Island::Continue {
                start: ("c/a".into(), "A".into()),
                pages: vec![PageRef { id: "c/a".into(), title: "A".into(), reference: false }],
            },
            Island::CourseProgress { lessons: vec!["c/a".into()], hours: Some(3) },
            Island::SectionReview {
                review: "c/r".into(),
                href: "learn/c/r/".into(),
                lessons: vec!["c/a".into()],
            },
            Island::Lesson { id: "c/a".into(), prev: None, next: Some("learn/c/b/".into()) },
            Island::Quiz { id: "c/a#0".into(), quiz, prediction: false },
            Island::Sim {
                scenario: "kind = queue\n".into(),
                controls: vec!["rate".into()],
                caption: None,
                goal: None,
            },
            Island::Sim {
                scenario: "kind = queue\n".into(),
                controls: vec![],
                caption: None,
                goal: Some(("c/l#goal-0".into(), "p99 < 1".into())),
            },
            Island::Embed { kind: "queue".into() },
            Island::EmbedBuilder {
                presets: vec![Preset {
                    title: "T".into(),
                    lesson: ("L".into(), "learn/c/l/".into()),
                    kind: "queue".into(),
                    query: "kind=queue&rate=0.9".into(),
                    controls: vec!["rate".into()],
                }],
            },
        ];
        for island in islands {
            assert_eq!(Island::from_attribute(&island.to_attribute()), Ok(island));
        }
        assert!(Island::from_attribute(r#"{"island":"rocket"}"#).unwrap_err().contains("damaged"));
    }

    /// Issue 17: "Continue where you left off" pointed at the lesson just completed.
    #[test]
    fn resume_goes_on_to_the_next_open_lesson_after_a_completed_one() {
        let page = |id: &str, reference: bool| PageRef { id: id.into(), title: id.to_uppercase(), reference };
        let pages = [
            page("c/a", false),
            page("c/b", false),
            page("c/glossary", true),
            page("c/d", false),
            page("e/a", false),
        ];
        let done = |ids: &'static [&'static str]| move |id: &str| ids.contains(&id);
        let id = |r: Option<Resume>| match r {
            Some(Resume::Continue(p)) => format!("continue {}", p.id),
            Some(Resume::Next { done, next }) => format!("{} done, next {}", done.id, next.id),
            None => "start".into(),
        };
        assert_eq!(id(resume(&pages, None, done(&[]))), "start");
        assert_eq!(id(resume(&pages, Some("gone/x"), done(&[]))), "start");
        assert_eq!(id(resume(&pages, Some("c/b"), done(&[]))), "continue c/b");
        assert_eq!(id(resume(&pages, Some("c/a"), done(&["c/a"]))), "c/a done, next c/b");
        // Reference pages and completed lessons are skipped, across courses too.
        assert_eq!(id(resume(&pages, Some("c/b"), done(&["c/b", "c/d"]))), "c/b done, next e/a");
        assert_eq!(id(resume(&pages, Some("c/glossary"), done(&[]))), "continue c/glossary");
        // Nothing left after it: the first open one before it; nothing open at all: the page itself.
        assert_eq!(id(resume(&pages, Some("e/a"), done(&["c/b", "c/d", "e/a"]))), "e/a done, next c/a");
        assert_eq!(id(resume(&pages, Some("e/a"), done(&["c/a", "c/b", "c/d", "e/a"]))), "continue e/a");
    }
}
