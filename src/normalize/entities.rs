//! [`Step::HtmlEntities`](super::Step::HtmlEntities): HTML character references left in
//! scraped text, decoded.
//!
//! Decimal (`&#8217;`) and hexadecimal (`&#x2019;`) references, and the named ones in
//! `lints/unicode/html-entities.txt` (HTML 4, `&apos;`, common HTML5 punctuation), each
//! only with its closing semicolon: "AT&T" and "?a=1&copy=2" stay as they are. Numeric
//! references to 128–159 mean the Windows-1252 character, as browsers read them
//! (`&#146;` is ’). Double escaping (`&amp;#8217;`, `&amp;amp;`) is undone completely,
//! so a second pass finds nothing left. References to NUL, surrogates or beyond
//! U+10FFFF are left alone.

use std::collections::HashMap;

use once_cell::sync::Lazy;

use super::Edit;

static NAMED: Lazy<HashMap<&'static str, char>> = Lazy::new(|| {
    include_str!("../../lints/unicode/html-entities.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (name, hex) = l.split_once('\t')?;
            Some((name, char::from_u32(u32::from_str_radix(hex.trim(), 16).ok()?)?))
        })
        .collect()
});

/// The longest entity name in the table, bounding the scan after `&`.
const MAX_NAME: usize = 32;

/// Windows-1252 characters for bytes 0x80–0x9F (`None` where undefined).
pub(crate) const CP1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// Parses a reference body (the text after `&`): its character and length with the `;`.
fn parse_body(s: &str) -> Option<(char, usize)> {
    let bytes = s.as_bytes();
    if bytes.first() == Some(&b'#') {
        let (radix, digits_at) = if matches!(bytes.get(1), Some(b'x' | b'X')) { (16, 2) } else { (10, 1) };
        let digits = bytes[digits_at..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        if digits == 0 || digits > 8 || bytes.get(digits_at + digits) != Some(&b';') {
            return None;
        }
        let value = u32::from_str_radix(&s[digits_at..digits_at + digits], radix).ok()?;
        let c = match value {
            0x80..=0x9F => CP1252_HIGH[(value - 0x80) as usize].or_else(|| char::from_u32(value))?,
            0 => return None,
            v => char::from_u32(v)?,
        };
        return Some((c, digits_at + digits + 1));
    }
    let len = bytes.iter().take(MAX_NAME + 1).take_while(|b| b.is_ascii_alphanumeric()).count();
    if len == 0 || len > MAX_NAME || bytes.get(len) != Some(&b';') {
        return None;
    }
    NAMED.get(&s[..len]).map(|&c| (c, len + 1))
}

/// Pushes an edit for every character reference in `text`.
///
/// ```
/// use copydesk::normalize::{entities, Edit};
/// let mut edits = Vec::new();
/// entities::edits("AT&T &amp; it&#8217;s ?a=1&copy=2", &mut edits);
/// assert_eq!(edits, [Edit::new(5, 10, "&"), Edit::new(13, 20, "’")]);
/// ```
pub fn edits(text: &str, out: &mut Vec<Edit>) {
    // Cheap screen: no ampersand, no reference.
    let Some(first) = text.find('&') else { return };
    let mut pos = first;
    while let Some(rel) = text[pos..].find('&') {
        let start = pos + rel;
        let Some((mut c, len)) = parse_body(&text[start + 1..]) else {
            pos = start + 1;
            continue;
        };
        let mut end = start + 1 + len;
        // An escaped ampersand may begin another reference: "&amp;lt;" is "<".
        while c == '&' {
            let Some((next, len)) = parse_body(&text[end..]) else { break };
            c = next;
            end += len;
        }
        let mut buf = [0u8; 4];
        out.push(Edit::new(start, end, &*c.encode_utf8(&mut buf)));
        pos = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(t: &str) -> String {
        crate::normalize::apply_step(t, edits)
    }

    #[test]
    fn decodes_references() {
        assert_eq!(fix("Tom &amp; Jerry&#8217;s &#x201C;show&#x201d; &eacute;&nbsp;"), "Tom & Jerry’s “show” é\u{a0}");
        assert_eq!(fix("it&#146;s"), "it’s");
        assert_eq!(fix("&amp;amp;lt; &amp;#8217;"), "< ’");
    }

    #[test]
    fn leaves_non_references() {
        for t in ["AT&T", "a=1&copy=2", "&;", "&#;", "&#0;", "&#xD800;", "&#99999999;", "&nosuch;", "& amp;", "&"] {
            assert_eq!(fix(t), t);
        }
    }
}
