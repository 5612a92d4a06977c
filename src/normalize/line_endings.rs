//! [`Step::LineEndings`](super::Step::LineEndings): every line terminator to `\n`.
//!
//! Windows (`\r\n`) and old Mac (`\r`) endings, and the Unicode line and paragraph
//! separators (U+2028, U+2029) and NEXT LINE (U+0085) that some CMSs emit, as ftfy's
//! `fix_line_breaks` does.

use super::Edit;

/// Pushes an edit for every line terminator of `text` that is not `\n`.
pub fn edits(text: &str, out: &mut Vec<Edit>) {
    let bytes = text.as_bytes();
    // Cheap screen: `\r` or the lead bytes of U+0085 (C2) and U+2028/9 (E2).
    if !bytes.iter().any(|&b| b == b'\r' || b == 0xC2 || b == 0xE2) {
        return;
    }
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        match c {
            '\r' => {
                let end = if iter.peek().is_some_and(|&(_, n)| n == '\n') {
                    iter.next();
                    i + 2
                } else {
                    i + 1
                };
                out.push(Edit::new(i, end, "\n"));
            }
            '\u{85}' | '\u{2028}' | '\u{2029}' => out.push(Edit::new(i, i + c.len_utf8(), "\n")),
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
