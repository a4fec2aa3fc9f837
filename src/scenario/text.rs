//! Splitting scenario text into `key = value` pairs.
//!
//! Accepts a block (one pair per line, `#` comment lines), pairs separated by spaces or `&`
//! (`rate=0.9 servers=2`, `rate=0.9&servers=2`), and spaces around `=`. A value may contain
//! spaces (`speeds = 1, 0.5`): words up to the next `key=` belong to it. Percent escapes
//! (`%2C`) are decoded in both forms; a URL query additionally reads `+` as a space.

/// One `key = value` pair as written (trimmed, decoded).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    pub key: String,
    pub value: String,
}

/// The pairs in `text`, and the fragments that were not part of any pair.
pub fn pairs(text: &str) -> (Vec<Pair>, Vec<String>) {
    let mut pairs: Vec<Pair> = Vec::new();
    let mut strays = Vec::new();
    let segments =
        text.lines().filter(|line| !line.trim_start().starts_with('#')).flat_map(|line| line.split('&'));
    for segment in segments {
        let mut open: Option<Pair> = None;
        let mut words = segment.split_whitespace().peekable();
        while let Some(word) = words.next() {
            // `key=value`, `key=`, `key =`, `key = value`: a word followed by `=` starts a pair.
            let starts_pair = word.contains('=') && !word.starts_with('=')
                || words.peek().is_some_and(|next| next.starts_with('='));
            if starts_pair {
                pairs.extend(open.take());
                let (key, rest) = word.split_once('=').unwrap_or((word, ""));
                let mut value = rest.to_string();
                if !word.contains('=') {
                    // The `=` is in the next word.
                    let next = words.next().unwrap_or("=");
                    value = next[1..].to_string();
                }
                open = Some(Pair { key: decode(key), value: decode(&value) });
            } else if let Some(pair) = open.as_mut() {
                let decoded = decode(word);
                if !pair.value.is_empty() {
                    pair.value.push(' ');
                }
                pair.value.push_str(&decoded);
            } else {
                strays.push(decode(word));
            }
        }
        pairs.extend(open);
    }
    for pair in &mut pairs {
        pair.key = pair.key.trim().to_string();
        pair.value = pair.value.trim().to_string();
    }
    (pairs, strays)
}

/// The pairs of a URL query (`?a=1&b=2`, the `?` optional): `+` is a space.
pub fn query_pairs(query: &str) -> (Vec<Pair>, Vec<String>) {
    let query = query.strip_prefix('?').unwrap_or(query);
    let spaced: String = query.replace('+', " ");
    // Decoding happens per word in `pairs`; `%26` (an escaped `&`) survives the split.
    pairs(&spaced)
}

/// Decodes `%XX` escapes; malformed ones are kept as written, bad UTF-8 is replaced.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .filter(|hex| hex.iter().all(u8::is_ascii_hexdigit))
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Escapes what a URL query value cannot hold as is.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}
