//! Reading raw HTML for the filter: a start or end tag and its attribute names, and text
//! escaped for the page. Deliberately narrow: anything it cannot read is not a tag, and the
//! filter shows it as text.

/// A start or end tag, as far as the filter reads one.
pub(super) struct RawTag {
    pub(super) closing: bool,
    pub(super) name: String,
    /// Attribute names, in order (values are never kept).
    pub(super) attrs: Vec<String>,
    /// Bytes from `<` to `>` inclusive.
    pub(super) len: usize,
}

/// Reads `<name attr="v" attr2>` or `</name>` at the start of `s`; `None` if it is not one.
pub(super) fn parse_tag(s: &str) -> Option<RawTag> {
    let b = s.as_bytes();
    let mut i = 1;
    let closing = b.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let start = i;
    if !b.get(i)?.is_ascii_alphabetic() {
        return None;
    }
    while b.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-') {
        i += 1;
    }
    let name = s[start..i].to_string();
    let mut attrs = Vec::new();
    loop {
        let spaced = b.get(i).is_some_and(|c| c.is_ascii_whitespace());
        while b.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
            i += 1;
        }
        match b.get(i)? {
            b'>' => return Some(RawTag { closing, name, attrs, len: i + 1 }),
            b'/' if b.get(i + 1) == Some(&b'>') && !closing => {
                return Some(RawTag { closing, name, attrs, len: i + 2 });
            }
            _ if closing || !spaced => return None,
            _ => {}
        }
        let from = i;
        while b
            .get(i)
            .is_some_and(|c| !c.is_ascii_whitespace() && !matches!(c, b'"' | b'\'' | b'>' | b'/' | b'=' | 0))
        {
            i += 1;
        }
        if i == from {
            return None;
        }
        attrs.push(s[from..i].to_string());
        let mut j = i;
        while b.get(j).is_some_and(|c| c.is_ascii_whitespace()) {
            j += 1;
        }
        if b.get(j) == Some(&b'=') {
            j += 1;
            while b.get(j).is_some_and(|c| c.is_ascii_whitespace()) {
                j += 1;
            }
            match b.get(j)? {
                quote @ (b'"' | b'\'') => {
                    let end = s[j + 1..].find(*quote as char)?;
                    j += 1 + end + 1;
                }
                _ => {
                    let from = j;
                    while b.get(j).is_some_and(|c| {
                        !c.is_ascii_whitespace() && !matches!(c, b'"' | b'\'' | b'=' | b'<' | b'>' | b'`')
                    }) {
                        j += 1;
                    }
                    if j == from {
                        return None;
                    }
                }
            }
            i = j;
        }
    }
}

/// Text from raw HTML, escaped, except character references (`&amp;`, `&#8212;`), which are
/// already escaped text and stay as written.
pub(super) fn escape_text(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        match c {
            '&' => {
                let reference = entity_len(rest);
                if reference > 0 {
                    out.push_str(&rest[..reference]);
                    rest = &rest[reference..];
                    continue;
                }
                out.push_str("&amp;");
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
}

/// The length of a character reference at the start of `s` (`&name;`, `&#123;`, `&#x1F;`), or 0.
fn entity_len(s: &str) -> usize {
    let b = s.as_bytes();
    let (digits, from): (fn(&u8) -> bool, usize) = match (b.get(1), b.get(2)) {
        (Some(b'#'), Some(b'x' | b'X')) => (u8::is_ascii_hexdigit, 3),
        (Some(b'#'), _) => (u8::is_ascii_digit, 2),
        _ => (u8::is_ascii_alphanumeric, 1),
    };
    let n = b[from.min(b.len())..].iter().take_while(|c| digits(c)).count();
    if (1..=32).contains(&n) && b.get(from + n) == Some(&b';') { from + n + 1 } else { 0 }
}
