//! Renderers: the formats `copydesk check` prints.
//!
//! - [`human`]: miette's graphical report with the source snippet (needs the `fancy`
//!   feature);
//! - [`json`]: the stable JSON schema, version 1;
//! - [`compact`]: one `path:line:col: severity[rule]: message` line per finding;
//! - [`table`]: the rule table of `copydesk rules` and the README.
//! - [`sarif`]: SARIF 2.1.0, for code-scanning services;
//! - [`github`]: GitHub Actions workflow commands, one annotation per finding;
//! - [`stats`]: a summary of findings per rule and per file, beside any format.
//!
//! Every renderer takes [`FileReport`]s: a path, the source text and its findings.
//! Lines and columns are computed here (1-based, columns in chars), from the byte spans
//! the findings carry.
//!
//! ```
//! use copydesk::render::{compact, json, FileReport};
//! use copydesk::Linter;
//!
//! let linter = Linter::new();
//! let source = "Fans cheered.\nThey set the budgeton Friday.\n";
//! let diagnostics = linter.check(source);
//! let file = FileReport { path: "a.txt", source, diagnostics: &diagnostics };
//!
//! let mut out = String::new();
//! compact::render(&file, &mut out);
//! assert_eq!(out, "a.txt:2:14: warning[run-together]: “budgeton” looks like words run together: “budget on”\n");
//!
//! let doc: serde_json::Value = serde_json::from_str(&json::render(&[file])).unwrap();
//! assert_eq!(doc["files"][0]["diagnostics"][0]["line"], 2);
//! ```

pub mod compact;
pub mod github;
#[cfg(feature = "fancy")]
pub mod human;
pub mod json;
pub mod sarif;
pub mod stats;
pub mod table;

use crate::Diagnostic;

/// One linted file: its display path, source text and findings (sorted by position).
///
/// ```
/// use copydesk::render::{stats, FileReport};
/// let linter = copydesk::Linter::new();
/// let (a, b) = ("Leave a Comment", "The the end.");
/// let (da, db) = (linter.check(a), linter.check(b));
/// let files = [
///     FileReport { path: "a.txt", source: a, diagnostics: &da },
///     FileReport { path: "b.txt", source: b, diagnostics: &db },
/// ];
/// assert!(stats::render(&files).ends_with("total: 2 findings (1 error, 1 warning, 0 info) in 2 files\n"));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct FileReport<'a> {
    /// The path as the user gave it (`-` for standard input).
    pub path: &'a str,
    /// The original text.
    pub source: &'a str,
    /// The findings, sorted by position.
    pub diagnostics: &'a [Diagnostic],
}

/// Converts byte offsets to 1-based line and column (in chars), in one forward pass when
/// offsets come in ascending order, so a 100 MB single line costs linear time.
///
/// ```
/// let mut loc = copydesk::render::Locator::new("ab\nçd");
/// assert_eq!(loc.locate(0), (1, 1));
/// assert_eq!(loc.locate(6), (2, 3), "columns count chars: ç is two bytes");
/// assert_eq!(loc.locate(1), (1, 2), "going back works too, from the start");
/// ```
#[derive(Debug)]
pub struct Locator<'a> {
    source: &'a str,
    line: usize,
    line_start: usize,
    at: usize,
    col: usize,
}

impl<'a> Locator<'a> {
    /// A locator at the start of `source`.
    ///
    /// ```
    /// assert_eq!(copydesk::render::Locator::new("abc").locate(2), (1, 3));
    /// ```
    #[must_use]
    pub fn new(source: &'a str) -> Self {
        Locator { source, line: 1, line_start: 0, at: 0, col: 0 }
    }

    /// Line and column of byte `offset` (1-based; column counts chars).
    ///
    /// ```
    /// let mut loc = copydesk::render::Locator::new("one\ntwo\nthree");
    /// assert_eq!(loc.locate(8), (3, 1));
    /// assert_eq!(loc.locate(100), (3, 6), "clamped to the end");
    /// ```
    pub fn locate(&mut self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.source.len());
        if offset < self.at {
            *self = Locator::new(self.source);
        }
        let chunk = &self.source[self.at..offset];
        match chunk.rfind('\n') {
            Some(nl) => {
                self.line += chunk.bytes().filter(|&b| b == b'\n').count();
                self.line_start = self.at + nl + 1;
                self.col = self.source[self.line_start..offset].chars().count();
            }
            None => self.col += chunk.chars().count(),
        }
        self.at = offset;
        (self.line, self.col + 1)
    }
}

/// Line and column (1-based, columns in chars) of every offset in `offsets`, in one
/// forward pass over `source` whatever their order: a start and an end per finding cost
/// linear time even on a 50 MB single line.
///
/// ```
/// assert_eq!(copydesk::render::locate_all("ab\ncd", &[4, 0, 3]), [(2, 2), (1, 1), (2, 1)]);
/// ```
#[must_use]
pub fn locate_all(source: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut out = vec![(1, 1); offsets.len()];
    let mut loc = Locator::new(source);
    for i in order {
        let mut at = offsets[i].min(source.len());
        while !source.is_char_boundary(at) {
            at -= 1;
        }
        out[i] = loc.locate(at);
    }
    out
}

/// Start and end (line, column) of each diagnostic of `file`; the end is the position
/// just past the span, as SARIF's `endColumn` and GitHub's `endColumn` want it.
///
/// ```
/// use copydesk::render::{regions, FileReport};
/// let source = "Intro.\nThe the end.";
/// let diagnostics = copydesk::Linter::new().check(source);
/// let file = FileReport { path: "a.txt", source, diagnostics: &diagnostics };
/// assert_eq!(regions(&file), [((2, 1), (2, 8))]);
/// ```
#[must_use]
pub fn regions(file: &FileReport<'_>) -> Vec<((usize, usize), (usize, usize))> {
    let offsets: Vec<usize> = file.diagnostics.iter().flat_map(|d| [d.span.start, d.span.end]).collect();
    let located = locate_all(file.source, &offsets);
    located.chunks(2).map(|p| (p[0], p[1])).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_in_any_order() {
        assert_eq!(
            locate_all(
                "ab
cd",
                &[4, 0, 3, 5]
            ),
            [(2, 2), (1, 1), (2, 1), (2, 3)]
        );
    }

    #[test]
    fn locates_forward_and_backward() {
        let src = "ab\nçd\nef";
        let mut l = Locator::new(src);
        assert_eq!(l.locate(0), (1, 1));
        assert_eq!(l.locate(5), (2, 2));
        assert_eq!(l.locate(7), (3, 1));
        assert_eq!(l.locate(1), (1, 2));
        assert_eq!(l.locate(100), (3, 3));
    }
}
