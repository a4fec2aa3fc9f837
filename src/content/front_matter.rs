//! A lesson's front matter: TOML between two `+++` lines at the top of the file.
//!
//! Also included by build.rs (with `#[path]`), so it depends on nothing in this crate.

use serde::{Deserialize, Serialize};

/// What a lesson says about itself. Format and rules: docs/authoring.md.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    pub summary: String,
    pub minutes: u32,
    #[serde(default)]
    pub objectives: Vec<String>,
    /// The curriculum's simulation name, when the lesson carries a widget.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub simulation: Option<String>,
    /// What kind of page this is; a lesson unless it says otherwise.
    #[serde(default, skip_serializing_if = "Page::is_lesson")]
    pub page: Page,
}

/// The kinds of page a course holds (docs/authoring.md, "Front matter").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Page {
    /// Taught, checked and counted in the course's progress.
    #[default]
    Lesson,
    /// Kept open beside the lessons (a glossary, a cheat sheet, a case file, a reading list):
    /// not counted in progress and not held to the lesson standard.
    Reference,
    /// A check at the end of a section that brings back its earlier lessons.
    Review,
}

impl Page {
    pub fn is_lesson(&self) -> bool {
        *self == Page::Lesson
    }
}

const FENCE: &str = "+++";

/// Splits a lesson into its front matter text and its body. A file without front matter is
/// all body.
pub fn split(source: &str) -> (Option<&str>, &str) {
    let Some(rest) = source.strip_prefix(FENCE) else {
        return (None, source);
    };
    let Some(rest) = rest.strip_prefix('\n').or_else(|| rest.strip_prefix("\r\n")) else {
        return (None, source);
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == FENCE {
            return (Some(&rest[..offset]), &rest[offset + line.len()..]);
        }
        offset += line.len();
    }
    (None, source)
}

/// The lesson's body, without its front matter.
pub fn body(source: &str) -> &str {
    split(source).1
}

/// Parses and validates a lesson's front matter.
pub fn parse(source: &str) -> Result<FrontMatter, String> {
    let (Some(text), _) = split(source) else {
        return Err("no front matter: a lesson starts with a `+++` line".into());
    };
    let front: FrontMatter = toml::from_str(text).map_err(|e| format!("front matter: {e}"))?;
    front.validate()?;
    Ok(front)
}

impl FrontMatter {
    /// The rules docs/authoring.md states, one message per broken rule.
    pub fn validate(&self) -> Result<(), String> {
        let mut problems = Vec::new();
        if self.title.trim().is_empty() {
            problems.push("`title` is empty".to_string());
        }
        if self.summary.trim().is_empty() {
            problems.push("`summary` is empty".to_string());
        }
        if !(1..=120).contains(&self.minutes) {
            problems.push(format!("`minutes` is {}, expected 1 to 120", self.minutes));
        }
        let objectives = if self.page == Page::Reference { 0..=4 } else { 2..=4 };
        if !objectives.contains(&self.objectives.len()) {
            problems.push(format!("{} objectives, expected {objectives:?}", self.objectives.len()));
        }
        if self.objectives.iter().any(|o| o.trim().is_empty()) {
            problems.push("an objective is empty".to_string());
        }
        if problems.is_empty() { Ok(()) } else { Err(problems.join("; ")) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_finds_the_fences() {
        let check = |input: &str, front: Option<&str>, body: &str| {
            assert_eq!(split(input), (front, body), "input: {input:?}");
        };
        check("+++\na = 1\n+++\nbody\n", Some("a = 1\n"), "body\n");
        check("+++\r\na = 1\r\n+++\r\nbody", Some("a = 1\r\n"), "body");
        check("no front matter", None, "no front matter");
        check("+++\nnever closed\n", None, "+++\nnever closed\n");
        check("+++x\n+++\n", None, "+++x\n+++\n");
    }

    #[test]
    fn parse_reports_every_broken_rule() {
        let bad = "+++\ntitle = \"\"\nsummary = \"s\"\nminutes = 0\nobjectives = [\"one\"]\n+++\n";
        let err = parse(bad).unwrap_err();
        assert!(err.contains("`title` is empty"), "{err}");
        assert!(err.contains("`minutes` is 0"), "{err}");
        assert!(err.contains("1 objectives, expected 2..=4"), "{err}");
        let reference =
            "+++\ntitle = \"t\"\nsummary = \"s\"\nminutes = 5\nobjectives = []\npage = \"reference\"\n+++\n";
        assert_eq!(parse(reference).map(|f| f.page), Ok(Page::Reference));
        assert!(parse("+++\ntitle = \"t\"\nsurprise = 1\n+++\n").unwrap_err().contains("surprise"));
    }
}
