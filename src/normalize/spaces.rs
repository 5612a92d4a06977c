//! [`Step::Spaces`](super::Step::Spaces): no-break and fixed-width spaces to a plain
//! space.
//!
//! U+00A0 NO-BREAK SPACE, U+1680, U+2000–U+200A, U+202F NARROW NO-BREAK SPACE and
//! U+205F. U+3000 IDEOGRAPHIC SPACE is kept: it is the normal space of CJK text (NFKC
//! folds it when asked for).

use super::Edit;

/// Whether `c` is a space this step turns into `' '`.
#[must_use]
pub fn is_odd_space(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}')
}

/// Pushes an edit for every odd space in `text`.
pub fn edits(text: &str, out: &mut Vec<Edit>) {
    // Cheap screen: the lead bytes of every such space (C2, E1, E2).
    if !text.as_bytes().iter().any(|&b| matches!(b, 0xC2 | 0xE1 | 0xE2)) {
        return;
    }
    for (i, c) in text.char_indices() {
        if is_odd_space(c) {
            out.push(Edit::new(i, i + c.len_utf8(), " "));
        }
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
