//! The embed pages (`embed/<kind>/`: one widget filling an instructor's frame) and the
//! not-found page, which the host serves for every other address.

use maud::html;

use super::{Page, Route, blocks, chrome};
use crate::{
    content::{Catalog, links},
    islands::Island,
    scenario::{Kind, Scenario},
};

pub fn page(kind: Kind) -> Page {
    let scenario = Scenario::parse(&format!("kind = {}", kind.name())).scenario;
    let island = Island::Embed { kind: kind.name().to_string() };
    Page {
        title: format!("Simulation: {}", kind.name()),
        description: format!("A live, seeded {} simulation to embed in slides.", kind.name()),
        route: Route::Embed(kind),
        body: html! { main.embed { (chrome::island(&island, blocks::static_sim(&scenario, &[], None))) } },
        problems: Vec::new(),
    }
}

/// The not-found page. Under `embed/` (a kind that is not a simulation) the app replaces it
/// with an embed that names the problem.
pub fn not_found(catalog: &Catalog) -> Page {
    let body = html! {
        div.page.not-found data-testid="not-found" {
            h1 { "There is no page here" }
            p { "The address may be mistyped, or the page may have moved. These are the courses:" }
            ul { @for c in &catalog.courses { li { a href=(links::course_href(&c.slug)) { (c.title) } } } }
            p { a href="./" { "Back to the home page" } }
        }
        div.island hidden data-island=(Island::NotFound.to_attribute()) {}
    };
    Page {
        title: "Page not found".into(),
        description: "There is no page at this address.".into(),
        route: Route::NotFound,
        body: chrome::site("", body),
        problems: Vec::new(),
    }
}
