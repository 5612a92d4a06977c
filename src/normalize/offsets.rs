//! The offset map between a normalised text and its original.
//!
//! A map is the list of replaced regions, in order: each [`Segment`] says that
//! `original` bytes became `normalized` bytes. Between segments the two texts are equal
//! byte for byte, so a position there maps by a constant shift. Positions inside a
//! replaced region have no exact counterpart: a span start maps to the start of the
//! region and a span end to its end, so a mapped span always covers what it came from.
//! Lookups are binary searches; composing two maps is one merge.
//!
//! [`crate::normalize()`] builds the map ([`crate::normalize::Normalized::map`]); most
//! callers use the shortcuts on [`crate::normalize::Normalized`] instead.
//!
//! ```
//! use copydesk::{normalize, NormalizeOptions, Span};
//! let original = "Itâ€™s";
//! let n = normalize(original, &NormalizeOptions::default());
//! let seg = n.map().segments()[0];
//! assert_eq!((seg.original.slice(original), seg.normalized.slice(n.text())), ("â€™", "’"));
//! // A position inside a replaced region maps to the region's start.
//! assert_eq!(n.map().to_original(3), 2);
//! ```

use crate::Span;

/// One replaced region: `original` in the input became `normalized` in the output.
///
/// ```
/// use copydesk::{normalize::Segment, normalize, Span};
/// let n = normalize("A&amp;B", &Default::default());
/// assert_eq!(n.map().segments(), [Segment { original: Span::new(1, 6), normalized: Span::new(1, 2) }]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    /// The bytes of the original text that were replaced.
    pub original: Span,
    /// The bytes of the normalised text that replaced them.
    pub normalized: Span,
}

/// Which side of an ambiguous position to take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Bias {
    /// The start of a span: after text deleted at that point, at the start of a region.
    Start,
    /// The end of a span: before text deleted at that point, at the end of a region.
    End,
}

/// An exact, monotone map between byte positions of a normalised text and its original.
///
/// ```
/// use copydesk::{normalize, Span};
/// let original = "x\u{200b}\u{200b}y";
/// let n = normalize(original, &Default::default());
/// let map = n.map();
/// assert_eq!(n.text(), "xy");
/// assert_eq!(map.to_original(1), 7, "after the deleted run");
/// assert_eq!(map.to_original_span(Span::new(0, 2)), Span::new(0, 8));
/// assert_eq!(map.to_normalized(4), 1, "inside the deletion");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    segments: Vec<Segment>,
    original_len: usize,
    normalized_len: usize,
}

impl OffsetMap {
    /// The map of a text of `len` bytes that nothing changed.
    ///
    /// ```
    /// let m = copydesk::normalize::OffsetMap::identity(10);
    /// assert!(m.is_identity());
    /// assert_eq!((m.to_original(4), m.to_normalized(4)), (4, 4));
    /// ```
    #[must_use]
    pub fn identity(len: usize) -> Self {
        OffsetMap { segments: Vec::new(), original_len: len, normalized_len: len }
    }

    /// Builds a map from replaced regions, which must be in order and not overlap on
    /// either side.
    pub(crate) fn from_segments(segments: Vec<Segment>, original_len: usize, normalized_len: usize) -> Self {
        debug_assert!(segments
            .windows(2)
            .all(|w| w[0].original.end <= w[1].original.start && w[0].normalized.end <= w[1].normalized.start));
        OffsetMap { segments, original_len, normalized_len }
    }

    /// The replaced regions, in order.
    ///
    /// ```
    /// let n = copydesk::normalize("a&amp;b&lt;c", &Default::default());
    /// assert_eq!(n.map().segments().len(), 2);
    /// ```
    #[must_use]
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// Whether the two texts are identical.
    ///
    /// ```
    /// assert!(copydesk::normalize("plain", &Default::default()).map().is_identity());
    /// ```
    #[must_use]
    pub fn is_identity(&self) -> bool {
        self.segments.is_empty()
    }

    /// Length of the original text in bytes.
    ///
    /// ```
    /// assert_eq!(copydesk::normalize("a\u{200b}", &Default::default()).map().original_len(), 4);
    /// ```
    #[must_use]
    pub fn original_len(&self) -> usize {
        self.original_len
    }

    /// Length of the normalised text in bytes.
    ///
    /// ```
    /// assert_eq!(copydesk::normalize("a\u{200b}", &Default::default()).map().normalized_len(), 1);
    /// ```
    #[must_use]
    pub fn normalized_len(&self) -> usize {
        self.normalized_len
    }

    /// The original position of normalised byte position `pos` (clamped to the text).
    /// Inside a replaced region it is the region's start; where text was deleted, the
    /// position after the deletion.
    ///
    /// ```
    /// let n = copydesk::normalize("&quot;Hi&quot;", &Default::default());
    /// assert_eq!(n.text(), "\"Hi\"");
    /// assert_eq!(n.map().to_original(1), 6); // "H"
    /// assert_eq!(n.map().to_original(99), 14, "clamped to the end");
    /// ```
    #[must_use]
    pub fn to_original(&self, pos: usize) -> usize {
        let pos = pos.min(self.normalized_len);
        map(&self.segments, pos, |s| s.normalized, |s| s.original, Bias::Start)
    }

    /// The original span a normalised span came from: it covers every original byte
    /// that contributed to the normalised span.
    ///
    /// ```
    /// use copydesk::Span;
    /// let original = "&quot;Hi&quot;";
    /// let n = copydesk::normalize(original, &Default::default());
    /// assert_eq!(n.map().to_original_span(Span::new(0, 4)).slice(original), original);
    /// ```
    #[must_use]
    pub fn to_original_span(&self, span: Span) -> Span {
        map_span(&self.segments, span, self.normalized_len, |s| s.normalized, |s| s.original)
    }

    /// The normalised position of original byte position `pos` (clamped to the text).
    ///
    /// ```
    /// let n = copydesk::normalize("&quot;Hi&quot;", &Default::default());
    /// assert_eq!(n.map().to_normalized(6), 1);
    /// ```
    #[must_use]
    pub fn to_normalized(&self, pos: usize) -> usize {
        let pos = pos.min(self.original_len);
        map(&self.segments, pos, |s| s.original, |s| s.normalized, Bias::Start)
    }

    /// The normalised span an original span became.
    ///
    /// ```
    /// use copydesk::Span;
    /// let n = copydesk::normalize("&quot;Hi&quot;", &Default::default());
    /// assert_eq!(n.map().to_normalized_span(Span::new(6, 8)).slice(n.text()), "Hi");
    /// ```
    #[must_use]
    pub fn to_normalized_span(&self, span: Span) -> Span {
        map_span(&self.segments, span, self.original_len, |s| s.original, |s| s.normalized)
    }

    /// The map of applying `self` (original → middle) and then `next` (middle →
    /// output): original → output.
    ///
    /// Normalising in two passes and composing the maps gives the map of one pass:
    ///
    /// ```
    /// use copydesk::{normalize, NormalizeOptions, Span};
    /// let original = "&amp;Pop\u{200b}star";
    /// let mut entities = NormalizeOptions::none();
    /// entities.html_entities = true;
    /// let mut invisible = NormalizeOptions::none();
    /// invisible.invisible = true;
    /// let first = normalize(original, &entities);
    /// let second = normalize(first.text(), &invisible);
    /// assert_eq!(second.text(), "&Popstar");
    /// let map = first.map().then(second.map());
    /// assert_eq!(map.to_original_span(Span::new(1, 8)).slice(original), "Pop\u{200b}star");
    /// assert_eq!((map.original_len(), map.normalized_len()), (original.len(), 8));
    /// ```
    #[must_use]
    pub fn then(&self, next: &OffsetMap) -> OffsetMap {
        if self.segments.is_empty() {
            return OffsetMap { original_len: self.original_len, ..next.clone() };
        }
        if next.segments.is_empty() {
            return OffsetMap { normalized_len: next.normalized_len, ..self.clone() };
        }
        let (a, b) = (&self.segments, &next.segments);
        let mut out = Vec::with_capacity(a.len() + b.len());
        let (mut i, mut j) = (0, 0);
        // Merge both lists by their middle-text span; overlapping (or touching, where
        // one is empty) regions form one group, which becomes one output segment.
        while i < a.len() || j < b.len() {
            let take_a = j >= b.len() || (i < a.len() && key(a[i].normalized) <= key(b[j].original));
            let first = if take_a { a[i].normalized } else { b[j].original };
            let (gs, mut ge) = (first.start, first.end);
            let (a0, b0) = (i, j);
            if take_a {
                i += 1;
            } else {
                j += 1;
            }
            loop {
                let next_a = i < a.len() && (j >= b.len() || key(a[i].normalized) <= key(b[j].original));
                let next = if next_a {
                    a[i].normalized
                } else if j < b.len() {
                    b[j].original
                } else {
                    break;
                };
                if !(next.start < ge || (next.start == ge && (next.is_empty() || gs == ge))) {
                    break;
                }
                ge = ge.max(next.end);
                if next_a {
                    i += 1;
                } else {
                    j += 1;
                }
            }
            let (ga, gb) = (&a[a0..i], &b[b0..j]);
            let orig_start = match ga.first() {
                Some(s) if s.normalized.start == gs => s.original.start,
                _ => map(a, gs, |s| s.normalized, |s| s.original, Bias::Start),
            };
            let orig_end = match ga.last() {
                Some(s) if s.normalized.end == ge => s.original.end,
                _ => map(a, ge, |s| s.normalized, |s| s.original, Bias::End),
            };
            let out_start = match gb.first() {
                Some(s) if s.original.start == gs => s.normalized.start,
                _ => map(b, gs, |s| s.original, |s| s.normalized, Bias::Start),
            };
            let out_end = match gb.last() {
                Some(s) if s.original.end == ge => s.normalized.end,
                _ => map(b, ge, |s| s.original, |s| s.normalized, Bias::End),
            };
            out.push(Segment {
                original: Span::new(orig_start, orig_end.max(orig_start)),
                normalized: Span::new(out_start, out_end.max(out_start)),
            });
        }
        OffsetMap::from_segments(out, self.original_len, next.normalized_len)
    }
}

fn key(s: Span) -> (usize, usize) {
    (s.start, s.end)
}

/// Maps `pos` from the `from` side to the `to` side of `segs`.
fn map(segs: &[Segment], pos: usize, from: fn(&Segment) -> Span, to: fn(&Segment) -> Span, bias: Bias) -> usize {
    let k = segs.partition_point(|s| from(s).end <= pos);
    if let Some(s) = segs.get(k) {
        if from(s).start < pos {
            return match bias {
                Bias::Start => to(s).start,
                Bias::End => to(s).end,
            };
        }
    }
    let before = match bias {
        Bias::Start => k,
        Bias::End => segs.partition_point(|s| from(s).start < pos),
    };
    match before.checked_sub(1) {
        None => pos,
        Some(i) => pos - from(&segs[i]).end + to(&segs[i]).end,
    }
}

fn map_span(segs: &[Segment], span: Span, len: usize, from: fn(&Segment) -> Span, to: fn(&Segment) -> Span) -> Span {
    let start = map(segs, span.start.min(len), from, to, Bias::Start);
    if span.is_empty() {
        return Span::new(start, start);
    }
    let end = map(segs, span.end.min(len), from, to, Bias::End);
    Span::new(start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(o: (usize, usize), n: (usize, usize)) -> Segment {
        Segment { original: Span::new(o.0, o.1), normalized: Span::new(n.0, n.1) }
    }

    #[test]
    fn maps_positions_and_spans() {
        // "a&amp;b\u{200B}c" -> "a&bc": [1,6) -> [1,2), [7,10) -> [3,3)
        let m = OffsetMap::from_segments(vec![seg((1, 6), (1, 2)), seg((7, 10), (3, 3))], 11, 4);
        assert_eq!(m.to_original(0), 0);
        assert_eq!(m.to_original(1), 1);
        assert_eq!(m.to_original(2), 6);
        assert_eq!(m.to_original(3), 10);
        assert_eq!(m.to_original_span(Span::new(1, 2)), Span::new(1, 6));
        assert_eq!(m.to_original_span(Span::new(2, 3)), Span::new(6, 7));
        assert_eq!(m.to_original_span(Span::new(3, 4)), Span::new(10, 11));
        assert_eq!(m.to_normalized(8), 3);
        assert_eq!(m.to_normalized_span(Span::new(0, 11)), Span::new(0, 4));
    }

    #[test]
    fn composes_overlapping_and_touching_regions() {
        // orig "xAByz" -> mid "xCyz" ([1,3) -> [1,2)) -> out "xDDz" ([1,3) -> [1,3))
        let a = OffsetMap::from_segments(vec![seg((1, 3), (1, 2))], 5, 4);
        let b = OffsetMap::from_segments(vec![seg((1, 3), (1, 3))], 4, 4);
        let c = a.then(&b);
        assert_eq!(c.segments(), &[seg((1, 4), (1, 3))]);
        // A deletion and an insertion at the same point become one region.
        let a = OffsetMap::from_segments(vec![seg((2, 4), (2, 2))], 6, 4);
        let b = OffsetMap::from_segments(vec![seg((2, 2), (2, 3))], 4, 5);
        assert_eq!(a.then(&b).segments(), &[seg((2, 4), (2, 3))]);
        // Disjoint regions shift.
        let a = OffsetMap::from_segments(vec![seg((0, 3), (0, 1))], 10, 8);
        let b = OffsetMap::from_segments(vec![seg((5, 6), (5, 5))], 8, 7);
        assert_eq!(a.then(&b).segments(), &[seg((0, 3), (0, 1)), seg((7, 8), (5, 5))]);
    }
}
