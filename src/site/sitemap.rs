//! `sitemap.xml` (every page a search engine should list) and `robots.txt`.

use maud::html;

use super::routes;
use crate::content::Catalog;

pub fn sitemap(site_url: &str, catalog: &Catalog) -> String {
    let urls =
        routes::all(catalog).into_iter().filter(|r| r.indexed()).map(|r| format!("{site_url}{}", r.path()));
    let body = html! {
        @for url in urls { url { loc { (url) } } }
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">{}</urlset>\n",
        body.into_string()
    )
}

pub fn robots(site_url: &str) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {site_url}sitemap.xml\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_pages_not_embeds() {
        let index = "[[course]]\nslug = \"sd\"\ntitle = \"SD\"\nsummary = \"s\"\n[[course.section]]\ntitle = \"A\"\nlessons = [\"one\"]\n";
        let lesson =
            "+++\ntitle = \"One\"\nsummary = \"s\"\nminutes = 5\nobjectives = [\"a\", \"b\"]\n+++\nBody.\n";
        let (catalog, problems) = Catalog::build(index, |_, _| Some(lesson.into()));
        assert!(problems.is_empty(), "{problems:?}");
        let xml = sitemap("https://x.org/h/", &catalog);
        for url in ["https://x.org/h/", "https://x.org/h/learn/sd/", "https://x.org/h/learn/sd/one/"] {
            assert!(xml.contains(&format!("<url><loc>{url}</loc></url>")), "{url} not in {xml}");
        }
        assert_eq!(xml.matches("<url>").count(), 3, "{xml}");
        assert!(!xml.contains("embed"));
        assert!(robots("https://x.org/h/").contains("Sitemap: https://x.org/h/sitemap.xml"));
    }
}
