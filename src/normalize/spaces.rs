//! [`Step::Spaces`](super::Step::Spaces): no-break and fixed-width spaces to a plain
//! space.
//!
//! U+00A0 NO-BREAK SPACE, U+1680, U+2000–U+200A, U+202F NARROW NO-BREAK SPACE and
//! U+205F. U+3000 IDEOGRAPHIC SPACE is kept: it is the normal space of CJK text (NFKC
//! folds it when asked for).

use super::Edit;

/// Whether `c` is a space this step turns into `' '`.
///
/// ```
/// use copydesk::normalize::spaces::is_odd_space;
/// assert!(is_odd_space('\u{a0}') && is_odd_space('\u{202f}'));
/// assert!(!is_odd_space(' ') && !is_odd_space('\u{3000}'));
/// ```
#[must_use]
pub fn is_odd_space(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}')
}

/// Pushes an edit for every odd space in `text`.
///
/// ```
/// use copydesk::normalize::{spaces, Edit};
/// let mut edits = Vec::new();
/// spaces::edits("5\u{a0}km", &mut edits);
/// assert_eq!(edits, [Edit::new(1, 3, " ")]);
/// ```
pub fn edits(text: &str, out: &mut Vec<Edit>) {
    let bytes = text.as_bytes();
    // Only the lead bytes C2 (U+00A0), E1 (U+1680) and E2 (U+2000–U+205F) can start one.
    for i in memchr::memchr3_iter(0xC2, 0xE1, 0xE2, bytes) {
        let len = match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (0xC2, Some(0xA0), _) => 2,
            (0xE1, Some(0x9A), Some(0x80))
            | (0xE2, Some(0x80), Some(0x80..=0x8A | 0xAF))
            | (0xE2, Some(0x81), Some(0x9F)) => 3,
            _ => continue,
        };
        out.push(Edit::new(i, i + len, " "));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_odd_spaces_only() {
        let mut v = Vec::new();
        edits("a\u{a0}b\u{2009}c\u{3000}d £", &mut v);
        assert_eq!(v, vec![Edit::new(1, 3, " "), Edit::new(4, 7, " ")]);
    }
}
