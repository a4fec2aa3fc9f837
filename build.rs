//! Embeds the course catalog: `content/courses.toml` plus every lesson's front matter, as JSON
//! in `$OUT_DIR/catalog.json`, for the native tools (the site build, the lint, `site-routes`);
//! the wasm never reads it. Lesson bodies are read by the site build (`headroom-site`). A broken
//! lesson is a warning here and a failure in `cargo test` (content lint).

// Only the parsing half of these modules is used here.
#[allow(dead_code)]
#[path = "src/content/catalog.rs"]
mod catalog;
#[allow(dead_code)]
#[path = "src/content/front_matter.rs"]
mod front_matter;

use std::{env, fs, path::PathBuf};

fn main() {
    println!("cargo::rerun-if-changed=content");
    let index = fs::read_to_string("content/courses.toml").unwrap_or_default();
    let (catalog, problems) = catalog::Catalog::build(&index, |course, lesson| {
        fs::read_to_string(format!("content/{course}/{lesson}.md")).ok()
    });
    for problem in problems {
        println!("cargo::warning=content/{problem}");
    }
    let json = serde_json::to_string(&catalog).unwrap_or_else(|_| "{\"courses\":[]}".into());
    let out = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_default()).join("catalog.json");
    if let Err(e) = fs::write(&out, json) {
        println!("cargo::error=cannot write {}: {e}", out.display());
    }
}
