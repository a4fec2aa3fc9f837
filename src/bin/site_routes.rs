//! Prints every route of the site, one per line, relative to the base path (`learn/...`).
//! scripts/build.sh copies index.html to each, so a static host serves them directly.

use headroom::{
    content::{embedded_catalog, links},
    scenario::Kind,
};

fn main() {
    for kind in Kind::ALL {
        println!("embed/{}", kind.name());
    }
    for course in &embedded_catalog().courses {
        println!("learn/{}", course.slug);
        for lesson in course.lessons() {
            println!("{}", links::lesson_href(&course.slug, &lesson.slug));
        }
    }
}
