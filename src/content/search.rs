//! Full-text search over every page of every course: the index's format, the ranking and the
//! snippets. The build (`crate::site::search_index`) writes the index as `search-index.json`;
//! the site module fetches it the first time the learner opens search and asks [`Searcher`].
//!
//! Matching is on word starts and ignores ASCII case: "cache" finds "Caches" and "caching" but
//! not "toothcache"; every word of the query must appear in the section, its heading or its
//! page's title. A match in a section's heading ranks above a passing mention in its text.
//!
//! Pure: no browser crate, no clock (tests/layering.rs).

use serde::{Deserialize, Serialize};

/// What the build writes: every page and every section of it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Index {
    pub pages: Vec<IndexPage>,
    pub sections: Vec<IndexSection>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexPage {
    /// The page's title.
    #[serde(rename = "t")]
    pub title: String,
    /// Its course's title.
    #[serde(rename = "c")]
    pub course: String,
    /// Its address relative to the site's base (`learn/system-design/caching/`).
    #[serde(rename = "h")]
    pub href: String,
}

/// One section of a page: the text under one heading, up to the next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexSection {
    /// Position of its page in [`Index::pages`].
    #[serde(rename = "p")]
    pub page: usize,
    /// The heading; the page's title for the text before the first heading.
    #[serde(rename = "h")]
    pub heading: String,
    /// The heading's anchor; empty for the text before the first heading.
    #[serde(rename = "a")]
    pub anchor: String,
    /// Plain text, whitespace collapsed.
    #[serde(rename = "x")]
    pub text: String,
}

/// One result: a section, its score, and a snippet of its text with the matches marked.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub section: usize,
    pub score: u32,
    pub snippet: Vec<Piece>,
}

/// A run of snippet text, marked when it is a match.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub text: String,
    pub marked: bool,
}

/// Results shown at most.
pub const LIMIT: usize = 20;
/// Snippet length in bytes, about two lines.
const SNIPPET: usize = 160;
/// Text kept before the first match in a snippet.
const LEAD: usize = 50;

/// The index with case-folded copies of what is matched, made once when it is loaded.
#[derive(Debug)]
pub struct Searcher {
    index: Index,
    /// Per section: (heading, text), ASCII lower case (same byte offsets as the originals).
    folded: Vec<(String, String)>,
    titles: Vec<String>,
}

impl Searcher {
    pub fn new(index: Index) -> Searcher {
        let folded = index
            .sections
            .iter()
            .map(|s| (s.heading.to_ascii_lowercase(), s.text.to_ascii_lowercase()))
            .collect();
        let titles = index.pages.iter().map(|p| p.title.to_ascii_lowercase()).collect();
        Searcher { index, folded, titles }
    }

    /// Reads the index's JSON.
    pub fn from_json(json: &str) -> Result<Searcher, String> {
        serde_json::from_str(json).map(Searcher::new).map_err(|e| format!("the search index is damaged: {e}"))
    }

    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The best [`LIMIT`] sections for `query`, best first; sections that score the same stay
    /// in the order of the site.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let terms = terms(query);
        if terms.is_empty() {
            return Vec::new();
        }
        let phrase = terms.join(" ");
        let mut scored: Vec<(usize, u32)> = Vec::new();
        for (i, (heading, text)) in self.folded.iter().enumerate() {
            let title =
                self.index.sections.get(i).and_then(|s| self.titles.get(s.page)).map_or("", String::as_str);
            if let Some(score) = score(&terms, &phrase, heading, text, title) {
                scored.push((i, score));
            }
        }
        scored.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        scored
            .into_iter()
            .take(LIMIT)
            .map(|(section, score)| Hit {
                section,
                score,
                snippet: snippet(
                    &self.index.sections[section].text,
                    &self.folded[section].1,
                    &terms,
                    &phrase,
                ),
            })
            .collect()
    }
}

/// The query's words: ASCII lower case, split on anything that is not a letter or digit, each
/// once, in order.
pub fn terms(query: &str) -> Vec<String> {
    let folded = query.to_ascii_lowercase();
    let mut terms: Vec<String> = Vec::new();
    for word in folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !terms.iter().any(|t| t == word) {
            terms.push(word.to_string());
        }
    }
    terms
}

/// A section's score, or `None` when some word of the query is in none of its heading, its
/// text and its page's title.
fn score(terms: &[String], phrase: &str, heading: &str, text: &str, title: &str) -> Option<u32> {
    let mut total = 0u32;
    for term in terms {
        let in_heading = word_starts(heading, term);
        let in_text = word_starts(text, term).len() as u32;
        let in_title = !word_starts(title, term).is_empty();
        if in_heading.is_empty() && in_text == 0 && !in_title {
            return None;
        }
        if let Some(&at) = in_heading.first() {
            total += 100 + if whole_word(heading, at, term.len()) { 20 } else { 0 };
        }
        if in_title {
            total += 15;
        }
        if in_text > 0 {
            total += 5 + 2 * in_text.min(10);
        }
    }
    if terms.len() > 1 {
        if !word_starts(heading, phrase).is_empty() {
            total += 200;
        }
        if !word_starts(text, phrase).is_empty() {
            total += 20;
        }
    }
    Some(total)
}

/// Byte offsets where `term` starts a word of `haystack` (both already folded).
fn word_starts(haystack: &str, term: &str) -> Vec<usize> {
    if term.is_empty() {
        return Vec::new();
    }
    haystack
        .match_indices(term)
        .map(|(at, _)| at)
        .filter(|&at| haystack[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
        .collect()
}

fn whole_word(haystack: &str, at: usize, len: usize) -> bool {
    haystack.get(at + len..).and_then(|rest| rest.chars().next()).is_none_or(|c| !c.is_alphanumeric())
}

/// About [`SNIPPET`] bytes of `text` around its first match (the phrase if it is there, else
/// the earliest word of the query), cut at spaces, with every match inside marked. A section
/// that matched only by its heading shows its opening words.
fn snippet(text: &str, folded: &str, terms: &[String], phrase: &str) -> Vec<Piece> {
    let first = word_starts(folded, phrase)
        .first()
        .copied()
        .or_else(|| terms.iter().filter_map(|t| word_starts(folded, t).first().copied()).min());
    let at = first.unwrap_or(0);
    let mut start = floor(folded, at.saturating_sub(LEAD));
    if start > 0 {
        // Begin at a word: after the first space between the cut and the match, if any.
        start = folded[start..at].find(' ').map_or(start, |space| start + space + 1);
    }
    let mut end = floor(folded, (start + SNIPPET).min(text.len()));
    if end < text.len() {
        end = folded[..end].rfind(' ').filter(|&space| space > start).unwrap_or(end);
    }
    // Every match inside the window, merged where they overlap.
    let mut marks: Vec<(usize, usize)> = terms
        .iter()
        .flat_map(|t| {
            word_starts(&folded[start..end], t).into_iter().map(move |at| (start + at, start + at + t.len()))
        })
        .collect();
    marks.sort();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (a, b) in marks {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    let mut pieces = Vec::new();
    let mut push = |text: String, marked: bool| {
        if !text.is_empty() {
            pieces.push(Piece { text, marked });
        }
    };
    let mut at = start;
    let ellipsis = if start > 0 { "…" } else { "" };
    let mut lead = ellipsis.to_string();
    for (a, b) in merged {
        lead.push_str(&text[at..a]);
        push(std::mem::take(&mut lead), false);
        push(text[a..b].to_string(), true);
        at = b;
    }
    lead.push_str(&text[at..end]);
    if end < text.len() {
        lead.push('…');
    }
    push(lead, false);
    pieces
}

/// The largest char boundary of `s` at or before `at`.
fn floor(s: &str, mut at: usize) -> usize {
    at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(page: usize, heading: &str, anchor: &str, text: &str) -> IndexSection {
        IndexSection { page, heading: heading.into(), anchor: anchor.into(), text: text.into() }
    }

    fn searcher() -> Searcher {
        let page = |title: &str, href: &str| IndexPage {
            title: title.into(),
            course: "SD".into(),
            href: href.into(),
        };
        Searcher::new(Index {
            pages: vec![page("Queues", "learn/sd/queues/"), page("Caching", "learn/sd/caching/")],
            sections: vec![
                section(0, "Queues", "", "Requests wait in line. Erlang C gives the chance of waiting."),
                section(
                    0,
                    "Little's law",
                    "littles-law",
                    "L equals lambda times W, whatever the cache does.",
                ),
                section(1, "Caching", "", "A cache keeps answers close. Caches fail in odd ways."),
                section(1, "Erlang C, the formula", "erlang-c", "The probability that an arrival waits."),
                section(
                    1,
                    "Eviction",
                    "eviction",
                    "Toothcache is not a word. LRU evicts the least recently used entry.",
                ),
            ],
        })
    }

    fn headings(hits: &[Hit], s: &Searcher) -> Vec<String> {
        hits.iter().map(|h| s.index().sections[h.section].heading.clone()).collect()
    }

    #[test]
    fn a_heading_match_ranks_above_a_passing_mention() {
        let s = searcher();
        let hits = s.search("erlang c");
        assert_eq!(headings(&hits, &s), ["Erlang C, the formula", "Queues"]);
        assert!(hits[0].score > hits[1].score);
        let hits = s.search("cache");
        assert_eq!(headings(&hits, &s)[0], "Caching", "the page's own heading first");
        assert!(headings(&hits, &s).contains(&"Little's law".to_string()), "a passing mention is found too");
    }

    #[test]
    fn every_word_must_appear_and_words_match_at_their_start_only() {
        let s = searcher();
        assert!(s.search("erlang lru").is_empty());
        assert_eq!(headings(&s.search("LRU evicts"), &s), ["Eviction"]);
        // "cache" is not found inside "toothcache"; the eviction section mentions no other cache.
        assert!(!headings(&s.search("cache"), &s).contains(&"Eviction".to_string()));
        // A page's title counts for its sections: "caching eviction" finds the eviction section.
        assert_eq!(headings(&s.search("caching eviction"), &s), ["Eviction"]);
        assert!(s.search("  ,. ").is_empty());
        assert!(s.search("zebra").is_empty());
    }

    #[test]
    fn the_snippet_marks_each_match_and_says_where_text_was_cut() {
        let s = searcher();
        let hits = s.search("erlang");
        let queues = hits.iter().find(|h| h.section == 0).map(|h| h.snippet.clone()).unwrap_or_default();
        assert_eq!(
            queues,
            [
                Piece { text: "Requests wait in line. ".into(), marked: false },
                Piece { text: "Erlang".into(), marked: true },
                Piece { text: " C gives the chance of waiting.".into(), marked: false },
            ]
        );
        let long = format!("{} the idempotency key {}", "word ".repeat(40), "more ".repeat(60));
        let s = Searcher::new(Index {
            pages: vec![IndexPage { title: "P".into(), course: "C".into(), href: "p/".into() }],
            sections: vec![section(0, "P", "", &long)],
        });
        let snippet = &s.search("Idempotency KEY")[0].snippet;
        let text: String = snippet.iter().map(|p| p.text.as_str()).collect();
        assert!(text.starts_with('…') && text.ends_with('…'), "{text}");
        assert!(text.len() <= SNIPPET + 8, "{}", text.len());
        let marked: Vec<&str> = snippet.iter().filter(|p| p.marked).map(|p| p.text.as_str()).collect();
        assert_eq!(marked, ["idempotency", "key"]);
    }

    #[test]
    fn text_that_is_not_ascii_is_cut_at_character_boundaries() {
        let text = format!("{} café ünïcode p99 {}", "é".repeat(80), "ö".repeat(120));
        let s = Searcher::new(Index {
            pages: vec![IndexPage { title: "P".into(), course: "C".into(), href: "p/".into() }],
            sections: vec![section(0, "P", "", &text)],
        });
        let hits = s.search("p99");
        assert_eq!(hits.len(), 1);
        assert!(hits[0].snippet.iter().any(|p| p.marked && p.text == "p99"));
        assert_eq!(terms("Erlang-C, erlang  c"), ["erlang", "c"]);
    }

    #[test]
    fn the_index_reads_back_from_its_json_and_a_damaged_one_says_so() {
        let s = searcher();
        let json = serde_json::to_string(s.index()).unwrap();
        assert!(json.contains(r#""h":"erlang-c""#) || json.contains(r#""a":"erlang-c""#));
        let back = Searcher::from_json(&json).unwrap();
        assert_eq!(back.index(), s.index());
        assert!(Searcher::from_json("{").unwrap_err().contains("damaged"));
    }
}
