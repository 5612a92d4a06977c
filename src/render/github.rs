//! The GitHub format: workflow commands that GitHub Actions turns into annotations on
//! the pull request, one per finding:
//!
//! ```text
//! ::warning file=a.md,line=3,col=5,endLine=3,endColumn=13,title=run-together::“budgeton” looks like words run together: “budget on”
//! ```
//!
//! Errors become `::error`, warnings `::warning` and info findings `::notice`.

use std::fmt::Write as _;

use super::{regions, FileReport};
use crate::Severity;

/// Appends one workflow command per diagnostic of `file` to `out`.
///
/// ```
/// use copydesk::render::{github, FileReport};
/// let source = "The the end.";
/// let diagnostics = copydesk::Linter::new().check(source);
/// let mut out = String::new();
/// github::render(&FileReport { path: "posts/a.md", source, diagnostics: &diagnostics }, &mut out);
/// assert_eq!(out, "::warning file=posts/a.md,line=1,col=1,endLine=1,endColumn=8,title=repeated-word::“the” is repeated\n");
/// ```
pub fn render(file: &FileReport<'_>, out: &mut String) {
    for (d, ((line, col), (end_line, end_col))) in file.diagnostics.iter().zip(regions(file)) {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let _ = writeln!(
            out,
            "::{level} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}",
            property(file.path),
            property(&d.rule),
            data(&d.message),
        );
    }
}

/// Escapes a command's message, as the Actions toolkit does.
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a command property value: as [`data`], plus `:` and `,`.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Diagnostic, Span};

    #[test]
    fn escapes_and_levels() {
        let diags = [
            Diagnostic::new("r", Severity::Info, Span::new(0, 2), "50% off\nnow"),
            Diagnostic::new("r", Severity::Error, Span::new(3, 5), "m"),
        ];
        let mut s = String::new();
        render(&FileReport { path: "a,b:c.md", source: "ab\ncd", diagnostics: &diags }, &mut s);
        assert_eq!(
            s,
            "::notice file=a%2Cb%3Ac.md,line=1,col=1,endLine=1,endColumn=3,title=r::50%25 off%0Anow\n\
             ::error file=a%2Cb%3Ac.md,line=2,col=1,endLine=2,endColumn=3,title=r::m\n"
        );
    }
}
