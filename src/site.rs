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
//! 5. [`Site::files`]: every file to write: the routes, `404.html`, `sitemap.xml`, `robots.txt`.
//!
//! Pure: reading and writing files is the caller's job (`src/bin/headroom_site.rs`).

mod blocks;
mod chrome;
mod course;
mod embed;
mod figure_svg;
mod home;
mod lesson;
pub mod routes;
mod shell;
mod sitemap;

pub use routes::Route;
pub use shell::{BOOTSTRAP, Shell};

use maud::Markup;

use crate::content::{Catalog, Course, Lesson, Page as PageKind};

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
        (files, problems)
    }

    /// One route's page.
    pub fn render(&self, route: &Route) -> Page {
        match route {
            Route::Home => home::page(self.catalog),
            Route::Course(slug) => match self.catalog.course(slug) {
                Some(c) => course::page(c),
                None => embed::not_found(self.catalog),
            },
            Route::Lesson(c, l) => match (self.catalog.course(c), self.catalog.lesson(c, l)) {
                (Some(course), Some(lesson)) => lesson::page(self, course, lesson),
                _ => embed::not_found(self.catalog),
            },
            Route::Embed(kind) => embed::page(*kind),
            Route::NotFound => embed::not_found(self.catalog),
        }
    }
}

/// The pages of a course that count in its progress: lessons and reviews, not reference pages.
pub fn counted(course: &Course) -> impl Iterator<Item = &Lesson> {
    course.lessons().filter(|l| l.front.page != PageKind::Reference)
}
