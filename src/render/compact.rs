//! The compact format: `path:line:col: severity[rule]: message`, one line per finding,
//! for editors and grep.

use std::fmt::Write as _;

use super::{FileReport, Locator};

/// Appends one line per diagnostic of `file` to `out`.
///
/// ```
/// use copydesk::render::{compact, FileReport};
/// let source = "Leave a Comment\n\nTickets cost Â£5.";
/// let diagnostics = copydesk::Linter::new().check(source);
/// let mut out = String::new();
/// compact::render(&FileReport { path: "post.txt", source, diagnostics: &diagnostics }, &mut out);
/// let lines: Vec<&str> = out.lines().collect();
/// assert_eq!(lines[0], "post.txt:1:1: error[boilerplate]: comment prompt left by the page template");
/// assert!(lines[1].starts_with("post.txt:3:14: error[mojibake]: "));
/// ```
pub fn render(file: &FileReport<'_>, out: &mut String) {
    let mut loc = Locator::new(file.source);
    for d in file.diagnostics {
        let (line, col) = loc.locate(d.span.start);
        let _ = writeln!(out, "{}:{line}:{col}: {}[{}]: {}", file.path, d.severity, d.rule, d.message);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Diagnostic, Severity, Span};

    #[test]
    fn one_line_per_finding() {
        let diags = [Diagnostic::new("whitespace", Severity::Info, Span::new(3, 5), "2 spaces in a row")];
        let mut s = String::new();
        render(&FileReport { path: "x.txt", source: "ab\n  c", diagnostics: &diags }, &mut s);
        assert_eq!(s, "x.txt:2:1: info[whitespace]: 2 spaces in a row\n");
    }
}
