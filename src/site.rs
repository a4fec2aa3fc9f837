//! The static site: every route written as HTML at build time, so a page reads before the wasm
//! arrives, and without JavaScript at all.
//!
//! Stages:
//! 1. [`Site`]: the catalog, loaders for lesson sources and figures, and the [`Shell`] (the
//!    assets and scripts of the Trunk build, and the site's absolute address).
//! 2. [`routes`]: every route of the site, each a folder with an `index.html`.
//! 3. One renderer per kind of page ([`home`], [`course`], [`lesson`], [`embed`]): maud
//!    templates over the pure content pipeline. Each interactive part is written as an
//!    [`Island`](crate::islands::Island) over markup of the right content and size, which
//!    the wasm app mounts over.
//! 4. [`Shell::document`]: the page inside its document (per-page head, scripts).
//! 5. [`Site::files`]: every file to write: the routes, `404.html`, `sitemap.xml`, `robots.txt`,
//!    and the search index ([`search_index`]). The binary then writes the service worker
//!    ([`offline`]) over everything in the build.
//!
//! Pure: reading and writing files is the caller's job (`src/bin/headroom_site.rs`).

mod blocks;
mod builder;
mod chrome;
mod course;
mod embed;
mod figure_svg;
mod home;
mod lesson;
pub mod offline;
mod print;
pub mod routes;
mod search_index;
mod shell;
mod sitemap;

pub use routes::Route;
pub use shell::{BOOTSTRAP, Shell};

use maud::Markup;

use crate::content::{Catalog, Course, Lesson, Page as PageKind};

/// The search index's file, relative to the site root (`content::search`).
pub const SEARCH_INDEX: &str = "search-index.json";

/// A loader: `(course, name)` → the file's text, or `None` when it is missing.
pub type Load<'a> = &'a dyn Fn(&str, &str) -> Option<String>;

pub struct Site<'a> {
    pub catalog: &'a Catalog,
    pub shell: &'a Shell,
    /// A lesson's markdown source by `(course, slug)`.
    pub source: Load<'a>,
    /// A figure's SVG by `(course, file name)`.
    pub figure: Load<'a>,
}

/// One rendered page, before it is put in its document.
pub struct Page {
    pub title: String,
    pub description: String,
    pub route: Route,
    pub body: Markup,
    /// Problems met while rendering (a missing figure, a block that did not parse); the page
    /// shows each in place, and the build reports them.
    pub problems: Vec<String>,
}

impl Site<'_> {
    /// Every file of the site: `(path relative to the site root, contents)`.
    pub fn files(&self) -> (Vec<(String, String)>, Vec<String>) {
        let mut files = Vec::new();
        let mut problems = Vec::new();
        for route in routes::all(self.catalog) {
            let page = self.render(&route);
            problems.extend(page.problems.iter().map(|p| format!("{}: {p}", route.path())));
            files.push((route.file(), self.shell.document(&page)));
        }
        files.push(("sitemap.xml".into(), sitemap::sitemap(&self.shell.site_url, self.catalog)));
        files.push(("robots.txt".into(), sitemap::robots(&self.shell.site_url)));
        files.push((SEARCH_INDEX.into(), serde_json::to_string(&self.search_index()).unwrap_or_default()));
        (files, problems)
    }

    /// The search index of every page of every course (`content::search`).
    pub fn search_index(&self) -> crate::content::search::Index {
        search_index::build(self)
    }

    /// One route's page.
    pub fn render(&self, route: &Route) -> Page {
        match route {
            Route::Home => home::page(self),
            Route::Course(slug) => match self.catalog.course(slug) {
                Some(c) => course::page(self, c),
                None => embed::not_found(self.catalog),
            },
            Route::Lesson(c, l) => match (self.catalog.course(c), self.catalog.lesson(c, l)) {
                (Some(course), Some(lesson)) => lesson::page(self, course, lesson),
                _ => embed::not_found(self.catalog),
            },
            Route::Embed(kind) => embed::page(*kind),
            Route::Builder => builder::page(self),
            Route::NotFound => embed::not_found(self.catalog),
        }
    }
}

/// The pages of a course that count in its progress: lessons and reviews, not reference pages.
pub fn counted(course: &Course) -> impl Iterator<Item = &Lesson> {
    course.lessons().filter(|l| l.front.page != PageKind::Reference)
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = r#"
[[course]]
slug = "sd"
title = "System Design"
summary = "Building blocks."
[[course.section]]
title = "Basics"
lessons = ["one", "glossary", "review"]

[[course]]
slug = "later"
title = "Later"
summary = "Coming."
"#;

    const LESSON: &str = "+++\ntitle = \"One\"\nsummary = \"The first.\"\nminutes = 10\nobjectives = [\"Do a\", \"Do b\"]\n+++\n## Why it matters\n\nText with [a link](glossary#terms).\n\n```figure\nsrc = boxes.svg\ncaption = Two boxes.\n```\n\n```figure\nsrc = boxes.svg\ncaption = The same again.\n```\n\n```sim\nkind = queue\nrate = 0.9\ncontrols = rate\n```\n\n```predict\n? How many?\n= 490 ± 25\n> 0.99^5.\n```\n\n```figure\nsrc = missing.svg\ncaption = Gone.\n```\n\n## Check\n\n```quiz\n? Pick\n- [x] p99\n> The tail.\n- [ ] mean\n> Hides it.\n```\n";
    const SVG: &str =
        r#"<svg viewBox="0 0 10 10"><title>Boxes</title><desc>Two.</desc><marker id="a"/></svg>"#;

    fn source(_: &str, slug: &str) -> Option<String> {
        let front = |title: &str, page: &str| {
            format!(
                "+++\ntitle = \"{title}\"\nsummary = \"s\"\nminutes = 5\nobjectives = []\npage = \"{page}\"\n+++\nBody.\n"
            )
        };
        match slug {
            "one" => Some(LESSON.into()),
            "glossary" => Some(front("Glossary", "reference")),
            "review" => {
                Some(front("Review", "review").replace("objectives = []", "objectives = [\"a\", \"b\"]"))
            }
            _ => None,
        }
    }

    fn with_site(check: impl FnOnce(&Site)) {
        let (catalog, problems) = Catalog::build(INDEX, |c, l| source(c, l));
        assert!(problems.is_empty(), "{problems:?}");
        let shell = Shell::bare("https://x.org/");
        let figure = |_: &str, file: &str| (file == "boxes.svg").then(|| SVG.to_string());
        check(&Site { catalog: &catalog, shell: &shell, source: &source, figure: &figure });
    }

    #[test]
    fn a_lesson_page_holds_its_text_checks_figures_and_widget_placeholder() {
        with_site(|site| {
            let page = site.render(&Route::Lesson("sd".into(), "one".into()));
            let html = page.body.into_string();
            for expected in [
                "<h1>One</h1>",
                "<li>Do a</li>",
                r#"<h2 id="why-it-matters">Why it matters</h2>"#,
                r#"href="learn/sd/glossary/#terms""#,
                r##"<a href="learn/sd/one/#why-it-matters">"##,
                r#"<figure class="diagram"><svg role="img" aria-labelledby="fig1-title fig1-desc""#,
                r#"<marker id="fig2-a"/>"#,
                "<figcaption>The same again.</figcaption>",
                "data-testid=\"sim-static\" data-kind=\"queue\"",
                "<th scope=\"row\">rate</th><td>0.9</td>",
                "The answer is 490 (± 25).",
                "&quot;prediction&quot;:true",
                "&quot;id&quot;:&quot;sd/one#0&quot;",
                "&quot;id&quot;:&quot;sd/one#predict-0&quot;",
                "data-testid=\"mark-complete\"",
                "rel=\"next\" data-testid=\"next\" href=\"learn/sd/glossary/\"",
            ] {
                assert!(html.contains(expected), "{expected} not in {html}");
            }
            assert_eq!(page.problems, ["the figure missing.svg is missing from figures/"]);
            assert!(html.contains("This part could not be shown"));
        });
    }

    #[test]
    fn reference_pages_do_not_count_and_an_empty_course_is_in_preparation() {
        with_site(|site| {
            let course = site.render(&Route::Course("sd".into())).body.into_string();
            assert!(course.contains("0 of 2 lessons complete"), "{course}");
            assert!(course.contains(r#"<span class="tag">Reference</span>"#));
            assert!(course.contains(r#"<span class="tag">Review</span>"#));
            assert!(!course.contains("done-glossary"), "a reference page has no check mark");
            let glossary = site.render(&Route::Lesson("sd".into(), "glossary".into())).body.into_string();
            assert!(!glossary.contains("mark-complete"), "a reference page is not marked complete");
            let home = site.render(&Route::Home).body.into_string();
            assert!(home.contains("Lessons in preparation"), "{home}");
            // The claim counts lessons with a live simulation (not the review, not the glossary).
            assert!(home.contains("1 of the 2 lessons sit beside a live simulation"), "{home}");
            assert!(!home.contains("Every lesson"), "{home}");
            let later = site.render(&Route::Course("later".into())).body.into_string();
            assert!(later.contains("in preparation"));
        });
    }

    #[test]
    fn every_route_becomes_a_file_with_the_sitemap_and_robots() {
        with_site(|site| {
            let (files, problems) = site.files();
            let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
            for expected in [
                "index.html",
                "learn/sd/index.html",
                "learn/sd/one/index.html",
                "learn/later/index.html",
                "embed/queue/index.html",
                "404.html",
                "sitemap.xml",
                "search-index.json",
                "robots.txt",
            ] {
                assert!(paths.contains(&expected), "{expected} not in {paths:?}");
            }
            assert_eq!(problems.len(), 1, "{problems:?}");
            assert!(problems[0].starts_with("learn/sd/one/: "));
        });
    }
}
