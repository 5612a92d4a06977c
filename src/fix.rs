//! Applying fixes: the `auto` suggestions of diagnostics, written into the original
//! text.
//!
//! [`apply`] takes the first `auto` suggestion of each diagnostic, in span order, and
//! skips any that overlaps one already taken (ruff's habit: a later run picks it up).
//! [`fix`] lints, applies and lints again until nothing more applies, so fixes that
//! were skipped for overlapping get their turn. Every replacement is on char
//! boundaries of the text, so the result is always valid UTF-8.
//!
//! Only [`Applicability::Auto`] suggestions are applied: those that cannot change
//! meaning (a split into two common words, a deleted zero-width space, repaired
//! mojibake). [`Applicability::Maybe`] ones (a name, a pronoun) wait for a person.
//!
//! ```
//! let linter = copydesk::Linter::new();
//! let text = "Itâ€™s the the first time.";
//! let fixed = copydesk::fix::fix(&linter, text).unwrap();
//! assert_eq!(fixed.text, "It’s the first time.");
//! assert!(linter.check(&fixed.text).is_empty());
//! ```

use crate::{Applicability, Diagnostic, Linter};

/// The result of applying fixes.
///
/// ```
/// let found = copydesk::Linter::new().check("Pop\u{200b}star of the the year.");
/// let fixed = copydesk::fix::apply("Pop\u{200b}star of the the year.", &found).unwrap();
/// assert_eq!(fixed, copydesk::fix::Fixed { text: "Popstar of the year.".into(), applied: 2 });
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fixed {
    /// The fixed text.
    pub text: String,
    /// How many fixes were applied.
    pub applied: usize,
}

/// Applies the first `auto` suggestion of each diagnostic in `diagnostics` to `text`.
/// Suggestions whose span is out of bounds, not on char boundaries or overlapping an
/// earlier one are skipped; returns `None` when nothing applies.
///
/// Lint once, keep the findings for a report, and apply what is safe:
///
/// ```
/// use copydesk::{fix, Linter, Severity};
/// let text = "He said it´s fine.\n\nLeave a Comment\n";
/// let found = Linter::new().check(text);
/// assert_eq!(found.len(), 2);
/// assert!(found.iter().all(|d| d.severity == Severity::Error));
/// // The apostrophe has an `auto` fix; the boilerplate line has no suggestion.
/// let fixed = fix::apply(text, &found).unwrap();
/// assert_eq!(fixed.text, "He said it’s fine.\n\nLeave a Comment\n");
/// assert_eq!(fixed.applied, 1);
/// assert!(fix::apply("Fine.", &[]).is_none());
/// ```
#[must_use]
pub fn apply(text: &str, diagnostics: &[Diagnostic]) -> Option<Fixed> {
    let mut fixes: Vec<(usize, usize, &str)> = diagnostics
        .iter()
        .filter_map(|d| {
            let s = d.suggestions.iter().find(|s| s.applicability == Applicability::Auto)?;
            let (a, b) = (d.span.start, d.span.end);
            let valid = a <= b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b);
            (valid && text[a..b] != *s.replacement).then_some((a, b, s.replacement.as_str()))
        })
        .collect();
    fixes.sort_by_key(|&(a, b, _)| (a, b));
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut applied = 0;
    let mut last_insert: Option<usize> = None;
    for (a, b, r) in fixes {
        // Overlapping an applied fix; two insertions at one point are ambiguous too.
        if a < last || (a == b && last_insert == Some(a)) {
            continue;
        }
        out.push_str(&text[last..a]);
        out.push_str(r);
        last = b;
        last_insert = (a == b).then_some(a);
        applied += 1;
    }
    if applied == 0 {
        return None;
    }
    out.push_str(&text[last..]);
    Some(Fixed { text: out, applied })
}

/// Most lint-and-apply rounds [`fix`] runs.
const MAX_ROUNDS: usize = 8;

/// Lints `text` with `linter` and applies `auto` fixes until none applies (or after
/// a few rounds); returns `None` when the text needs no fix.
///
/// ```
/// let linter = copydesk::Linter::new();
/// let fixed = copydesk::fix::fix(&linter, "Tickets cost Â£5 for the the show.").unwrap();
/// assert_eq!(fixed.text, "Tickets cost £5 for the show.");
/// assert_eq!(fixed.applied, 2);
/// assert!(copydesk::fix::fix(&linter, "Nothing to do here.").is_none());
/// ```
#[must_use]
pub fn fix(linter: &Linter, text: &str) -> Option<Fixed> {
    fix_as(linter, text, crate::InputKind::Text)
}

/// As [`fix`], reading `text` as `kind` (a Markdown file is fixed only in its prose).
///
/// ```
/// use copydesk::{fix, InputKind, Linter};
/// let linter = Linter::new();
/// let md = "Use `the the` here, not the the.\n";
/// let fixed = fix::fix_as(&linter, md, InputKind::Markdown).unwrap();
/// assert_eq!(fixed.text, "Use `the the` here, not the.\n");
/// ```
#[must_use]
pub fn fix_as(linter: &Linter, text: &str, kind: crate::InputKind) -> Option<Fixed> {
    let mut current: Option<Fixed> = None;
    for _ in 0..MAX_ROUNDS {
        let source = current.as_ref().map_or(text, |f| f.text.as_str());
        let Some(next) = apply(source, &linter.check_as(source, kind)) else { break };
        let applied = current.as_ref().map_or(0, |f| f.applied) + next.applied;
        current = Some(Fixed { text: next.text, applied });
    }
    current.filter(|f| f.text != text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Severity, Span};

    fn diag(a: usize, b: usize, r: &str, app: Applicability) -> Diagnostic {
        let mut d = Diagnostic::new("x", Severity::Warning, Span::new(a, b), "m");
        d.suggest(r, app);
        d
    }

    #[test]
    fn applies_non_overlapping_auto_fixes() {
        let t = "the the cat\u{200b}s";
        let ds = [
            diag(0, 4, "", Applicability::Auto),
            diag(2, 6, "zz", Applicability::Auto),
            diag(11, 14, "", Applicability::Auto),
            diag(7, 10, "dog", Applicability::Maybe),
        ];
        let f = apply(t, &ds).unwrap();
        assert_eq!(f.text, "the cats");
        assert_eq!(f.applied, 2);
        assert!(apply(t, &[diag(12, 13, "", Applicability::Auto)]).is_none(), "not a char boundary");
        assert!(apply(t, &[diag(0, 99, "", Applicability::Auto)]).is_none(), "out of bounds");
    }

    #[test]
    fn fix_runs_to_a_fixed_point() {
        let linter = Linter::new();
        let fixed = fix(&linter, "a \u{200b}b\u{200b}c").unwrap();
        assert_eq!(fixed.text, "a bc");
        assert!(fix(&linter, "Nothing to do here.").is_none());
    }
}
