//! Renderers: the formats `copydesk check` prints.
//!
//! - [`human`]: miette's graphical report with the source snippet (needs the `fancy`
//!   feature);
//! - [`json`]: the stable JSON schema, version 1;
//! - [`compact`]: one `path:line:col: severity[rule]: message` line per finding;
//! - [`table`]: the rule table of `copydesk rules` and the README.

pub mod compact;
#[cfg(feature = "fancy")]
pub mod human;
pub mod json;
pub mod table;

use crate::Diagnostic;

/// One linted file: its display path, source text and findings (sorted by position).
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
    #[must_use]
    pub fn new(source: &'a str) -> Self {
        Locator { source, line: 1, line_start: 0, at: 0, col: 0 }
    }

    /// Line and column of byte `offset` (1-based; column counts chars).
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

#[cfg(test)]
mod tests {
    use super::*;

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
