//! Writes the static site into a Trunk build: every route as `<route>/index.html`, `404.html`,
//! `sitemap.xml`, `robots.txt`, `search-index.json`, and the service worker `sw.js` made from
//! `assets/sw.js` with this build's version and precache list (see `headroom::site`).
//!
//!     headroom-site DIST [SITE_URL]
//!
//! DIST is the Trunk build (its `index.html` is the template); SITE_URL is the site's absolute
//! address, from the argument or the `SITE_URL` variable, else `http://127.0.0.1:8080` plus the
//! build's base path. Lesson sources and figures are read from `content/`.

use std::{fs, path::Path, process::ExitCode};

use headroom::{
    content::embedded_catalog,
    site::{Shell, Site, offline},
};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dist) = args.first().map(Path::new) else {
        eprintln!("usage: headroom-site DIST [SITE_URL]");
        return ExitCode::FAILURE;
    };
    match run(dist, args.get(1).cloned().or_else(|| std::env::var("SITE_URL").ok())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("headroom-site: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(dist: &Path, site_url: Option<String>) -> Result<(), String> {
    let template_path = dist.join("index.html");
    let template = fs::read_to_string(&template_path)
        .map_err(|e| format!("cannot read {}: {e}", template_path.display()))?;
    let site_url = site_url.filter(|u| !u.trim().is_empty()).unwrap_or_else(|| {
        let base = base_href(&template).unwrap_or("/");
        format!("http://127.0.0.1:8080{base}")
    });
    let shell = Shell::from_trunk(&template, &site_url)?;
    let source =
        |course: &str, lesson: &str| fs::read_to_string(format!("content/{course}/{lesson}.md")).ok();
    let figure =
        |course: &str, file: &str| fs::read_to_string(format!("content/{course}/figures/{file}")).ok();
    let site = Site { catalog: embedded_catalog(), shell: &shell, source: &source, figure: &figure };
    let (files, problems) = site.files();
    for (path, text) in &files {
        let target = dist.join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        fs::write(&target, text).map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    }
    write_service_worker(dist)?;
    for problem in &problems {
        eprintln!("warning: {problem}");
    }
    println!("{} files for {site_url}", files.len());
    Ok(())
}

/// `sw.js` at the site's root: `assets/sw.js` (copied there by Trunk) with this build's
/// version and precache list, computed over every file now in the build.
fn write_service_worker(dist: &Path) -> Result<(), String> {
    let template_path = dist.join("assets/sw.js");
    let template = fs::read_to_string(&template_path)
        .map_err(|e| format!("cannot read {}: {e}", template_path.display()))?;
    let mut files = Vec::new();
    let mut folders = vec![dist.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = fs::read_dir(&folder).map_err(|e| format!("cannot list {}: {e}", folder.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if let Ok(relative) = path.strip_prefix(dist) {
                let name = relative.to_string_lossy().replace('\\', "/");
                if offline::precached(&name).is_some() {
                    let bytes =
                        fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                    files.push((name, bytes));
                }
            }
        }
    }
    let worker = offline::service_worker(&template, &files)?;
    let size: usize = files.iter().map(|(_, b)| b.len()).sum();
    fs::write(dist.join("sw.js"), worker).map_err(|e| format!("cannot write sw.js: {e}"))?;
    println!("sw.js: {} files to keep offline, {} KiB before compression", files.len(), size / 1024);
    Ok(())
}

/// The `href` of the build's `<base>`.
fn base_href(html: &str) -> Option<&str> {
    let at = html.find("<base ")?;
    let tag = &html[at..at + html[at..].find('>')?];
    let start = tag.find("href=\"")? + "href=\"".len();
    tag[start..].split('"').next()
}
