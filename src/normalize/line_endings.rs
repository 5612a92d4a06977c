//! [`Step::LineEndings`](super::Step::LineEndings): every line terminator to `\n`.
//!
//! Windows (`\r\n`) and old Mac (`\r`) endings, and the Unicode line and paragraph
//! separators (U+2028, U+2029) and NEXT LINE (U+0085) that some CMSs emit, as ftfy's
//! `fix_line_breaks` does.

use super::Edit;

/// Pushes an edit for every line terminator of `text` that is not `\n`.
///
/// ```
/// use copydesk::normalize::{line_endings, Edit};
/// let mut edits = Vec::new();
/// line_endings::edits("a\r\nb\rc\u{2028}d\n", &mut edits);
/// assert_eq!(edits, [Edit::new(1, 3, "\n"), Edit::new(4, 5, "\n"), Edit::new(6, 9, "\n")]);
/// ```
pub fn edits(text: &str, out: &mut Vec<Edit>) {
    let bytes = text.as_bytes();
    // Only `\r` and the lead bytes of U+0085 (C2) and U+2028/9 (E2) can start one.
    for i in memchr::memchr3_iter(b'\r', 0xC2, 0xE2, bytes) {
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'\r', Some(b'\n'), _) => out.push(Edit::new(i, i + 2, "\n")),
            (b'\r', _, _) => out.push(Edit::new(i, i + 1, "\n")),
            (0xC2, Some(0x85), _) => out.push(Edit::new(i, i + 2, "\n")),
            (0xE2, Some(0x80), Some(0xA8 | 0xA9)) => out.push(Edit::new(i, i + 3, "\n")),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(t: &str) -> Vec<Edit> {
        let mut v = Vec::new();
        edits(t, &mut v);
        v
    }

    #[test]
    fn converts_terminators() {
        assert_eq!(
            run("a\r\nb\rc\u{2028}d"),
            vec![Edit::new(1, 3, "\n"), Edit::new(4, 5, "\n"), Edit::new(6, 9, "\n")]
        );
        assert!(run("a\nb £").is_empty());
    }
}
