//! Loads the lesson files from `content/` for the content tests.

use std::{fs, path::PathBuf};

use headroom::content::Catalog;

pub struct LessonFile {
    pub course: String,
    pub slug: String,
    pub source: String,
}

impl LessonFile {
    pub fn name(&self) -> String {
        format!("content/{}/{}.md", self.course, self.slug)
    }
}

pub fn content_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content")
}

/// Every `content/<course>/<lesson>.md` on disk, sorted.
pub fn files() -> Vec<LessonFile> {
    let mut files = Vec::new();
    let Ok(courses) = fs::read_dir(content_dir()) else {
        return files;
    };
    for course in courses.flatten().filter(|e| e.path().is_dir()) {
        let Ok(entries) = fs::read_dir(course.path()) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "md") {
                files.push(LessonFile {
                    course: course.file_name().to_string_lossy().into_owned(),
                    slug: path.file_stem().unwrap_or_default().to_string_lossy().into_owned(),
                    source: fs::read_to_string(&path).unwrap_or_default(),
                });
            }
        }
    }
    files.sort_by_key(LessonFile::name);
    files
}

/// The catalog as build.rs builds it, with its problems.
pub fn catalog() -> (Catalog, Vec<String>) {
    let index = fs::read_to_string(content_dir().join("courses.toml")).unwrap_or_default();
    Catalog::build(&index, |course, lesson| {
        fs::read_to_string(content_dir().join(course).join(format!("{lesson}.md"))).ok()
    })
}

/// Fails the test with every problem at once, so an author sees the whole list.
pub fn assert_no_problems(what: &str, problems: &[String]) {
    assert!(problems.is_empty(), "{what}: {} problem(s)\n  {}", problems.len(), problems.join("\n  "));
}
