//! The catalog: courses → sections → lessons, with each lesson's front matter.
//!
//! Built from `content/courses.toml` and the lessons' front matter by [`Catalog::build`]. Also
//! included by build.rs (with `#[path]`), so it depends only on its sibling `front_matter`.

use serde::{Deserialize, Serialize};

use super::front_matter::{self, FrontMatter};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    pub courses: Vec<Course>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Course {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub title: String,
    pub lessons: Vec<Lesson>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lesson {
    pub slug: String,
    #[serde(flatten)]
    pub front: FrontMatter,
}

/// `content/courses.toml` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Index {
    course: Vec<IndexCourse>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IndexCourse {
    slug: String,
    title: String,
    summary: String,
    #[serde(default)]
    section: Vec<IndexSection>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IndexSection {
    title: String,
    lessons: Vec<String>,
}

impl Catalog {
    /// Builds the catalog from the index text and a loader that returns a lesson's source
    /// (`load(course, lesson)`). Lessons that are missing or whose front matter is broken are
    /// left out and reported, so one bad file never hides the rest.
    pub fn build(index: &str, load: impl Fn(&str, &str) -> Option<String>) -> (Catalog, Vec<String>) {
        let mut problems = Vec::new();
        let index: Index = match toml::from_str(index) {
            Ok(index) => index,
            Err(e) => return (Catalog::default(), vec![format!("courses.toml: {e}")]),
        };
        let courses = index
            .course
            .into_iter()
            .map(|course| {
                let sections = course
                    .section
                    .into_iter()
                    .map(|section| Section {
                        title: section.title,
                        lessons: section
                            .lessons
                            .into_iter()
                            .filter_map(|slug| {
                                let path = format!("{}/{slug}.md", course.slug);
                                let Some(source) = load(&course.slug, &slug) else {
                                    problems.push(format!("{path}: listed in courses.toml but missing"));
                                    return None;
                                };
                                match front_matter::parse(&source) {
                                    Ok(front) => Some(Lesson { slug, front }),
                                    Err(e) => {
                                        problems.push(format!("{path}: {e}"));
                                        None
                                    }
                                }
                            })
                            .collect(),
                    })
                    .collect();
                Course { slug: course.slug, title: course.title, summary: course.summary, sections }
            })
            .collect();
        (Catalog { courses }, problems)
    }

    pub fn course(&self, slug: &str) -> Option<&Course> {
        self.courses.iter().find(|c| c.slug == slug)
    }

    pub fn lesson(&self, course: &str, lesson: &str) -> Option<&Lesson> {
        self.course(course)?.lessons().find(|l| l.slug == lesson)
    }
}

impl Course {
    /// Every lesson of the course, in order.
    pub fn lessons(&self) -> impl Iterator<Item = &Lesson> {
        self.sections.iter().flat_map(|s| s.lessons.iter())
    }

    pub fn lesson_count(&self) -> usize {
        self.lessons().count()
    }

    /// The lessons before and after `slug` in course order.
    pub fn neighbours(&self, slug: &str) -> (Option<&Lesson>, Option<&Lesson>) {
        let lessons: Vec<&Lesson> = self.lessons().collect();
        match lessons.iter().position(|l| l.slug == slug) {
            Some(i) => (i.checked_sub(1).map(|p| lessons[p]), lessons.get(i + 1).copied()),
            None => (None, None),
        }
    }
}
