//! The JSON format, schema version 1:
//!
//! ```json
//! {"version": 1,
//!  "files": [{"path": "a.txt",
//!             "diagnostics": [{"rule": "run-together", "severity": "warning",
//!                              "message": "…", "span": {"start": 10, "end": 18},
//!                              "line": 3, "column": 5, "text": "budgeton",
//!                              "suggestions": [{"replacement": "budget on", "applicability": "auto"}]}]}]}
//! ```

use serde::Serialize;

use super::{FileReport, Locator};
use crate::{Severity, Span, Suggestion};

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    files: Vec<File<'a>>,
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    diagnostics: Vec<Item<'a>>,
}

#[derive(Serialize)]
struct Item<'a> {
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    span: Span,
    line: usize,
    column: usize,
    text: &'a str,
    suggestions: &'a [Suggestion],
}

/// The diagnostics of one file as JSON values, for embedding in other outputs.
///
/// ```
/// use copydesk::render::{json, FileReport};
/// let source = "The the end.";
/// let diagnostics = copydesk::Linter::new().check(source);
/// let v = json::file_value(&FileReport { path: "a.txt", source, diagnostics: &diagnostics });
/// assert_eq!(v["path"], "a.txt");
/// assert_eq!(v["diagnostics"][0]["text"], "The the");
/// assert_eq!(v["diagnostics"][0]["suggestions"][0]["applicability"], "auto");
/// ```
#[must_use]
pub fn file_value(file: &FileReport<'_>) -> serde_json::Value {
    serde_json::to_value(build_file(file)).expect("diagnostics serialise")
}

/// Writes the `diagnostics` array of one text (schema version 1 items) to `out`.
///
/// ```
/// let source = "The the end.";
/// let diagnostics = copydesk::Linter::new().check(source);
/// let mut out = Vec::new();
/// copydesk::render::json::write_diagnostics(&mut out, source, &diagnostics)?;
/// let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
/// assert_eq!(v[0]["span"], serde_json::json!({"start": 0, "end": 7}));
/// assert_eq!(v[0]["column"], 1);
/// # Ok::<(), std::io::Error>(())
/// ```
///
/// # Errors
/// When writing fails.
pub fn write_diagnostics(
    out: &mut impl std::io::Write,
    source: &str,
    diagnostics: &[crate::Diagnostic],
) -> std::io::Result<()> {
    let file = build_file(&FileReport { path: "", source, diagnostics });
    serde_json::to_writer(out, &file.diagnostics).map_err(std::io::Error::other)
}

fn build_file<'a>(file: &FileReport<'a>) -> File<'a> {
    let mut loc = Locator::new(file.source);
    let diagnostics = file
        .diagnostics
        .iter()
        .map(|d| {
            let (line, column) = loc.locate(d.span.start);
            Item {
                rule: &d.rule,
                severity: d.severity,
                message: &d.message,
                span: d.span,
                line,
                column,
                text: file.source.get(d.span.start..d.span.end).unwrap_or(""),
                suggestions: &d.suggestions,
            }
        })
        .collect();
    File { path: file.path, diagnostics }
}

/// Renders all files as one JSON document.
///
/// ```
/// use copydesk::render::{json, FileReport};
/// let out = json::render(&[FileReport { path: "clean.txt", source: "Fine.", diagnostics: &[] }]);
/// let v: serde_json::Value = serde_json::from_str(&out).unwrap();
/// assert_eq!(v, serde_json::json!({"version": 1, "files": [{"path": "clean.txt", "diagnostics": []}]}));
/// ```
#[must_use]
pub fn render(files: &[FileReport<'_>]) -> String {
    let out = Output { version: 1, files: files.iter().map(build_file).collect() };
    serde_json::to_string_pretty(&out).expect("diagnostics serialise")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Applicability, Diagnostic};

    #[test]
    fn matches_the_schema() {
        let mut d = Diagnostic::new("repeated-word", Severity::Warning, Span::new(3, 10), "m");
        d.suggest("the", Applicability::Auto);
        let diags = [d];
        let json = render(&[FileReport { path: "a.txt", source: "ok\nthe the", diagnostics: &diags }]);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let want = serde_json::json!({"version": 1, "files": [{"path": "a.txt", "diagnostics": [{
            "rule": "repeated-word", "severity": "warning", "message": "m",
            "span": {"start": 3, "end": 10}, "line": 2, "column": 1, "text": "the the",
            "suggestions": [{"replacement": "the", "applicability": "auto"}]}]}]});
        assert_eq!(v, want);
    }
}
