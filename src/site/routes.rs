//! Every route of the site. A route is a folder holding an `index.html` (`learn/caching/` →
//! `learn/caching/index.html`): GitHub Pages answers `learn/caching` with a redirect to the
//! folder and the folder with its `index.html`, status 200, while a `learn/caching.html`
//! beside a `learn/caching/` folder would never be reached.

use crate::{
    content::{Catalog, links},
    scenario::Kind,
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    Course(String),
    Lesson(String, String),
    /// `embed/<kind>/`: one widget for an instructor's slides.
    Embed(Kind),
    /// `embed/`: the embed builder, where an instructor makes an embed's address.
    Builder,
    /// `404.html`, which the host serves for every address that is not a page.
    NotFound,
}

impl Route {
    /// The address relative to the base: `""`, `learn/<course>/`, `embed/queue/`, `404.html`.
    pub fn path(&self) -> String {
        match self {
            Route::Home => String::new(),
            Route::Course(c) => links::course_href(c),
            Route::Lesson(c, l) => links::lesson_href(c, l),
            Route::Embed(kind) => format!("embed/{}/", kind.name()),
            Route::Builder => "embed/".into(),
            Route::NotFound => "404.html".into(),
        }
    }

    /// The file that holds it, relative to the site root.
    pub fn file(&self) -> String {
        match self {
            Route::NotFound => "404.html".into(),
            other => format!("{}index.html", other.path()),
        }
    }

    /// Whether search engines should list it (embeds and the not-found page are not pages of
    /// their own).
    pub fn indexed(&self) -> bool {
        matches!(self, Route::Home | Route::Course(_) | Route::Lesson(..))
    }
}

/// Every route: home, each course and each of its pages, each embed, and the not-found page.
pub fn all(catalog: &Catalog) -> Vec<Route> {
    let mut routes = vec![Route::Home];
    for course in &catalog.courses {
        routes.push(Route::Course(course.slug.clone()));
        for lesson in course.lessons() {
            routes.push(Route::Lesson(course.slug.clone(), lesson.slug.clone()));
        }
    }
    routes.push(Route::Builder);
    routes.extend(Kind::ALL.into_iter().map(Route::Embed));
    routes.push(Route::NotFound);
    routes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_is_a_folder_with_an_index() {
        let check = |route: Route, path: &str, file: &str| {
            assert_eq!((route.path().as_str(), route.file().as_str()), (path, file));
        };
        check(Route::Home, "", "index.html");
        check(Route::Course("sd".into()), "learn/sd/", "learn/sd/index.html");
        check(
            Route::Lesson("sd".into(), "caching".into()),
            "learn/sd/caching/",
            "learn/sd/caching/index.html",
        );
        check(Route::Embed(Kind::Queue), "embed/queue/", "embed/queue/index.html");
        check(Route::Builder, "embed/", "embed/index.html");
        check(Route::NotFound, "404.html", "404.html");
    }
}
