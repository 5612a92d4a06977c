//! [`Step::Quotes`](super::Step::Quotes): quotation marks and apostrophes curled or
//! straightened ([`Quotes`]).
//!
//! Straightening maps ‘ ’ ‚ ‛ to `'` and “ ” „ ‟ to `"`. Curling decides by context: a
//! mark after a letter, digit-free closing punctuation or another closing mark closes
//! (’ ”), one at the start of the text or after a space, bracket or dash opens (‘ “),
//! except an apostrophe before a digit ("’90s"). A mark right after a digit is left
//! straight: it is more likely a foot or inch sign (5'11") than a quote.

use super::{Edit, Quotes};

/// Pushes the edits that apply `mode` to `text`.
///
/// ```
/// use copydesk::normalize::{quotes, Edit, Quotes};
/// let mut edits = Vec::new();
/// quotes::edits("'Hi,' she said", Quotes::Curl, &mut edits);
/// assert_eq!(edits, [Edit::new(0, 1, "‘"), Edit::new(4, 5, "’")]);
/// edits.clear();
/// quotes::edits("“Hi”", Quotes::Keep, &mut edits);
/// assert!(edits.is_empty());
/// ```
pub fn edits(text: &str, mode: Quotes, out: &mut Vec<Edit>) {
    match mode {
        Quotes::Keep => {}
        Quotes::Straighten => {
            if text.is_ascii() {
                return;
            }
            for (i, c) in text.char_indices() {
                let r = match c {
                    '‘' | '’' | '‚' | '‛' => "'",
                    '“' | '”' | '„' | '‟' => "\"",
                    _ => continue,
                };
                out.push(Edit::new(i, i + c.len_utf8(), r));
            }
        }
        Quotes::Curl => {
            if !text.contains(['\'', '"']) {
                return;
            }
            for (i, before, c, next) in crate::document::chars_with_neighbours(text) {
                if c != '\'' && c != '"' {
                    continue;
                }
                if before.is_some_and(|p| p.is_ascii_digit()) {
                    continue;
                }
                let opens = before.is_none_or(|p| {
                    p.is_whitespace() || matches!(p, '(' | '[' | '{' | '-' | '–' | '—' | '/' | '“' | '‘')
                });
                let r = match (c, opens) {
                    ('\'', true) if next.is_some_and(|n| n.is_ascii_digit()) => "’",
                    ('\'', true) => "‘",
                    ('\'', false) => "’",
                    (_, true) => "“",
                    _ => "”",
                };
                out.push(Edit::new(i, i + 1, r));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(t: &str, mode: Quotes) -> String {
        crate::normalize::apply_step(t, |t, v| edits(t, mode, v))
    }

    #[test]
    fn curls_and_straightens() {
        assert_eq!(
            fix("\"It's the '90s,\" she said 'ok'. 5'11\"", Quotes::Curl),
            "“It’s the ’90s,” she said ‘ok’. 5'11\""
        );
        assert_eq!(fix("“It’s ‘ok’”", Quotes::Straighten), "\"It's 'ok'\"");
        assert_eq!(fix("“It’s”", Quotes::Keep), "“It’s”");
    }
}
