//! The human format: miette's graphical report, one per finding, with the source
//! snippet, a label at the span and the suggestion as help.
//!
//! Only with the `fancy` feature (on by default, through `cli`).

use std::sync::Arc;

use miette::{GraphicalReportHandler, GraphicalTheme, NamedSource, SourceCode};

use super::FileReport;
use crate::Diagnostic;

/// A finding together with its file, as miette needs it.
struct WithSource<'a> {
    diag: &'a Diagnostic,
    source: &'a Arc<NamedSource<String>>,
}

impl std::fmt::Debug for WithSource<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.diag.fmt(f)
    }
}

impl std::fmt::Display for WithSource<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self.diag, f)
    }
}

impl std::error::Error for WithSource<'_> {}

impl miette::Diagnostic for WithSource<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn std::fmt::Display + 'b>> {
        self.diag.code()
    }
    fn severity(&self) -> Option<miette::Severity> {
        self.diag.severity()
    }
    fn help<'b>(&'b self) -> Option<Box<dyn std::fmt::Display + 'b>> {
        self.diag.help()
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        self.diag.labels()
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&**self.source as &dyn SourceCode)
    }
}

/// A graphical handler: colour or not, at `width` columns.
///
/// ```
/// use copydesk::render::{human, FileReport};
/// let source = "The the end.";
/// let diagnostics = copydesk::Linter::new().check(source);
/// let mut out = String::new();
/// human::render(&FileReport { path: "a.txt", source, diagnostics: &diagnostics }, &human::handler(false, 80), &mut out);
/// assert!(out.contains("repeated-word") && out.contains("a.txt:1:1"));
/// assert!(!out.contains('\u{1b}'), "no colour escapes");
/// ```
#[must_use]
pub fn handler(color: bool, width: usize) -> GraphicalReportHandler {
    let theme = if color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    GraphicalReportHandler::new_themed(theme).with_width(width).with_links(false)
}

/// Renders every finding of `file` with `handler`.
///
/// ```
/// use copydesk::render::{human, FileReport};
/// let mut out = String::new();
/// human::render(&FileReport { path: "a.txt", source: "Fine.", diagnostics: &[] }, &human::handler(true, 80), &mut out);
/// assert!(out.is_empty());
/// ```
pub fn render(file: &FileReport<'_>, handler: &GraphicalReportHandler, out: &mut String) {
    if file.diagnostics.is_empty() {
        return;
    }
    let source = Arc::new(NamedSource::new(file.path, file.source.to_owned()));
    for diag in file.diagnostics {
        let _ = handler.render_report(out, &WithSource { diag, source: &source });
    }
}

/// Renders a single diagnostic against `source` without colour at 100 columns, as the
/// snapshot tests show it.
///
/// ```
/// let source = "Tickets cost Â£5.";
/// let diagnostics = copydesk::Linter::new().check(source);
/// let report = copydesk::render::human::render_plain("a.txt", source, &diagnostics);
/// assert!(report.contains("mojibake"));
/// assert!(report.contains("Tickets cost Â£5."), "the source line is shown");
/// assert!(report.contains("help: replace with \"£\""));
/// ```
#[must_use]
pub fn render_plain(path: &str, source: &str, diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    render(&FileReport { path, source, diagnostics }, &handler(false, 100), &mut out);
    out
}
