//! The service worker of one build (`sw.js` at the site's root, so its scope is the whole
//! site): `assets/sw.js` with this build's version and the files it precaches filled in.
//! The version is a hash of every precached file, so any change to a page, the wasm or the
//! styles makes a new worker, which the page offers as "a new version is ready".

/// The lines of the template that the build replaces.
const VERSION_LINE: &str = "const VERSION = 'dev';";
const FILES_LINE: &str = "const FILES = [];";

/// What the worker precaches: every file of the build but the worker itself, its template,
/// the example slide deck and what only crawlers read. `x/index.html` is cached as its route
/// `x/`, the address a learner follows; the home page as `./`.
pub fn precached(path: &str) -> Option<String> {
    let skip = ["sw.js", "assets/sw.js", "sitemap.xml", "robots.txt", ".nojekyll"];
    if skip.contains(&path) || path.starts_with("deck/") || path.starts_with('.') {
        return None;
    }
    Some(match path.strip_suffix("index.html") {
        Some("") => "./".to_string(),
        Some(folder) if folder.ends_with('/') => folder.to_string(),
        _ => path.to_string(),
    })
}

/// The worker for a build whose files are `files` (path relative to the site root, contents).
pub fn service_worker(template: &str, files: &[(String, Vec<u8>)]) -> Result<String, String> {
    if !template.contains(VERSION_LINE) || !template.contains(FILES_LINE) {
        return Err(format!("assets/sw.js must hold the lines {VERSION_LINE} and {FILES_LINE}"));
    }
    let mut cached: Vec<(String, &[u8])> =
        files.iter().filter_map(|(path, bytes)| precached(path).map(|url| (url, bytes.as_slice()))).collect();
    cached.sort();
    // FNV-1a over every (address, contents): stable across machines, changes with any byte.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (url, bytes) in &cached {
        for byte in url.as_bytes().iter().chain([0u8].iter()).chain(bytes.iter()) {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    let urls: Vec<&str> = cached.iter().map(|(url, _)| url.as_str()).collect();
    let list = serde_json::to_string(&urls).map_err(|e| e.to_string())?;
    Ok(template.replacen(VERSION_LINE, &format!("const VERSION = '{hash:016x}';"), 1).replacen(
        FILES_LINE,
        &format!("const FILES = {list};"),
        1,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "const VERSION = 'dev';\nconst FILES = [];\nself.x = 1;\n";

    fn build(lesson: &str) -> Vec<(String, Vec<u8>)> {
        [
            ("index.html", "home"),
            ("learn/sd/one/index.html", lesson),
            ("404.html", "gone"),
            ("headroom-web-1a2b_bg.wasm", "wasm"),
            ("assets/sw.js", TEMPLATE),
            ("sw.js", "old worker"),
            ("deck/index.html", "slides"),
            ("sitemap.xml", "map"),
            ("search-index.json", "{}"),
        ]
        .into_iter()
        .map(|(p, c)| (p.to_string(), c.as_bytes().to_vec()))
        .collect()
    }

    #[test]
    fn the_worker_lists_every_route_and_asset_and_changes_with_any_page() {
        let first = service_worker(TEMPLATE, &build("text")).unwrap();
        assert!(
            first.contains(
                r#"const FILES = ["./","404.html","headroom-web-1a2b_bg.wasm","learn/sd/one/","search-index.json"];"#
            ),
            "{first}"
        );
        assert!(first.ends_with("self.x = 1;\n") && !first.contains("'dev'"));
        assert_eq!(
            first,
            service_worker(TEMPLATE, &build("text")).unwrap(),
            "the same build, the same worker"
        );
        let second = service_worker(TEMPLATE, &build("text, changed")).unwrap();
        assert_ne!(first, second, "a changed lesson is a new version");
        assert!(service_worker("self.x = 1;", &build("text")).is_err());
    }
}
