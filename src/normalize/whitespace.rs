//! [`Step::Whitespace`](super::Step::Whitespace) (off by default): whitespace runs
//! collapsed.
//!
//! Spaces and tabs at the start and end of a line are removed, a run of them inside a
//! line becomes one space, blank lines at the start of the text are removed and a run
//! of blank lines becomes one (at the end of the text, none: the text ends with one
//! `\n` if it ended with any).

use super::Edit;

fn is_blank(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// Pushes the edits that collapse whitespace in `text`.
///
/// ```
/// use copydesk::normalize::{normalize, whitespace, NormalizeOptions};
/// let mut edits = Vec::new();
/// whitespace::edits("a  b", &mut edits);
/// assert_eq!(edits.len(), 1);
///
/// let mut opts = NormalizeOptions::none();
/// opts.collapse_whitespace = true;
/// assert_eq!(normalize("\n\nTwo  spaces. \n\n\n\nNext.\n\n", &opts).text(), "Two spaces.\n\nNext.\n");
/// ```
pub fn edits(text: &str, out: &mut Vec<Edit>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut line_start = true;
    // Where a run of blank lines began (after the `\n` ending the last text line).
    let mut seen_text = false;
    while i < bytes.len() {
        let b = bytes[i];
        if line_start {
            // A blank or whitespace-only line run: from here over every line that holds
            // only spaces and tabs.
            let mut j = i;
            let mut blank_lines = 0;
            loop {
                let mut k = j;
                while k < bytes.len() && is_blank(bytes[k]) {
                    k += 1;
                }
                if k < bytes.len() && bytes[k] == b'\n' {
                    blank_lines += 1;
                    j = k + 1;
                } else {
                    break;
                }
            }
            let mut k = j;
            while k < bytes.len() && is_blank(bytes[k]) {
                k += 1;
            }
            let at_end = k == bytes.len();
            let keep = if !seen_text || at_end {
                ""
            } else if blank_lines > 0 {
                "\n"
            } else {
                ""
            };
            // `i..k` holds `blank_lines` newlines and the next line's indentation.
            if k > i {
                super::push_edit(text, out, i, k, keep);
            }
            i = k;
            line_start = false;
            continue;
        }
        if b == b'\n' {
            seen_text = true;
            line_start = true;
            i += 1;
            continue;
        }
        if is_blank(b) {
            let mut k = i;
            while k < bytes.len() && is_blank(bytes[k]) {
                k += 1;
            }
            let ends_line = k == bytes.len() || bytes[k] == b'\n';
            let replacement = if ends_line { "" } else { " " };
            super::push_edit(text, out, i, k, replacement);
            i = k;
            continue;
        }
        seen_text = true;
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(t: &str) -> String {
        crate::normalize::apply_step(t, edits)
    }

    #[test]
    fn collapses_runs() {
        assert_eq!(fix("  a  b\t c  \n\n\n \n  d\n\n"), "a b c\n\nd\n");
        assert_eq!(fix("\n\nx"), "x");
        assert_eq!(fix("a\n\nb\n"), "a\n\nb\n");
        assert_eq!(fix(&fix("  a  b\t c  \n\n\n \n  d\n\n")), "a b c\n\nd\n");
    }
}
