//! Search over the real lessons: the index the build writes, ranked as the site module ranks
//! it (the browser tests, playwright/tests/search.spec.js, ask the same questions).

use std::fs;

use headroom::{
    content::{embedded_catalog, search::Searcher},
    site::{Shell, Site},
};

fn searcher() -> Searcher {
    let shell = Shell::bare("https://x.org/headroom/");
    let source =
        |course: &str, lesson: &str| fs::read_to_string(format!("content/{course}/{lesson}.md")).ok();
    let figure =
        |course: &str, file: &str| fs::read_to_string(format!("content/{course}/figures/{file}")).ok();
    let site = Site { catalog: embedded_catalog(), shell: &shell, source: &source, figure: &figure };
    Searcher::new(site.search_index())
}

fn place(s: &Searcher, section: usize) -> (String, String) {
    let section = &s.index().sections[section];
    (s.index().pages[section.page].href.clone(), section.anchor.clone())
}

#[test]
fn every_page_of_every_course_is_indexed() {
    let s = searcher();
    let catalog = embedded_catalog();
    let pages: usize = catalog.courses.iter().map(|c| c.lessons().count()).sum();
    assert_eq!(s.index().pages.len(), pages);
    for href in ["learn/system-design/glossary/", "learn/professional-engineering/reading-list/"] {
        assert!(s.index().pages.iter().any(|p| p.href == href), "{href} is not indexed");
    }
}

#[test]
fn a_word_in_one_lessons_body_finds_its_section() {
    let s = searcher();
    let hits = s.search("bestsellers");
    assert_eq!(hits.len(), 1);
    assert_eq!(
        place(&s, hits[0].section),
        ("learn/system-design/fault-tolerance/".into(), "bulkheads-and-graceful-degradation".into())
    );
}

#[test]
fn a_heading_comes_before_passing_mentions() {
    let s = searcher();
    let hits = s.search("idempotency keys");
    assert!(hits.len() > 1);
    assert_eq!(
        place(&s, hits[0].section),
        ("learn/system-design/consistency/".into(), "idempotency-keys".into())
    );
    let hits = s.search("Erlang C");
    let first = &s.index().sections[hits[0].section];
    assert!(first.heading.contains("Erlang C"), "{}", first.heading);
}
