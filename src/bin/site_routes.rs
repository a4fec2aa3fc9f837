//! Prints every route of the site, one per line, relative to the base path (`learn/sd/caching/`,
//! `embed/queue/`, `404.html`). The browser tests ask the pages server for each.

use headroom::{content::embedded_catalog, site::routes};

fn main() {
    for route in routes::all(embedded_catalog()) {
        println!("{}", route.path());
    }
}
