//! Byte spans into the original input.
//!
//! Every position copydesk reports is a byte offset into the text the caller passed in,
//! end-exclusive and on `char` boundaries (as miette, ruff and typos count). This module
//! holds the one type for that and its single conversion into [`miette::SourceSpan`].
//!
//! Every [`crate::Diagnostic`], [`crate::Token`] and [`crate::Document`] line or
//! paragraph carries a [`Span`]; [`Span::slice`] gives back the text it covers.

use serde::Serialize;

/// A half-open byte range `start..end` into the original input.
///
/// ```
/// use copydesk::Span;
/// let text = "Tickets cost £5.";
/// let price = Span::new(13, 16); // "£" is two bytes
/// assert_eq!(price.slice(text), "£5");
/// assert_eq!(price.len(), 3);
/// assert_eq!(Span::from(0..7).slice(text), "Tickets");
/// let miette: miette::SourceSpan = price.into();
/// assert_eq!((miette.offset(), miette.len()), (13, 3));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// Creates a span; `start` must not exceed `end`.
    ///
    /// ```
    /// let s = copydesk::Span::new(4, 9);
    /// assert_eq!((s.start, s.end), (4, 9));
    /// ```
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Length in bytes.
    ///
    /// ```
    /// assert_eq!(copydesk::Span::new(4, 9).len(), 5);
    /// ```
    #[must_use]
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    ///
    /// ```
    /// use copydesk::Span;
    /// assert!(Span::new(3, 3).is_empty());
    /// assert!(!Span::new(3, 4).is_empty());
    /// ```
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text this span covers in `source`.
    ///
    /// ```
    /// assert_eq!(copydesk::Span::new(4, 9).slice("The quick fox"), "quick");
    /// ```
    ///
    /// # Panics
    /// Panics when the span is out of bounds or not on char boundaries of `source`;
    /// spans made by a [`crate::Document`] of `source` never are.
    #[must_use]
    pub fn slice(self, source: &str) -> &str {
        &source[self.start..self.end]
    }

    /// Whether the two spans share at least one byte.
    ///
    /// ```
    /// use copydesk::Span;
    /// assert!(Span::new(2, 5).overlaps(Span::new(4, 9)));
    /// assert!(!Span::new(2, 5).overlaps(Span::new(5, 9)), "end-exclusive: touching is not overlapping");
    /// ```
    #[must_use]
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies entirely inside this span.
    ///
    /// ```
    /// use copydesk::Span;
    /// assert!(Span::new(2, 9).contains(Span::new(3, 9)));
    /// assert!(!Span::new(2, 9).contains(Span::new(3, 10)));
    /// ```
    #[must_use]
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    ///
    /// ```
    /// use copydesk::Span;
    /// assert_eq!(Span::new(2, 5).cover(Span::new(7, 9)), Span::new(2, 9));
    /// ```
    #[must_use]
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// This span moved right by `offset` bytes.
    ///
    /// A span found in a slice of a text, moved into the whole text:
    ///
    /// ```
    /// use copydesk::Span;
    /// let text = "Intro.\nThe the end.";
    /// let line = &text[7..];
    /// let in_line = Span::new(0, 7); // "The the" in `line`
    /// assert_eq!(in_line.shift(7).slice(text), "The the");
    /// ```
    #[must_use]
    pub const fn shift(self, offset: usize) -> Span {
        Span { start: self.start + offset, end: self.end + offset }
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

impl From<Span> for miette::SourceSpan {
    fn from(span: Span) -> Self {
        miette::SourceSpan::new(span.start.into(), span.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_and_cover() {
        let a = Span::new(2, 5);
        assert!(a.overlaps(Span::new(4, 9)));
        assert!(!a.overlaps(Span::new(5, 9)));
        assert_eq!(a.cover(Span::new(7, 9)), Span::new(2, 9));
        assert!(a.contains(Span::new(3, 5)));
        assert_eq!(a.shift(10), Span::new(12, 15));
    }

    #[test]
    fn converts_to_miette() {
        let s: miette::SourceSpan = Span::new(3, 7).into();
        assert_eq!(s.offset(), 3);
        assert_eq!(s.len(), 4);
    }
}
