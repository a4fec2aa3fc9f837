//! Prints every route of the site, one per line, relative to the base path: `./` for the home
//! page, then `learn/<course>/`, `learn/<course>/<page>/`, `embed/<kind>/`. The browser tests
//! ask the pages server for each, with and without its trailing slash.

use headroom::{
    content::embedded_catalog,
    site::{Route, routes},
};

fn main() {
    for route in routes::all(embedded_catalog()).into_iter().filter(|r| *r != Route::NotFound) {
        let path = route.path();
        println!("{}", if path.is_empty() { "./" } else { path.as_str() });
    }
}
