//! Applying fixes: the `auto` suggestions of diagnostics, written into the original
//! text.
//!
//! [`apply`] takes the first `auto` suggestion of each diagnostic, in span order, and
//! skips any that overlaps one already taken (ruff's habit: a later run picks it up).
//! [`fix`] lints, applies and lints again until nothing more applies, so fixes that
//! were skipped for overlapping get their turn. Every replacement is on char
//! boundaries of the text, so the result is always valid UTF-8.

use crate::{Applicability, Diagnostic, Linter};

/// The result of applying fixes.
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
#[must_use]
pub fn fix(linter: &Linter, text: &str) -> Option<Fixed> {
    fix_as(linter, text, crate::InputKind::Text)
}

/// As [`fix`], reading `text` as `kind` (a Markdown file is fixed only in its prose).
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
