//! Internal links between lessons: how a link written in a lesson resolves, and the address the
//! page uses for it. The renderer and the lint share this, so a link the lint accepts is a link
//! that works.
//!
//! In a lesson, `caching` is a lesson of the same course, `../other-course/lesson` one of another
//! course, and `#anchor` (after either, or alone) a heading. Addresses are relative to the site's
//! `<base href>` and end in `/`, since every page is a folder with an `index.html` (how GitHub
//! Pages serves a route with status 200): `learn/<course>/<lesson>/#anchor`.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target<'a> {
    pub course: &'a str,
    pub lesson: &'a str,
    pub anchor: Option<&'a str>,
}

/// Resolves `dest`, written in lesson `course/lesson`. `None` for a link that leaves the site
/// (it has a scheme, like `https:` or `mailto:`).
pub fn resolve<'a>(course: &'a str, lesson: &'a str, dest: &'a str) -> Option<Target<'a>> {
    if dest.contains(':') {
        return None;
    }
    let (path, anchor) = match dest.split_once('#') {
        Some((path, anchor)) => (path, Some(anchor)),
        None => (dest, None),
    };
    let (course, lesson) = match path.strip_prefix("../") {
        Some(rest) => rest.split_once('/').unwrap_or(("", rest)),
        None if path.is_empty() => (course, lesson),
        None => (course, path),
    };
    Some(Target { course, lesson, anchor })
}

/// The site address of a lesson (relative to the `<base href>`).
pub fn lesson_href(course: &str, lesson: &str) -> String {
    format!("learn/{course}/{lesson}/")
}

/// The site address of a course (relative to the `<base href>`).
pub fn course_href(course: &str) -> String {
    format!("learn/{course}/")
}

impl Target<'_> {
    pub fn href(&self) -> String {
        let page = lesson_href(self.course, self.lesson);
        match self.anchor {
            Some(anchor) => format!("{page}#{anchor}"),
            None => page,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_each_form() {
        let check = |dest: &str, expected: Option<&str>| {
            assert_eq!(resolve("sd", "here", dest).map(|t| t.href()).as_deref(), expected, "{dest}");
        };
        check("caching", Some("learn/sd/caching/"));
        check("caching#ttl", Some("learn/sd/caching/#ttl"));
        check("#the-tail", Some("learn/sd/here/#the-tail"));
        check("../st/state-and-data", Some("learn/st/state-and-data/"));
        check("https://example.org/x", None);
        check("mailto:a@b.c", None);
    }
}
