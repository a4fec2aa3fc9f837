//! The core rule (ARCHITECTURE.md): `sim`, `scenario`, `content` and the storage format are pure
//! Rust. They import no browser crate, read no wall clock and draw no unseeded randomness, so
//! they build and test natively and a run is a function of (scenario, seed).

use std::{fs, path::Path};

const PURE: &[&str] =
    &["src/sim", "src/scenario", "src/content", "src/storage", "src/playback", "src/site", "src/islands"];
/// `src/storage/local.rs` is the one file allowed to touch the browser's storage.
const BROWSER_EDGE: &[&str] = &["src/storage/local.rs"];
const FORBIDDEN: &[&str] = &[
    "leptos",
    "web_sys",
    "wasm_bindgen",
    "js_sys",
    "gloo",
    "std::time",
    "Instant::now",
    "SystemTime",
    "thread_rng",
    "rand::rng()",
    "OsRng",
    "from_entropy",
    "from_os_rng",
];

fn rust_files(path: &Path, out: &mut Vec<std::path::PathBuf>) {
    if path.is_dir() {
        for entry in fs::read_dir(path).into_iter().flatten().flatten() {
            rust_files(&entry.path(), out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

#[test]
fn pure_modules_import_no_browser_crate_clock_or_entropy() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for module in PURE {
        rust_files(&root.join(format!("{module}.rs")), &mut files);
        rust_files(&root.join(module), &mut files);
    }
    assert!(
        files.len() >= 8,
        "found only {} files: is the layout still src/<module>.rs + src/<module>/?",
        files.len()
    );
    let mut problems = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(root).unwrap_or(file).to_string_lossy().into_owned();
        if BROWSER_EDGE.contains(&relative.as_str()) {
            continue;
        }
        let text = fs::read_to_string(file).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in FORBIDDEN.iter().filter(|w| code.contains(*w)) {
                problems.push(format!("{relative}:{}: uses `{word}`", n + 1));
            }
        }
    }
    assert!(problems.is_empty(), "pure modules reach outside:\n  {}", problems.join("\n  "));
}

/// The theory reads what it needs of a kind from the kind's descriptor (its formula and how
/// that formula comes by its basis), never by naming a kind; the same for the theory note.
#[test]
fn theory_names_no_kind() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for path in ["src/sim/theory.rs", "src/sim/theory", "src/widgets/theory_note.rs"] {
        rust_files(&root.join(path), &mut files);
    }
    assert!(files.len() >= 10, "found only {} files", files.len());
    let mut problems = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if code.contains("Kind::") {
                problems.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(problems.is_empty(), "theory code matches on the kind:\n  {}", problems.join("\n  "));
}
