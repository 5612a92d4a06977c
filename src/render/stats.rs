//! `--stats`: how many findings each rule reported and each file holds, with totals.
//! Printed after the findings (to standard error when the format is for machines, so
//! their output stays parseable).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::FileReport;
use crate::Severity;

/// The summary of `files`: findings per rule (most first, then by code), per file (in
/// input order, files without findings left out) and in total.
///
/// ```
/// use copydesk::render::{stats, FileReport};
/// let source = "The the end. It was was loud.";
/// let diagnostics = copydesk::Linter::new().check(source);
/// let summary = stats::render(&[FileReport { path: "a.txt", source, diagnostics: &diagnostics }]);
/// assert_eq!(summary, "findings by rule:\n      2  repeated-word\nfindings by file:\n      2  a.txt\n\
///                      total: 2 findings (0 errors, 2 warnings, 0 info) in 1 file\n");
/// ```
#[must_use]
pub fn render(files: &[FileReport<'_>]) -> String {
    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    let mut by_severity: BTreeMap<Severity, usize> = BTreeMap::new();
    for d in files.iter().flat_map(|f| f.diagnostics) {
        *by_rule.entry(&d.rule).or_default() += 1;
        *by_severity.entry(d.severity).or_default() += 1;
    }
    let total: usize = by_rule.values().sum();
    let mut rules: Vec<(&str, usize)> = by_rule.into_iter().collect();
    rules.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let width = total.to_string().len().max(5);
    let mut out = String::from("findings by rule:\n");
    for (rule, n) in &rules {
        let _ = writeln!(out, "  {n:>width$}  {rule}");
    }
    out.push_str("findings by file:\n");
    for f in files.iter().filter(|f| !f.diagnostics.is_empty()) {
        let _ = writeln!(out, "  {:>width$}  {}", f.diagnostics.len(), f.path);
    }
    let count = |s: Severity| by_severity.get(&s).copied().unwrap_or(0);
    let _ = writeln!(
        out,
        "total: {total} finding{} ({} error{}, {} warning{}, {} info) in {} file{}",
        plural(total),
        count(Severity::Error),
        plural(count(Severity::Error)),
        count(Severity::Warning),
        plural(count(Severity::Warning)),
        count(Severity::Info),
        files.len(),
        plural(files.len()),
    );
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Diagnostic, Span};

    #[test]
    fn counts_per_rule_and_file() {
        let a = [
            Diagnostic::new("b-rule", Severity::Error, Span::new(0, 1), "m"),
            Diagnostic::new("a-rule", Severity::Info, Span::new(0, 1), "m"),
            Diagnostic::new("b-rule", Severity::Warning, Span::new(0, 1), "m"),
        ];
        let files = [
            FileReport { path: "a.txt", source: "x", diagnostics: &a },
            FileReport { path: "clean.txt", source: "x", diagnostics: &[] },
        ];
        assert_eq!(
            render(&files),
            "findings by rule:\n      2  b-rule\n      1  a-rule\nfindings by file:\n      3  a.txt\n\
             total: 3 findings (1 error, 1 warning, 1 info) in 2 files\n"
        );
    }
}
